namespace Casus.Places;

/// <summary>An entry being compiled.</summary>
internal sealed class BuildEntry
{
    public int GeonameId { get; set; }
    public required string Name { get; set; }
    public string Country { get; set; } = "";
    public string? Admin1Code { get; set; }
    public string? Admin1Name { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public long Population { get; set; }
    public string FeatureCode { get; set; } = "";
    public PlaceKind Kind { get; set; }
    public PlaceSource Source { get; set; }
}

/// <summary>
/// Collects entries, names, demonyms and stop lists, then writes a <see cref="GazetteerData"/> file. Deterministic:
/// the same calls in the same order give the same bytes.
/// </summary>
internal sealed class GazetteerBuilder
{
    // Arabic articles: "Al Anbar" is also written "Anbar", "As Sulaymaniyah" "Sulaymaniyah".
    private static readonly string[] Articles = ["al ", "el ", "an ", "ar ", "as ", "ash ", "ad ", "az ", "at "];

    private readonly List<BuildEntry> _entries = [];
    private readonly SortedDictionary<string, List<int>> _names = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, List<int>> _demonyms = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, List<int>> _stop = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, List<int>> _organisationWords = new(StringComparer.Ordinal);
    private readonly List<(string Iso3, string Iso2, int Entry)> _countries = [];
    private readonly Dictionary<string, int> _countryIndex = new(StringComparer.Ordinal);
    private readonly List<string> _notes = [];

    public IReadOnlyList<BuildEntry> Entries => _entries;

    public int Add(BuildEntry entry)
    {
        _entries.Add(entry);
        return _entries.Count - 1;
    }

    /// <summary>Indexes <paramref name="entry"/> under <paramref name="name"/> (and its form without an Arabic article).</summary>
    public void AddName(int entry, string name, bool alternate)
    {
        var key = NameKey.Of(name);
        if (key.Length == 0)
        {
            return;
        }
        AddKey(key, entry, alternate);
        foreach (var article in Articles)
        {
            if (key.StartsWith(article, StringComparison.Ordinal) && key.Length - article.Length >= 4)
            {
                AddKey(key[article.Length..], entry, alternate: true);
            }
        }
    }

    private void AddKey(string key, int entry, bool alternate)
    {
        if (!_names.TryGetValue(key, out var list))
        {
            _names[key] = list = [];
        }
        var value = entry << 1 | (alternate ? 1 : 0);
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] >> 1 == entry)
            {
                list[i] = Math.Min(list[i], value);
                return;
            }
        }
        list.Add(value);
    }

    public void AddCountry(string iso3, string iso2, int entry)
    {
        if (_countryIndex.ContainsKey(iso3))
        {
            return;
        }
        _countryIndex[iso3] = _countries.Count;
        _countries.Add((iso3, iso2, entry));
    }

    public bool HasCountry(string iso3) => _countryIndex.ContainsKey(iso3);

    public void AddDemonym(string demonym, string iso3)
    {
        var key = NameKey.Of(demonym);
        if (key.Length == 0)
        {
            return;
        }
        if (!_countryIndex.TryGetValue(iso3, out var country))
        {
            AddCountry(iso3, "", -1);
            country = _countryIndex[iso3];
        }
        if (!_demonyms.TryGetValue(key, out var list))
        {
            _demonyms[key] = list = [];
        }
        if (!list.Contains(country))
        {
            list.Add(country);
        }
    }

    public void AddStop(string words) => _stop.TryAdd(NameKey.Of(words), []);

    public void AddOrganisationWord(string word) => _organisationWords.TryAdd(NameKey.Of(word), []);

    public void AddNote(string note) => _notes.Add(note);

    public GazetteerData Build()
    {
        var strings = new List<string>();
        var stringIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        int Intern(string s)
        {
            if (!stringIndex.TryGetValue(s, out var i))
            {
                i = strings.Count;
                strings.Add(s);
                stringIndex[s] = i;
            }
            return i;
        }
        var admin1 = new Dictionary<string, int>(StringComparer.Ordinal);
        var admin1Code = new List<int>();
        var admin1Name = new List<int>();
        var n = _entries.Count;
        var data = new
        {
            GeonameId = new int[n],
            Name = new int[n],
            Latitude = new float[n],
            Longitude = new float[n],
            Population = new int[n],
            Country = new int[n],
            Admin1 = new int[n],
            FeatureCode = new int[n],
            Kind = new byte[n],
            Source = new byte[n],
        };
        for (var i = 0; i < n; i++)
        {
            var e = _entries[i];
            data.GeonameId[i] = e.GeonameId;
            data.Name[i] = Intern(e.Name);
            data.Latitude[i] = (float)e.Latitude;
            data.Longitude[i] = (float)e.Longitude;
            data.Population[i] = (int)Math.Clamp(e.Population, 0, int.MaxValue);
            if (e.Country.Length == 0)
            {
                data.Country[i] = -1;
            }
            else
            {
                if (!_countryIndex.ContainsKey(e.Country))
                {
                    AddCountry(e.Country, "", -1);
                }
                data.Country[i] = _countryIndex[e.Country];
            }
            if (e.Admin1Code is null)
            {
                data.Admin1[i] = -1;
            }
            else
            {
                var code = e.Country + "." + e.Admin1Code;
                if (!admin1.TryGetValue(code, out var a))
                {
                    a = admin1Code.Count;
                    admin1[code] = a;
                    admin1Code.Add(Intern(code));
                    admin1Name.Add(Intern(e.Admin1Name ?? ""));
                }
                else if (e.Admin1Name is { Length: > 0 } && strings[admin1Name[a]].Length == 0)
                {
                    admin1Name[a] = Intern(e.Admin1Name);
                }
                data.Admin1[i] = a;
            }
            data.FeatureCode[i] = Intern(e.FeatureCode);
            data.Kind[i] = (byte)e.Kind;
            data.Source[i] = (byte)e.Source;
        }
        var iso3 = new int[_countries.Count];
        var iso2 = new int[_countries.Count];
        var countryEntry = new int[_countries.Count];
        for (var c = 0; c < _countries.Count; c++)
        {
            iso3[c] = Intern(_countries[c].Iso3);
            iso2[c] = Intern(_countries[c].Iso2);
            countryEntry[c] = _countries[c].Entry;
        }
        foreach (var list in _names.Values)
        {
            list.Sort();
        }
        var (stringStart, stringChars) = GazetteerData.Pool(strings);
        var result = new GazetteerData
        {
            GeonameId = data.GeonameId,
            Name = data.Name,
            Latitude = data.Latitude,
            Longitude = data.Longitude,
            Population = data.Population,
            Country = data.Country,
            Admin1 = data.Admin1,
            FeatureCode = data.FeatureCode,
            Kind = data.Kind,
            Source = data.Source,
            Admin1Code = [.. admin1Code],
            Admin1Name = [.. admin1Name],
            CountryIso3 = iso3,
            CountryIso2 = iso2,
            CountryEntry = countryEntry,
            StringStart = stringStart,
            StringChars = stringChars,
            Names = KeyTable.Build(_names),
            Demonyms = KeyTable.Build(_demonyms),
            Stop = KeyTable.Build(_stop),
            OrganisationWords = KeyTable.Build(_organisationWords),
            Notes = [.. _notes],
        };
        result.Validate("gazetteer being compiled");
        return result;
    }
}
