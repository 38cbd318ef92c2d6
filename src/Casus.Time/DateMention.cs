namespace Casus.Time;

/// <summary>How precisely a date mention fixes its date.</summary>
public enum DatePrecision : byte
{
    /// <summary>A calendar day ("January 3", "Tuesday", "yesterday", "two days ago").</summary>
    Day,

    /// <summary>
    /// A calendar week, Monday to Sunday ("last week", "this week", "two weeks ago"); the date is the week's Monday.
    /// Written as <c>"week"</c>; a consumer that knows only day, month and year may write it as month precision.
    /// </summary>
    Week,

    /// <summary>A calendar month ("January 2020", "in March", "last month", "earlier this month"); the date is its first day.</summary>
    Month,

    /// <summary>A year ("in 1979", "last year"); the date is January 1.</summary>
    Year,
}

/// <summary>Whether a mention names its date outright or relative to the document date (or an earlier date).</summary>
public enum DateKind : byte
{
    /// <summary>A calendar date with its year or resolvable from the text alone ("January 3, 2020", "in 1979", "2020-01-07").</summary>
    Absolute,

    /// <summary>
    /// Resolved against the document date ("Tuesday", "last week", "January 3" without a year, "in March") or
    /// against the last day mentioned before it ("the day before").
    /// </summary>
    Relative,
}

/// <summary>
/// A temporal expression in a sentence, resolved to a calendar date. The span covers the expression itself
/// ("Tuesday night", "January 3", "two days ago"), never the preposition before it.
/// </summary>
/// <param name="Start">Offset of the first character in the document text.</param>
/// <param name="End">Offset one past the last character.</param>
/// <param name="FirstToken">Index of the first token, relative to the sentence (as in <c>SyntaxBuffer</c>).</param>
/// <param name="EndToken">Index one past the last token, relative to the sentence.</param>
/// <param name="Date">
/// The resolved date (the first day of the week, month or year for coarser precisions), or null when the mention is
/// relative and no document date is known.
/// </param>
/// <param name="Precision">How precisely <paramref name="Date"/> is known.</param>
/// <param name="Kind">Absolute or relative.</param>
/// <param name="Head">
/// The word the mention attaches to in the parse (the head of its topmost word, outside the mention), relative to
/// the sentence; -1 without a parse or when the mention holds the root.
/// </param>
public readonly record struct DateMention(
    int Start,
    int End,
    int FirstToken,
    int EndToken,
    DateOnly? Date,
    DatePrecision Precision,
    DateKind Kind,
    int Head)
{
    /// <summary>The precision as written in event records: <c>day</c>, <c>week</c>, <c>month</c> or <c>year</c>.</summary>
    public string PrecisionName => Precision switch
    {
        DatePrecision.Day => "day",
        DatePrecision.Week => "week",
        DatePrecision.Month => "month",
        _ => "year",
    };
}

/// <summary>
/// Per-document state for resolving dates: the document date, and the last day-precision date mentioned so far,
/// which anaphoric expressions such as "the day before" count from. Create one per document; not thread-safe.
/// </summary>
public sealed class DateContext
{
    /// <summary>Creates the state for a document dated <paramref name="documentDate"/> (null when unknown).</summary>
    public DateContext(DateOnly? documentDate)
    {
        DocumentDate = documentDate;
    }

    /// <summary>The document (publication) date, or null when unknown.</summary>
    public DateOnly? DocumentDate { get; }

    /// <summary>
    /// The last day-precision date mentioned in the document so far (updated by <see cref="DateFinder"/>), or null;
    /// "the day before" counts from it, else from the document date.
    /// </summary>
    public DateOnly? Reference { get; set; }
}
