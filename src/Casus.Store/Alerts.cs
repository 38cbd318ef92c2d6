using System.Globalization;
using DuckDB.NET.Data;

namespace Casus.Store;

/// <summary>What conflict intensity an alert measures per period.</summary>
public enum AlertMeasure
{
    /// <summary>Number of quad class 3 and 4 (conflict) events.</summary>
    ConflictCount,

    /// <summary>Sum of the magnitudes of negative Goldstein values.</summary>
    NegativeGoldstein,
}

/// <summary>
/// Escalation detection: a period alerts when its conflict intensity exceeds the mean plus <see cref="K"/> standard
/// deviations (population) of the previous <see cref="BaselinePeriods"/> periods (periods without events count as
/// zero) and it has at least <see cref="MinEvents"/> conflict events. Periods with less history than the baseline
/// are not judged. Immutable.
/// </summary>
public sealed record AlertSettings
{
    /// <summary>Period length (default week).</summary>
    public SeriesInterval Interval { get; init; } = SeriesInterval.Week;

    /// <summary>Series to watch (default country; also dyad, actor dyad, place, total).</summary>
    public SeriesGroup GroupBy { get; init; } = SeriesGroup.Country;

    /// <summary>Intensity measure (default conflict event count).</summary>
    public AlertMeasure Measure { get; init; } = AlertMeasure.ConflictCount;

    /// <summary>Trailing periods forming the baseline (default 8).</summary>
    public int BaselinePeriods { get; init; } = 8;

    /// <summary>Standard deviations above the baseline mean (default 2).</summary>
    public double K { get; init; } = 2;

    /// <summary>Minimum conflict events in the period (default 3).</summary>
    public int MinEvents { get; init; } = 3;

    /// <summary>Which events count.</summary>
    public EventFilter Filter { get; init; } = EventFilter.All;

    /// <summary>The rule in words, printed with every alert.</summary>
    public string Rule =>
        $"{(Measure == AlertMeasure.ConflictCount ? "conflict events (quad 3-4)" : "sum of negative Goldstein")} per {EventStore.Describe(Interval)} " +
        $"> mean + {K.ToString(CultureInfo.InvariantCulture)} sd of the previous {BaselinePeriods} {EventStore.Describe(Interval)}s, " +
        $"with at least {MinEvents} conflict events";
}

/// <summary>An escalation: one series in one period, with the events and reports behind it. Immutable.</summary>
/// <param name="Key">The series (country, dyad...).</param>
/// <param name="PeriodStart">First day of the period.</param>
/// <param name="PeriodEnd">Last day of the period.</param>
/// <param name="Value">Intensity in the period.</param>
/// <param name="Events">Conflict events in the period.</param>
/// <param name="BaselineMean">Mean intensity of the baseline periods.</param>
/// <param name="BaselineSd">Their standard deviation.</param>
/// <param name="Threshold">mean + K·sd: the value to exceed.</param>
/// <param name="Rule">The rule in words.</param>
/// <param name="EventIds">Merged events behind it.</param>
/// <param name="MentionIds">Their mentions.</param>
/// <param name="DocIds">Their documents.</param>
public sealed record Alert(
    string Key,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    double Value,
    int Events,
    double BaselineMean,
    double BaselineSd,
    double Threshold,
    string Rule,
    IReadOnlyList<string> EventIds,
    IReadOnlyList<string> MentionIds,
    IReadOnlyList<string> DocIds);

public sealed partial class EventStore
{
    /// <summary>Escalation alerts by <paramref name="settings"/>, ordered by period then key (re-merges first if stale).</summary>
    public IReadOnlyList<Alert> Alerts(AlertSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.BaselinePeriods, 1);
        EnsureMerged();
        var unit = Unit(settings.Interval);
        var conflict = settings.Measure == AlertMeasure.ConflictCount ? "e.quad_class IN (3, 4)" : "e.goldstein < 0";
        var measure = settings.Measure == AlertMeasure.ConflictCount ? "count(*)" : "sum(-b.goldstein)";

        // The span of all periods with any selected event, so quiet periods count as zero in every series.
        var spanParameters = new List<DuckDBParameter>();
        var where = settings.Filter.ToSql("e", StoreLevel.Events, spanParameters);
        DateOnly first, last;
        using (var span = Command($"SELECT min(e.date), max(e.date) FROM events e {where}", spanParameters))
        using (var r = span.ExecuteReader())
        {
            if (!r.Read() || r.IsDBNull(0))
            {
                return [];
            }
            first = PeriodOf(r.GetFieldValue<DateOnly>(0), settings.Interval);
            last = PeriodOf(r.GetFieldValue<DateOnly>(1), settings.Interval);
        }
        var periods = new List<DateOnly>();
        for (var p = first; p <= last; p = NextPeriod(p, settings.Interval))
        {
            periods.Add(p);
        }
        var index = new Dictionary<DateOnly, int>();
        for (var i = 0; i < periods.Count; i++)
        {
            index[periods[i]] = i;
        }

        var parameters = new List<DuckDBParameter>();
        var baseSql = BaseSql(settings.Filter, StoreLevel.Events, settings.GroupBy, unit, parameters, conflict);
        var series = new SortedDictionary<string, (double[] Values, int[] Counts)>(StringComparer.Ordinal);
        using (var command = Command($"SELECT b.key, b.period, {measure}, count(*) FROM ({baseSql}) b GROUP BY b.key, b.period", parameters))
        using (var r = command.ExecuteReader())
        {
            while (r.Read())
            {
                var key = r.GetString(0);
                if (!series.TryGetValue(key, out var s))
                {
                    s = (new double[periods.Count], new int[periods.Count]);
                    series.Add(key, s);
                }
                var i = index[r.GetFieldValue<DateOnly>(1)];
                s.Values[i] = Convert.ToDouble(r.GetValue(2), CultureInfo.InvariantCulture);
                s.Counts[i] = Convert.ToInt32(r.GetValue(3), CultureInfo.InvariantCulture);
            }
        }

        var found = new List<(string Key, int Period, double Mean, double Sd, double Threshold)>();
        var n = settings.BaselinePeriods;
        foreach (var (key, (values, counts)) in series)
        {
            for (var t = n; t < periods.Count; t++)
            {
                double sum = 0, squares = 0;
                for (var j = t - n; j < t; j++)
                {
                    sum += values[j];
                }
                var mean = sum / n;
                for (var j = t - n; j < t; j++)
                {
                    squares += (values[j] - mean) * (values[j] - mean);
                }
                var sd = Math.Sqrt(squares / n);
                var threshold = mean + settings.K * sd;
                if (values[t] > threshold && counts[t] >= settings.MinEvents)
                {
                    found.Add((key, t, mean, sd, threshold));
                }
            }
        }
        found.Sort((a, b) => a.Period != b.Period ? a.Period.CompareTo(b.Period) : string.CompareOrdinal(a.Key, b.Key));

        // The evidence of every alert in one query: the (key, period) pairs go in a temporary table to join on.
        Execute("CREATE TEMP TABLE IF NOT EXISTS alert_keys (key VARCHAR, period DATE)");
        Execute("DELETE FROM alert_keys");
        using (var appender = _connection.CreateAppender("temp", "main", "alert_keys"))
        {
            foreach (var (key, t, _, _, _) in found)
            {
                appender.CreateRow().AppendValue(key).AppendValue((DateOnly?)periods[t]).EndRow();
            }
        }
        var evidence = new Dictionary<(string, DateOnly), (List<string> Events, List<string> Mentions, SortedSet<string> Docs)>();
        foreach (var (key, t, _, _, _) in found)
        {
            evidence[(key, periods[t])] = ([], [], new SortedSet<string>(StringComparer.Ordinal));
        }
        if (found.Count > 0)
        {
            var evidenceParameters = new List<DuckDBParameter>();
            var sql = $"""
                SELECT DISTINCT b.key, b.period, b.id, em.mention_id, em.doc_id
                FROM ({BaseSql(settings.Filter, StoreLevel.Events, settings.GroupBy, unit, evidenceParameters, conflict)}) b
                JOIN alert_keys k ON k.key = b.key AND k.period = b.period
                JOIN event_mentions em ON em.event_id = b.id
                ORDER BY b.key, b.period, b.id, em.mention_id
                """;
            using var command = Command(sql, evidenceParameters);
            using var r = command.ExecuteReader();
            while (r.Read())
            {
                var (events, mentions, docs) = evidence[(r.GetString(0), r.GetFieldValue<DateOnly>(1))];
                var id = r.GetString(2);
                if (events.Count == 0 || events[^1] != id)
                {
                    events.Add(id);
                }
                mentions.Add(r.GetString(3));
                docs.Add(r.GetString(4));
            }
        }

        var alerts = new List<Alert>(found.Count);
        foreach (var (key, t, mean, sd, threshold) in found)
        {
            var (events, mentions, docs) = evidence[(key, periods[t])];
            var (values, counts) = series[key];
            alerts.Add(new Alert(key, periods[t], NextPeriod(periods[t], settings.Interval).AddDays(-1), values[t], counts[t],
                mean, sd, threshold, settings.Rule, events, mentions, [.. docs]));
        }
        return alerts;
    }
}
