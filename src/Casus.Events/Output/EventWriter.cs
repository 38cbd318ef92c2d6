using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Casus.Counts;
using Casus.Events.Coding;
using Casus.Places;

namespace Casus.Events.Output;

/// <summary>
/// Writes coded events as JSON Lines or CSV. The field names and order are a contract guarded by a golden test;
/// output is deterministic (same events, same bytes).
/// </summary>
public static class EventWriter
{
    /// <summary>CSV header line.</summary>
    public const string CsvHeader =
        "id,doc_id,sentence,date,source_code,source_country,source_sector,source_text,source_start,source_end," +
        "cameo,root,plover,quad_class,goldstein,target_code,target_country,target_sector,target_text,target_start,target_end," +
        "trigger,trigger_start,trigger_end,modality,confidence,pattern,coder," +
        "kind,date_precision,date_basis,location_name,location_country,location_admin1,lat,lon,location_precision,location_basis," +
        "killed,injured,missing,arrested,displaced,attributed_to_code,quote_speaker_code";

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes one event as a JSON line (with the trailing newline).</summary>
    public static void WriteJson(Stream stream, CodedEvent e, string coder)
    {
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            w.WriteString("id", e.Id);
            w.WriteString("kind", e.Kind);
            w.WriteString("doc_id", e.DocumentId);
            w.WriteNumber("sentence", e.Sentence);
            if (e.Date is { } d)
            {
                w.WriteString("date", d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                w.WriteString("date_precision", e.DatePrecision);
            }
            else
            {
                w.WriteNull("date");
                w.WriteNull("date_precision");
            }
            w.WriteString("date_basis", e.DateBasis);
            if (e.DateSpan is { } ds)
            {
                Span(w, ds.Start, ds.End, "date_span");
            }
            else
            {
                w.WriteNull("date_span");
            }
            Actor(w, "source", e.Source);
            Actor(w, "target", e.Target);
            if (e.IsIncident)
            {
                w.WriteNull("cameo");
                w.WriteNull("root");
                w.WriteNull("plover");
                w.WriteNull("quad_class");
                w.WriteNull("goldstein");
            }
            else
            {
                w.WriteString("cameo", e.Cameo);
                w.WriteString("root", e.Root);
                StringOrNull(w, "plover", e.Plover);
                w.WriteNumber("quad_class", e.QuadClass);
                w.WriteNumber("goldstein", e.Goldstein);
            }
            w.WriteStartObject("trigger");
            w.WriteString("text", e.TriggerText);
            Span(w, e.TriggerStart, e.TriggerEnd);
            w.WriteEndObject();
            w.WriteString("text", e.Text);
            Span(w, e.SentenceStart, e.SentenceEnd, "text_span");
            w.WriteString("modality", e.Modality);
            Actor(w, "attributed_to", e.AttributedTo);
            if (e.Quote is { } quote)
            {
                w.WriteStartObject("quote");
                Span(w, quote.Start, quote.End);
                Actor(w, "speaker", quote.Speech?.Speaker);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("quote");
            }
            Location(w, e.Location);
            Casualties(w, e.Casualties);
            Deployment(w, e.Deployment);
            w.WriteNumber("confidence", Math.Round(e.Confidence, 3));
            w.WriteString("pattern", e.Pattern);
            w.WriteString("coder", coder);
            w.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
    }

    private static void Actor(Utf8JsonWriter w, string name, EventActor? a)
    {
        if (a is null)
        {
            w.WriteNull(name);
            return;
        }
        w.WriteStartObject(name);
        w.WriteString("text", a.Text);
        w.WriteString("code", a.Code);
        StringOrNull(w, "country", a.Country);
        StringOrNull(w, "sector", a.Sector);
        Span(w, a.Start, a.End);
        w.WriteString("entity", a.Entity);
        w.WriteEndObject();
    }

    private static string? Count(CountValue? value) => value?.Value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Writes one quotation as a JSON line: the words, their span, and the speaker with the speech verb.</summary>
    public static void WriteQuote(Stream stream, Quote q)
    {
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            w.WriteString("doc_id", q.DocumentId);
            w.WriteNumber("sentence", q.Sentence);
            w.WriteString("text", q.Text);
            Span(w, q.Start, q.End);
            Actor(w, "speaker", q.Speech?.Speaker);
            if (q.Speech is { SpeakerText: { } name } said)
            {
                w.WriteStartObject("speaker_text");
                w.WriteString("text", name);
                Span(w, said.SpeakerStart, said.SpeakerEnd);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("speaker_text");
            }
            if (q.Speech is { } speech)
            {
                w.WriteStartObject("verb");
                w.WriteString("text", speech.Verb);
                Span(w, speech.VerbStart, speech.VerbEnd);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("verb");
            }
            w.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
    }

    private static void Location(Utf8JsonWriter w, Location? location)
    {
        if (location is null)
        {
            w.WriteNull("location");
            return;
        }
        w.WriteStartObject("location");
        w.WriteString("name", location.Name);
        // Seas, straits and gulfs belong to no country.
        StringOrNull(w, "country", location.Country.Length == 0 ? null : location.Country);
        StringOrNull(w, "admin1", location.Admin1);
        w.WriteNumber("lat", Math.Round(location.Lat, 4));
        w.WriteNumber("lon", Math.Round(location.Lon, 4));
        if (location.GeonameId is { } id)
        {
            w.WriteNumber("geonameid", id);
        }
        else
        {
            w.WriteNull("geonameid");
        }
        w.WriteString("precision", location.Precision);
        if (location.Span is { } span)
        {
            Span(w, span.Start, span.End);
        }
        else
        {
            w.WriteNull("span");
        }
        w.WriteString("basis", location.Basis);
        w.WriteEndObject();
    }

    private static void Casualties(Utf8JsonWriter w, Casualties? casualties)
    {
        if (casualties is not { } c)
        {
            w.WriteNull("casualties");
            return;
        }
        // Counts as numbers (the smallest reading: "dozens" is 24), with their qualifiers beside them.
        w.WriteStartObject("casualties");
        Span<(string Name, CountValue? Value)> kinds = [("killed", c.Killed), ("injured", c.Injured), ("missing", c.Missing), ("arrested", c.Arrested), ("displaced", c.Displaced)];
        foreach (var (name, value) in kinds)
        {
            if (value is { } v)
            {
                w.WriteNumber(name, v.Value);
            }
        }
        w.WriteStartObject("qualifiers");
        foreach (var (name, value) in kinds)
        {
            if (value is { } v)
            {
                w.WriteString(name, v.QualifierName);
            }
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Deployment(Utf8JsonWriter w, EventDeployment? deployment)
    {
        if (deployment is null)
        {
            w.WriteNull("deployment");
            return;
        }
        w.WriteStartObject("deployment");
        if (deployment.Personnel is { } p)
        {
            w.WriteNumber("personnel", p.Value);
            w.WriteString("personnel_qualifier", p.QualifierName);
        }
        else
        {
            w.WriteNull("personnel");
        }
        w.WriteStartArray("materiel");
        foreach (var m in deployment.Materiel)
        {
            w.WriteStartObject();
            w.WriteNumber("count", m.Count);
            w.WriteString("qualifier", m.Qualifier);
            StringOrNull(w, "unit", m.Unit);
            Span(w, m.Start, m.End);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void StringOrNull(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static void Span(Utf8JsonWriter w, int start, int end, string name = "span")
    {
        w.WriteStartArray(name);
        w.WriteNumberValue(start);
        w.WriteNumberValue(end);
        w.WriteEndArray();
    }

    /// <summary>Writes one event as a CSV row (RFC 4180 quoting).</summary>
    public static void WriteCsv(TextWriter w, CodedEvent e, string coder)
    {
        var fields = new string?[]
        {
            e.Id, e.DocumentId, e.Sentence.ToString(CultureInfo.InvariantCulture), e.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            e.Source?.Code, e.Source?.Country, e.Source?.Sector, e.Source?.Text, e.Source?.Start.ToString(CultureInfo.InvariantCulture), e.Source?.End.ToString(CultureInfo.InvariantCulture),
            e.Cameo, e.Root, e.Plover, e.QuadClass.ToString(CultureInfo.InvariantCulture), e.Goldstein.ToString(CultureInfo.InvariantCulture),
            e.Target?.Code, e.Target?.Country, e.Target?.Sector, e.Target?.Text, e.Target?.Start.ToString(CultureInfo.InvariantCulture), e.Target?.End.ToString(CultureInfo.InvariantCulture),
            e.TriggerText, e.TriggerStart.ToString(CultureInfo.InvariantCulture), e.TriggerEnd.ToString(CultureInfo.InvariantCulture),
            e.Modality, Math.Round(e.Confidence, 3).ToString(CultureInfo.InvariantCulture), e.Pattern, coder,
            e.Kind, e.Date is null ? null : e.DatePrecision, e.DateBasis,
            e.Location?.Name, e.Location?.Country, e.Location?.Admin1,
            e.Location is { } la ? Math.Round(la.Lat, 4).ToString(CultureInfo.InvariantCulture) : null,
            e.Location is { } lo ? Math.Round(lo.Lon, 4).ToString(CultureInfo.InvariantCulture) : null,
            e.Location?.Precision, e.Location?.Basis,
            Count(e.Casualties?.Killed), Count(e.Casualties?.Injured), Count(e.Casualties?.Missing), Count(e.Casualties?.Arrested), Count(e.Casualties?.Displaced),
            e.AttributedTo?.Code, e.Quote?.Speech?.Speaker?.Code,
        };
        if (e.IsIncident)
        {
            // An incident has no code: its cameo, root, quad class and Goldstein cells stay empty.
            fields[10] = fields[11] = fields[12] = fields[13] = fields[14] = null;
        }
        var sb = new StringBuilder();
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }
            var f = fields[i] ?? string.Empty;
            if (f.AsSpan().IndexOfAny(",\"\n\r") >= 0)
            {
                sb.Append('"').Append(f.Replace("\"", "\"\"")).Append('"');
            }
            else
            {
                sb.Append(f);
            }
        }
        w.Write(sb.Append('\n').ToString());
    }
}
