using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;

namespace Casus.Serve;

/// <summary>Latency of one API query over many runs, in milliseconds.</summary>
/// <param name="Name">What was asked.</param>
/// <param name="Example">One of the URLs asked.</param>
/// <param name="Runs">Number of requests.</param>
/// <param name="P50">Median.</param>
/// <param name="P95">95th percentile.</param>
/// <param name="Max">Slowest.</param>
public sealed record Latency(string Name, string Example, int Runs, double P50, double P95, double Max);

/// <summary>
/// Measures the main API queries end to end over HTTP (query, JSON, transfer) against a running server: events of one
/// week (a different week each run), the weekly series, dyads, places and the header summary. <see cref="Replicate"/>
/// makes a larger store from a small one for measuring scale.
/// </summary>
public static class ServeBench
{
    /// <summary>Runs each query <paramref name="runs"/> times (after one warm-up) against <paramref name="baseAddress"/>.</summary>
    public static async Task<IReadOnlyList<Latency>> RunAsync(Uri baseAddress, string dbPath, int runs = 50, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        var weeks = Weeks(dbPath);
        if (weeks.Count == 0)
        {
            throw new InvalidOperationException($"{dbPath}: no dated events to benchmark");
        }
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
        string Week(int i)
        {
            var monday = weeks[i * 7919 % weeks.Count];
            return $"from={monday:yyyy-MM-dd}&to={monday.AddDays(6):yyyy-MM-dd}";
        }
        var queries = new (string Name, Func<int, string> Url)[]
        {
            ("events of one week", i => $"api/events?{Week(i)}&limit=100"),
            ("events of one week, conflict, one country", i => $"api/events?{Week(i)}&quad_class=4&country=USA&limit=100"),
            ("series by week (all)", _ => "api/series?by=week"),
            ("series by week, one country", _ => "api/series?by=week&country=USA"),
            ("dyads (top 50)", _ => "api/dyads"),
            ("places (top 500)", _ => "api/places"),
            ("summary of one week", i => $"api/summary?{Week(i)}"),
        };
        var results = new List<Latency>();
        foreach (var (name, url) in queries)
        {
            (await http.GetAsync(url(0), cancellationToken).ConfigureAwait(false)).EnsureSuccessStatusCode();
            var times = new double[runs];
            for (var i = 0; i < runs; i++)
            {
                var clock = Stopwatch.StartNew();
                using var response = await http.GetAsync(url(i + 1), cancellationToken).ConfigureAwait(false);
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                times[i] = clock.Elapsed.TotalMilliseconds;
            }
            Array.Sort(times);
            results.Add(new Latency(name, url(1), runs, Percentile(times, 0.50), Percentile(times, 0.95), times[^1]));
        }
        return results;
    }

    /// <summary>The results as a table, one query a line.</summary>
    public static string Format(IReadOnlyList<Latency> results)
    {
        var lines = new List<string> { $"{"query",-44} {"runs",5} {"p50 ms",8} {"p95 ms",8} {"max ms",8}" };
        foreach (var r in results)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{r.Name,-44} {r.Runs,5} {r.P50,8:0.0} {r.P95,8:0.0} {r.Max,8:0.0}"));
        }
        return string.Join('\n', lines);
    }

    /// <summary>
    /// Writes a copy of the store at <paramref name="source"/> to <paramref name="target"/> with every document,
    /// mention and merged event repeated <paramref name="copies"/> times under new ids; copy i is shifted by
    /// (i mod 10) × 105 weeks, so the timeline grows tenfold and each week holds copies/10 times the events.
    /// Copied documents keep no text. Returns the number of merged events written.
    /// </summary>
    public static long Replicate(string source, string target, int copies)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(copies, 1);
        File.Copy(source, target, overwrite: true);
        using var connection = new DuckDBConnection($"Data Source={target}");
        connection.Open();
        void Run(string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.Add(new DuckDBParameter("copies", copies));
            command.ExecuteNonQuery();
        }
        const string Shift = "CAST((t.i % 10) * 735 AS INTEGER)";
        const string Suffix = "'~' || CAST(t.i AS VARCHAR)";
        Run("BEGIN TRANSACTION");
        Run($"INSERT INTO documents SELECT d.* REPLACE (d.doc_id || {Suffix} AS doc_id, d.date + {Shift} AS date, NULL AS text) FROM documents d, range(1, $copies) t(i)");
        Run($"INSERT INTO mentions SELECT m.* REPLACE (m.mention_id || {Suffix} AS mention_id, m.doc_id || {Suffix} AS doc_id, m.date + {Shift} AS date) FROM mentions m, range(1, $copies) t(i)");
        Run($"INSERT INTO events SELECT e.* REPLACE (e.event_id || {Suffix} AS event_id, e.global_id + t.i * 9007199254 AS global_id, e.date + {Shift} AS date, " +
            $"e.end_date + {Shift} AS end_date, e.first_report + {Shift} AS first_report, e.last_report + {Shift} AS last_report, " +
            $"e.representative || {Suffix} AS representative, e.first_doc_id || {Suffix} AS first_doc_id) FROM events e, range(1, $copies) t(i)");
        Run($"INSERT INTO event_mentions SELECT x.* REPLACE (x.mention_id || {Suffix} AS mention_id, x.event_id || {Suffix} AS event_id, x.doc_id || {Suffix} AS doc_id) FROM event_mentions x, range(1, $copies) t(i)");
        Run("COMMIT");
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM events";
        return Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static List<DateOnly> Weeks(string dbPath)
    {
        using var connection = new DuckDBConnection($"Data Source={dbPath};ACCESS_MODE=READ_ONLY");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT CAST(date_trunc('week', date) AS DATE) AS w FROM events WHERE date IS NOT NULL ORDER BY w";
        using var reader = command.ExecuteReader();
        var weeks = new List<DateOnly>();
        while (reader.Read())
        {
            weeks.Add(reader.GetFieldValue<DateOnly>(0));
        }
        return weeks;
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
