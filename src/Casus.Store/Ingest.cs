using System.Globalization;
using DuckDB.NET.Data;

namespace Casus.Store;

public sealed partial class EventStore
{
    /// <summary>
    /// Stores a batch of documents with their mentions in one transaction: a document already stored with the same
    /// hash is skipped; one stored with another hash is replaced with all its mentions. Either the whole batch is
    /// committed or nothing is. Merged events become stale until <see cref="Merge"/> or <see cref="EnsureMerged"/>.
    /// Throws <see cref="InvalidDataException"/> when a mention id repeats or a mention names another document.
    /// </summary>
    public IngestResult IngestBatch(IReadOnlyList<(StoredDocument Document, IReadOnlyList<StoredEvent> Events)> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        EnsureWritable();
        // The last occurrence of a document id in the batch wins, as if the batch were applied in order.
        var last = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < batch.Count; i++)
        {
            last[batch[i].Document.Id] = i;
        }
        var seenMentions = new Dictionary<string, string>(StringComparer.Ordinal);
        int documents = 0, replaced = 0, skipped = batch.Count - last.Count, mentions = 0;
        var now = UtcNow();
        using var transaction = _connection.BeginTransaction();
        var batchId = Convert.ToInt64(Scalar("SELECT coalesce(max(batch_id), 0) + 1 FROM ingest_batches"), CultureInfo.InvariantCulture);
        var storedHashes = StoredHashes(last.Keys);
        using (var documentAppender = _connection.CreateAppender("documents"))
        using (var mentionAppender = _connection.CreateAppender("mentions"))
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var (document, events) = batch[i];
                if (last[document.Id] != i)
                {
                    continue;
                }
                var stored = storedHashes.GetValueOrDefault(document.Id);
                if (stored == document.ContentHash)
                {
                    skipped++;
                    continue;
                }
                if (stored is not null)
                {
                    Execute("DELETE FROM mentions WHERE doc_id = $id", ("id", document.Id));
                    Execute("DELETE FROM documents WHERE doc_id = $id", ("id", document.Id));
                    replaced++;
                }
                foreach (var e in events)
                {
                    if (e.DocId != document.Id)
                    {
                        throw new InvalidDataException($"mention '{e.Id}' names document '{e.DocId}' but is stored with document '{document.Id}'");
                    }
                    if (!seenMentions.TryAdd(e.Id, document.Id))
                    {
                        throw new InvalidDataException($"mention id '{e.Id}' appears twice (documents '{seenMentions[e.Id]}' and '{document.Id}')");
                    }
                    AppendMention(mentionAppender, e);
                    mentions++;
                }
                documentAppender.CreateRow()
                    .AppendValue(document.Id)
                    .AppendValue(document.ContentHash)
                    .AppendValue(document.Date)
                    .AppendValue(document.Title)
                    .AppendValue(document.Url)
                    .AppendValue(document.Source)
                    .AppendValue(document.Origin)
                    .AppendValue(document.Text)
                    .AppendValue(document.Coder)
                    .AppendValue((int?)events.Count)
                    .AppendValue((long?)batchId)
                    .AppendValue((DateTime?)now)
                    .EndRow();
                documents++;
            }
        }
        if (documents == 0)
        {
            // Nothing changed: no batch row, no new mentions version, so the merge stays current.
            transaction.Rollback();
            return new IngestResult(0, 0, 0, skipped, 0);
        }
        Execute("INSERT INTO ingest_batches VALUES ($b, $t, $d, $r, $s, $m)",
            ("b", batchId), ("t", now), ("d", documents), ("r", replaced), ("s", skipped), ("m", mentions));
        Execute("UPDATE store_meta SET value = CAST(CAST(value AS BIGINT) + 1 AS VARCHAR) WHERE key = 'mentions_version'");
        transaction.Commit();
        return new IngestResult(batchId, documents, replaced, skipped, mentions);
    }

    /// <summary>The stored hashes of these documents, in one join rather than a lookup per document.</summary>
    private Dictionary<string, string> StoredHashes(IEnumerable<string> ids)
    {
        Execute("CREATE TEMP TABLE IF NOT EXISTS batch_ids (doc_id VARCHAR)");
        Execute("DELETE FROM batch_ids");
        using (var appender = _connection.CreateAppender("temp", "main", "batch_ids"))
        {
            foreach (var id in ids)
            {
                appender.CreateRow().AppendValue(id).EndRow();
            }
        }
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        using var command = Command("SELECT d.doc_id, d.content_hash FROM documents d JOIN batch_ids b ON b.doc_id = d.doc_id");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            hashes[reader.GetString(0)] = reader.GetString(1);
        }
        return hashes;
    }

    private static void AppendMention(DuckDBAppender appender, StoredEvent e)
    {
        var row = appender.CreateRow()
            .AppendValue(e.Id)
            .AppendValue(e.DocId)
            .AppendValue(e.Kind)
            .AppendValue(e.Sentence)
            .AppendValue(e.Date)
            .AppendValue(e.DatePrecision)
            .AppendValue(e.DateSpan?.Start)
            .AppendValue(e.DateSpan?.End);
        row = AppendActor(row, e.Source);
        row = AppendActor(row, e.Target);
        row = row
            .AppendValue(e.Cameo)
            .AppendValue(e.Root)
            .AppendValue(e.Plover)
            .AppendValue((sbyte?)e.QuadClass)
            .AppendValue(e.Goldstein)
            .AppendValue(e.TriggerText)
            .AppendValue(e.TriggerSpan?.Start)
            .AppendValue(e.TriggerSpan?.End)
            .AppendValue(e.Text)
            .AppendValue(e.TextSpan?.Start)
            .AppendValue(e.TextSpan?.End)
            .AppendValue(e.Modality)
            .AppendValue(e.AttributedTo?.Text)
            .AppendValue(e.AttributedTo?.Code)
            .AppendValue(e.Confidence)
            .AppendValue(e.Pattern)
            .AppendValue(e.Coder);
        var l = e.Location;
        row = row
            .AppendValue(l?.Name)
            .AppendValue(l?.Country)
            .AppendValue(l?.Admin1)
            .AppendValue(l?.Lat)
            .AppendValue(l?.Lon)
            .AppendValue(l?.GeonameId)
            .AppendValue(l?.Precision)
            .AppendValue(l?.Span?.Start)
            .AppendValue(l?.Span?.End)
            .AppendValue(l?.Basis);
        var c = e.Casualties;
        row.AppendValue(c?.Killed)
            .AppendValue(c?.Injured)
            .AppendValue(c?.Missing)
            .AppendValue(c?.Arrested)
            .AppendValue(c?.Displaced)
            .AppendValue(e.Deployment)
            .AppendValue(e.Extra)
            .AppendValue(e.DateBasis)
            .AppendValue(e.CasualtiesJson)
            .AppendValue(e.QuoteJson)
            .EndRow();
    }

    private static IDuckDBAppenderRow AppendActor(IDuckDBAppenderRow row, StoredActor? actor) =>
        row.AppendValue(actor?.Text)
            .AppendValue(actor?.Code)
            .AppendValue(actor?.Country)
            .AppendValue(actor?.Sector)
            .AppendValue(actor?.Entity)
            .AppendValue(actor?.Span?.Start)
            .AppendValue(actor?.Span?.End);
}
