using System.Security.Cryptography;
using System.Text;

namespace Casus.Store;

/// <summary>A [start, end) range of UTF-16 character offsets into a document's text.</summary>
/// <param name="Start">First character.</param>
/// <param name="End">One past the last character.</param>
public readonly record struct TextSpan(int Start, int End);

/// <summary>An actor of a stored mention (source, target or the one a statement is attributed to). Immutable.</summary>
/// <param name="Text">The actor as written.</param>
/// <param name="Code">CAMEO actor code, e.g. <c>IRNMIL</c>.</param>
/// <param name="Country">Country code (ISO3 / CAMEO), e.g. <c>IRN</c>.</param>
/// <param name="Sector">Sector code(s), e.g. <c>MIL</c>.</param>
/// <param name="Entity">Canonical entity name the dictionary matched.</param>
/// <param name="Span">Where <paramref name="Text"/> is in the document.</param>
public sealed record StoredActor(string? Text, string? Code, string? Country, string? Sector, string? Entity = null, TextSpan? Span = null);

/// <summary>The place of a stored mention. Immutable.</summary>
/// <param name="Name">Resolved place name.</param>
/// <param name="Country">ISO3 country of the place.</param>
/// <param name="Admin1">First-order division.</param>
/// <param name="Lat">WGS84 latitude.</param>
/// <param name="Lon">WGS84 longitude.</param>
/// <param name="GeonameId">GeoNames id.</param>
/// <param name="Precision"><c>site</c>, <c>city</c>, <c>admin1</c> or <c>country</c>.</param>
/// <param name="Span">Where the place is mentioned.</param>
/// <param name="Basis"><c>clause</c>, <c>sentence</c> or <c>document</c>: how far from the trigger it was found.</param>
public sealed record StoredLocation(
    string? Name,
    string? Country,
    string? Admin1 = null,
    double? Lat = null,
    double? Lon = null,
    long? GeonameId = null,
    string? Precision = null,
    TextSpan? Span = null,
    string? Basis = null);

/// <summary>Casualty counts stated by a report; null where the report states none. Immutable.</summary>
/// <param name="Killed">People killed.</param>
/// <param name="Injured">People injured.</param>
/// <param name="Missing">People missing.</param>
/// <param name="Arrested">People arrested.</param>
/// <param name="Displaced">People displaced.</param>
public sealed record Casualties(int? Killed = null, int? Injured = null, int? Missing = null, int? Arrested = null, int? Displaced = null);

/// <summary>An ingested document. Immutable.</summary>
/// <param name="Id">The reader's document id.</param>
/// <param name="ContentHash">Hash of the content (<see cref="HashOf"/>): the same id and hash are not stored twice.</param>
/// <param name="Date">Publication date; null when unknown.</param>
/// <param name="Title">Title when known.</param>
/// <param name="Url">Source URL when known.</param>
/// <param name="Source">Publisher or feed when known.</param>
/// <param name="Origin">Where it was read from (path or path:line).</param>
/// <param name="Text">Full text the mention spans point into; null when only the coded events are known.</param>
/// <param name="Coder">Version of the coder that coded it.</param>
public sealed record StoredDocument(
    string Id,
    string ContentHash,
    DateOnly? Date,
    string? Title = null,
    string? Url = null,
    string? Source = null,
    string? Origin = null,
    string? Text = null,
    string? Coder = null)
{
    /// <summary>
    /// The content hash of a document: 32 hex characters of the SHA-256 of its text, date, title and URL, so a
    /// document that changes in any of them is re-coded and replaced.
    /// </summary>
    public static string HashOf(string text, DateOnly? date, string? title, string? url)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, text);
        Append(hash, date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Append(hash, title);
        Append(hash, url);
        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);
        return Convert.ToHexStringLower(digest[..16]);
    }

    private static void Append(IncrementalHash hash, string? value)
    {
        // A separator that cannot occur in text keeps ("ab", "c") apart from ("a", "bc"); null differs from "".
        Span<byte> mark = [value is null ? (byte)0 : (byte)1, 0xFF];
        hash.AppendData(mark);
        if (value is not null)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(value));
        }
    }
}

/// <summary>
/// One coded event mention, as the coder writes it (one line of <c>casus code</c>). Immutable. Incidents have no
/// source or target and may have no CAMEO code.
/// </summary>
public sealed record StoredEvent
{
    /// <summary>The coder's stable mention id.</summary>
    public required string Id { get; init; }

    /// <summary>The document it was coded from.</summary>
    public required string DocId { get; init; }

    /// <summary><c>event</c> or <c>incident</c>.</summary>
    public string Kind { get; init; } = "event";

    /// <summary>Sentence index in the document.</summary>
    public int? Sentence { get; init; }

    /// <summary>Event date as resolved by the coder.</summary>
    public DateOnly? Date { get; init; }

    /// <summary><c>day</c>, <c>month</c> or <c>year</c>; null when not given.</summary>
    public string? DatePrecision { get; init; }

    /// <summary>Span of the date expression, when the date came from the text.</summary>
    public TextSpan? DateSpan { get; init; }

    /// <summary>Where the date came from (e.g. <c>document</c>, <c>sentence</c>), as the coder says.</summary>
    public string? DateBasis { get; init; }

    /// <summary>Source actor.</summary>
    public StoredActor? Source { get; init; }

    /// <summary>Target actor.</summary>
    public StoredActor? Target { get; init; }

    /// <summary>CAMEO event code.</summary>
    public string? Cameo { get; init; }

    /// <summary>CAMEO root (two digits).</summary>
    public string? Root { get; init; }

    /// <summary>PLOVER event type.</summary>
    public string? Plover { get; init; }

    /// <summary>Quad class 1..4.</summary>
    public int? QuadClass { get; init; }

    /// <summary>Goldstein scale value.</summary>
    public double? Goldstein { get; init; }

    /// <summary>The trigger word(s).</summary>
    public string? TriggerText { get; init; }

    /// <summary>Span of the trigger.</summary>
    public TextSpan? TriggerSpan { get; init; }

    /// <summary>The sentence.</summary>
    public string? Text { get; init; }

    /// <summary>Span of the sentence.</summary>
    public TextSpan? TextSpan { get; init; }

    /// <summary>asserted, negated, hypothetical, intended, threatened, denied or claimed.</summary>
    public string? Modality { get; init; }

    /// <summary>Who the report attributes the statement to.</summary>
    public StoredActor? AttributedTo { get; init; }

    /// <summary>Coder confidence 0..1.</summary>
    public double? Confidence { get; init; }

    /// <summary>The dictionary line that coded it.</summary>
    public string? Pattern { get; init; }

    /// <summary>Coder version.</summary>
    public string? Coder { get; init; }

    /// <summary>Place of the event.</summary>
    public StoredLocation? Location { get; init; }

    /// <summary>Casualties stated.</summary>
    public Casualties? Casualties { get; init; }

    /// <summary>The coder's casualties object as JSON text (with qualifiers such as "at least"), when it has one.</summary>
    public string? CasualtiesJson { get; init; }

    /// <summary>The direct quotation the event was said in (span and speaker) as the coder's JSON object, or null.</summary>
    public string? QuoteJson { get; init; }

    /// <summary>Deployment size / materiel as the coder's JSON object text.</summary>
    public string? Deployment { get; init; }

    /// <summary>JSON object text of any other fields of the coder record, kept verbatim.</summary>
    public string? Extra { get; init; }
}

/// <summary>Which table a query, series or export reads.</summary>
public enum StoreLevel
{
    /// <summary>Merged events (one row per real-world event).</summary>
    Events,

    /// <summary>Mentions (one row per report of an event).</summary>
    Mentions,
}

/// <summary>What one committed ingest batch did.</summary>
/// <param name="BatchId">The batch id (0 when nothing was written and no batch was recorded).</param>
/// <param name="Documents">Documents written (new or replaced).</param>
/// <param name="Replaced">Of which replaced a stored version with another hash.</param>
/// <param name="Skipped">Documents already stored with the same hash.</param>
/// <param name="Mentions">Mentions written.</param>
public sealed record IngestResult(long BatchId, int Documents, int Replaced, int Skipped, int Mentions);

/// <summary>Running totals of an ingest.</summary>
/// <param name="Documents">Documents written.</param>
/// <param name="Replaced">Documents that replaced an older version.</param>
/// <param name="Skipped">Documents skipped as already stored.</param>
/// <param name="Mentions">Mentions written.</param>
/// <param name="Batches">Transactions committed.</param>
public sealed record IngestTotals(long Documents, long Replaced, long Skipped, long Mentions, long Batches)
{
    /// <summary>No work yet.</summary>
    public static IngestTotals Zero { get; } = new(0, 0, 0, 0, 0);

    /// <summary>These totals plus one batch.</summary>
    public IngestTotals Add(IngestResult batch) =>
        new(Documents + batch.Documents, Replaced + batch.Replaced, Skipped + batch.Skipped, Mentions + batch.Mentions,
            Batches + (batch.BatchId > 0 ? 1 : 0));
}

/// <summary>Size of a store.</summary>
/// <param name="Documents">Documents stored.</param>
/// <param name="Mentions">Mentions stored.</param>
/// <param name="Events">Merged events.</param>
/// <param name="Batches">Ingest batches committed.</param>
/// <param name="FileBytes">Size of the database file (0 for in-memory stores).</param>
/// <param name="MergeIsCurrent">True when the merged events were built from the current mentions.</param>
public sealed record StoreStats(long Documents, long Mentions, long Events, long Batches, long FileBytes, bool MergeIsCurrent);

/// <summary>Bad input to the store: names the file and line.</summary>
public sealed class StoreInputException : Exception
{
    /// <summary>Creates the exception with a message that names the file and line.</summary>
    public StoreInputException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}
