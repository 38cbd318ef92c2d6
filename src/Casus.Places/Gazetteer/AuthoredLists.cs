using System.Globalization;

namespace Casus.Places;

/// <summary>A line of <c>features.txt</c>.</summary>
internal sealed record AuthoredFeature(
    string Name,
    PlaceKind Kind,
    string FeatureCode,
    string Country,
    double Latitude,
    double Longitude,
    string[] Aliases,
    string? Admin1,
    int Line);

/// <summary>
/// Readers for Casus's authored place lists in <c>dictionaries/places/</c>. Each names the file and line of any
/// line it cannot read.
/// </summary>
internal static class AuthoredLists
{
    /// <summary>The file of strategic features.</summary>
    public const string FeaturesFile = "features.txt";

    /// <summary>The stop list.</summary>
    public const string StoplistFile = "stoplist.txt";

    /// <summary>The extra demonyms.</summary>
    public const string DemonymsFile = "demonyms.txt";

    /// <summary>
    /// Reads <c>features.txt</c>: <c>name | kind | country | latitude | longitude | aliases; ... | admin1</c>, where kind is
    /// one of <c>base site city admin1 region water</c>, country is ISO 3166-1 alpha-3 or <c>-</c>, the last two
    /// columns are optional.
    /// </summary>
    public static List<AuthoredFeature> ReadFeatures(string path) => ReadFeatures(path, File.ReadLines(path));

    public static List<AuthoredFeature> ReadFeatures(string origin, IEnumerable<string> lines)
    {
        var result = new List<AuthoredFeature>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var raw in lines)
        {
            lineNumber++;
            var line = StripComment(raw);
            if (line.Length == 0)
            {
                continue;
            }
            var f = line.Split('|');
            for (var i = 0; i < f.Length; i++)
            {
                f[i] = f[i].Trim();
            }
            if (f.Length is < 5 or > 7)
            {
                throw new GazetteerInputException(origin, lineNumber, $"expected 'name | kind | country | latitude | longitude | aliases | admin1' (5 to 7 columns), found {f.Length}");
            }
            if (f[0].Length == 0 || NameKey.Of(f[0]).Length == 0)
            {
                throw new GazetteerInputException(origin, lineNumber, "the name is empty");
            }
            var (kind, code) = f[1] switch
            {
                "base" => (PlaceKind.Site, "MILB"),
                "site" => (PlaceKind.Site, "S"),
                "city" => (PlaceKind.City, "PPL"),
                "admin1" => (PlaceKind.Admin1, "ADM1"),
                "region" => (PlaceKind.Region, "RGN"),
                "water" => (PlaceKind.Water, "H"),
                _ => throw new GazetteerInputException(origin, lineNumber, $"kind '{f[1]}' is not one of base, site, city, admin1, region, water"),
            };
            var country = f[2] == "-" ? "" : f[2];
            if (country.Length != 0 && (country.Length != 3 || !country.All(char.IsAsciiLetterUpper)))
            {
                throw new GazetteerInputException(origin, lineNumber, $"country '{f[2]}' is not an ISO 3166-1 alpha-3 code or '-'");
            }
            if (!double.TryParse(f[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) || Math.Abs(lat) > 90)
            {
                throw new GazetteerInputException(origin, lineNumber, $"latitude '{f[3]}' is not a number between -90 and 90");
            }
            if (!double.TryParse(f[4], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon) || Math.Abs(lon) > 180)
            {
                throw new GazetteerInputException(origin, lineNumber, $"longitude '{f[4]}' is not a number between -180 and 180");
            }
            var aliases = f.Length > 5 && f[5].Length > 0
                ? f[5].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                : [];
            var key = NameKey.Of(f[0]);
            if (seen.TryGetValue(key, out var first))
            {
                throw new GazetteerInputException(origin, lineNumber, $"'{f[0]}' is already listed on line {first}");
            }
            seen[key] = lineNumber;
            result.Add(new AuthoredFeature(f[0], kind, code, country, lat, lon, aliases, f.Length > 6 && f[6].Length > 0 ? f[6] : null, lineNumber));
        }
        return result;
    }

    /// <summary>
    /// Reads <c>stoplist.txt</c>: sections <c>[not-places]</c> (words and phrases never taken as places on their own)
    /// and <c>[organisation-words]</c> (words that make a neighbouring place name part of an organisation's name).
    /// </summary>
    public static (List<string> NotPlaces, List<string> OrganisationWords) ReadStoplist(string path) => ReadStoplist(path, File.ReadLines(path));

    public static (List<string> NotPlaces, List<string> OrganisationWords) ReadStoplist(string origin, IEnumerable<string> lines)
    {
        var notPlaces = new List<string>();
        var organisation = new List<string>();
        List<string>? current = null;
        var lineNumber = 0;
        foreach (var raw in lines)
        {
            lineNumber++;
            var line = StripComment(raw);
            if (line.Length == 0)
            {
                continue;
            }
            if (line[0] == '[')
            {
                current = line switch
                {
                    "[not-places]" => notPlaces,
                    "[organisation-words]" => organisation,
                    _ => throw new GazetteerInputException(origin, lineNumber, $"unknown section {line}: expected [not-places] or [organisation-words]"),
                };
                continue;
            }
            if (current is null)
            {
                throw new GazetteerInputException(origin, lineNumber, "entry before the first [section]");
            }
            foreach (var entry in line.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                current.Add(entry);
            }
        }
        return (notPlaces, organisation);
    }

    /// <summary>Reads <c>demonyms.txt</c>: <c>ISO3: demonym, demonym, ...</c>.</summary>
    public static List<(string Iso3, string Demonym)> ReadDemonyms(string path) => ReadDemonyms(path, File.ReadLines(path));

    public static List<(string Iso3, string Demonym)> ReadDemonyms(string origin, IEnumerable<string> lines)
    {
        var result = new List<(string, string)>();
        var lineNumber = 0;
        foreach (var raw in lines)
        {
            lineNumber++;
            var line = StripComment(raw);
            if (line.Length == 0)
            {
                continue;
            }
            var colon = line.IndexOf(':');
            var iso3 = colon < 0 ? "" : line[..colon].Trim();
            if (iso3.Length != 3 || !iso3.All(char.IsAsciiLetterUpper))
            {
                throw new GazetteerInputException(origin, lineNumber, "expected 'ISO3: demonym, demonym, ...'");
            }
            foreach (var d in line[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                result.Add((iso3, d));
            }
        }
        return result;
    }

    private static string StripComment(string line)
    {
        var hash = line.IndexOf('#');
        return (hash >= 0 ? line[..hash] : line).Trim();
    }
}
