namespace Casus.Reading;

/// <summary>
/// Counts for one call to <see cref="DocumentReader.Read"/>. The reader fills it in while the documents are
/// enumerated, so it is final only once the enumeration has finished. Not thread-safe: one summary per batch.
/// </summary>
public sealed class ReadSummary
{
    /// <summary>Documents yielded.</summary>
    public int Documents { get; internal set; }

    /// <summary>Problems reported, including those where the document was kept (a bad date).</summary>
    public int Problems { get; internal set; }

    /// <summary>
    /// Inputs, files, lines or documents that were not read: missing or binary files, bad lines, empty or
    /// oversized documents, duplicate ids. Non-zero means the batch is incomplete.
    /// </summary>
    public int Skipped { get; internal set; }
}
