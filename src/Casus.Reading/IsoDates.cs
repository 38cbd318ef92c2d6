using System.Globalization;

namespace Casus.Reading;

/// <summary>Parses the publication dates found in inputs. Stateless.</summary>
internal static class IsoDates
{
    /// <summary>
    /// Accepts an ISO date (<c>2020-01-07</c>) or an ISO date-time (<c>2020-01-07T23:30:00-05:00</c>). A
    /// date-time gives the calendar date as written, not converted to UTC: that is the publisher's date.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> value, out DateOnly date)
    {
        value = value.Trim();
        date = default;
        if (value.Length < 10
            || !DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return false;
        }

        if (value.Length == 10)
        {
            return true;
        }

        // The rest must make a real ISO date-time, not just any text after a date.
        return (value[10] == 'T' || value[10] == 't' || value[10] == ' ')
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);
    }

    /// <summary>
    /// For HTML meta tags, which are less tidy: an ISO date or date-time first, then an invariant-culture date
    /// such as <c>Wed, 08 Jan 2020 10:00:00 GMT</c> or <c>January 8, 2020</c>.
    /// </summary>
    public static bool TryParseLoose(ReadOnlySpan<char> value, out DateOnly date)
    {
        if (TryParse(value, out date))
        {
            return true;
        }

        if (DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset parsed))
        {
            date = DateOnly.FromDateTime(parsed.DateTime);
            return true;
        }

        date = default;
        return false;
    }
}
