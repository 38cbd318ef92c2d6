namespace Casus.Reading;

/// <summary>
/// State of one <see cref="DocumentReader.Read"/> call: options, the report sink, counts and the ids seen so
/// far. Not thread-safe; one per batch.
/// </summary>
internal sealed class ReadBatch(ReaderOptions options, Action<ReadProblem> report, ReadSummary summary)
{
    private readonly Dictionary<string, string> _firstOrigin = new(StringComparer.Ordinal);

    public ReaderOptions Options { get; } = options;

    public int MaxBytes => Options.MaxDocumentBytes;

    public static string Location(string path, long line) => $"{path}:{line}";

    /// <summary>Reports a problem where the document is kept.</summary>
    public void Warn(string location, string message)
    {
        summary.Problems++;
        report(new ReadProblem(location, message));
    }

    /// <summary>Reports a problem that made the reader skip a file, line or document.</summary>
    public void Skip(string location, string message)
    {
        summary.Problems++;
        summary.Skipped++;
        report(new ReadProblem(location, message + "; skipped"));
    }

    /// <summary>
    /// Checks a document before it is yielded: an empty text or an id already seen in this batch skips it.
    /// </summary>
    /// <returns>True when the document should be yielded.</returns>
    public bool Accept(Document document)
    {
        if (string.IsNullOrWhiteSpace(document.Text))
        {
            Skip(document.Origin, "empty document (no text)");
            return false;
        }

        if (!_firstOrigin.TryAdd(document.Id, document.Origin))
        {
            Skip(document.Origin, $"duplicate id \"{document.Id}\" (first read at {_firstOrigin[document.Id]})");
            return false;
        }

        summary.Documents++;
        return true;
    }
}
