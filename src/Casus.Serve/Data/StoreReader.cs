using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Casus.Serve.Api;
using DuckDB.NET.Data;

namespace Casus.Serve.Data;

/// <summary>
/// Read-only queries over a Casus store (schema: <c>src/Casus.Store/Schema.sql</c>) for the API. Thread-safe: each
/// call rents one of a pool of read-only DuckDB connections (a connection itself is not thread-safe). Every value from
/// a request reaches SQL as a parameter; only fixed fragments chosen from whitelists are written into the SQL text.
/// </summary>
public sealed class StoreReader : IDisposable
{
    private const string EventColumns =
        "e.event_id, e.global_id, e.kind, e.date, e.end_date, e.source_code, e.source_country, e.source_sector, e.source_name, " +
        "e.target_code, e.target_country, e.target_sector, e.target_name, e.cameo, e.root, e.plover, e.quad_class, e.goldstein, " +
        "e.modality, e.loc_name, e.loc_country, e.loc_admin1, e.loc_lat, e.loc_lon, e.loc_precision, e.loc_geonameid, " +
        "e.num_mentions, e.num_sources, e.num_articles, e.confidence, e.killed, e.injured, e.missing, e.arrested, e.displaced, " +
        "e.is_root_event, e.first_doc_id, e.representative, r.trigger_text, r.text";

    private const string MentionColumns =
        "m.mention_id, em.event_id, m.doc_id, d.title, d.date, m.sentence, m.date, " +
        "m.source_text, m.source_code, m.source_country, m.source_sector, m.source_entity, m.source_start, m.source_end, " +
        "m.target_text, m.target_code, m.target_country, m.target_sector, m.target_entity, m.target_start, m.target_end, " +
        "m.cameo, m.root, m.plover, m.quad_class, m.goldstein, m.trigger_text, m.trigger_start, m.trigger_end, " +
        "m.text, m.text_start, m.text_end, m.modality, m.attributed_text, m.attributed_code, m.confidence, m.pattern, " +
        "m.loc_name, m.loc_country, m.loc_admin1, m.loc_lat, m.loc_lon, m.loc_geonameid, m.loc_precision, m.loc_start, m.loc_end, m.loc_basis, " +
        "m.killed, m.injured, m.missing, m.arrested, m.displaced";

    private readonly string _connectionString;
    private readonly ConcurrentBag<DuckDBConnection> _idle = [];
    private readonly ConcurrentBag<Casus.Store.EventStore> _stores = [];
    private readonly CountryPoints _countries;
    private int _disposed;

    /// <summary>Opens the store at <paramref name="path"/> read-only; <paramref name="countries"/> places country-level events.</summary>
    public StoreReader(string path, CountryPoints countries)
    {
        Path = path;
        _countries = countries;
        _connectionString = $"Data Source={path};ACCESS_MODE=READ_ONLY";
        Return(Rent()); // fail now, with the path, rather than on the first request
    }

    /// <summary>The store file.</summary>
    public string Path { get; }

    /// <summary>Closes the pooled connections.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            while (_idle.TryTake(out var c))
            {
                c.Dispose();
            }
            while (_stores.TryTake(out var store))
            {
                store.Dispose();
            }
        }
    }

    /// <summary>Counts for <c>/api/health</c>.</summary>
    public (long Documents, long Mentions, long Events, bool MergeIsCurrent) Counts()
    {
        const string sql = "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM mentions), (SELECT count(*) FROM events), " +
            "coalesce((SELECT value FROM store_meta WHERE key = 'mentions_version'), '0') = coalesce((SELECT value FROM store_meta WHERE key = 'merged_version'), '')";
        return Query(sql, new SqlParameters(), r => (r.Long(0), r.Long(1), r.Long(2), r.Bool(3)))[0];
    }

    /// <summary>A page of merged events, filtered and sorted.</summary>
    public PageJson<EventJson> Events(ApiFilter filter, EventSort sort, int limit, int offset)
    {
        var p = new SqlParameters();
        var where = new StringBuilder("WHERE true");
        filter.AppendWhere(where, p);
        var total = Query($"SELECT count(*) FROM events e {where}", p, r => r.Long(0))[0];
        // Page first, then join the page's representative reports: joining before the limit would hash the whole
        // mentions table for every page.
        var sql = $"WITH page AS (SELECT * FROM events e {where} ORDER BY {OrderBy(sort)}, e.event_id LIMIT {p.Add(limit)} OFFSET {p.Add(offset)}) " +
            $"SELECT {EventColumns} FROM page e LEFT JOIN mentions r ON r.mention_id = e.representative ORDER BY {OrderBy(sort)}, e.event_id";
        return new PageJson<EventJson>(total, limit, offset, Query(sql, p, ReadEvent));
    }

    /// <summary>A merged event and its reports; also found by the id of one of its mentions. Null when unknown.</summary>
    public EventDetailJson? Event(string id)
    {
        var p = new SqlParameters();
        var key = p.Add(id);
        var sql = $"SELECT {EventColumns} FROM events e LEFT JOIN mentions r ON r.mention_id = e.representative " +
            $"WHERE e.event_id = {key} OR e.event_id = (SELECT event_id FROM event_mentions WHERE mention_id = {key}) LIMIT 1";
        var found = Query(sql, p, ReadEvent);
        if (found.Count == 0)
        {
            return null;
        }
        var e = found[0];
        var q = new SqlParameters();
        var mentions = Query(
            $"SELECT {MentionColumns} FROM event_mentions em JOIN mentions m ON m.mention_id = em.mention_id " +
            $"LEFT JOIN documents d ON d.doc_id = m.doc_id WHERE em.event_id = {q.Add(e.Id)} ORDER BY em.ordinal, m.mention_id", q, ReadMention);
        return new EventDetailJson(e, mentions);
    }

    /// <summary>A document with its text and every coded mention in it, in text order. Null when unknown.</summary>
    public DocumentJson? Document(string id)
    {
        var p = new SqlParameters();
        var docs = Query($"SELECT doc_id, title, date, url, source, text, event_count FROM documents WHERE doc_id = {p.Add(id)}", p,
            r => (Id: r.GetString(0), Title: r.Str(1), Date: r.Date(2), Url: r.Str(3), Source: r.Str(4), Text: r.Str(5), Count: r.Int(6) ?? 0));
        if (docs.Count == 0)
        {
            return null;
        }
        var d = docs[0];
        var q = new SqlParameters();
        var mentions = Query(
            $"SELECT {MentionColumns} FROM mentions m LEFT JOIN event_mentions em ON em.mention_id = m.mention_id " +
            $"LEFT JOIN documents d ON d.doc_id = m.doc_id WHERE m.doc_id = {q.Add(id)} ORDER BY m.text_start NULLS LAST, m.trigger_start, m.mention_id", q, ReadMention);
        return new DocumentJson(d.Id, d.Title, d.Date, d.Url, d.Source, d.Text, d.Count, mentions);
    }

    /// <summary>
    /// Events per day, week (from Monday) or month by quad class with Goldstein sum and mean, from Casus.Store's
    /// series; every period from the first to the last present (empty ones as zeros), with the store's normalisation
    /// per 1,000 documents published in the period and, when filtered, the share of all events of the period.
    /// </summary>
    public SeriesJson Series(ApiFilter filter, SeriesInterval by)
    {
        var interval = by switch
        {
            SeriesInterval.Day => Casus.Store.SeriesInterval.Day,
            SeriesInterval.Week => Casus.Store.SeriesInterval.Week,
            _ => Casus.Store.SeriesInterval.Month,
        };
        var (points, all) = WithStore(store =>
        {
            var selected = store.Series(new Casus.Store.SeriesRequest { Interval = interval, Filter = filter.ToStore() });
            var everything = filter.IsEmpty || selected.Count == 0
                ? selected
                : store.Series(new Casus.Store.SeriesRequest { Interval = interval, Filter = new Casus.Store.EventFilter { From = selected[0].Period, To = End(selected[^1].Period, by) } });
            return (selected, everything);
        });
        if (points.Count == 0)
        {
            return new SeriesJson(Name(by), []);
        }
        var totals = new Dictionary<DateOnly, (long Events, long Documents)>();
        foreach (var point in all)
        {
            totals[point.Period] = (point.Events, point.Documents);
        }
        var items = new List<SeriesPointJson>();
        var index = 0;
        for (var period = points[0].Period; period <= points[^1].Period; period = Next(period, by))
        {
            var (everything, documents) = totals.GetValueOrDefault(period);
            if (index < points.Count && points[index].Period == period)
            {
                var x = points[index++];
                items.Add(new SeriesPointJson(period, End(period, by), x.Events, x.Quad1, x.Quad2, x.Quad3, x.Quad4, x.GoldsteinSum, x.GoldsteinMean,
                    x.Documents, x.EventsPer1000Documents, x.ConflictPer1000Documents, everything > 0 ? (double)x.Events / everything : null));
            }
            else
            {
                items.Add(new SeriesPointJson(period, End(period, by), 0, 0, 0, 0, 0, 0, null, documents, documents > 0 ? 0 : null, documents > 0 ? 0 : null, null));
            }
        }
        return new SeriesJson(Name(by), items);
    }

    /// <summary>Escalation alerts from Casus.Store (mean + k·sd of the previous periods), most recent first.</summary>
    public AlertsJson Alerts(ApiFilter filter, SeriesInterval by, Casus.Store.SeriesGroup group, Casus.Store.AlertMeasure measure, int limit)
    {
        var interval = by switch
        {
            SeriesInterval.Day => Casus.Store.SeriesInterval.Day,
            SeriesInterval.Week => Casus.Store.SeriesInterval.Week,
            _ => Casus.Store.SeriesInterval.Month,
        };
        var settings = new Casus.Store.AlertSettings { Interval = interval, GroupBy = group, Measure = measure, Filter = filter.ToStore() };
        var alerts = WithStore(store => store.Alerts(settings));
        var items = new List<AlertJson>();
        for (var i = alerts.Count - 1; i >= 0 && items.Count < limit; i--)
        {
            var a = alerts[i];
            var filters = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["from"] = a.PeriodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["to"] = a.PeriodEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            };
            var subject = a.Key;
            switch (group)
            {
                case Casus.Store.SeriesGroup.Country:
                    filters["country"] = a.Key;
                    subject = _countries.TryGet(a.Key, out var c) ? $"{c.Name} ({a.Key})" : a.Key;
                    break;
                case Casus.Store.SeriesGroup.Dyad or Casus.Store.SeriesGroup.ActorDyad when !a.Key.Contains('-', StringComparison.Ordinal):
                    filters["dyad"] = a.Key.Replace('>', '-');
                    subject = a.Key.Replace(">", " → ", StringComparison.Ordinal);
                    break;
                case Casus.Store.SeriesGroup.Place:
                    filters["place_country"] = a.Key;
                    break;
                default:
                    break;
            }
            var what = measure == Casus.Store.AlertMeasure.ConflictCount ? "conflict events" : "negative Goldstein";
            var message = measure == Casus.Store.AlertMeasure.ConflictCount
                ? string.Create(CultureInfo.InvariantCulture, $"{a.Events} {what} against a baseline of {a.BaselineMean:0.#} ± {a.BaselineSd:0.#} (threshold {a.Threshold:0.#})")
                : string.Create(CultureInfo.InvariantCulture, $"{a.Value:0.#} {what} in {a.Events} conflict events against a baseline of {a.BaselineMean:0.#} ± {a.BaselineSd:0.#} (threshold {a.Threshold:0.#})");
            items.Add(new AlertJson(a.PeriodStart, a.PeriodEnd, subject, message, a.Rule, a.Value, a.Events, a.BaselineMean, a.BaselineSd, a.Threshold, filters, a.EventIds));
        }
        return new AlertsJson(Name(by), measure == Casus.Store.AlertMeasure.ConflictCount ? "conflict" : "goldstein", items);
    }

    /// <summary>Directed dyads (by country or by actor code), most events first.</summary>
    public DyadsJson Dyads(ApiFilter filter, bool byActor, bool domestic, int limit)
    {
        var (s, t) = byActor ? ("e.source_code", "e.target_code") : ("e.source_country", "e.target_country");
        var p = new SqlParameters();
        var where = new StringBuilder($"WHERE {s} IS NOT NULL AND {t} IS NOT NULL");
        if (!domestic)
        {
            where.Append(" AND (e.source_country IS NULL OR e.target_country IS NULL OR e.source_country <> e.target_country)");
        }
        filter.AppendWhere(where, p);
        var sql = $"SELECT {s}, {t}, count(*) AS n, avg(e.goldstein), count(*) FILTER (WHERE e.quad_class <= 2), " +
            "count(*) FILTER (WHERE e.quad_class >= 3), count(*) FILTER (WHERE e.quad_class = 4) " +
            $"FROM events e {where} GROUP BY {s}, {t} ORDER BY n DESC, {s}, {t} LIMIT {p.Add(limit)}";
        var items = Query(sql, p, r => new DyadJson(r.GetString(0), r.GetString(1), r.Long(2), r.Dbl(3), r.Long(4), r.Long(5), r.Long(6)));
        return new DyadsJson(byActor ? "actor" : "country", items);
    }

    /// <summary>
    /// Events by place: those with coordinates by their place; the others at their country's representative point
    /// (the place's country, else the target's, else the source's). Most events first.
    /// </summary>
    public PlacesJson Places(ApiFilter filter, int limit)
    {
        var p = new SqlParameters();
        var where = new StringBuilder("WHERE true");
        filter.AppendWhere(where, p);
        var located = Query(
            "SELECT e.loc_name, e.loc_country, avg(e.loc_lat), avg(e.loc_lon), any_value(e.loc_precision), count(*) AS n, avg(e.goldstein), " +
            $"count(*) FILTER (WHERE e.quad_class >= 3) FROM events e {where} AND e.loc_lat IS NOT NULL AND e.loc_lon IS NOT NULL " +
            "GROUP BY e.loc_name, e.loc_country, round(e.loc_lat, 2), round(e.loc_lon, 2) ORDER BY n DESC",
            p, r => new PlaceItemJson(r.Str(0), r.Str(1), r.Dbl(2), r.Dbl(3), r.StrOr(4, "site"), "place", r.Long(5), r.Dbl(6), r.Long(7)));
        var byCountry = Query(
            "SELECT coalesce(e.loc_country, e.target_country, e.source_country) AS c, " +
            "CASE WHEN e.loc_country IS NOT NULL THEN 'place country' ELSE 'actor country' END AS basis, count(*), sum(e.goldstein), count(e.goldstein), " +
            $"count(*) FILTER (WHERE e.quad_class >= 3) FROM events e {where} AND (e.loc_lat IS NULL OR e.loc_lon IS NULL) GROUP BY c, basis",
            p, r => (Country: r.Str(0), Basis: r.GetString(1), Events: r.Long(2), Sum: r.Dbl(3) ?? 0, Scored: r.Long(4), Conflict: r.Long(5)));
        long unplaced = 0;
        var countries = new Dictionary<string, (long Events, double Sum, long Scored, long Conflict, string Basis)>(StringComparer.Ordinal);
        foreach (var row in byCountry)
        {
            if (row.Country is null || !_countries.TryGet(row.Country, out _))
            {
                unplaced += row.Events;
                continue;
            }
            var had = countries.GetValueOrDefault(row.Country);
            var basis = had.Basis is null || had.Basis == row.Basis ? row.Basis : "place and actor country";
            countries[row.Country] = (had.Events + row.Events, had.Sum + row.Sum, had.Scored + row.Scored, had.Conflict + row.Conflict, basis);
        }
        var items = new List<PlaceItemJson>(located);
        foreach (var (code, c) in countries)
        {
            _countries.TryGet(code, out var point);
            items.Add(new PlaceItemJson(point.Name, code, point.Lat, point.Lon, "country", c.Basis, c.Events, c.Scored > 0 ? c.Sum / c.Scored : null, c.Conflict));
        }
        items.Sort((a, b) => b.Events != a.Events ? b.Events.CompareTo(a.Events) : string.CompareOrdinal(a.Country + a.Name, b.Country + b.Name));
        if (items.Count > limit)
        {
            items.RemoveRange(limit, items.Count - limit);
        }
        return new PlacesJson(items, unplaced);
    }

    /// <summary>Totals for the header, and events per country (as source or target, as the country filter selects) for the country filter.</summary>
    public SummaryJson Summary(ApiFilter filter)
    {
        var p = new SqlParameters();
        var where = new StringBuilder("WHERE true");
        filter.AppendWhere(where, p);
        var sql = $"WITH f AS (SELECT * FROM events e {where}) SELECT count(*), coalesce(sum(num_mentions), 0)::BIGINT, min(date), max(date), avg(goldstein), " +
            "count(*) FILTER (WHERE quad_class = 1), count(*) FILTER (WHERE quad_class = 2), count(*) FILTER (WHERE quad_class = 3), count(*) FILTER (WHERE quad_class = 4), " +
            "(SELECT count(DISTINCT em.doc_id) FROM event_mentions em JOIN f ON f.event_id = em.event_id), quantile_disc(date, 0.05), quantile_disc(date, 0.99) FROM f";
        var head = Query(sql, p, r => (Events: r.Long(0), Mentions: r.Long(1), First: r.Date(2), Last: r.Date(3), Mean: r.Dbl(4), Q1: r.Long(5), Q2: r.Long(6), Q3: r.Long(7), Q4: r.Long(8), Docs: r.Long(9), From: r.Date(10), To: r.Date(11)))[0];
        var countries = Query(
            $"WITH f AS (SELECT * FROM events e {where}), c AS (SELECT event_id, source_country AS country FROM f UNION SELECT event_id, target_country FROM f) " +
            "SELECT country, count(*) AS n FROM c WHERE country IS NOT NULL GROUP BY country ORDER BY n DESC, country",
            p, r => new CountryCountJson(r.GetString(0), r.Long(1)));
        var quads = new Dictionary<string, long> { ["1"] = head.Q1, ["2"] = head.Q2, ["3"] = head.Q3, ["4"] = head.Q4 };
        return new SummaryJson(head.Events, head.Mentions, head.Docs, countries.Count, head.First, head.Last, head.From, head.To, head.Mean, quads, countries);
    }

    internal static DateOnly Next(DateOnly period, SeriesInterval by) => by switch
    {
        SeriesInterval.Day => period.AddDays(1),
        SeriesInterval.Week => period.AddDays(7),
        _ => period.AddMonths(1),
    };

    private static DateOnly End(DateOnly period, SeriesInterval by) => Next(period, by).AddDays(-1);

    private static string Name(SeriesInterval by) => by switch
    {
        SeriesInterval.Day => "day",
        SeriesInterval.Week => "week",
        _ => "month",
    };

    private static string OrderBy(EventSort sort) => sort switch
    {
        EventSort.DateAscending => "e.date ASC NULLS LAST",
        EventSort.GoldsteinAscending => "e.goldstein ASC NULLS LAST, e.date DESC NULLS LAST",
        EventSort.GoldsteinDescending => "e.goldstein DESC NULLS LAST, e.date DESC NULLS LAST",
        EventSort.MentionsDescending => "e.num_mentions DESC, e.date DESC NULLS LAST",
        _ => "e.date DESC NULLS LAST",
    };

    private static EventJson ReadEvent(DbDataReader r)
    {
        static ActorJson? Actor(DbDataReader r, int i) =>
            r.IsDBNull(i) && r.IsDBNull(i + 1) ? null : new ActorJson(r.Str(i), r.Str(i + 1), r.Str(i + 2), r.Str(i + 3));
        var place = r.IsDBNull(19) && r.IsDBNull(20) && r.IsDBNull(22)
            ? null
            : new PlaceJson(r.Str(19), r.Str(20), r.Str(21), r.Dbl(22), r.Dbl(23), r.Str(24), r.LongN(25));
        return new EventJson(
            r.GetString(0), r.Long(1), r.GetString(2), r.Date(3), r.Date(4), Actor(r, 5), Actor(r, 9),
            r.Str(13), r.Str(14), r.Str(15), r.Int(16), r.Dbl(17), r.Str(18), place,
            r.Int(26) ?? 0, r.Int(27) ?? 0, r.Int(28) ?? 0, r.Dbl(29),
            r.Int(30), r.Int(31), r.Int(32), r.Int(33), r.Int(34),
            r.Bool(35), r.GetString(36), r.GetString(37), r.Str(38), r.Str(39));
    }

    private static MentionJson ReadMention(DbDataReader r)
    {
        static MentionActorJson? Actor(DbDataReader r, int i) =>
            r.IsDBNull(i) && r.IsDBNull(i + 1) ? null : new MentionActorJson(r.Str(i), r.Str(i + 1), r.Str(i + 2), r.Str(i + 3), r.Str(i + 4), r.Span(i + 5, i + 6));
        var trigger = r.IsDBNull(26) && r.IsDBNull(27) ? null : new TriggerJson(r.Str(26), r.Span(27, 28));
        var attributed = r.IsDBNull(33) && r.IsDBNull(34) ? null : new AttributionJson(r.Str(33), r.Str(34));
        var location = r.IsDBNull(37) && r.IsDBNull(38) && r.IsDBNull(40)
            ? null
            : new MentionPlaceJson(r.Str(37), r.Str(38), r.Str(39), r.Dbl(40), r.Dbl(41), r.LongN(42), r.Str(43), r.Span(44, 45), r.Str(46));
        var casualties = Enumerable.Range(47, 5).All(r.IsDBNull) ? null : new CasualtiesJson(r.Int(47), r.Int(48), r.Int(49), r.Int(50), r.Int(51));
        return new MentionJson(
            r.GetString(0), r.Str(1), r.GetString(2), r.Str(3), r.Date(4), r.Int(5), r.Date(6),
            Actor(r, 7), Actor(r, 14), r.Str(21), r.Str(22), r.Str(23), r.Int(24), r.Dbl(25), trigger,
            r.Str(29), r.Span(30, 31), r.Str(32), attributed, r.Dbl(35), r.Str(36), location, casualties);
    }

    /// <summary>Runs <paramref name="work"/> on a pooled read-only Casus.Store instance (one is not thread-safe).</summary>
    private T WithStore<T>(Func<Casus.Store.EventStore, T> work)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (!_stores.TryTake(out var store))
        {
            store = Casus.Store.EventStore.OpenReadOnly(Path);
        }
        try
        {
            return work(store);
        }
        finally
        {
            if (_disposed != 0)
            {
                store.Dispose();
            }
            else
            {
                _stores.Add(store);
            }
        }
    }

    private List<T> Query<T>(string sql, SqlParameters parameters, Func<DbDataReader, T> read)
    {
        var connection = Rent();
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            parameters.ApplyTo(command);
            using var reader = command.ExecuteReader();
            var list = new List<T>();
            while (reader.Read())
            {
                list.Add(read(reader));
            }
            return list;
        }
        finally
        {
            Return(connection);
        }
    }

    private DuckDBConnection Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (_idle.TryTake(out var connection))
        {
            return connection;
        }
        connection = new DuckDBConnection(_connectionString);
        try
        {
            connection.Open();
        }
        catch (Exception e)
        {
            connection.Dispose();
            throw new InvalidOperationException($"cannot open the event store '{Path}' read-only: {e.Message}", e);
        }
        return connection;
    }

    private void Return(DuckDBConnection connection)
    {
        if (_disposed != 0)
        {
            connection.Dispose();
            return;
        }
        _idle.Add(connection);
    }
}

/// <summary>Sort orders of <c>/api/events</c>.</summary>
public enum EventSort
{
    /// <summary>Newest first (default).</summary>
    DateDescending,

    /// <summary>Oldest first.</summary>
    DateAscending,

    /// <summary>Most conflictual first.</summary>
    GoldsteinAscending,

    /// <summary>Most cooperative first.</summary>
    GoldsteinDescending,

    /// <summary>Most reported first.</summary>
    MentionsDescending,
}

/// <summary>Periods of <c>/api/series</c>.</summary>
public enum SeriesInterval
{
    /// <summary>Calendar day.</summary>
    Day,

    /// <summary>ISO week, Monday first.</summary>
    Week,

    /// <summary>Calendar month.</summary>
    Month,
}
