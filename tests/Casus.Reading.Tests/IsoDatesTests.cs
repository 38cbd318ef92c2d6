using System.Globalization;
using Xunit;

namespace Casus.Reading.Tests;

public sealed class IsoDatesTests
{
    public sealed class TryParse
    {
        [Theory]
        [InlineData("2020-01-07", "2020-01-07")]
        [InlineData(" 2020-01-07 ", "2020-01-07")]
        [InlineData("2020-01-07T23:59:59-05:00", "2020-01-07")]
        [InlineData("2020-01-07T00:30:00+09:00", "2020-01-07")]
        [InlineData("2020-01-07T12:00:00Z", "2020-01-07")]
        [InlineData("2020-01-07T12:00:00.1234567Z", "2020-01-07")]
        [InlineData("2020-01-07T12:00", "2020-01-07")]
        [InlineData("2020-01-07 12:00:00", "2020-01-07")]
        [InlineData("2020-1-7", null)]
        [InlineData("07/01/2020", null)]
        [InlineData("2020-13-01", null)]
        [InlineData("2019-02-29", null)]
        [InlineData("2020-01-07junk", null)]
        [InlineData("2020-01-07T25:00:00", null)]
        [InlineData("January 7, 2020", null)]
        [InlineData("", null)]
        public void Should_Accept_Iso_Dates_And_Date_Times(string input, string? expected)
        {
            // Given an input string
            // When
            bool parsed = IsoDates.TryParse(input, out DateOnly date);

            // Then
            Assert.Equal(expected is not null, parsed);
            if (expected is not null)
            {
                Assert.Equal(DateOnly.ParseExact(expected, "yyyy-MM-dd", CultureInfo.InvariantCulture), date);
            }
        }
    }

    public sealed class TryParseLoose
    {
        [Theory]
        [InlineData("2020-01-07T23:59:59-05:00", "2020-01-07")]
        [InlineData("Wed, 08 Jan 2020 10:00:00 GMT", "2020-01-08")]
        [InlineData("January 8, 2020", "2020-01-08")]
        [InlineData("soon", null)]
        public void Should_Also_Accept_Common_Meta_Tag_Dates(string input, string? expected)
        {
            // Given an input string
            // When
            bool parsed = IsoDates.TryParseLoose(input, out DateOnly date);

            // Then
            Assert.Equal(expected is not null, parsed);
            if (expected is not null)
            {
                Assert.Equal(DateOnly.ParseExact(expected, "yyyy-MM-dd", CultureInfo.InvariantCulture), date);
            }
        }
    }
}
