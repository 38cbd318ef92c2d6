using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Casus.Store;

/// <summary>How CAMEO codes of two reports must agree for them to be one event.</summary>
public enum CameoMatch
{
    /// <summary>Same two-digit root (e.g. 190 and 193 merge).</summary>
    Root,

    /// <summary>Same three-digit code (e.g. 1721 and 172 merge, 190 and 193 do not).</summary>
    Code3,

    /// <summary>Exactly the same code.</summary>
    Exact,
}

/// <summary>
/// Settings of the cross-document merge. Two reports are one event when they have the same kind, the same dyad
/// (source code and country, target code and country; null only matches null), compatible CAMEO codes
/// (<see cref="Cameo"/>), the same modality class (asserted/claimed, negated/denied, hypothetical/intended/threatened)
/// unless <see cref="SameModality"/> is off, the same place, and an event date at most <see cref="WindowDays"/> after
/// the cluster's first report's. Immutable.
/// </summary>
public sealed record MergeSettings
{
    /// <summary>The defaults: 2 days, same CAMEO root, 50 km, unknown place only matches unknown, same modality class.</summary>
    public static MergeSettings Default { get; } = new();

    /// <summary>Maximum days between a cluster's first event date and a report's event date.</summary>
    public int WindowDays { get; init; } = 2;

    /// <summary>How CAMEO codes must agree.</summary>
    public CameoMatch Cameo { get; init; } = CameoMatch.Root;

    /// <summary>
    /// Two places with coordinates and different GeoNames ids are the same place within this distance. A
    /// country-level place matches any place in that country; an admin1-level one any place in that admin1.
    /// </summary>
    public double MaxKm { get; init; } = 50;

    /// <summary>When true, a report without a place may join a cluster with one (and the reverse).</summary>
    public bool UnknownPlaceMatchesKnown { get; init; }

    /// <summary>When true (default), reports merge only within the same modality class.</summary>
    public bool SameModality { get; init; } = true;

    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>The settings as the JSON stored in <c>merge_runs.settings</c>.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads settings written by <see cref="ToJson"/>.</summary>
    public static MergeSettings FromJson(string json) =>
        JsonSerializer.Deserialize<MergeSettings>(json, Json) ?? throw new FormatException($"not merge settings: {json}");
}

/// <summary>What a merge run produced.</summary>
/// <param name="RunId">merge_runs.run_id.</param>
/// <param name="Events">Merged events.</param>
/// <param name="Mentions">Mentions clustered.</param>
/// <param name="Elapsed">Wall time.</param>
public sealed record MergeResult(long RunId, int Events, int Mentions, TimeSpan Elapsed);

public sealed partial class EventStore
{
    /// <summary>
    /// Rebuilds the merged events and their membership from the stored mentions with <paramref name="settings"/>,
    /// in one transaction. Deterministic: the same mentions and settings give the same clusters and ids, so a merge
    /// can be undone by merging again with the earlier settings. An event's id is a hash of its earliest report's
    /// mention id (earliest by event date, then id).
    /// </summary>
    public MergeResult Merge(MergeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        EnsureWritable();
        ArgumentOutOfRangeException.ThrowIfNegative(settings.WindowDays);
        var clock = Stopwatch.StartNew();
        var mentions = LoadMergeMentions();
        var clusters = Cluster(mentions, settings);
        var version = MentionsVersion();
        using var transaction = _connection.BeginTransaction();
        var runId = Convert.ToInt64(Scalar("SELECT coalesce(max(run_id), 0) + 1 FROM merge_runs"), CultureInfo.InvariantCulture);
        Execute("DELETE FROM event_mentions");
        Execute("DELETE FROM events");
        using (var events = _connection.CreateAppender("events"))
        using (var members = _connection.CreateAppender("event_mentions"))
        {
            foreach (var cluster in clusters)
            {
                AppendEvent(events, members, cluster, mentions, runId);
            }
        }
        Execute("INSERT INTO merge_runs VALUES ($r, $s, $v, $e, $m, $t)",
            ("r", runId), ("s", settings.ToJson()), ("v", version), ("e", clusters.Count), ("m", mentions.Length), ("t", UtcNow()));
        SetMeta("merged_version", version.ToString(CultureInfo.InvariantCulture));
        SetMeta("merge_settings", settings.ToJson());
        transaction.Commit();
        return new MergeResult(runId, clusters.Count, mentions.Length, clock.Elapsed);
    }

    /// <summary>
    /// Re-merges with the last settings (or the defaults) when mentions changed since the last merge; returns null
    /// when the merged events are current or the store is read-only.
    /// </summary>
    public MergeResult? EnsureMerged()
    {
        if (ReadOnly || MergeIsCurrent())
        {
            return null;
        }
        var settings = Meta("merge_settings") is { } json ? MergeSettings.FromJson(json) : MergeSettings.Default;
        return Merge(settings);
    }

    /// <summary>The settings of the last merge, or null before the first.</summary>
    public MergeSettings? LastMergeSettings() => Meta("merge_settings") is { } json ? MergeSettings.FromJson(json) : null;

    internal sealed class MergeMention
    {
        public required string Id;
        public required string DocId;
        public required string Kind;
        public int? Sentence;
        public DateOnly? Date;
        public DateOnly? Report;
        public required string SourceKey;
        public DateTime? Ingested;
        public string? SourceCode, SourceCountry, SourceSector, SourceName;
        public string? TargetCode, TargetCountry, TargetSector, TargetName;
        public string? Cameo, Root, Plover, Modality;
        public int? Quad;
        public double? Goldstein, Confidence;
        public string? LocName, LocCountry, LocAdmin1, LocPrecision;
        public double? LocLat, LocLon;
        public long? LocGeonameId;
        public int? Killed, Injured, Missing, Arrested, Displaced;

        public bool HasPlace => LocName is not null || LocCountry is not null || LocGeonameId is not null || LocLat is not null;

        public DateOnly When => Date ?? Report ?? DateOnly.MinValue;
    }

    private MergeMention[] LoadMergeMentions()
    {
        const string Sql = """
            SELECT m.mention_id, m.doc_id, m.kind, m.sentence, m.date, d.date, coalesce(d.source, d.doc_id), d.ingested_at,
                   m.source_code, m.source_country, m.source_sector, coalesce(m.source_entity, m.source_text),
                   m.target_code, m.target_country, m.target_sector, coalesce(m.target_entity, m.target_text),
                   m.cameo, m.root, m.plover, m.modality, m.quad_class, m.goldstein, m.confidence,
                   m.loc_name, m.loc_country, m.loc_admin1, m.loc_precision, m.loc_lat, m.loc_lon, m.loc_geonameid,
                   m.killed, m.injured, m.missing, m.arrested, m.displaced
            FROM mentions m JOIN documents d ON d.doc_id = m.doc_id
            """;
        var list = new List<MergeMention>();
        using var command = Command(Sql);
        using var r = command.ExecuteReader();
        while (r.Read())
        {
            list.Add(new MergeMention
            {
                Id = r.GetString(0),
                DocId = r.GetString(1),
                Kind = r.GetString(2),
                Sentence = GetInt(r, 3),
                Date = GetDate(r, 4),
                Report = GetDate(r, 5),
                SourceKey = r.GetString(6),
                Ingested = r.IsDBNull(7) ? null : r.GetDateTime(7),
                SourceCode = GetString(r, 8),
                SourceCountry = GetString(r, 9),
                SourceSector = GetString(r, 10),
                SourceName = GetString(r, 11),
                TargetCode = GetString(r, 12),
                TargetCountry = GetString(r, 13),
                TargetSector = GetString(r, 14),
                TargetName = GetString(r, 15),
                Cameo = GetString(r, 16),
                Root = GetString(r, 17),
                Plover = GetString(r, 18),
                Modality = GetString(r, 19),
                Quad = GetInt(r, 20),
                Goldstein = GetDouble(r, 21),
                Confidence = GetDouble(r, 22),
                LocName = GetString(r, 23),
                LocCountry = GetString(r, 24),
                LocAdmin1 = GetString(r, 25),
                LocPrecision = GetString(r, 26),
                LocLat = GetDouble(r, 27),
                LocLon = GetDouble(r, 28),
                LocGeonameId = GetLong(r, 29),
                Killed = GetInt(r, 30),
                Injured = GetInt(r, 31),
                Missing = GetInt(r, 32),
                Arrested = GetInt(r, 33),
                Displaced = GetInt(r, 34),
            });
        }
        // A total order independent of how DuckDB returned the rows: the merge must be deterministic.
        var array = list.ToArray();
        Array.Sort(array, static (a, b) =>
        {
            var c = a.When.CompareTo(b.When);
            return c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);
        });
        return array;
    }

    /// <summary>Clusters mentions (sorted by date, then id); each cluster lists indexes into the array, earliest first.</summary>
    internal static List<List<int>> Cluster(MergeMention[] mentions, MergeSettings settings)
    {
        var open = new Dictionary<string, List<(List<int> Members, DateOnly Anchor, int Place)>>(StringComparer.Ordinal);
        var clusters = new List<List<int>>();
        var key = new StringBuilder();
        for (var i = 0; i < mentions.Length; i++)
        {
            var m = mentions[i];
            key.Clear()
                .Append(m.Kind).Append('\u001f')
                .Append(m.SourceCode).Append('\u001f').Append(m.SourceCountry).Append('\u001f')
                .Append(m.TargetCode).Append('\u001f').Append(m.TargetCountry).Append('\u001f')
                .Append(CameoKey(m, settings.Cameo)).Append('\u001f')
                .Append(settings.SameModality ? ModalityClass(m.Modality) : '*');
            var k = key.ToString();
            if (!open.TryGetValue(k, out var candidates))
            {
                candidates = [];
                open.Add(k, candidates);
            }
            // Mentions come in date order, so clusters whose first date is out of the window never match again.
            candidates.RemoveAll(c => m.When.DayNumber - c.Anchor.DayNumber > settings.WindowDays);
            var joined = false;
            for (var c = 0; c < candidates.Count; c++)
            {
                var (members, anchor, place) = candidates[c];
                if (!SamePlace(place < 0 ? null : mentions[place], m, settings))
                {
                    continue;
                }
                members.Add(i);
                if (place < 0 && m.HasPlace)
                {
                    candidates[c] = (members, anchor, i);
                }
                joined = true;
                break;
            }
            if (!joined)
            {
                var members = new List<int> { i };
                candidates.Add((members, m.When, m.HasPlace ? i : -1));
                clusters.Add(members);
            }
        }
        return clusters;
    }

    private static string? CameoKey(MergeMention m, CameoMatch match) => match switch
    {
        CameoMatch.Root => m.Root ?? (m.Cameo is { Length: >= 2 } c ? c[..2] : m.Cameo),
        CameoMatch.Code3 => m.Cameo is { Length: > 3 } c ? c[..3] : m.Cameo,
        _ => m.Cameo,
    };

    private static char ModalityClass(string? modality) => modality switch
    {
        null or "asserted" or "claimed" => 'a',
        "negated" or "denied" => 'n',
        _ => 'h',
    };

    /// <summary>Whether a report's place is compatible with a cluster's place (null: the cluster has none yet).</summary>
    private static bool SamePlace(MergeMention? cluster, MergeMention m, MergeSettings settings)
    {
        if (cluster is null || !m.HasPlace)
        {
            return (cluster is null && !m.HasPlace) || settings.UnknownPlaceMatchesKnown;
        }
        if (cluster.LocCountry is not null && m.LocCountry is not null && cluster.LocCountry != m.LocCountry)
        {
            return false;
        }
        if (cluster.LocGeonameId is not null && cluster.LocGeonameId == m.LocGeonameId)
        {
            return true;
        }
        if (cluster.LocPrecision == "country" || m.LocPrecision == "country")
        {
            return cluster.LocCountry is not null && m.LocCountry is not null;
        }
        if (cluster.LocPrecision == "admin1" || m.LocPrecision == "admin1")
        {
            return cluster.LocAdmin1 is null || m.LocAdmin1 is null || string.Equals(cluster.LocAdmin1, m.LocAdmin1, StringComparison.OrdinalIgnoreCase);
        }
        if (cluster.LocLat is { } lat1 && cluster.LocLon is { } lon1 && m.LocLat is { } lat2 && m.LocLon is { } lon2)
        {
            return Kilometres(lat1, lon1, lat2, lon2) <= settings.MaxKm;
        }
        return cluster.LocName is not null && string.Equals(cluster.LocName, m.LocName, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Great-circle distance (haversine, mean Earth radius).</summary>
    internal static double Kilometres(double lat1, double lon1, double lat2, double lon2)
    {
        const double R = 6371.0088;
        var dLat = double.DegreesToRadians(lat2 - lat1);
        var dLon = double.DegreesToRadians(lon2 - lon1);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
            + Math.Cos(double.DegreesToRadians(lat1)) * Math.Cos(double.DegreesToRadians(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * R * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>The merged event id of a cluster whose earliest report is <paramref name="mentionId"/>.</summary>
    public static string EventIdOf(string mentionId)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes("casus-event:" + mentionId), digest);
        return Convert.ToHexStringLower(digest[..8]);
    }

    /// <summary>The numeric form of an event id (GDELT GLOBALEVENTID): its top 53 bits, safe as a JSON number.</summary>
    public static long GlobalIdOf(string eventId) =>
        (long)(ulong.Parse(eventId, NumberStyles.HexNumber, CultureInfo.InvariantCulture) >> 11);

    private static void AppendEvent(DuckDB.NET.Data.DuckDBAppender events, DuckDB.NET.Data.DuckDBAppender members,
        List<int> cluster, MergeMention[] mentions, long runId)
    {
        var first = mentions[cluster[0]];
        var eventId = EventIdOf(first.Id);
        // Most frequent CAMEO code; ties go to the earliest report.
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var best = first;
        var bestCount = 0;
        foreach (var i in cluster)
        {
            var m = mentions[i];
            var code = m.Cameo ?? "";
            var n = counts[code] = counts.GetValueOrDefault(code) + 1;
            if (n > bestCount)
            {
                bestCount = n;
                best = m;
            }
        }
        foreach (var i in cluster)
        {
            if ((mentions[i].Cameo ?? "") == (best.Cameo ?? ""))
            {
                best = mentions[i];
                break;
            }
        }
        MergeMention? place = null;
        DateOnly? date = null, endDate = null, firstReport = null, lastReport = null;
        DateTime? added = null;
        double? confidence = null;
        int? killed = null, injured = null, missing = null, arrested = null, displaced = null;
        var sources = new HashSet<string>(StringComparer.Ordinal);
        var articles = new HashSet<string>(StringComparer.Ordinal);
        var root = false;
        for (var o = 0; o < cluster.Count; o++)
        {
            var m = mentions[cluster[o]];
            place ??= m.HasPlace ? m : null;
            date = Min(date, m.Date);
            endDate = Max(endDate, m.Date);
            var report = m.Report ?? m.Date;
            firstReport = Min(firstReport, report);
            lastReport = Max(lastReport, report);
            if (m.Ingested is { } t && (added is null || t < added))
            {
                added = t;
            }
            confidence = Max(confidence, m.Confidence);
            killed = Max(killed, m.Killed);
            injured = Max(injured, m.Injured);
            missing = Max(missing, m.Missing);
            arrested = Max(arrested, m.Arrested);
            displaced = Max(displaced, m.Displaced);
            sources.Add(m.SourceKey);
            articles.Add(m.DocId);
            root |= m.Sentence is < 3;
            members.CreateRow()
                .AppendValue(m.Id)
                .AppendValue(eventId)
                .AppendValue(m.DocId)
                .AppendValue((int?)o)
                .EndRow();
        }
        events.CreateRow()
            .AppendValue(eventId)
            .AppendValue((long?)GlobalIdOf(eventId))
            .AppendValue(first.Kind)
            .AppendValue(date)
            .AppendValue(endDate)
            .AppendValue(firstReport)
            .AppendValue(lastReport)
            .AppendValue(best.SourceCode)
            .AppendValue(best.SourceCountry)
            .AppendValue(best.SourceSector)
            .AppendValue(best.SourceName)
            .AppendValue(best.TargetCode)
            .AppendValue(best.TargetCountry)
            .AppendValue(best.TargetSector)
            .AppendValue(best.TargetName)
            .AppendValue(best.Cameo)
            .AppendValue(best.Root)
            .AppendValue(best.Plover)
            .AppendValue((sbyte?)best.Quad)
            .AppendValue(best.Goldstein)
            .AppendValue(best.Modality)
            .AppendValue(place?.LocName)
            .AppendValue(place?.LocCountry)
            .AppendValue(place?.LocAdmin1)
            .AppendValue(place?.LocLat)
            .AppendValue(place?.LocLon)
            .AppendValue(place?.LocGeonameId)
            .AppendValue(place?.LocPrecision)
            .AppendValue((int?)cluster.Count)
            .AppendValue((int?)sources.Count)
            .AppendValue((int?)articles.Count)
            .AppendValue(confidence)
            .AppendValue(killed)
            .AppendValue(injured)
            .AppendValue(missing)
            .AppendValue(arrested)
            .AppendValue(displaced)
            .AppendValue((bool?)root)
            .AppendValue(best.Id)
            .AppendValue(first.DocId)
            .AppendValue(added)
            .AppendValue((long?)runId)
            .EndRow();
    }

    private static DateOnly? Min(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : (a < b ? a : b);

    private static DateOnly? Max(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : (a > b ? a : b);

    private static T? Max<T>(T? a, T? b) where T : struct, IComparable<T> =>
        a is null ? b : b is null ? a : (a.Value.CompareTo(b.Value) >= 0 ? a : b);
}
