using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Casus.Store;

/// <summary>
/// Reads the coder's JSON Lines records (<c>casus code</c> output) and the readers' document JSON Lines into store
/// records. Stateless and thread-safe.
/// </summary>
public static class EventJson
{
    /// <summary>
    /// Parses one event line. Unknown fields are kept verbatim in <see cref="StoredEvent.Extra"/>. Throws
    /// <see cref="FormatException"/> with the field at fault when the line is not a valid record.
    /// </summary>
    public static StoredEvent ParseEvent(string line)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            throw new FormatException($"not JSON: {e.Message}", e);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("expected a JSON object");
            }
            string? id = null, docId = null, kind = null, datePrecision = null, cameo = null, rootCode = null, plover = null;
            string? triggerText = null, text = null, modality = null, pattern = null, coder = null, dateBasis = null, casualtiesJson = null, quoteJson = null;
            int? sentence = null, quad = null;
            double? goldstein = null, confidence = null;
            DateOnly? date = null;
            TextSpan? dateSpan = null, triggerSpan = null, textSpan = null;
            StoredActor? source = null, target = null, attributed = null;
            StoredLocation? location = null;
            Casualties? casualties = null;
            List<JsonProperty>? deployment = null, extra = null;
            foreach (var p in root.EnumerateObject())
            {
                var v = p.Value;
                switch (p.Name)
                {
                    case "id": id = Str(v, p.Name); break;
                    case "doc_id": docId = Str(v, p.Name); break;
                    case "kind": kind = Str(v, p.Name); break;
                    case "sentence": sentence = Int(v, p.Name); break;
                    case "date": date = Date(v, p.Name); break;
                    case "date_precision": datePrecision = Str(v, p.Name); break;
                    case "date_span": dateSpan = Span(v, p.Name); break;
                    case "date_basis": dateBasis = Str(v, p.Name); break;
                    case "source": source = Actor(v, p.Name); break;
                    case "target": target = Actor(v, p.Name); break;
                    case "attributed_to": attributed = Actor(v, p.Name); break;
                    case "cameo": cameo = Str(v, p.Name); break;
                    case "root": rootCode = Str(v, p.Name); break;
                    case "plover": plover = Str(v, p.Name); break;
                    case "quad_class": quad = Int(v, p.Name); break;
                    case "goldstein": goldstein = Num(v, p.Name); break;
                    case "trigger":
                        if (v.ValueKind == JsonValueKind.Object)
                        {
                            triggerText = v.TryGetProperty("text", out var t) ? Str(t, "trigger.text") : null;
                            triggerSpan = v.TryGetProperty("span", out var s) ? Span(s, "trigger.span") : null;
                        }
                        break;
                    case "text": text = Str(v, p.Name); break;
                    case "text_span": textSpan = Span(v, p.Name); break;
                    case "modality": modality = Str(v, p.Name); break;
                    case "confidence": confidence = Num(v, p.Name); break;
                    case "pattern": pattern = Str(v, p.Name); break;
                    case "coder": coder = Str(v, p.Name); break;
                    case "location": location = Location(v); break;
                    case "casualties":
                        casualties = CasualtiesOf(v);
                        casualtiesJson = v.ValueKind == JsonValueKind.Null ? null : v.GetRawText();
                        break;
                    case "quote":
                        quoteJson = v.ValueKind == JsonValueKind.Null ? null : v.GetRawText();
                        break;
                    case "deployment" or "deployment_size" or "materiel":
                        if (v.ValueKind != JsonValueKind.Null)
                        {
                            (deployment ??= []).Add(p);
                        }
                        break;
                    default: (extra ??= []).Add(p); break;
                }
            }
            if (string.IsNullOrEmpty(id))
            {
                throw new FormatException("missing \"id\"");
            }
            if (string.IsNullOrEmpty(docId))
            {
                throw new FormatException("missing \"doc_id\"");
            }
            if (quad is < 1 or > 4)
            {
                throw new FormatException($"\"quad_class\" {quad} is not 1..4");
            }
            return new StoredEvent
            {
                Id = id,
                DocId = docId,
                Kind = kind ?? (source is null && target is null && cameo is null ? "incident" : "event"),
                Sentence = sentence,
                Date = date,
                DatePrecision = datePrecision,
                DateSpan = dateSpan,
                DateBasis = dateBasis,
                Source = source,
                Target = target,
                Cameo = cameo,
                Root = rootCode ?? (cameo is { Length: >= 2 } ? cameo[..2] : null),
                Plover = plover,
                QuadClass = quad,
                Goldstein = goldstein,
                TriggerText = triggerText,
                TriggerSpan = triggerSpan,
                Text = text,
                TextSpan = textSpan,
                Modality = modality,
                AttributedTo = attributed,
                Confidence = confidence,
                Pattern = pattern,
                Coder = coder,
                Location = location,
                Casualties = casualties,
                CasualtiesJson = casualtiesJson,
                QuoteJson = quoteJson,
                Deployment = deployment is null ? null : ObjectText(deployment),
                Extra = extra is null ? null : ObjectText(extra),
            };
        }
    }

    /// <summary>
    /// Parses one document line of the readers' JSON Lines format (<c>id</c>, <c>text</c>, and optional <c>date</c>,
    /// <c>title</c>, <c>url</c>, <c>source</c>). Throws <see cref="FormatException"/> when it is not one.
    /// </summary>
    public static StoredDocument ParseDocument(string line, string origin)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            throw new FormatException($"not JSON: {e.Message}", e);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("expected a JSON object");
            }
            var id = root.TryGetProperty("id", out var i) ? Str(i, "id") : null;
            var text = root.TryGetProperty("text", out var t) ? Str(t, "text") : null;
            if (string.IsNullOrEmpty(id))
            {
                throw new FormatException("missing \"id\"");
            }
            if (text is null)
            {
                throw new FormatException("missing \"text\"");
            }
            var date = root.TryGetProperty("date", out var d) ? Date(d, "date") : null;
            var title = root.TryGetProperty("title", out var ti) ? Str(ti, "title") : null;
            var url = root.TryGetProperty("url", out var u) ? Str(u, "url") : null;
            var source = root.TryGetProperty("source", out var s) ? Str(s, "source") : null;
            return new StoredDocument(id, StoredDocument.HashOf(text, date, title, url), date, title, url, source, origin, text);
        }
    }

    private static string? Str(JsonElement v, string name) => v.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => v.GetString(),
        _ => throw new FormatException($"\"{name}\" should be a string, not {v.ValueKind}"),
    };

    private static int? Int(JsonElement v, string name) => v.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.Number when v.TryGetInt32(out var i) => i,
        JsonValueKind.Number when v.TryGetDouble(out var d) && d == Math.Floor(d) && Math.Abs(d) < int.MaxValue => (int)d,
        _ => throw new FormatException($"\"{name}\" should be an integer, not {v.GetRawText()}"),
    };

    private static long? Long(JsonElement v, string name) => v.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.Number when v.TryGetInt64(out var i) => i,
        JsonValueKind.String when long.TryParse(v.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var i) => i,
        _ => throw new FormatException($"\"{name}\" should be an integer, not {v.GetRawText()}"),
    };

    private static double? Num(JsonElement v, string name) => v.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.Number => v.GetDouble(),
        _ => throw new FormatException($"\"{name}\" should be a number, not {v.GetRawText()}"),
    };

    private static DateOnly? Date(JsonElement v, string name)
    {
        var s = Str(v, name);
        if (s is null)
        {
            return null;
        }
        // Readers give "yyyy-MM-dd" or a full ISO timestamp; the store keeps the day.
        if (s.Length >= 10 && DateOnly.TryParseExact(s.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        throw new FormatException($"\"{name}\" '{s}' is not a yyyy-MM-dd date");
    }

    private static TextSpan? Span(JsonElement v, string name)
    {
        if (v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (v.ValueKind != JsonValueKind.Array || v.GetArrayLength() != 2 || !v[0].TryGetInt32(out var start) || !v[1].TryGetInt32(out var end) || end < start)
        {
            throw new FormatException($"\"{name}\" should be [start, end], not {v.GetRawText()}");
        }
        return new TextSpan(start, end);
    }

    private static StoredActor? Actor(JsonElement v, string name)
    {
        if (v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (v.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"\"{name}\" should be an actor object or null");
        }
        return new StoredActor(
            v.TryGetProperty("text", out var t) ? Str(t, name + ".text") : null,
            v.TryGetProperty("code", out var c) ? Str(c, name + ".code") : null,
            v.TryGetProperty("country", out var co) ? Str(co, name + ".country") : null,
            v.TryGetProperty("sector", out var s) ? Str(s, name + ".sector") : null,
            v.TryGetProperty("entity", out var e) ? Str(e, name + ".entity") : null,
            v.TryGetProperty("span", out var sp) ? Span(sp, name + ".span") : null);
    }

    private static StoredLocation? Location(JsonElement v)
    {
        if (v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (v.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("\"location\" should be an object or null");
        }
        string? S(string n) => v.TryGetProperty(n, out var x) ? Str(x, "location." + n) : null;
        double? D(string n) => v.TryGetProperty(n, out var x) ? Num(x, "location." + n) : null;
        return new StoredLocation(
            S("name"), S("country"), S("admin1"), D("lat"), D("lon"),
            v.TryGetProperty("geonameid", out var g) ? Long(g, "location.geonameid") : null,
            S("precision"),
            v.TryGetProperty("span", out var sp) ? Span(sp, "location.span") : null,
            S("basis"));
    }

    private static Casualties? CasualtiesOf(JsonElement v)
    {
        if (v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (v.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("\"casualties\" should be an object or null");
        }
        // A figure is a number, or an object with its "value" (and a qualifier such as "at_least", kept in casualties_json).
        int? I(string n)
        {
            if (!v.TryGetProperty(n, out var x))
            {
                return null;
            }
            if (x.ValueKind == JsonValueKind.Object)
            {
                return x.TryGetProperty("value", out var value) ? Int(value, $"casualties.{n}.value") : null;
            }
            return Int(x, "casualties." + n);
        }
        return new Casualties(I("killed"), I("injured"), I("missing"), I("arrested"), I("displaced"));
    }

    private static string ObjectText(List<JsonProperty> properties)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var p in properties)
            {
                p.WriteTo(writer);
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Hash of a document known only by its coded lines: changes when any of its lines changes.</summary>
    internal static string HashOfLines(IEnumerable<string> lines)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var line in lines)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(line));
            hash.AppendData("\n"u8);
        }
        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);
        return Convert.ToHexStringLower(digest[..16]);
    }
}
