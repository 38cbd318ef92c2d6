namespace Casus.Reading;

/// <summary>How <see cref="DocumentReader"/> reads one batch. Immutable.</summary>
public sealed record ReaderOptions
{
    /// <summary>Format name for plain text: the whole input is one document.</summary>
    public const string TextFormat = "text";

    /// <summary>Format name for JSON Lines: one JSON object per line.</summary>
    public const string JsonLinesFormat = "jsonl";

    /// <summary>Format name for an HTML page: the article body is the document.</summary>
    public const string HtmlFormat = "html";

    /// <summary>The default limit on one document (or one JSON line): 10 MB.</summary>
    public const int DefaultMaxDocumentBytes = 10 * 1024 * 1024;

    /// <summary>Date for documents that have none (the CLI's <c>--date</c>); null leaves them undated.</summary>
    public DateOnly? DefaultDate { get; init; }

    /// <summary>
    /// Forces every input to be read as <see cref="TextFormat"/>, <see cref="JsonLinesFormat"/> or
    /// <see cref="HtmlFormat"/> (case-insensitive). Null picks the format by file extension, and for
    /// standard input by the first non-space character (<c>{</c> means JSON Lines).
    /// With a format set, a directory contributes every non-hidden file, not only the known extensions.
    /// </summary>
    public string? Format { get; init; }

    /// <summary>
    /// Largest document, in UTF-8 bytes of input: a text or HTML file, one JSON line, or standard input.
    /// A larger one is reported and skipped without being loaded whole.
    /// </summary>
    public int MaxDocumentBytes { get; init; } = DefaultMaxDocumentBytes;

    /// <summary>Standard input, read when an input is <c>-</c>. The CLI passes <see cref="Console.In"/>.</summary>
    public TextReader Stdin { get; init; } = TextReader.Null;

    /// <summary>Whether <paramref name="format"/> names a format this reader knows (case-insensitive).</summary>
    /// <param name="format">A format name such as <c>jsonl</c>.</param>
    /// <returns>True for <c>text</c>, <c>jsonl</c> and <c>html</c>.</returns>
    public static bool IsKnownFormat(string format) =>
        string.Equals(format, TextFormat, StringComparison.OrdinalIgnoreCase)
        || string.Equals(format, JsonLinesFormat, StringComparison.OrdinalIgnoreCase)
        || string.Equals(format, HtmlFormat, StringComparison.OrdinalIgnoreCase);
}
