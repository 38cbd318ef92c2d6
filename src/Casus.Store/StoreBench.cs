using System.Diagnostics;
using System.Globalization;

namespace Casus.Store;

/// <summary>Latency of one query measured <c>Runs</c> times.</summary>
/// <param name="Name">What was asked.</param>
/// <param name="P50Ms">Median milliseconds.</param>
/// <param name="P95Ms">95th percentile milliseconds.</param>
/// <param name="Rows">Rows of the last run.</param>
/// <param name="Runs">Timed runs (after one warm-up).</param>
public sealed record QueryLatency(string Name, double P50Ms, double P95Ms, int Rows, int Runs);

/// <summary>What <see cref="StoreBench.Run"/> measured.</summary>
/// <param name="Documents">Documents ingested.</param>
/// <param name="Mentions">Mentions ingested.</param>
/// <param name="IngestSeconds">Wall time of the ingest (parsing excluded).</param>
/// <param name="MergeSeconds">Wall time of the merge.</param>
/// <param name="Events">Merged events.</param>
/// <param name="DatabaseBytes">Size of the database file after ingest and merge.</param>
/// <param name="Queries">Query latencies.</param>
public sealed record StoreBenchResult(
    long Documents,
    long Mentions,
    double IngestSeconds,
    double MergeSeconds,
    long Events,
    long DatabaseBytes,
    IReadOnlyList<QueryLatency> Queries)
{
    /// <summary>Documents stored per second.</summary>
    public double DocumentsPerSecond => Documents / Math.Max(IngestSeconds, 1e-9);

    /// <summary>Mentions stored per second.</summary>
    public double MentionsPerSecond => Mentions / Math.Max(IngestSeconds, 1e-9);
}

/// <summary>
/// Measures the store: ingests coder JSON Lines replicated to a target number of mentions (copies in pairs, the two
/// copies of a pair on the same dates from two outlets so the merge has work; each pair three days after the last),
/// merges, and times the main queries. Single-threaded; writes only the given database file.
/// </summary>
public static class StoreBench
{
    /// <summary>Runs the benchmark on <paramref name="eventsPath"/> into a new database at <paramref name="dbPath"/>.</summary>
    public static StoreBenchResult Run(string eventsPath, string dbPath, int targetMentions, int runs = 30, TextWriter? log = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(targetMentions, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        var lines = File.ReadAllLines(eventsPath).Where(l => !string.IsNullOrWhiteSpace(l)).ToArray();
        if (lines.Length == 0)
        {
            throw new InvalidDataException($"{eventsPath}: no events");
        }
        var seed = new List<StoredEvent>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            try
            {
                seed.Add(EventJson.ParseEvent(lines[i]));
            }
            catch (FormatException e)
            {
                throw new InvalidDataException($"{eventsPath}:{i + 1}: {e.Message}", e);
            }
        }
        var byDoc = seed.GroupBy(e => e.DocId, StringComparer.Ordinal).ToArray();
        var copies = (targetMentions + seed.Count - 1) / seed.Count;

        if (File.Exists(dbPath))
        {
            File.Delete(dbPath);
        }
        using var store = EventStore.Open(dbPath);
        var clock = Stopwatch.StartNew();
        var totals = IngestTotals.Zero;
        using (var ingestor = new Ingestor(store, batchSize: 500))
        {
            for (var k = 0; k < copies; k++)
            {
                var shift = k / 2 * 3;
                var outlet = "outlet-" + (k % 2).ToString(CultureInfo.InvariantCulture);
                var suffix = "#" + k.ToString(CultureInfo.InvariantCulture);
                foreach (var group in byDoc)
                {
                    var docId = group.Key + suffix;
                    var events = group.Select(e => e with
                    {
                        Id = e.Id + suffix,
                        DocId = docId,
                        Date = e.Date?.AddDays(shift),
                    }).ToArray();
                    var date = events.Max(e => e.Date);
                    var document = new StoredDocument(docId, EventJson.HashOfLines([docId]), date, Source: outlet, Origin: eventsPath, Coder: events[0].Coder);
                    ingestor.Add(document, events);
                }
            }
            ingestor.Flush();
            totals = ingestor.Totals;
        }
        var ingestSeconds = clock.Elapsed.TotalSeconds;
        log?.WriteLine($"ingest: {totals.Documents} documents, {totals.Mentions} mentions in {ingestSeconds:F2} s");
        clock.Restart();
        var merge = store.Merge(MergeSettings.Default);
        var mergeSeconds = clock.Elapsed.TotalSeconds;
        log?.WriteLine($"merge: {merge.Mentions} mentions into {merge.Events} events in {mergeSeconds:F2} s");

        var (first, last) = DateSpan(store);
        var weeks = Math.Max(1, (last.DayNumber - first.DayNumber) / 7);
        var random = new Random(12345);
        DateOnly RandomWeek() => first.AddDays(7 * random.Next(weeks));
        var queries = new List<QueryLatency>
        {
            Time("events in a week window", runs, () =>
            {
                var from = RandomWeek();
                return store.Query(new EventFilter { From = from, To = from.AddDays(6) }, Paging.Unlimited).Count;
            }),
            Time("events in a week window, one country", runs, () =>
            {
                var from = RandomWeek();
                return store.Query(new EventFilter { From = from, To = from.AddDays(6), Country = "USA" }, Paging.Unlimited).Count;
            }),
            Time("mentions in a week window", runs, () =>
            {
                var from = RandomWeek();
                return store.QueryMentions(new EventFilter { From = from, To = from.AddDays(6) }, Paging.Unlimited).Count;
            }),
            Time("dyad series by week (USA-IRN)", runs, () =>
                store.Series(new SeriesRequest { GroupBy = SeriesGroup.Dyad, Filter = new EventFilter { Dyad = ("USA", "IRN") } }).Count),
            Time("all dyads series by week", runs, () => store.Series(new SeriesRequest { GroupBy = SeriesGroup.Dyad }).Count),
            Time("country series by month", runs, () => store.Series(new SeriesRequest { GroupBy = SeriesGroup.Country, Interval = SeriesInterval.Month }).Count),
            Time("alerts by country and week", runs, () => store.Alerts(new AlertSettings()).Count),
            Time("text search, first 100", runs, () => store.Query(new EventFilter { Text = "police" }).Count),
        };
        foreach (var q in queries)
        {
            log?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{q.Name}: p50 {q.P50Ms:F1} ms, p95 {q.P95Ms:F1} ms ({q.Rows} rows)"));
        }
        var stats = store.Stats();
        return new StoreBenchResult(totals.Documents, totals.Mentions, ingestSeconds, mergeSeconds, stats.Events, stats.FileBytes, queries);
    }

    private static (DateOnly First, DateOnly Last) DateSpan(EventStore store)
    {
        using var command = store.Command("SELECT min(date), max(date) FROM events");
        using var r = command.ExecuteReader();
        r.Read();
        return (r.GetFieldValue<DateOnly>(0), r.GetFieldValue<DateOnly>(1));
    }

    private static QueryLatency Time(string name, int runs, Func<int> query)
    {
        query();
        var times = new double[runs];
        var rows = 0;
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            rows = query();
            times[i] = clock.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        return new QueryLatency(name, Percentile(times, 0.50), Percentile(times, 0.95), rows, runs);
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    internal static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
