using System.Collections.Frozen;
using System.Text.Json;

namespace Casus.Serve.Data;

/// <summary>
/// A representative point per country (ISO alpha-3), for events placed only by country. The table is made by the
/// dashboard build (<c>web/scripts/countries.mjs</c>) from Natural Earth (world-atlas) and embedded with the
/// dashboard. Immutable; thread-safe.
/// </summary>
public sealed class CountryPoints
{
    private readonly FrozenDictionary<string, (string Name, double Lat, double Lon)> _points;

    private CountryPoints(FrozenDictionary<string, (string Name, double Lat, double Lon)> points) => _points = points;

    /// <summary>No countries: country-level events are counted as unplaced.</summary>
    public static CountryPoints Empty { get; } = new(FrozenDictionary<string, (string, double, double)>.Empty);

    /// <summary>Number of countries.</summary>
    public int Count => _points.Count;

    /// <summary>Reads the table <c>{"IRN": {"name": "Iran", "lat": 32.5, "lon": 54.4, ...}, ...}</c>.</summary>
    public static CountryPoints Parse(ReadOnlySpan<byte> json, string origin)
    {
        var points = new Dictionary<string, (string, double, double)>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            foreach (var country in document.RootElement.EnumerateObject())
            {
                var v = country.Value;
                points[country.Name] = (v.GetProperty("name").GetString() ?? country.Name, v.GetProperty("lat").GetDouble(), v.GetProperty("lon").GetDouble());
            }
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException($"{origin}: not a country table ({e.Message})", e);
        }
        return new CountryPoints(points.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>The point of a country, if known.</summary>
    public bool TryGet(string country, out (string Name, double Lat, double Lon) point) => _points.TryGetValue(country, out point);
}
