using Casus.Cli.Commands;
using Casus.Events.Coding;
using Casus.Places;

namespace Casus.Cli.Tests;

public class EvalWhereWhenTests
{
    private static readonly DateOnly Article = new(2019, 1, 14);

    public class Kilometres
    {
        [Theory]
        [InlineData(54.35227, 18.64912, 54.35227, 18.64912, 0, 0.01)]      // Gdańsk to itself
        [InlineData(51.50853, -0.12574, 48.85341, 2.3488, 344, 3)]         // London to Paris
        [InlineData(33.2625, 44.2346, 33.34058, 44.40088, 18, 2)]          // Baghdad airport to the city centre
        public void GivesTheGreatCircleDistance(double lat1, double lon1, double lat2, double lon2, double km, double tolerance)
        {
            // Given two points, when their distance is measured, then it is the haversine distance
            Assert.InRange(EvalCommand.Kilometres(lat1, lon1, lat2, lon2), km - tolerance, km + tolerance);
        }
    }

    public class SameDate
    {
        [Theory]
        [InlineData("2019-01-13", "day", "2019-01-13", true)]
        [InlineData("2019-01-13", "day", "2019-01-14", false)]
        [InlineData("2019-01-14", "week", "2019-01-20", true)]             // Monday and Sunday of one week
        [InlineData("2019-01-14", "week", "2019-01-13", false)]
        [InlineData("2019-01-01", "month", "2019-01-31", true)]
        [InlineData("2019-01-01", "month", "2019-02-01", false)]
        [InlineData("2018-01-01", "year", "2018-12-31", true)]
        [InlineData("2019-01-14", "document", "2019-01-14", true)]
        [InlineData("2019-01-14", "document", "2019-01-13", false)]
        public void AgreesAtTheGoldPrecision(string gold, string precision, string coded, bool same)
        {
            // Given a gold date with its precision, when a coded date is compared, then it agrees at that precision
            var ww = new EvalCommand.WhereWhen(null, null, 0, 0, null, DateOnly.Parse(gold), precision);
            Assert.Equal(same, EvalCommand.SameDate(DateOnly.Parse(coded), ww, Article));
        }

        [Fact]
        public void NoCodedDateIsNeverRight()
        {
            var ww = new EvalCommand.WhereWhen(null, null, 0, 0, null, Article, "document");
            Assert.False(EvalCommand.SameDate(null, ww, Article));
        }
    }

    public class Tally
    {
        private static CodedEvent Event(Location? location, DateOnly date) => new()
        {
            Id = "e1",
            DocumentId = "d",
            Sentence = 1,
            Cameo = "182",
            Root = "18",
            TriggerText = "stabbed",
            Text = "x",
            Modality = "asserted",
            Pattern = "test",
            Location = location,
            Date = date,
        };

        private static Location Place(string name, string country, double lat, double lon, string precision) =>
            new(name, country, null, lat, lon, null, precision, null, "sentence");

        [Fact]
        public void CountsCountryDistanceAbsenceAndDate()
        {
            // Given gold Gdańsk (city) on 2019-01-13 and gold "no place" with the article date
            var gdansk = new EvalCommand.WhereWhen("Gdańsk", "POL", 54.35227, 18.64912, "city", new DateOnly(2019, 1, 13), "day");
            var nowhere = new EvalCommand.WhereWhen(null, null, 0, 0, null, Article, "document");
            var tally = new EvalCommand.WhereWhenTally();

            // When a coded event in Warsaw on the right day, one in Gdańsk on the article date and one placed where the text says nothing are scored
            var warsaw = tally.Add(Event(Place("Warsaw", "POL", 52.22977, 21.01178, "city"), new DateOnly(2019, 1, 13)), gdansk, Article);
            var right = tally.Add(Event(Place("Gdańsk", "POL", 54.35, 18.65, "city"), Article), gdansk, Article);
            var placed = tally.Add(Event(Place("Poland", "POL", 52.2, 21.0, "country"), Article), nowhere, Article);

            // Then the country is right twice, the place is near once, the absent place is missed and two dates agree
            Assert.Equal((false, true), warsaw);
            Assert.Equal((true, false), right);
            Assert.Equal((false, true), placed);
            Assert.Equal((3, 2, 2, 2, 1, 1, 0, 2), (tally.Rows, tally.Placed, tally.CountryRight, tally.Fine, tally.Near, tally.Unplaced, tally.NoneGiven, tally.DateRight));
        }
    }

    public class ReadWhereWhen
    {
        [Fact]
        public void ReadsRowsAndReportsBadOnes()
        {
            // Given a file with a header, a placed row, an unplaced row and a row without a date
            var path = Path.GetTempFileName();
            try
            {
                File.WriteAllText(path,
                    "doc_id\tstart\tend\tcameo\tsource\ttarget\tplace\tcountry\tlat\tlon\tprecision\tdate\tdate_precision\tnote\n" +
                    "d\t0\t10\t182\t---\tPOLGOV\tGdańsk\tPOL\t54.35227\t18.64912\tcity\t2019-01-13\tday\tstabbed\n" +
                    "d\t11\t20\t018\tIGOEECGOV\tPOLGOV\t-\t-\t-\t-\t-\t2019-01-14\tdocument\twrote\n" +
                    "d\t21\t30\t018\t---\t---\t-\t-\t-\t-\t-\tsoon\tday\tbad\n");
                var error = new StringWriter();

                // When it is read
                var rows = EvalCommand.ReadWhereWhen(path, new Diagnostics(error));

                // Then the two good rows are keyed by their event row and the bad one is reported
                Assert.Equal(2, rows.Count);
                Assert.Equal("POL", rows[new EvalCommand.EventKey("d", 0, 10, "182", "---", "POLGOV")].Country);
                Assert.Null(rows[new EvalCommand.EventKey("d", 11, 20, "018", "IGOEECGOV", "POLGOV")].Place);
                Assert.Contains(":4:", error.ToString());
            }
            finally
            {
                File.Delete(path);
            }
        }
    }
}
