using System.Globalization;

namespace Casus.Places;

/// <summary>A row of a GeoNames dump (<c>allCountries.txt</c>, <c>cities500.txt</c>, <c>cities15000.txt</c>).</summary>
internal sealed record GeoNamesRow(
    int GeonameId,
    string Name,
    string AsciiName,
    string[] AlternateNames,
    double Latitude,
    double Longitude,
    char FeatureClass,
    string FeatureCode,
    string CountryCode,
    string Admin1Code,
    long Population);

/// <summary>Readers for the GeoNames dump formats; every error names the file and line.</summary>
internal static class GeoNamesSource
{
    /// <summary>Reads the 19-column, tab-separated, header-less GeoNames format, one row at a time.</summary>
    public static IEnumerable<GeoNamesRow> ReadPlaces(string path)
    {
        using var reader = new StreamReader(path);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            var f = line.Split('\t');
            if (f.Length < 15)
            {
                throw new GazetteerInputException(path, lineNumber, $"expected 19 tab-separated GeoNames columns, found {f.Length}");
            }
            if (!int.TryParse(f[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                throw new GazetteerInputException(path, lineNumber, $"geonameid '{f[0]}' is not a number");
            }
            if (!double.TryParse(f[4], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) || Math.Abs(lat) > 90
                || !double.TryParse(f[5], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon) || Math.Abs(lon) > 180)
            {
                throw new GazetteerInputException(path, lineNumber, $"coordinates '{f[4]}', '{f[5]}' are not a latitude and longitude");
            }
            long population = 0;
            if (f[14].Length > 0 && !long.TryParse(f[14], NumberStyles.None, CultureInfo.InvariantCulture, out population))
            {
                throw new GazetteerInputException(path, lineNumber, $"population '{f[14]}' is not a number");
            }
            if (f[1].Length == 0)
            {
                throw new GazetteerInputException(path, lineNumber, "the name is empty");
            }
            yield return new GeoNamesRow(id, f[1], f[2], f[3].Length == 0 ? [] : f[3].Split(','), lat, lon,
                f[6].Length > 0 ? f[6][0] : ' ', f[7], f[8], f[10], population);
        }
    }

    /// <summary>Reads <c>admin1CodesASCII.txt</c> (code <c>CC.X</c>, name, ASCII name, geonameid); <c>#</c> lines are skipped.</summary>
    public static Dictionary<string, string> ReadAdmin1(string path)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            var f = line.Split('\t');
            if (f.Length < 2 || f[0].IndexOf('.') <= 0)
            {
                throw new GazetteerInputException(path, lineNumber, "expected 'CC.code<TAB>name<TAB>ascii name<TAB>geonameid'");
            }
            result[f[0]] = f[1];
        }
        return result;
    }

    /// <summary>Reads GeoNames <c>countryInfo.txt</c>: ISO2 to (ISO3, name); <c>#</c> lines are skipped.</summary>
    public static Dictionary<string, (string Iso3, string Name)> ReadCountryInfo(string path)
    {
        var result = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            var f = line.Split('\t');
            if (f.Length < 5 || f[0].Length != 2 || f[1].Length != 3)
            {
                throw new GazetteerInputException(path, lineNumber, "expected 'ISO<TAB>ISO3<TAB>ISO-Numeric<TAB>fips<TAB>Country ...'");
            }
            result[f[0]] = (f[1], f[4]);
        }
        return result;
    }

    /// <summary>The kind of a GeoNames feature that Casus keeps, or null for features it skips (rivers, hills ...).</summary>
    public static PlaceKind? KindOf(char featureClass, string featureCode) => featureClass switch
    {
        'P' => PlaceKind.City,
        'A' when featureCode == "ADM1" => PlaceKind.Admin1,
        'A' when featureCode.StartsWith("PCL", StringComparison.Ordinal) => PlaceKind.Country,
        'S' when featureCode is "AIRB" or "AIRF" or "AIRP" or "MILB" or "NVB" or "INSM" or "CMP" or "PAL" => PlaceKind.Site,
        'H' when featureCode is "STRT" or "GULF" or "SEA" or "BAY" or "OCN" or "CHN" or "SD" => PlaceKind.Water,
        'L' when featureCode is "RGN" or "RGNL" or "TERR" or "ZN" => PlaceKind.Region,
        'T' when featureCode is "ISL" or "ISLS" or "PEN" => PlaceKind.Site,
        _ => null,
    };

    /// <summary>
    /// Whether an alternate name is worth indexing for English news: Latin script, starts with a capital, not an
    /// all-capital code such as an airport code.
    /// </summary>
    public static bool IsUsefulAlternate(string name)
    {
        if (name.Length < 3 || name.Length > NameKey.MaxLength || !char.IsUpper(name[0]))
        {
            return false;
        }
        var lower = false;
        foreach (var c in name)
        {
            if (char.IsLower(c))
            {
                lower = true;
            }
            if (c >= 0x250 && c is < '\u1E00' or > '\u1EFF' && c != '\u2019')
            {
                return false;
            }
            if (!char.IsLetter(c) && c is not (' ' or '-' or '\'' or '.' or '\u2019'))
            {
                return false;
            }
        }
        return lower;
    }

    /// <summary>ISO 3166-1 alpha-3 for GeoNames codes that the ISO tables lack (Kosovo).</summary>
    public static string? ExtraIso3(string iso2) => iso2 switch
    {
        "XK" => "XKX",
        _ => null,
    };

    /// <summary>Adds the names of a GeoNames row to an entry: name and ASCII name exactly, useful alternates as alternates.</summary>
    public static void AddNames(GazetteerBuilder builder, int entry, GeoNamesRow row, bool alternates)
    {
        builder.AddName(entry, row.Name, alternate: false);
        if (row.AsciiName.Length > 0)
        {
            builder.AddName(entry, row.AsciiName, alternate: false);
        }
        if (!alternates)
        {
            return;
        }
        var added = 0;
        foreach (var alt in row.AlternateNames)
        {
            if (added < 24 && IsUsefulAlternate(alt))
            {
                builder.AddName(entry, alt, alternate: true);
                added++;
            }
        }
    }
}
