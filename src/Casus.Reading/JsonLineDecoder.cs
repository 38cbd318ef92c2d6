using System.Text;
using System.Text.Json;

namespace Casus.Reading;

/// <summary>
/// Turns one JSON Lines record into a <see cref="Document"/>. Stateless.
/// </summary>
/// <remarks>
/// Fields: <c>id</c> (string or number, required), <c>text</c> (string, required), <c>date</c> (ISO date or
/// date-time, optional), <c>title</c>, <c>url</c>, <c>source</c> (strings, optional); others are ignored.
/// A missing, null or blank <c>date</c> takes <see cref="ReaderOptions.DefaultDate"/> silently. A <c>date</c> that is
/// not an ISO date is reported, and the document is still kept with <see cref="ReaderOptions.DefaultDate"/>:
/// the text is worth coding and one bad field should not lose it. An optional string field of the wrong type
/// is reported and ignored.
/// </remarks>
internal static class JsonLineDecoder
{
    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        MaxDepth = 64,
    };

    /// <summary>Decodes <paramref name="line"/>, valid UTF-8 without a byte order mark.</summary>
    /// <returns>The document, or null when the line was skipped (the reason is reported).</returns>
    public static Document? Decode(ReadOnlySpan<byte> line, string location, ReadBatch batch)
    {
        string? id = null;
        string? text = null;
        string? date = null;
        string? title = null;
        string? url = null;
        string? source = null;
        bool textWrongType = false;
        bool idWrongType = false;
        bool dateWrongType = false;
        List<string>? ignored = null;

        var reader = new Utf8JsonReader(line, ReaderOptions);
        try
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                batch.Skip(location, $"expected a JSON object, found {Describe(reader.TokenType)}");
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("id"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.Number)
                    {
                        // The number as written: 17 stays "17", not "17.0".
                        id = Encoding.UTF8.GetString(reader.ValueSpan);
                        idWrongType = false;
                    }
                    else
                    {
                        id = ReadString(ref reader, out idWrongType);
                    }
                }
                else if (reader.ValueTextEquals("text"u8))
                {
                    reader.Read();
                    text = ReadString(ref reader, out textWrongType);
                }
                else if (reader.ValueTextEquals("date"u8))
                {
                    reader.Read();
                    date = ReadString(ref reader, out dateWrongType);
                }
                else if (reader.ValueTextEquals("title"u8))
                {
                    reader.Read();
                    title = ReadString(ref reader, out bool wrong);
                    Note(wrong, "title", ref ignored);
                }
                else if (reader.ValueTextEquals("url"u8))
                {
                    reader.Read();
                    url = ReadString(ref reader, out bool wrong);
                    Note(wrong, "url", ref ignored);
                }
                else if (reader.ValueTextEquals("source"u8))
                {
                    reader.Read();
                    source = ReadString(ref reader, out bool wrong);
                    Note(wrong, "source", ref ignored);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            // Anything after the closing brace (a second value, stray text) is an error the reader reports here.
            if (reader.Read())
            {
                batch.Skip(location, $"not valid JSON: unexpected {Describe(reader.TokenType)} after the object");
                return null;
            }
        }
        catch (JsonException e)
        {
            batch.Skip(location, $"not valid JSON: {DescribeJsonError(e)}");
            return null;
        }

        if (idWrongType)
        {
            batch.Skip(location, "\"id\" must be a string or a number");
            return null;
        }

        if (string.IsNullOrWhiteSpace(id))
        {
            batch.Skip(location, id is null ? "missing \"id\"" : "empty \"id\"");
            return null;
        }

        if (textWrongType)
        {
            batch.Skip(location, "\"text\" must be a string");
            return null;
        }

        if (text is null)
        {
            batch.Skip(location, "missing \"text\"");
            return null;
        }

        if (ignored is not null)
        {
            foreach (string field in ignored)
            {
                batch.Warn(location, $"\"{field}\" must be a string; ignored");
            }
        }

        DateOnly? documentDate = batch.Options.DefaultDate;
        if (dateWrongType)
        {
            batch.Warn(location, "\"date\" must be a string such as \"2020-01-07\"; using the default date");
        }
        else if (!string.IsNullOrWhiteSpace(date))
        {
            if (IsoDates.TryParse(date, out DateOnly parsed))
            {
                documentDate = parsed;
            }
            else
            {
                batch.Warn(location, $"invalid date \"{Shorten(date)}\" (expected an ISO date such as 2020-01-07); using the default date");
            }
        }

        return new Document(
            id,
            ContentChecks.NormalizeNewlines(text),
            documentDate,
            NullIfBlank(title),
            NullIfBlank(url),
            NullIfBlank(source),
            location);
    }

    private static string? ReadString(ref Utf8JsonReader reader, out bool wrongType)
    {
        wrongType = false;
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Null:
                return null;
            default:
                wrongType = true;
                reader.Skip();
                return null;
        }
    }

    private static void Note(bool wrongType, string field, ref List<string>? ignored)
    {
        if (wrongType)
        {
            (ignored ??= []).Add(field);
        }
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Shorten(string value) => value.Length <= 40 ? value : string.Concat(value.AsSpan(0, 40), "...");

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        _ => token.ToString(),
    };

    /// <summary>
    /// The reader's message without its 0-based "LineNumber: 0 | BytePositionInLine: n." suffix, which would
    /// confuse next to our own line numbers; the position becomes a 1-based byte column.
    /// </summary>
    private static string DescribeJsonError(JsonException e)
    {
        string message = e.Message;
        int suffix = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (suffix >= 0)
        {
            message = message[..suffix];
        }

        message = message.TrimEnd().TrimEnd('.');
        return e.BytePositionInLine is long position ? $"{message} (at byte {position + 1})" : message;
    }
}
