using System.Data.Common;
using System.Globalization;
using System.Text;
using DuckDB.NET.Data;

namespace Casus.Store;

/// <summary>A latitude/longitude box (inclusive; no antimeridian wrap).</summary>
/// <param name="MinLat">Southern edge.</param>
/// <param name="MinLon">Western edge.</param>
/// <param name="MaxLat">Northern edge.</param>
/// <param name="MaxLon">Eastern edge.</param>
public readonly record struct BoundingBox(double MinLat, double MinLon, double MaxLat, double MaxLon)
{
    /// <summary>Parses <c>minLat,minLon,maxLat,maxLon</c>.</summary>
    public static bool TryParse(string text, out BoundingBox box)
    {
        box = default;
        var parts = text.Split(',');
        if (parts.Length != 4)
        {
            return false;
        }
        var values = new double[4];
        for (var i = 0; i < 4; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]))
            {
                return false;
            }
        }
        if (values[0] > values[2] || values[1] > values[3] || values[0] < -90 || values[2] > 90 || values[1] < -180 || values[3] > 180)
        {
            return false;
        }
        box = new BoundingBox(values[0], values[1], values[2], values[3]);
        return true;
    }
}

/// <summary>
/// Which events (or mentions) to select. Every set property narrows the selection (AND); actor codes match by
/// prefix (<c>IRN</c> matches <c>IRNMIL</c>), countries and codes exactly. Immutable.
/// </summary>
public sealed record EventFilter
{
    /// <summary>Everything.</summary>
    public static EventFilter All { get; } = new();

    /// <summary>Source or target actor code starts with this.</summary>
    public string? Actor { get; init; }

    /// <summary>Source actor code starts with this.</summary>
    public string? Source { get; init; }

    /// <summary>Target actor code starts with this.</summary>
    public string? Target { get; init; }

    /// <summary>Source or target country is this.</summary>
    public string? Country { get; init; }

    /// <summary>Source country is this.</summary>
    public string? SourceCountry { get; init; }

    /// <summary>Target country is this.</summary>
    public string? TargetCountry { get; init; }

    /// <summary>
    /// A dyad of two actors, each matched as an actor code prefix or a country: (A, B) matches A acting on B and,
    /// unless <see cref="DyadDirected"/>, B acting on A.
    /// </summary>
    public (string A, string B)? Dyad { get; init; }

    /// <summary>Only A acting on B for <see cref="Dyad"/>.</summary>
    public bool DyadDirected { get; init; }

    /// <summary>CAMEO root (two digits).</summary>
    public string? Root { get; init; }

    /// <summary>CAMEO code starts with this.</summary>
    public string? Cameo { get; init; }

    /// <summary>Quad class 1..4.</summary>
    public int? QuadClass { get; init; }

    /// <summary>PLOVER type (case-insensitive).</summary>
    public string? Plover { get; init; }

    /// <summary>Place name contains this (case-insensitive).</summary>
    public string? Place { get; init; }

    /// <summary>Place country is this.</summary>
    public string? PlaceCountry { get; init; }

    /// <summary>Place inside this box.</summary>
    public BoundingBox? Box { get; init; }

    /// <summary>Event date on or after this.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Event date on or before this.</summary>
    public DateOnly? To { get; init; }

    /// <summary>Modality (asserted, negated, ...).</summary>
    public string? Modality { get; init; }

    /// <summary><c>event</c> or <c>incident</c>.</summary>
    public string? Kind { get; init; }

    /// <summary>Some report's sentence contains this (case-insensitive).</summary>
    public string? Text { get; init; }

    /// <summary>
    /// The WHERE clause (starting with <c>WHERE</c>, or empty) over a table aliased <paramref name="alias"/>, with its
    /// parameters appended to <paramref name="parameters"/>. Only parameters carry user values.
    /// </summary>
    internal string ToSql(string alias, StoreLevel level, List<DuckDBParameter> parameters)
    {
        var clauses = new List<string>();
        string P(object value)
        {
            var name = "f" + parameters.Count.ToString(CultureInfo.InvariantCulture);
            parameters.Add(new DuckDBParameter(name, value));
            return "$" + name;
        }
        string ActorMatch(string side, string value)
        {
            var p = P(value);
            return $"(starts_with({alias}.{side}_code, {p}) OR {alias}.{side}_country = {p})";
        }
        if (Actor is not null)
        {
            var p = P(Actor);
            clauses.Add($"(starts_with({alias}.source_code, {p}) OR starts_with({alias}.target_code, {p}))");
        }
        if (Source is not null)
        {
            clauses.Add($"starts_with({alias}.source_code, {P(Source)})");
        }
        if (Target is not null)
        {
            clauses.Add($"starts_with({alias}.target_code, {P(Target)})");
        }
        if (Country is not null)
        {
            var p = P(Country);
            clauses.Add($"({alias}.source_country = {p} OR {alias}.target_country = {p})");
        }
        if (SourceCountry is not null)
        {
            clauses.Add($"{alias}.source_country = {P(SourceCountry)}");
        }
        if (TargetCountry is not null)
        {
            clauses.Add($"{alias}.target_country = {P(TargetCountry)}");
        }
        if (Dyad is var (a, b))
        {
            var forward = $"({ActorMatch("source", a)} AND {ActorMatch("target", b)})";
            clauses.Add(DyadDirected ? forward : $"({forward} OR ({ActorMatch("source", b)} AND {ActorMatch("target", a)}))");
        }
        if (Root is not null)
        {
            clauses.Add($"{alias}.root = {P(Root)}");
        }
        if (Cameo is not null)
        {
            clauses.Add($"starts_with({alias}.cameo, {P(Cameo)})");
        }
        if (QuadClass is { } quad)
        {
            clauses.Add($"{alias}.quad_class = {P(quad)}");
        }
        if (Plover is not null)
        {
            clauses.Add($"upper({alias}.plover) = upper({P(Plover)})");
        }
        if (Place is not null)
        {
            clauses.Add($"contains(lower({alias}.loc_name), lower({P(Place)}))");
        }
        if (PlaceCountry is not null)
        {
            clauses.Add($"{alias}.loc_country = {P(PlaceCountry)}");
        }
        if (Box is { } box)
        {
            clauses.Add($"{alias}.loc_lat BETWEEN {P(box.MinLat)} AND {P(box.MaxLat)} AND {alias}.loc_lon BETWEEN {P(box.MinLon)} AND {P(box.MaxLon)}");
        }
        if (From is { } from)
        {
            clauses.Add($"{alias}.date >= {P(from)}");
        }
        if (To is { } to)
        {
            clauses.Add($"{alias}.date <= {P(to)}");
        }
        if (Modality is not null)
        {
            clauses.Add($"{alias}.modality = {P(Modality)}");
        }
        if (Kind is not null)
        {
            clauses.Add($"{alias}.kind = {P(Kind)}");
        }
        if (Text is not null)
        {
            var p = P(Text);
            clauses.Add(level == StoreLevel.Mentions
                ? $"contains(lower({alias}.text), lower({p}))"
                : $"EXISTS (SELECT 1 FROM event_mentions em_ JOIN mentions m_ ON m_.mention_id = em_.mention_id WHERE em_.event_id = {alias}.event_id AND contains(lower(m_.text), lower({p})))");
        }
        return clauses.Count == 0 ? "" : "WHERE " + string.Join(" AND ", clauses);
    }
}

/// <summary>Which page of results: at most <paramref name="Limit"/> rows after skipping <paramref name="Offset"/>.</summary>
/// <param name="Limit">Maximum rows (null: all).</param>
/// <param name="Offset">Rows to skip.</param>
public sealed record Paging(int? Limit = 100, int Offset = 0)
{
    /// <summary>Every row.</summary>
    public static Paging Unlimited { get; } = new(null, 0);
}

/// <summary>A merged event as stored in <c>events</c> (columns described in Schema.sql). Immutable.</summary>
public sealed record EventRow
{
    /// <summary>16 hex chars.</summary>
    public required string EventId { get; init; }
    /// <summary>Numeric id (GDELT GLOBALEVENTID).</summary>
    public long GlobalId { get; init; }
    /// <summary>event or incident.</summary>
    public required string Kind { get; init; }
    /// <summary>Earliest event date.</summary>
    public DateOnly? Date { get; init; }
    /// <summary>Latest event date.</summary>
    public DateOnly? EndDate { get; init; }
    /// <summary>Earliest report date.</summary>
    public DateOnly? FirstReport { get; init; }
    /// <summary>Latest report date.</summary>
    public DateOnly? LastReport { get; init; }
    /// <summary>Source actor code.</summary>
    public string? SourceCode { get; init; }
    /// <summary>Source country.</summary>
    public string? SourceCountry { get; init; }
    /// <summary>Source sector.</summary>
    public string? SourceSector { get; init; }
    /// <summary>Source name.</summary>
    public string? SourceName { get; init; }
    /// <summary>Target actor code.</summary>
    public string? TargetCode { get; init; }
    /// <summary>Target country.</summary>
    public string? TargetCountry { get; init; }
    /// <summary>Target sector.</summary>
    public string? TargetSector { get; init; }
    /// <summary>Target name.</summary>
    public string? TargetName { get; init; }
    /// <summary>CAMEO code.</summary>
    public string? Cameo { get; init; }
    /// <summary>CAMEO root.</summary>
    public string? Root { get; init; }
    /// <summary>PLOVER type.</summary>
    public string? Plover { get; init; }
    /// <summary>Quad class.</summary>
    public int? QuadClass { get; init; }
    /// <summary>Goldstein value.</summary>
    public double? Goldstein { get; init; }
    /// <summary>Modality.</summary>
    public string? Modality { get; init; }
    /// <summary>Place name.</summary>
    public string? LocName { get; init; }
    /// <summary>Place country.</summary>
    public string? LocCountry { get; init; }
    /// <summary>Place admin1.</summary>
    public string? LocAdmin1 { get; init; }
    /// <summary>Latitude.</summary>
    public double? LocLat { get; init; }
    /// <summary>Longitude.</summary>
    public double? LocLon { get; init; }
    /// <summary>GeoNames id.</summary>
    public long? LocGeonameId { get; init; }
    /// <summary>Place precision.</summary>
    public string? LocPrecision { get; init; }
    /// <summary>Mentions.</summary>
    public int NumMentions { get; init; }
    /// <summary>Distinct sources.</summary>
    public int NumSources { get; init; }
    /// <summary>Distinct articles.</summary>
    public int NumArticles { get; init; }
    /// <summary>Highest confidence.</summary>
    public double? Confidence { get; init; }
    /// <summary>Killed (highest reported).</summary>
    public int? Killed { get; init; }
    /// <summary>Injured.</summary>
    public int? Injured { get; init; }
    /// <summary>Missing.</summary>
    public int? Missing { get; init; }
    /// <summary>Arrested.</summary>
    public int? Arrested { get; init; }
    /// <summary>Displaced.</summary>
    public int? Displaced { get; init; }
    /// <summary>In the first sentences of some report.</summary>
    public bool IsRootEvent { get; init; }
    /// <summary>Representative mention id.</summary>
    public required string Representative { get; init; }
    /// <summary>Document of the earliest report.</summary>
    public required string FirstDocId { get; init; }
    /// <summary>Earliest ingest time (UTC).</summary>
    public DateTime? DateAdded { get; init; }

    internal const string Columns =
        "event_id, global_id, kind, date, end_date, first_report, last_report, source_code, source_country, source_sector, source_name, " +
        "target_code, target_country, target_sector, target_name, cameo, root, plover, quad_class, goldstein, modality, " +
        "loc_name, loc_country, loc_admin1, loc_lat, loc_lon, loc_geonameid, loc_precision, num_mentions, num_sources, num_articles, " +
        "confidence, killed, injured, missing, arrested, displaced, is_root_event, representative, first_doc_id, date_added";

    internal static EventRow Read(DbDataReader r, int o = 0) => new()
    {
        EventId = r.GetString(o),
        GlobalId = r.GetInt64(o + 1),
        Kind = r.GetString(o + 2),
        Date = EventStore.GetDate(r, o + 3),
        EndDate = EventStore.GetDate(r, o + 4),
        FirstReport = EventStore.GetDate(r, o + 5),
        LastReport = EventStore.GetDate(r, o + 6),
        SourceCode = EventStore.GetString(r, o + 7),
        SourceCountry = EventStore.GetString(r, o + 8),
        SourceSector = EventStore.GetString(r, o + 9),
        SourceName = EventStore.GetString(r, o + 10),
        TargetCode = EventStore.GetString(r, o + 11),
        TargetCountry = EventStore.GetString(r, o + 12),
        TargetSector = EventStore.GetString(r, o + 13),
        TargetName = EventStore.GetString(r, o + 14),
        Cameo = EventStore.GetString(r, o + 15),
        Root = EventStore.GetString(r, o + 16),
        Plover = EventStore.GetString(r, o + 17),
        QuadClass = EventStore.GetInt(r, o + 18),
        Goldstein = EventStore.GetDouble(r, o + 19),
        Modality = EventStore.GetString(r, o + 20),
        LocName = EventStore.GetString(r, o + 21),
        LocCountry = EventStore.GetString(r, o + 22),
        LocAdmin1 = EventStore.GetString(r, o + 23),
        LocLat = EventStore.GetDouble(r, o + 24),
        LocLon = EventStore.GetDouble(r, o + 25),
        LocGeonameId = EventStore.GetLong(r, o + 26),
        LocPrecision = EventStore.GetString(r, o + 27),
        NumMentions = EventStore.GetInt(r, o + 28) ?? 0,
        NumSources = EventStore.GetInt(r, o + 29) ?? 0,
        NumArticles = EventStore.GetInt(r, o + 30) ?? 0,
        Confidence = EventStore.GetDouble(r, o + 31),
        Killed = EventStore.GetInt(r, o + 32),
        Injured = EventStore.GetInt(r, o + 33),
        Missing = EventStore.GetInt(r, o + 34),
        Arrested = EventStore.GetInt(r, o + 35),
        Displaced = EventStore.GetInt(r, o + 36),
        IsRootEvent = r.GetBoolean(o + 37),
        Representative = r.GetString(o + 38),
        FirstDocId = r.GetString(o + 39),
        DateAdded = r.IsDBNull(o + 40) ? null : r.GetDateTime(o + 40),
    };
}

/// <summary>One report (mention) with its document's date, title and URL. Immutable.</summary>
public sealed record MentionRow
{
    /// <summary>Mention id.</summary>
    public required string MentionId { get; init; }
    /// <summary>Document id.</summary>
    public required string DocId { get; init; }
    /// <summary>event or incident.</summary>
    public required string Kind { get; init; }
    /// <summary>Sentence index.</summary>
    public int? Sentence { get; init; }
    /// <summary>Event date.</summary>
    public DateOnly? Date { get; init; }
    /// <summary>Document date.</summary>
    public DateOnly? ReportDate { get; init; }
    /// <summary>Source actor text.</summary>
    public string? SourceText { get; init; }
    /// <summary>Source actor code.</summary>
    public string? SourceCode { get; init; }
    /// <summary>Source country.</summary>
    public string? SourceCountry { get; init; }
    /// <summary>Target actor text.</summary>
    public string? TargetText { get; init; }
    /// <summary>Target actor code.</summary>
    public string? TargetCode { get; init; }
    /// <summary>Target country.</summary>
    public string? TargetCountry { get; init; }
    /// <summary>CAMEO code.</summary>
    public string? Cameo { get; init; }
    /// <summary>CAMEO root.</summary>
    public string? Root { get; init; }
    /// <summary>PLOVER type.</summary>
    public string? Plover { get; init; }
    /// <summary>Quad class.</summary>
    public int? QuadClass { get; init; }
    /// <summary>Goldstein value.</summary>
    public double? Goldstein { get; init; }
    /// <summary>Trigger text.</summary>
    public string? TriggerText { get; init; }
    /// <summary>Modality.</summary>
    public string? Modality { get; init; }
    /// <summary>Place name.</summary>
    public string? LocName { get; init; }
    /// <summary>Place country.</summary>
    public string? LocCountry { get; init; }
    /// <summary>Coder confidence.</summary>
    public double? Confidence { get; init; }
    /// <summary>Dictionary line.</summary>
    public string? Pattern { get; init; }
    /// <summary>The sentence.</summary>
    public string? Text { get; init; }
    /// <summary>Document title.</summary>
    public string? Title { get; init; }
    /// <summary>Document URL.</summary>
    public string? Url { get; init; }

    internal const string Columns =
        "m.mention_id, m.doc_id, m.kind, m.sentence, m.date, d.date AS report_date, m.source_text, m.source_code, m.source_country, " +
        "m.target_text, m.target_code, m.target_country, m.cameo, m.root, m.plover, m.quad_class, m.goldstein, m.trigger_text, " +
        "m.modality, m.loc_name, m.loc_country, m.confidence, m.pattern, m.text, d.title, d.url";

    internal static MentionRow Read(DbDataReader r) => new()
    {
        MentionId = r.GetString(0),
        DocId = r.GetString(1),
        Kind = r.GetString(2),
        Sentence = EventStore.GetInt(r, 3),
        Date = EventStore.GetDate(r, 4),
        ReportDate = EventStore.GetDate(r, 5),
        SourceText = EventStore.GetString(r, 6),
        SourceCode = EventStore.GetString(r, 7),
        SourceCountry = EventStore.GetString(r, 8),
        TargetText = EventStore.GetString(r, 9),
        TargetCode = EventStore.GetString(r, 10),
        TargetCountry = EventStore.GetString(r, 11),
        Cameo = EventStore.GetString(r, 12),
        Root = EventStore.GetString(r, 13),
        Plover = EventStore.GetString(r, 14),
        QuadClass = EventStore.GetInt(r, 15),
        Goldstein = EventStore.GetDouble(r, 16),
        TriggerText = EventStore.GetString(r, 17),
        Modality = EventStore.GetString(r, 18),
        LocName = EventStore.GetString(r, 19),
        LocCountry = EventStore.GetString(r, 20),
        Confidence = EventStore.GetDouble(r, 21),
        Pattern = EventStore.GetString(r, 22),
        Text = EventStore.GetString(r, 23),
        Title = EventStore.GetString(r, 24),
        Url = EventStore.GetString(r, 25),
    };
}

public sealed partial class EventStore
{
    /// <summary>Merged events matching <paramref name="filter"/>, by date then id (re-merges first if stale).</summary>
    public IReadOnlyList<EventRow> Query(EventFilter filter, Paging? paging = null)
    {
        EnsureMerged();
        using var command = EventsCommand(filter, paging ?? new Paging());
        using var reader = command.ExecuteReader();
        var rows = new List<EventRow>();
        while (reader.Read())
        {
            rows.Add(EventRow.Read(reader));
        }
        return rows;
    }

    /// <summary>Mentions (single reports) matching <paramref name="filter"/>, by event date then id.</summary>
    public IReadOnlyList<MentionRow> QueryMentions(EventFilter filter, Paging? paging = null)
    {
        using var command = MentionsCommand(filter, paging ?? new Paging());
        using var reader = command.ExecuteReader();
        var rows = new List<MentionRow>();
        while (reader.Read())
        {
            rows.Add(MentionRow.Read(reader));
        }
        return rows;
    }

    /// <summary>The reports behind a merged event, earliest first: why they were merged is in their shared fields.</summary>
    public IReadOnlyList<MentionRow> Explain(string eventId)
    {
        EnsureMerged();
        using var command = Command(
            $"SELECT {MentionRow.Columns} FROM event_mentions em JOIN mentions m ON m.mention_id = em.mention_id " +
            "JOIN documents d ON d.doc_id = m.doc_id WHERE em.event_id = $id ORDER BY em.ordinal", ("id", eventId));
        using var reader = command.ExecuteReader();
        var rows = new List<MentionRow>();
        while (reader.Read())
        {
            rows.Add(MentionRow.Read(reader));
        }
        return rows;
    }

    /// <summary>A command selecting events (all columns of <see cref="EventRow"/>) for output writers.</summary>
    internal DuckDBCommand EventsCommand(EventFilter filter, Paging paging)
    {
        var parameters = new List<DuckDBParameter>();
        var sql = new StringBuilder($"SELECT {EventRow.Columns} FROM events e ")
            .Append(filter.ToSql("e", StoreLevel.Events, parameters))
            .Append(" ORDER BY e.date, e.event_id");
        AppendPaging(sql, paging, parameters);
        return Command(sql.ToString(), parameters);
    }

    /// <summary>A command selecting mentions (all columns of <see cref="MentionRow"/>) for output writers.</summary>
    internal DuckDBCommand MentionsCommand(EventFilter filter, Paging paging)
    {
        var parameters = new List<DuckDBParameter>();
        // Filtering first into a materialised CTE lets DuckDB build the join on the few matching mentions rather
        // than on every document (about twice as fast for a week of mentions).
        var sql = new StringBuilder("WITH m AS MATERIALIZED (SELECT * FROM mentions m ")
            .Append(filter.ToSql("m", StoreLevel.Mentions, parameters))
            .Append($") SELECT {MentionRow.Columns} FROM m JOIN documents d ON d.doc_id = m.doc_id ORDER BY m.date, m.mention_id");
        AppendPaging(sql, paging, parameters);
        return Command(sql.ToString(), parameters);
    }

    private static void AppendPaging(StringBuilder sql, Paging paging, List<DuckDBParameter> parameters)
    {
        if (paging.Limit is { } limit)
        {
            sql.Append(" LIMIT $limit_");
            parameters.Add(new DuckDBParameter("limit_", (long)limit));
        }
        if (paging.Offset > 0)
        {
            sql.Append(" OFFSET $offset_");
            parameters.Add(new DuckDBParameter("offset_", (long)paging.Offset));
        }
    }
}
