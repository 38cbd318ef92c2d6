namespace Casus.Store;

/// <summary>
/// Feeds an <see cref="EventStore"/> in batches for <c>casus ingest</c>: buffers documents with their mentions and
/// commits every <c>batchSize</c> documents in one transaction. Idempotent and resumable: a document already stored
/// with the same hash is skipped (ask <see cref="IsCurrent"/> before coding it to save the work), so after a crash
/// or Ctrl-C the next run redoes only the batch that was in flight. Not thread-safe.
/// </summary>
public sealed class Ingestor : IDisposable
{
    private readonly EventStore _store;
    private readonly int _batchSize;
    private readonly int _maxMentions;
    private readonly Action<IngestTotals>? _progress;
    private readonly List<(StoredDocument Document, IReadOnlyList<StoredEvent> Events)> _buffer = [];
    private int _bufferedMentions;

    /// <summary>
    /// Creates an ingestor committing every <paramref name="batchSize"/> documents (or 50,000 mentions, whichever
    /// comes first) and reporting totals to <paramref name="progress"/> after each commit.
    /// </summary>
    public Ingestor(EventStore store, int batchSize = 200, Action<IngestTotals>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _store = store;
        _batchSize = batchSize;
        _maxMentions = 50_000;
        _progress = progress;
    }

    /// <summary>Totals of what has been committed so far.</summary>
    public IngestTotals Totals { get; private set; } = IngestTotals.Zero;

    /// <summary>Documents waiting in the buffer (not yet committed).</summary>
    public int Pending => _buffer.Count;

    /// <summary>
    /// True when the document is already stored with this hash (and coder, when given): the caller can skip coding
    /// it. Counted as skipped.
    /// </summary>
    public bool IsCurrent(string docId, string contentHash, string? coder = null)
    {
        if (!_store.HasDocument(docId, contentHash, coder))
        {
            return false;
        }
        Totals = Totals with { Skipped = Totals.Skipped + 1 };
        return true;
    }

    /// <summary>Adds a coded document; commits the buffer when it is full.</summary>
    public void Add(StoredDocument document, IReadOnlyList<StoredEvent> events)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(events);
        _buffer.Add((document, events));
        _bufferedMentions += events.Count;
        if (_buffer.Count >= _batchSize || _bufferedMentions >= _maxMentions)
        {
            Flush();
        }
    }

    /// <summary>Commits what is buffered (one transaction). Call at the end of a run.</summary>
    public void Flush()
    {
        if (_buffer.Count == 0)
        {
            return;
        }
        var result = _store.IngestBatch(_buffer);
        _buffer.Clear();
        _bufferedMentions = 0;
        Totals = Totals.Add(result);
        _progress?.Invoke(Totals);
    }

    /// <summary>Drops (does not commit) what is buffered: a disposed ingestor never commits half a run on its own.</summary>
    public void Dispose()
    {
        _buffer.Clear();
        _bufferedMentions = 0;
    }
}
