using System.Globalization;
using DuckDB.NET.Data;

namespace Casus.Store;

/// <summary>Period length of a time series.</summary>
public enum SeriesInterval
{
    /// <summary>Calendar days.</summary>
    Day,

    /// <summary>ISO weeks, Monday to Sunday (periods are named by their Monday).</summary>
    Week,

    /// <summary>Calendar months (named by their first day).</summary>
    Month,
}

/// <summary>What a series is split by.</summary>
public enum SeriesGroup
{
    /// <summary>One series over everything selected (key <c>all</c>).</summary>
    Total,

    /// <summary>Directed country dyad, key <c>SRC&gt;TGT</c> (<c>-</c> for none).</summary>
    Dyad,

    /// <summary>Country of either actor: an event counts once for its source's country and once for its target's (if different).</summary>
    Country,

    /// <summary>Directed actor-code dyad, key <c>USAGOV&gt;IRNMIL</c>.</summary>
    ActorDyad,

    /// <summary>Country of the event's place (events without a place are left out).</summary>
    Place,
}

/// <summary>A time-series request. Immutable.</summary>
public sealed record SeriesRequest
{
    /// <summary>Period length (default week).</summary>
    public SeriesInterval Interval { get; init; } = SeriesInterval.Week;

    /// <summary>Split (default one total series).</summary>
    public SeriesGroup GroupBy { get; init; } = SeriesGroup.Total;

    /// <summary>Merged events (default) or single mentions.</summary>
    public StoreLevel Level { get; init; } = StoreLevel.Events;

    /// <summary>Which events count.</summary>
    public EventFilter Filter { get; init; } = EventFilter.All;
}

/// <summary>
/// One period of one series: counts per quad class, Goldstein sum and mean, and the same normalised by the documents
/// ingested with a publication date in the period (per 1,000 documents; null when the period has none).
/// </summary>
/// <param name="Period">First day of the period.</param>
/// <param name="Key">The series (see <see cref="SeriesGroup"/>).</param>
/// <param name="Events">Events in the period.</param>
/// <param name="Quad1">Verbal cooperation.</param>
/// <param name="Quad2">Material cooperation.</param>
/// <param name="Quad3">Verbal conflict.</param>
/// <param name="Quad4">Material conflict.</param>
/// <param name="GoldsteinSum">Sum of Goldstein values.</param>
/// <param name="GoldsteinMean">Mean Goldstein value (null when no event has one).</param>
/// <param name="Documents">Documents ingested with a date in the period (all documents, not only those matching).</param>
/// <param name="EventsPer1000Documents">Events per 1,000 documents.</param>
/// <param name="ConflictPer1000Documents">Quad 3 and 4 events per 1,000 documents.</param>
/// <param name="GoldsteinSumPer1000Documents">Goldstein sum per 1,000 documents.</param>
public sealed record SeriesPoint(
    DateOnly Period,
    string Key,
    long Events,
    long Quad1,
    long Quad2,
    long Quad3,
    long Quad4,
    double GoldsteinSum,
    double? GoldsteinMean,
    long Documents,
    double? EventsPer1000Documents,
    double? ConflictPer1000Documents,
    double? GoldsteinSumPer1000Documents);

public sealed partial class EventStore
{
    /// <summary>Time series of <paramref name="request"/>, ordered by period then key (re-merges first if stale).</summary>
    public IReadOnlyList<SeriesPoint> Series(SeriesRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Level == StoreLevel.Events)
        {
            EnsureMerged();
        }
        var parameters = new List<DuckDBParameter>();
        var unit = Unit(request.Interval);
        var sql = $"""
            WITH base AS ({BaseSql(request.Filter, request.Level, request.GroupBy, unit, parameters, extraCondition: null)}),
            docs AS (SELECT CAST(date_trunc('{unit}', date) AS DATE) AS period, count(*) AS n FROM documents WHERE date IS NOT NULL GROUP BY 1)
            SELECT b.period, b.key, count(*),
                   count(*) FILTER (WHERE b.quad_class = 1), count(*) FILTER (WHERE b.quad_class = 2),
                   count(*) FILTER (WHERE b.quad_class = 3), count(*) FILTER (WHERE b.quad_class = 4),
                   coalesce(sum(b.goldstein), 0), avg(b.goldstein), coalesce(any_value(d.n), 0)
            FROM base b LEFT JOIN docs d ON d.period = b.period
            GROUP BY b.period, b.key
            ORDER BY b.period, b.key
            """;
        using var command = Command(sql, parameters);
        using var r = command.ExecuteReader();
        var points = new List<SeriesPoint>();
        while (r.Read())
        {
            var events = r.GetInt64(2);
            var q3 = r.GetInt64(5);
            var q4 = r.GetInt64(6);
            var sum = r.GetDouble(7);
            var documents = r.GetInt64(9);
            double? Per(double x) => documents > 0 ? x * 1000.0 / documents : null;
            points.Add(new SeriesPoint(
                r.GetFieldValue<DateOnly>(0), r.GetString(1), events, r.GetInt64(3), r.GetInt64(4), q3, q4,
                sum, GetDouble(r, 8), documents, Per(events), Per(q3 + q4), Per(sum)));
        }
        return points;
    }

    internal static string Unit(SeriesInterval interval) => interval switch
    {
        SeriesInterval.Day => "day",
        SeriesInterval.Week => "week",
        SeriesInterval.Month => "month",
        _ => throw new ArgumentOutOfRangeException(nameof(interval)),
    };

    /// <summary>
    /// SELECT of (id, period, key, quad_class, goldstein) rows over events or mentions for series and alerts; keys
    /// come from column expressions only, user values only through parameters.
    /// </summary>
    internal static string BaseSql(EventFilter filter, StoreLevel level, SeriesGroup group, string unit, List<DuckDBParameter> parameters, string? extraCondition)
    {
        var (table, id) = level == StoreLevel.Events ? ("events", "event_id") : ("mentions", "mention_id");
        var where = filter.ToSql("e", level, parameters);
        var condition = (where.Length == 0 ? "WHERE " : where + " AND ") + "e.date IS NOT NULL" + (extraCondition is null ? "" : " AND " + extraCondition);
        string Select(string key, string? also = null) =>
            $"SELECT e.{id} AS id, CAST(date_trunc('{unit}', e.date) AS DATE) AS period, {key} AS key, e.quad_class, e.goldstein " +
            $"FROM {table} e {condition}{(also is null ? "" : " AND " + also)}";
        return group switch
        {
            SeriesGroup.Total => Select("'all'"),
            SeriesGroup.Dyad => Select("coalesce(e.source_country, '-') || '>' || coalesce(e.target_country, '-')"),
            SeriesGroup.ActorDyad => Select("coalesce(e.source_code, '-') || '>' || coalesce(e.target_code, '-')"),
            SeriesGroup.Place => Select("e.loc_country", "e.loc_country IS NOT NULL"),
            SeriesGroup.Country => Select("e.source_country", "e.source_country IS NOT NULL") + " UNION ALL " +
                Select("e.target_country", "e.target_country IS NOT NULL AND e.target_country IS DISTINCT FROM e.source_country"),
            _ => throw new ArgumentOutOfRangeException(nameof(group)),
        };
    }

    internal static DateOnly NextPeriod(DateOnly period, SeriesInterval interval) => interval switch
    {
        SeriesInterval.Day => period.AddDays(1),
        SeriesInterval.Week => period.AddDays(7),
        _ => period.AddMonths(1),
    };

    internal static DateOnly PeriodOf(DateOnly date, SeriesInterval interval) => interval switch
    {
        SeriesInterval.Day => date,
        SeriesInterval.Week => date.AddDays(-(((int)date.DayOfWeek + 6) % 7)),
        _ => new DateOnly(date.Year, date.Month, 1),
    };

    internal static string Describe(SeriesInterval interval) => interval.ToString().ToLower(CultureInfo.InvariantCulture);
}
