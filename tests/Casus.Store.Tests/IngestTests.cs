using System.Globalization;
using Casus.Store.Tests.Support;
using static Casus.Store.Tests.Support.Make;

namespace Casus.Store.Tests;

public class SchemaTests
{
    [Fact]
    public void TheSchemaIsTheGoldenOne()
    {
        // Given a new store
        using var temp = new TempStore();

        // When its tables and columns are listed
        using var command = temp.Store.Command(
            "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'main' ORDER BY table_name, ordinal_position");
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            lines.Add($"{reader.GetString(0)}.{reader.GetString(1)} {reader.GetString(2)}");
        }

        // Then they are the contract Casus.Serve and users' SQL rely on (CASUS_UPDATE_GOLDEN=1 accepts an additive change)
        Golden.Assert(string.Join('\n', lines) + "\n", "schema.txt");
    }

    [Fact]
    public void OpeningAgainKeepsDataAndVersion()
    {
        // Given a store with one document
        using var temp = new TempStore();
        temp.Store.IngestBatch([Pair(Doc("a", "2020-01-01"), Event("m1", "a", "2020-01-01", Usa, Irn))]);

        // When it is opened again (the schema script runs again)
        temp.Reopen();

        // Then nothing is lost and the schema version is recorded
        var stats = temp.Store.Stats();
        Assert.Equal(1, stats.Documents);
        Assert.Equal(1, stats.Mentions);
        Assert.Equal(EventStore.SchemaVersion.ToString(CultureInfo.InvariantCulture), temp.Store.Meta("schema_version"));
        Assert.True(stats.FileBytes > 0);
    }

    [Fact]
    public void AnOlderFileGainsTheAddedColumnsOnOpen()
    {
        // Given a file made before the columns added after version 1
        using var temp = new TempStore();
        temp.Store.IngestBatch([Pair(Doc("a", "2020-01-01"), Event("m1", "a", "2020-01-01", Usa, Irn))]);
        temp.Store.Execute("ALTER TABLE mentions DROP COLUMN quote_json");
        temp.Store.Execute("ALTER TABLE mentions DROP COLUMN casualties_json");
        temp.Store.Execute("ALTER TABLE mentions DROP COLUMN date_basis");

        // When it is opened again
        temp.Reopen();

        // Then the columns are back (empty for old rows) and new mentions can be stored
        temp.Store.IngestBatch([Pair(Doc("b", "2020-01-02"), Event("m2", "b", "2020-01-02", Usa, Irn) with { DateBasis = "sentence" })]);
        using var command = temp.Store.Command("SELECT mention_id, date_basis FROM mentions ORDER BY mention_id");
        using var r = command.ExecuteReader();
        Assert.True(r.Read());
        Assert.True(r.IsDBNull(1));
        Assert.True(r.Read());
        Assert.Equal(("m2", "sentence"), (r.GetString(0), r.GetString(1)));
    }

    [Fact]
    public void ReadOnlyOpenFailsClearlyWithoutAFile()
    {
        var path = Path.Combine(Path.GetTempPath(), "casus-missing-" + Guid.NewGuid().ToString("N") + ".duckdb");
        var e = Assert.Throws<FileNotFoundException>(() => EventStore.OpenReadOnly(path));
        Assert.Contains(path, e.Message);
    }
}

public class IngestTests
{
    [Fact]
    public void ReingestingTheSameDocumentsChangesNothing()
    {
        // Given a batch that was ingested
        using var temp = new TempStore();
        var batch = new[]
        {
            Pair(Doc("a", "2020-01-01"), Event("m1", "a", "2020-01-01", Usa, Irn), Event("m2", "a", "2020-01-01", Irn, Usa)),
            Pair(Doc("b", "2020-01-02")),
        };
        var first = temp.Store.IngestBatch(batch);
        var version = temp.Store.Meta("mentions_version");

        // When the same batch is ingested again
        var second = temp.Store.IngestBatch(batch);

        // Then the second run skips both documents and writes no batch and no new version
        Assert.Equal((2, 0, 0, 2), (first.Documents, first.Replaced, first.Skipped, first.Mentions));
        Assert.Equal((0L, 0, 0, 2, 0), (second.BatchId, second.Documents, second.Replaced, second.Skipped, second.Mentions));
        Assert.Equal(version, temp.Store.Meta("mentions_version"));
        var stats = temp.Store.Stats();
        Assert.Equal((2L, 2L, 1L), (stats.Documents, stats.Mentions, stats.Batches));
        Assert.True(temp.Store.HasDocument("a", batch[0].Item1.ContentHash));
        Assert.True(temp.Store.HasDocument("a", batch[0].Item1.ContentHash, "test-coder"));
        Assert.False(temp.Store.HasDocument("a", batch[0].Item1.ContentHash, "other-coder"));
        Assert.False(temp.Store.HasDocument("a", "0000"));
    }

    [Fact]
    public void AChangedDocumentReplacesItsMentions()
    {
        // Given a stored document with two mentions
        using var temp = new TempStore();
        temp.Store.IngestBatch([Pair(Doc("a", "2020-01-01", text: "v1"), Event("m1", "a", "2020-01-01", Usa, Irn), Event("m2", "a", "2020-01-01", Irn, Usa))]);

        // When a new version of it (other text, so other hash) comes with one mention, one id kept
        var result = temp.Store.IngestBatch([Pair(Doc("a", "2020-01-01", text: "v2"), Event("m1", "a", "2020-01-02", Usa, Irq))]);

        // Then it replaced the old version: one document, one mention, with the new content
        Assert.Equal((1, 1, 1), (result.Documents, result.Replaced, result.Mentions));
        var rows = temp.Store.QueryMentions(EventFilter.All);
        var only = Assert.Single(rows);
        Assert.Equal(("m1", "IRQ", new DateOnly(2020, 1, 2)), (only.MentionId, only.TargetCountry, only.Date));
        Assert.Equal(1, temp.Store.Stats().Documents);
    }

    [Fact]
    public void AFailedBatchLosesNothingCommittedAndTheNextRunResumes()
    {
        // Given a first batch committed and a second one that fails half way (a repeated mention id)
        using var temp = new TempStore();
        temp.Store.IngestBatch([Pair(Doc("a", "2020-01-01"), Event("m1", "a", "2020-01-01", Usa, Irn))]);
        var broken = new[]
        {
            Pair(Doc("b", "2020-01-02"), Event("m2", "b", "2020-01-02", Usa, Irn)),
            Pair(Doc("c", "2020-01-03"), Event("m2", "c", "2020-01-03", Usa, Irn)),
        };
        var error = Assert.Throws<InvalidDataException>(() => temp.Store.IngestBatch(broken));
        Assert.Contains("'m2'", error.Message);

        // When the store is opened again (a new run) and the corrected input is ingested from the start
        temp.Reopen();
        var afterCrash = temp.Store.Stats();
        var rerun = temp.Store.IngestBatch(
        [
            Pair(Doc("a", "2020-01-01"), Event("m1", "a", "2020-01-01", Usa, Irn)),
            Pair(Doc("b", "2020-01-02"), Event("m2", "b", "2020-01-02", Usa, Irn)),
            Pair(Doc("c", "2020-01-03"), Event("m3", "c", "2020-01-03", Usa, Irn)),
        ]);

        // Then the committed batch survived alone, and the rerun skipped it and stored the rest
        Assert.Equal((1L, 1L, 1L), (afterCrash.Documents, afterCrash.Mentions, afterCrash.Batches));
        Assert.Equal((2, 1, 2), (rerun.Documents, rerun.Skipped, rerun.Mentions));
        Assert.Equal(3, temp.Store.Stats().Mentions);
    }

    [Fact]
    public void AnIngestorStoppedMidRunKeepsCommittedBatchesAndResumes()
    {
        // Given an ingestor committing every two documents, stopped (Ctrl-C) after the fifth document was added
        using var temp = new TempStore();
        var docs = Enumerable.Range(0, 8).Select(i => Pair(Doc($"d{i}", "2020-01-01"), Event($"m{i}", $"d{i}", "2020-01-01", Usa, Irn))).ToArray();
        using (var ingestor = new Ingestor(temp.Store, batchSize: 2))
        {
            foreach (var (doc, events) in docs.Take(5))
            {
                ingestor.Add(doc, events);
            }
            Assert.Equal(1, ingestor.Pending);
        }
        Assert.Equal(4, temp.Store.Stats().Documents);

        // When the next run goes over all documents, asking before coding each
        temp.Reopen();
        var coded = 0;
        using var resumed = new Ingestor(temp.Store, batchSize: 2);
        foreach (var (doc, events) in docs)
        {
            if (resumed.IsCurrent(doc.Id, doc.ContentHash))
            {
                continue;
            }
            coded++;
            resumed.Add(doc, events);
        }
        resumed.Flush();

        // Then only the four documents not committed were coded, and all eight are stored once
        Assert.Equal(4, coded);
        Assert.Equal((4L, 4L), (resumed.Totals.Documents, resumed.Totals.Skipped));
        Assert.Equal((8L, 8L), (temp.Store.Stats().Documents, temp.Store.Stats().Mentions));
    }

    [Fact]
    public void AMentionOfAnotherDocumentIsRejected()
    {
        using var temp = new TempStore();
        var e = Assert.Throws<InvalidDataException>(() => temp.Store.IngestBatch([Pair(Doc("a", "2020-01-01"), Event("m1", "b", "2020-01-01", Usa, Irn))]));
        Assert.Contains("'m1'", e.Message);
        Assert.Equal(0, temp.Store.Stats().Documents);
    }

    [Fact]
    public void HashesDifferWhenAnyFieldDiffers()
    {
        var date = new DateOnly(2020, 1, 1);
        var baseline = StoredDocument.HashOf("text", date, "t", "u");
        Assert.Equal(32, baseline.Length);
        Assert.Equal(baseline, StoredDocument.HashOf("text", date, "t", "u"));
        Assert.NotEqual(baseline, StoredDocument.HashOf("text!", date, "t", "u"));
        Assert.NotEqual(baseline, StoredDocument.HashOf("text", date.AddDays(1), "t", "u"));
        Assert.NotEqual(baseline, StoredDocument.HashOf("text", date, null, "u"));
        Assert.NotEqual(baseline, StoredDocument.HashOf("text", date, "t", null));
        Assert.NotEqual(StoredDocument.HashOf("ab", null, "c", null), StoredDocument.HashOf("a", null, "bc", null));
    }
}
