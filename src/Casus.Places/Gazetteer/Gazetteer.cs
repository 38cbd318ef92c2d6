using System.Diagnostics;

namespace Casus.Places;

/// <summary>
/// The compiled gazetteer: places by name, countries, demonyms and stop lists, in one or more layers (a user's
/// GeoNames import on top of the default one). Immutable after load: one instance can be shared by any number of
/// threads.
/// </summary>
/// <remarks>
/// An entry is addressed by a handle, <c>layer &lt;&lt; 24 | index</c>. A GeoNames id present in a higher layer hides
/// the same id in the layers below, so an import updates the default entries instead of doubling them.
/// </remarks>
public sealed class Gazetteer
{
    /// <summary>Name of the embedded compiled default gazetteer.</summary>
    public const string ResourceName = "Casus.Places.gazetteer.bin";

    private const int LayerShift = 24;
    private const int IndexMask = (1 << LayerShift) - 1;

    private readonly GazetteerData[] _layers;
    private readonly int[][] _countryId;
    private readonly int[][] _admin1Id;
    private readonly HashSet<int>[] _hiddenIds;
    private readonly string[] _countries;
    private readonly Dictionary<string, int> _countryByIso3;
    private readonly Dictionary<string, string> _iso2To3;
    private readonly int[] _countryHandle;

    private Gazetteer(GazetteerData[] layers, TimeSpan loadTime)
    {
        _layers = layers;
        LoadTime = loadTime;
        _countryByIso3 = new Dictionary<string, int>(StringComparer.Ordinal);
        _iso2To3 = new Dictionary<string, string>(StringComparer.Ordinal);
        var countries = new List<string>();
        var handles = new List<int>();
        var admin1 = new Dictionary<string, int>(StringComparer.Ordinal);
        _countryId = new int[layers.Length][];
        _admin1Id = new int[layers.Length][];
        _hiddenIds = new HashSet<int>[layers.Length];
        var above = new HashSet<int>();
        for (var l = 0; l < layers.Length; l++)
        {
            var data = layers[l];
            _hiddenIds[l] = [.. above];
            var ids = new int[data.CountryIso3.Length];
            for (var c = 0; c < ids.Length; c++)
            {
                var iso3 = data.String(data.CountryIso3[c]);
                if (!_countryByIso3.TryGetValue(iso3, out var id))
                {
                    id = countries.Count;
                    _countryByIso3[iso3] = id;
                    countries.Add(iso3);
                    handles.Add(-1);
                }
                ids[c] = id;
                if (handles[id] < 0 && data.CountryEntry[c] >= 0)
                {
                    handles[id] = l << LayerShift | data.CountryEntry[c];
                }
                var iso2 = data.String(data.CountryIso2[c]);
                if (iso2.Length == 2)
                {
                    _iso2To3.TryAdd(iso2, iso3);
                }
            }
            _countryId[l] = ids;
            var a1 = new int[data.Admin1Code.Length];
            for (var a = 0; a < a1.Length; a++)
            {
                var code = data.String(data.Admin1Code[a]);
                if (!admin1.TryGetValue(code, out var id))
                {
                    id = admin1.Count;
                    admin1[code] = id;
                }
                a1[a] = id;
            }
            _admin1Id[l] = a1;
            if (l < layers.Length - 1)
            {
                foreach (var g in data.GeonameId)
                {
                    if (g != 0)
                    {
                        above.Add(g);
                    }
                }
            }
        }
        _countries = [.. countries];
        _countryHandle = [.. handles];
    }

    /// <summary>How long loading took (reading, decompressing and indexing every layer).</summary>
    public TimeSpan LoadTime { get; }

    /// <summary>Number of entries over all layers.</summary>
    public int Count
    {
        get
        {
            var n = 0;
            foreach (var l in _layers)
            {
                n += l.Count;
            }
            return n;
        }
    }

    /// <summary>Number of distinct name keys over all layers.</summary>
    public int NameCount
    {
        get
        {
            var n = 0;
            foreach (var l in _layers)
            {
                n += l.Names.Count;
            }
            return n;
        }
    }

    /// <summary>Attributions and versions of the data in every layer.</summary>
    public IReadOnlyList<string> Notes => [.. _layers.SelectMany(l => l.Notes)];

    /// <summary>Number of countries known (ISO 3166-1 alpha-3).</summary>
    public int CountryCount => _countries.Length;

    /// <summary>Loads the default gazetteer compiled into this assembly at build time.</summary>
    /// <exception cref="InvalidOperationException">The assembly was built without its gazetteer.</exception>
    public static Gazetteer LoadDefault()
    {
        var clock = Stopwatch.StartNew();
        using var stream = typeof(Gazetteer).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the gazetteer resource '{ResourceName}' is not embedded: build src/Casus.Places with npm installed (see src/Casus.Places/README.md)");
        var data = GazetteerData.Read(stream, "embedded gazetteer");
        return new Gazetteer([data], clock.Elapsed);
    }

    /// <summary>Loads a compiled gazetteer file (for example a user's GeoNames import).</summary>
    /// <exception cref="InvalidDataException">The file is not a gazetteer of this format, or is corrupt.</exception>
    public static Gazetteer Load(string path)
    {
        var clock = Stopwatch.StartNew();
        using var stream = File.OpenRead(path);
        var data = GazetteerData.Read(stream, path);
        return new Gazetteer([data], clock.Elapsed);
    }

    /// <summary>A gazetteer that looks in <paramref name="top"/> first, then in this one.</summary>
    public Gazetteer WithLayer(Gazetteer top)
    {
        ArgumentNullException.ThrowIfNull(top);
        return new Gazetteer([.. top._layers, .. _layers], top.LoadTime + LoadTime);
    }

    /// <summary>ISO 3166-1 alpha-3 for an alpha-2 code, or null.</summary>
    public string? Iso3Of(string iso2) => _iso2To3.GetValueOrDefault(iso2);

    /// <summary>The country entry for an ISO 3166-1 alpha-3 code, or null.</summary>
    public Place? Country(string iso3) =>
        _countryByIso3.TryGetValue(iso3, out var id) && _countryHandle[id] >= 0 ? Get(_countryHandle[id]) : null;

    /// <summary>The places a name can refer to, in gazetteer order (allocates; for tools and tests).</summary>
    public IReadOnlyList<Place> Find(string name)
    {
        var hits = new List<Hit>();
        Span<char> buffer = stackalloc char[NameKey.MaxLength];
        var length = 0;
        NameKey.Append(name, buffer, ref length);
        Lookup(NameKey.Trim(buffer, length), hits);
        return [.. hits.Select(h => Get(h.Handle))];
    }

    /// <summary>The ISO3 code of the country a demonym (<c>Iraqi</c>, <c>Iranians</c>) refers to, or null.</summary>
    public string? CountryOfDemonym(ReadOnlySpan<char> key)
    {
        var id = DemonymCountry(key);
        return id < 0 ? null : _countries[id];
    }

    /// <summary>Materializes an entry.</summary>
    internal Place Get(int handle)
    {
        var data = _layers[handle >> LayerShift];
        var i = handle & IndexMask;
        var admin1 = data.Admin1[i];
        var admin1Name = admin1 < 0 ? null : data.String(data.Admin1Name[admin1]);
        var country = data.Country[i];
        return new Place(
            data.String(data.Name[i]),
            country < 0 ? "" : data.String(data.CountryIso3[country]),
            string.IsNullOrEmpty(admin1Name) ? null : admin1Name,
            Math.Round(data.Latitude[i], 5),
            Math.Round(data.Longitude[i], 5),
            data.GeonameId[i] == 0 ? null : data.GeonameId[i],
            (PlaceKind)data.Kind[i],
            data.Population[i],
            data.String(data.FeatureCode[i]),
            (PlaceSource)data.Source[i]);
    }

    /// <summary>Appends the entries indexed under <paramref name="key"/> (already normalized) in every layer.</summary>
    internal void Lookup(ReadOnlySpan<char> key, List<Hit> hits)
    {
        for (var l = 0; l < _layers.Length; l++)
        {
            var data = _layers[l];
            var k = data.Names.Find(key);
            if (k < 0)
            {
                continue;
            }
            var hidden = _hiddenIds[l];
            foreach (var v in data.Names.Values(k))
            {
                var i = v >> 1;
                if (hidden.Count > 0 && data.GeonameId[i] != 0 && hidden.Contains(data.GeonameId[i]))
                {
                    continue;
                }
                hits.Add(new Hit(l << LayerShift | i, (v & 1) != 0));
            }
        }
    }

    internal bool HasName(ReadOnlySpan<char> key)
    {
        foreach (var data in _layers)
        {
            if (data.Names.Find(key) >= 0)
            {
                return true;
            }
        }
        return false;
    }

    internal bool IsStop(ReadOnlySpan<char> key)
    {
        foreach (var data in _layers)
        {
            if (data.Stop.Find(key) >= 0)
            {
                return true;
            }
        }
        return false;
    }

    internal bool IsOrganisationWord(ReadOnlySpan<char> key)
    {
        foreach (var data in _layers)
        {
            if (data.OrganisationWords.Find(key) >= 0)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Country id of a demonym key, or -1.</summary>
    internal int DemonymCountry(ReadOnlySpan<char> key)
    {
        for (var l = 0; l < _layers.Length; l++)
        {
            var k = _layers[l].Demonyms.Find(key);
            if (k >= 0)
            {
                var values = _layers[l].Demonyms.Values(k);
                return values.Length == 0 ? -1 : _countryId[l][values[0]];
            }
        }
        return -1;
    }

    internal string CountryCode(int countryId) => countryId < 0 ? "" : _countries[countryId];

    internal int CountryIdOf(string iso3) => _countryByIso3.GetValueOrDefault(iso3, -1);

    internal int CountryHandle(int countryId) => countryId < 0 ? -1 : _countryHandle[countryId];

    internal PlaceKind KindOf(int handle) => (PlaceKind)_layers[handle >> LayerShift].Kind[handle & IndexMask];

    internal int CountryOf(int handle)
    {
        var l = handle >> LayerShift;
        var c = _layers[l].Country[handle & IndexMask];
        return c < 0 ? -1 : _countryId[l][c];
    }

    internal int Admin1Of(int handle)
    {
        var l = handle >> LayerShift;
        var a = _layers[l].Admin1[handle & IndexMask];
        return a < 0 ? -1 : _admin1Id[l][a];
    }

    internal long PopulationOf(int handle) => _layers[handle >> LayerShift].Population[handle & IndexMask];

    internal double LatitudeOf(int handle) => _layers[handle >> LayerShift].Latitude[handle & IndexMask];

    internal double LongitudeOf(int handle) => _layers[handle >> LayerShift].Longitude[handle & IndexMask];

    internal PlaceSource SourceOf(int handle) => (PlaceSource)_layers[handle >> LayerShift].Source[handle & IndexMask];

    internal bool IsCapital(int handle)
    {
        var data = _layers[handle >> LayerShift];
        return data.StringSpan(data.FeatureCode[handle & IndexMask]).SequenceEqual("PPLC");
    }

    internal bool IsAdminSeat(int handle)
    {
        var data = _layers[handle >> LayerShift];
        return data.StringSpan(data.FeatureCode[handle & IndexMask]).SequenceEqual("PPLA");
    }
}

/// <summary>A lookup result: an entry handle and whether it matched by an alternate name.</summary>
internal readonly record struct Hit(int Handle, bool Alternate);
