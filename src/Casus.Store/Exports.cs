using System.Buffers;
using System.Collections;
using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using DuckDB.NET.Data;

namespace Casus.Store;

public sealed partial class EventStore
{
    /// <summary>
    /// The 61 columns of the GDELT 2.0 event table, in the codebook's order. Casus fills what it codes; what it does
    /// not produce is left empty: known-group, ethnic and religion codes, actor geography (type 0), ADM2 codes and
    /// AvgTone (no tone model). Country codes are ISO3/CAMEO, not GDELT's FIPS for geography.
    /// </summary>
    public static IReadOnlyList<string> GdeltColumns { get; } =
    [
        "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
        "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
        "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
        "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
        "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
        "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
        "NumMentions", "NumSources", "NumArticles", "AvgTone",
        "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
        "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
        "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
        "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
        "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
        "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
        "DATEADDED", "SOURCEURL",
    ];

    /// <summary>
    /// Writes merged events as the GDELT 2.0 event table (tab-separated, header line first, '\n' line ends); returns
    /// the number of events. See <see cref="GdeltColumns"/> for what is left empty.
    /// </summary>
    public int ExportGdelt(TextWriter output, EventFilter? filter = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        EnsureMerged();
        var parameters = new List<DuckDBParameter>();
        var where = (filter ?? EventFilter.All).ToSql("e", StoreLevel.Events, parameters);
        var columns = string.Join(", ", EventRow.Columns.Split(", ").Select(c => "e." + c));
        using var command = Command(
            $"SELECT {columns}, d.url FROM events e JOIN documents d ON d.doc_id = e.first_doc_id {where} ORDER BY e.date, e.event_id",
            parameters);
        using var r = command.ExecuteReader();
        output.Write(string.Join('\t', GdeltColumns));
        output.Write('\n');
        var cells = new string[GdeltColumns.Count];
        var count = 0;
        while (r.Read())
        {
            var e = EventRow.Read(r);
            var url = GetString(r, 41) ?? e.FirstDocId;
            GdeltRow(e, url, cells);
            for (var i = 0; i < cells.Length; i++)
            {
                if (i > 0)
                {
                    output.Write('\t');
                }
                output.Write(cells[i]);
            }
            output.Write('\n');
            count++;
        }
        return count;
    }

    private static void GdeltRow(EventRow e, string url, string[] cells)
    {
        Array.Fill(cells, "");
        var inv = CultureInfo.InvariantCulture;
        cells[0] = e.GlobalId.ToString(inv);
        if (e.Date is { } d)
        {
            cells[1] = d.ToString("yyyyMMdd", inv);
            cells[2] = d.ToString("yyyyMM", inv);
            cells[3] = d.Year.ToString(inv);
            // The codebook's FractionDate: year + ((month - 1) * 30 + day) / 365, four decimals.
            cells[4] = (d.Year + ((d.Month - 1) * 30 + d.Day) / 365.0).ToString("0.0000", inv);
        }
        Actor(cells, 5, e.SourceCode, e.SourceName, e.SourceCountry, e.SourceSector);
        Actor(cells, 15, e.TargetCode, e.TargetName, e.TargetCountry, e.TargetSector);
        cells[25] = e.IsRootEvent ? "1" : "0";
        cells[26] = e.Cameo ?? "";
        cells[27] = e.Cameo is { Length: > 3 } c ? c[..3] : e.Cameo ?? "";
        cells[28] = e.Root ?? "";
        cells[29] = e.QuadClass?.ToString(inv) ?? "";
        cells[30] = e.Goldstein?.ToString("R", inv) ?? "";
        cells[31] = e.NumMentions.ToString(inv);
        cells[32] = e.NumSources.ToString(inv);
        cells[33] = e.NumArticles.ToString(inv);
        cells[35] = "0";
        cells[43] = "0";
        cells[51] = GeoType(e.LocPrecision, e.LocCountry, e.LocName is not null || e.LocCountry is not null).ToString(inv);
        cells[52] = e.LocName ?? "";
        cells[53] = e.LocCountry ?? "";
        cells[54] = e.LocAdmin1 ?? "";
        cells[56] = e.LocLat?.ToString("R", inv) ?? "";
        cells[57] = e.LocLon?.ToString("R", inv) ?? "";
        cells[58] = e.LocGeonameId?.ToString(inv) ?? "";
        cells[59] = e.DateAdded?.ToString("yyyyMMddHHmmss", inv) ?? "";
        cells[60] = Clean(url);
    }

    private static void Actor(string[] cells, int at, string? code, string? name, string? country, string? sector)
    {
        cells[at] = code ?? "";
        cells[at + 1] = Clean(name);
        cells[at + 2] = country ?? "";
        // Type codes: the sector split into three-letter CAMEO role codes (GOVMIL -> GOV, MIL).
        if (sector is not null)
        {
            for (int i = 0, slot = 0; i + 3 <= sector.Length && slot < 3; i += 3, slot++)
            {
                cells[at + 7 + slot] = sector.Substring(i, 3);
            }
        }
    }

    /// <summary>GDELT geography type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state; 0 none.</summary>
    private static int GeoType(string? precision, string? country, bool any) => !any ? 0 : precision switch
    {
        "country" or null => 1,
        "admin1" => country == "USA" ? 2 : 5,
        _ => country == "USA" ? 3 : 4,
    };

    /// <summary>Tabs and line breaks cannot occur inside a TSV cell.</summary>
    private static string Clean(string? value) =>
        value is null ? "" : value.IndexOfAny(['\t', '\n', '\r']) < 0 ? value : value.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');

    /// <summary>
    /// Writes merged events as PLOVER JSON Lines (the PLOVER manual's data fields: id, date, actor, recipient, event,
    /// event_loc, quad_code, event_scale, context, event_text, text, text_info, cite_info, coder, size) plus Casus
    /// fields (cameo, counts, first/last report, mention ids). PLOVER modes are not coded, so <c>mode</c> is absent;
    /// <c>context</c> carries only the auxiliary modes that follow from the modality (negation, hypothetical,
    /// future). Returns the number of events.
    /// </summary>
    public int ExportPlover(TextWriter output, EventFilter? filter = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        EnsureMerged();
        var parameters = new List<DuckDBParameter>();
        var where = (filter ?? EventFilter.All).ToSql("e", StoreLevel.Events, parameters);
        var columns = string.Join(", ", EventRow.Columns.Split(", ").Select(c => "e." + c));
        using var command = Command(
            $"""
            SELECT {columns}, m.trigger_text, m.text, m.sentence, m.text_start, m.text_end, m.coder,
                   rd.url, rd.title, rd.source,
                   (SELECT string_agg(em.mention_id, ' ' ORDER BY em.ordinal) FROM event_mentions em WHERE em.event_id = e.event_id)
            FROM events e JOIN mentions m ON m.mention_id = e.representative JOIN documents rd ON rd.doc_id = m.doc_id
            {where} ORDER BY e.date, e.event_id
            """, parameters);
        using var r = command.ExecuteReader();
        var buffer = new ArrayBufferWriter<byte>();
        var count = 0;
        while (r.Read())
        {
            var e = EventRow.Read(r);
            buffer.Clear();
            using (var w = new Utf8JsonWriter(buffer))
            {
                WritePlover(w, e, r);
            }
            output.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
            output.Write('\n');
            count++;
        }
        return count;
    }

    private static void WritePlover(Utf8JsonWriter w, EventRow e, DbDataReader r)
    {
        const int O = 41;
        w.WriteStartObject();
        w.WriteString("id", e.EventId);
        WriteDate(w, "date", e.Date);
        if (e.EndDate is { } end && end != e.Date)
        {
            WriteDate(w, "enddate", end);
        }
        w.WritePropertyName("actor");
        WriteEntities(w, e.SourceCode, e.SourceCountry, e.SourceSector, e.SourceName);
        if (e.TargetCode is not null || e.TargetCountry is not null)
        {
            w.WritePropertyName("recipient");
            WriteEntities(w, e.TargetCode, e.TargetCountry, e.TargetSector, e.TargetName);
        }
        w.WriteStartArray("event");
        if (e.Plover is not null)
        {
            w.WriteStringValue(e.Plover);
        }
        w.WriteEndArray();
        if (e.LocName is not null || e.LocCountry is not null)
        {
            w.WriteStartObject("event_loc");
            WriteOptional(w, "resolved_place", e.LocName);
            if (e.LocGeonameId is { } g)
            {
                w.WriteNumber("geonameid", g);
            }
            if (e.LocLat is { } lat && e.LocLon is { } lon)
            {
                w.WriteNumber("lat", lat);
                w.WriteNumber("lon", lon);
            }
            WriteOptional(w, "province", e.LocAdmin1);
            WriteOptional(w, "country_code", e.LocCountry);
            var resolution = e.LocPrecision switch { "country" => 1, "admin1" => 2, "city" => 4, "site" => 5, _ => 0 };
            if (resolution > 0)
            {
                w.WriteNumber("resolution", resolution);
            }
            w.WriteEndObject();
        }
        if (e.QuadClass is { } quad)
        {
            w.WriteNumber("quad_code", quad);
        }
        if (e.Goldstein is { } goldstein)
        {
            w.WriteNumber("event_scale", goldstein);
        }
        var context = e.Modality switch
        {
            "negated" or "denied" => "negation",
            "hypothetical" or "threatened" => "hypothetical",
            "intended" => "future",
            _ => null,
        };
        if (context is not null)
        {
            w.WriteStartArray("context");
            w.WriteStringValue(context);
            w.WriteEndArray();
        }
        if (GetString(r, O) is { } trigger)
        {
            w.WriteStartArray("event_text");
            w.WriteStringValue(trigger);
            w.WriteEndArray();
        }
        WriteOptional(w, "text", GetString(r, O + 1));
        w.WriteStartObject("text_info");
        if (GetInt(r, O + 2) is { } sequence)
        {
            w.WriteNumber("sequence", sequence);
        }
        if (GetInt(r, O + 3) is { } start && GetInt(r, O + 4) is { } stop)
        {
            w.WriteNumber("start", start);
            w.WriteNumber("end", stop);
        }
        w.WriteEndObject();
        w.WriteStartObject("cite_info");
        w.WriteString("citation", e.FirstDocId);
        WriteOptional(w, "url", GetString(r, O + 6));
        WriteOptional(w, "title", GetString(r, O + 7));
        WriteOptional(w, "publication", GetString(r, O + 8));
        WriteOptional(w, "coder", GetString(r, O + 5));
        w.WriteString("codebook", "CAMEO 1.1b3, PLOVER via CAMEO2PLOVER-2021");
        w.WriteEndObject();
        WriteOptional(w, "coder", GetString(r, O + 5));
        if (e.Killed is not null || e.Injured is not null || e.Arrested is not null)
        {
            w.WriteStartObject("size");
            if (e.Killed is { } k)
            {
                w.WriteNumber("dead", k);
            }
            if (e.Injured is { } i)
            {
                w.WriteNumber("injured", i);
            }
            if (e.Arrested is { } a)
            {
                w.WriteNumber("arrested", a);
            }
            w.WriteEndObject();
        }
        WriteOptional(w, "modality", e.Modality);
        WriteOptional(w, "cameo", e.Cameo);
        w.WriteNumber("num_mentions", e.NumMentions);
        w.WriteNumber("num_sources", e.NumSources);
        w.WriteNumber("num_articles", e.NumArticles);
        WriteDate(w, "first_report", e.FirstReport);
        WriteDate(w, "last_report", e.LastReport);
        w.WriteStartArray("mentions");
        if (GetString(r, O + 9) is { } ids)
        {
            foreach (var id in ids.Split(' '))
            {
                w.WriteStringValue(id);
            }
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteEntities(Utf8JsonWriter w, string? code, string? country, string? sector, string? name)
    {
        w.WriteStartArray();
        if (code is not null || country is not null)
        {
            w.WriteStartObject();
            WriteOptional(w, "code", country ?? code);
            WriteOptional(w, "sector", sector);
            WriteOptional(w, "entity_text", name);
            WriteOptional(w, "actor_code", code);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void WriteDate(Utf8JsonWriter w, string name, DateOnly? date)
    {
        if (date is { } d)
        {
            w.WriteString(name, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>
    /// Writes events (every column of <c>events</c>) or mentions (every column of <c>mentions</c> plus the document's
    /// date, title and URL) as RFC 4180 CSV with a header; returns the number of rows.
    /// </summary>
    public int ExportCsv(TextWriter output, EventFilter? filter = null, StoreLevel level = StoreLevel.Events)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var command = ExportCommand(filter ?? EventFilter.All, level, out _);
        using var reader = command.ExecuteReader();
        return TableWriter.WriteCsv(reader, output);
    }

    /// <summary>
    /// Writes events or mentions (the same columns as <see cref="ExportCsv"/>) to a Parquet file with DuckDB's
    /// <c>COPY ... (FORMAT PARQUET)</c>; returns the number of rows.
    /// </summary>
    public int ExportParquet(string path, EventFilter? filter = null, StoreLevel level = StoreLevel.Events)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var select = ExportCommand(filter ?? EventFilter.All, level, out var parameters);
        // COPY takes its target as a literal; quotes are doubled, so the path cannot end the literal.
        var target = System.IO.Path.GetFullPath(path).Replace("'", "''", StringComparison.Ordinal);
        using var command = Command($"COPY ({select.CommandText}) TO '{target}' (FORMAT PARQUET)", parameters);
        return command.ExecuteNonQuery();
    }

    private DuckDBCommand ExportCommand(EventFilter filter, StoreLevel level, out List<DuckDBParameter> parameters)
    {
        parameters = [];
        if (level == StoreLevel.Events)
        {
            EnsureMerged();
            var where = filter.ToSql("e", StoreLevel.Events, parameters);
            return Command($"SELECT e.* FROM events e {where} ORDER BY e.date, e.event_id", parameters);
        }
        var mentionWhere = filter.ToSql("m", StoreLevel.Mentions, parameters);
        return Command(
            $"WITH m AS MATERIALIZED (SELECT * FROM mentions m {mentionWhere}) SELECT m.*, d.date AS report_date, d.title, d.url FROM m JOIN documents d ON d.doc_id = m.doc_id ORDER BY m.date, m.mention_id",
            parameters);
    }
}

/// <summary>Writes query results as CSV, JSON Lines or aligned text. Stateless.</summary>
internal static class TableWriter
{
    public static string Cell(object? value) => value switch
    {
        null or DBNull => "",
        string s => s,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        double x => x.ToString("R", CultureInfo.InvariantCulture),
        float x => x.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable e => string.Join(' ', e.Cast<object?>().Select(Cell)),
        _ => value.ToString() ?? "",
    };

    public static string Csv(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\n\r") < 0 ? cell : "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static int WriteCsv(DbDataReader reader, TextWriter output)
    {
        for (var i = 0; i < reader.FieldCount; i++)
        {
            output.Write(i == 0 ? "" : ",");
            output.Write(Csv(reader.GetName(i)));
        }
        output.Write('\n');
        var rows = 0;
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                output.Write(i == 0 ? "" : ",");
                output.Write(Csv(Cell(reader.IsDBNull(i) ? null : reader.GetValue(i))));
            }
            output.Write('\n');
            rows++;
        }
        return rows;
    }
}
