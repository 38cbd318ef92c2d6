using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Casus.Events.Coding;
using Casus.Events.Output;
using Casus.Reading;
using Casus.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Casus.Cli.Commands;

/// <summary>
/// <c>casus ingest</c>: codes documents and stores them, their events and mentions in the event database, then merges
/// reports of the same event. Documents already stored with the same text and coder are skipped; every batch is
/// one transaction, so an interrupted run keeps what it committed and the next run resumes.
/// </summary>
public sealed class IngestCommand : Command<IngestCommand.Settings>
{
    /// <summary>Settings of <c>casus ingest</c>.</summary>
    public sealed class Settings : CodingSettings
    {
        /// <summary>Database file.</summary>
        [CommandOption("--db <FILE>")]
        [Description("Event database (DuckDB), created on first use. Default: casus.duckdb.")]
        public string Db { get; init; } = "casus.duckdb";

        /// <summary>Documents per transaction.</summary>
        [CommandOption("--batch <N>")]
        [Description("Documents per committed batch (default 200).")]
        public int Batch { get; init; } = 200;

        /// <summary>Skip the merge at the end.</summary>
        [CommandOption("--no-merge")]
        [Description("Store only; merge later with 'casus merge'.")]
        public bool NoMerge { get; init; }

        /// <inheritdoc />
        public override ValidationResult Validate()
        {
            if (Batch < 1)
            {
                return ValidationResult.Error($"--batch {Batch}: expected at least 1");
            }
            return base.Validate();
        }
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var diagnostics = new Diagnostics();
        var clock = Stopwatch.StartNew();
        var pipeline = settings.LoadPipeline();
        var coder = pipeline.Coder.Version;
        using var store = EventStore.Open(settings.Db);
        var stored = store.DocumentVersions();
        long skipped = 0, sentences = 0, failed = 0;
        var summary = new ReadSummary();
        var source = DocumentReader.Read(settings.Inputs, settings.ReaderOptions(null), p => diagnostics.Problem(p.ToString()), summary)
            .Select(doc => (Doc: doc, Hash: StoredDocument.HashOf(doc.Text, doc.Date, doc.Title, doc.Url)))
            .Where(d =>
            {
                // The stored versions were read before the run: worker threads never touch the database.
                if (stored.TryGetValue(d.Doc.Id, out var version) && version.Hash == d.Hash && version.Coder == coder)
                {
                    Interlocked.Increment(ref skipped);
                    return false;
                }
                return true;
            });
        var threads = settings.Threads ?? Environment.ProcessorCount;
        var coded = OrderedParallel.Map(source, threads, cancellationToken, () => (Worker: new CodingPipeline.Worker(), Events: new List<CodedEvent>(), Buffer: new MemoryStream()),
            ((Document Doc, string Hash) item, (CodingPipeline.Worker Worker, List<CodedEvent> Events, MemoryStream Buffer) state) =>
            {
                var (doc, hash) = item;
                state.Events.Clear();
                try
                {
                    var count = pipeline.Code(doc.Id, doc.Text, doc.Date, state.Worker, state.Events);
                    var events = new List<StoredEvent>(state.Events.Count);
                    foreach (var e in state.Events)
                    {
                        events.Add(ToStored(e, coder, state.Buffer));
                    }
                    var document = new StoredDocument(doc.Id, hash, doc.Date, doc.Title, doc.Url, doc.Source, doc.Origin, doc.Text, coder);
                    return (Document: document, Sentences: count, Events: events, Error: (string?)null);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    return (Document: (StoredDocument?)null, Sentences: 0, Events: new List<StoredEvent>(), Error: $"{doc.Origin}: document '{doc.Id}' failed: {e.GetType().Name}: {e.Message}");
                }
            });

        var ingestor = new Ingestor(store, settings.Batch);
        try
        {
            void Run(Action<string>? progress)
            {
                foreach (var (document, count, events, error) in coded)
                {
                    if (error is not null || document is null)
                    {
                        failed++;
                        diagnostics.Problem(error ?? "unknown failure");
                        continue;
                    }
                    sentences += count;
                    ingestor.Add(document, events);
                    var t = ingestor.Totals;
                    progress?.Invoke($"{t.Documents + ingestor.Pending} documents coded, {t.Documents} committed, {Interlocked.Read(ref skipped)} unchanged");
                }
                ingestor.Flush();
            }

            if (diagnostics.Interactive)
            {
                // A streamed batch has no known length: the bar runs indeterminate with the counts beside it.
                diagnostics.Console.Progress()
                    .Columns(new SpinnerColumn(), new ProgressBarColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ElapsedTimeColumn())
                    .Start(ctx =>
                    {
                        var task = ctx.AddTask("ingesting").IsIndeterminate();
                        Run(s => task.Description = Markup.Escape(s));
                        task.Value = task.MaxValue;
                        task.StopTask();
                    });
            }
            else
            {
                Run(null);
            }
        }
        finally
        {
            // On Ctrl-C or a fatal error the batch in flight is dropped; every committed batch stays.
            ingestor.Dispose();
        }
        var totals = ingestor.Totals;
        var ingestSeconds = clock.Elapsed.TotalSeconds;
        var merged = "";
        if (!settings.NoMerge)
        {
            var merge = store.Merge(store.LastMergeSettings() ?? new MergeSettings());
            merged = $"; merged into {merge.Events} events in {clock.Elapsed.TotalSeconds - ingestSeconds:F1} s";
        }
        var stats = store.Stats();
        diagnostics.Info($"casus ingest: {totals.Documents} documents ({totals.Replaced} replaced, {Interlocked.Read(ref skipped)} unchanged, {failed} failed), " +
            $"{sentences} sentences, {totals.Mentions} event mentions in {ingestSeconds:F1} s ({totals.Documents / Math.Max(ingestSeconds, 1e-9):F0} documents/s, " +
            $"{totals.Mentions / Math.Max(ingestSeconds, 1e-9):F0} events/s){merged}; {settings.Db}: {stats.Documents} documents, {stats.Mentions} mentions, {stats.FileBytes / 1048576.0:F1} MB");
        return diagnostics.Problems > 0 ? ExitCodes.Partial : ExitCodes.Ok;
    }

    /// <summary>A coded event as the store's record: through the JSON Lines contract, so both paths store the same fields.</summary>
    private static StoredEvent ToStored(CodedEvent e, string coder, MemoryStream buffer)
    {
        buffer.SetLength(0);
        EventWriter.WriteJson(buffer, e, coder);
        return EventJson.ParseEvent(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length).TrimEnd('\n'));
    }
}
