using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Casus.Serve.Api;

/// <summary>
/// Reads and validates query-string parameters. The first problem is kept in <see cref="Error"/> (later reads
/// return defaults), so a handler reads everything, then answers 400 with a message naming the parameter.
/// Values that reach SQL are only ever passed as parameters; the patterns here keep messages clear, not SQL safe.
/// </summary>
internal sealed partial class QueryReader
{
    private readonly IQueryCollection _query;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    public QueryReader(IQueryCollection query) => _query = query;

    /// <summary>The first problem found, or null.</summary>
    public ApiError? Error { get; private set; }

    /// <summary>Records a problem unless one was already recorded.</summary>
    public void Fail(string parameter, string message) => Error ??= ApiError.Bad(parameter, message);

    /// <summary>After all reads: any parameter the endpoint does not know is an error (catches typos like <c>quad=4</c>).</summary>
    public ApiError? Finish()
    {
        foreach (var key in _query.Keys)
        {
            if (!_known.Contains(key))
            {
                Fail(key, $"unknown parameter; this endpoint takes {string.Join(", ", _known.Order(StringComparer.Ordinal))}");
            }
        }
        return Error;
    }

    /// <summary>The single raw value of a parameter, or null when absent or empty.</summary>
    public string? Raw(string name)
    {
        _known.Add(name);
        if (!_query.TryGetValue(name, out var values) || values.Count == 0)
        {
            return null;
        }
        if (values.Count > 1)
        {
            Fail(name, "given more than once");
            return null;
        }
        var value = values[0]?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        if (value.Length > 200)
        {
            Fail(name, "longer than 200 characters");
            return null;
        }
        return value;
    }

    /// <summary>A value matching a pattern, upper-cased; <paramref name="expected"/> describes it in the message.</summary>
    public string? Code(string name, Regex pattern, string expected)
    {
        var value = Raw(name);
        if (value is null)
        {
            return null;
        }
        if (!pattern.IsMatch(value))
        {
            Fail(name, $"'{Show(value)}' is not {expected}");
            return null;
        }
        return value.ToUpperInvariant();
    }

    /// <summary>A free-text value (passed to SQL as a parameter).</summary>
    public string? Text(string name) => Raw(name);

    /// <summary>One of a fixed set of words (case-insensitive), returned in the set's spelling.</summary>
    public string? OneOf(string name, IReadOnlyList<string> allowed, string? fallback = null)
    {
        var value = Raw(name);
        if (value is null)
        {
            return fallback;
        }
        foreach (var a in allowed)
        {
            if (string.Equals(a, value, StringComparison.OrdinalIgnoreCase))
            {
                return a;
            }
        }
        Fail(name, $"'{Show(value)}' is not one of {string.Join(", ", allowed)}");
        return fallback;
    }

    /// <summary>An integer in [min, max].</summary>
    public int Int(string name, int fallback, int min, int max)
    {
        var value = Raw(name);
        if (value is null)
        {
            return fallback;
        }
        if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
        {
            Fail(name, $"'{Show(value)}' is not an integer");
            return fallback;
        }
        if (n < min || n > max)
        {
            Fail(name, $"{n} is out of range {min}..{max}");
            return fallback;
        }
        return n;
    }

    /// <summary>A boolean: true/false/1/0.</summary>
    public bool Bool(string name, bool fallback)
    {
        var value = Raw(name);
        switch (value?.ToLowerInvariant())
        {
            case null:
                return fallback;
            case "true" or "1" or "yes":
                return true;
            case "false" or "0" or "no":
                return false;
            default:
                Fail(name, $"'{Show(value)}' is not true or false");
                return fallback;
        }
    }

    /// <summary>A date as YYYY-MM-DD.</summary>
    public DateOnly? Date(string name)
    {
        var value = Raw(name);
        if (value is null)
        {
            return null;
        }
        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Fail(name, $"'{Show(value)}' is not a date YYYY-MM-DD");
            return null;
        }
        return date;
    }

    /// <summary>An optional integer in [min, max].</summary>
    public int? IntOrNull(string name, int min, int max)
    {
        var value = Raw(name);
        return value is null ? null : Int(name, min, min, max);
    }

    /// <summary>A bounding box min_lon,min_lat,max_lon,max_lat in degrees.</summary>
    public BoundingBox? Box(string name)
    {
        var value = Raw(name);
        if (value is null)
        {
            return null;
        }
        var parts = value.Split(',', StringSplitOptions.TrimEntries);
        var n = new double[4];
        if (parts.Length != 4 || !parts.Select((p, i) => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out n[i])).All(ok => ok))
        {
            Fail(name, $"'{Show(value)}' is not min_lon,min_lat,max_lon,max_lat");
            return null;
        }
        if (n.Any(double.IsNaN) || n[0] is < -180 or > 180 || n[2] is < -180 or > 180 || n[1] is < -90 or > 90 || n[3] is < -90 or > 90 || n[1] > n[3] || n[0] > n[2])
        {
            Fail(name, $"'{Show(value)}' is out of range (longitudes -180..180, latitudes -90..90, min <= max)");
            return null;
        }
        return new BoundingBox(n[0], n[1], n[2], n[3]);
    }

    /// <summary>A value shortened for an error message.</summary>
    private static string Show(string value) => value.Length <= 40 ? value : value[..40] + "…";

    [GeneratedRegex(@"^[A-Za-z]{3}$", RegexOptions.CultureInvariant, 100)]
    public static partial Regex CountryPattern();

    [GeneratedRegex(@"^[A-Za-z0-9]{3,30}$", RegexOptions.CultureInvariant, 100)]
    public static partial Regex ActorPattern();

    [GeneratedRegex(@"^[A-Za-z0-9]{3,30}-[A-Za-z0-9]{3,30}$", RegexOptions.CultureInvariant, 100)]
    public static partial Regex DyadPattern();

    [GeneratedRegex(@"^(0[1-9]|1[0-9]|20)$", RegexOptions.CultureInvariant, 100)]
    public static partial Regex RootPattern();

    [GeneratedRegex(@"^[0-9]{2,4}$", RegexOptions.CultureInvariant, 100)]
    public static partial Regex CameoPattern();

    [GeneratedRegex(@"^[A-Za-z_]{2,30}$", RegexOptions.CultureInvariant, 100)]
    public static partial Regex PloverPattern();
}

/// <summary>A longitude/latitude box (min &lt;= max on both axes).</summary>
public readonly record struct BoundingBox(double MinLon, double MinLat, double MaxLon, double MaxLat);
