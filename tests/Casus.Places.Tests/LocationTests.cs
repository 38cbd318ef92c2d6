using Casus.Reading.Tests.Support;
using Xunit;

namespace Casus.Places.Tests;

public sealed class LocationTests
{
    private static int Word(PlaceInput input, int sentence, string form)
    {
        var s = input.Sentences[sentence];
        for (var w = 0; w < s.TokenCount; w++)
        {
            var t = input.Tokens[s.FirstToken + w];
            if (input.Text.AsSpan(t.Start, t.Length).SequenceEqual(form))
            {
                return w;
            }
        }
        throw new InvalidOperationException($"'{form}' is not in sentence {sentence}");
    }

    public sealed class Locate
    {
        [Fact]
        public void APlaceInTheTriggersClauseWinsAndTheMostPreciseOne()
        {
            const string text = "Iranian missiles struck the Ain al-Assad base in western Iraq's Anbar province on Wednesday.";
            foreach (var input in new[] { Shared.Plain(text), Shared.Parsed(text) })
            {
                var analysis = Shared.Recognizer.Analyze(input);
                var location = analysis.Locate(0, Word(input, 0, "struck"));
                Assert.NotNull(location);
                Assert.Equal(("Ain al-Assad", "IRQ", "site", "clause"), (location.Name, location.Country, location.Precision, location.Basis));
                Assert.Equal(text.IndexOf("Ain al-Assad", StringComparison.Ordinal), location.Span!.Value.Start);
            }
        }

        [Fact]
        public void AMetonymSubjectIsNeverTheLocation()
        {
            const string text = "Washington said the drone strike killed Suleimani near Baghdad airport.";
            foreach (var input in new[] { Shared.Plain(text), Shared.Parsed(text) })
            {
                var analysis = Shared.Recognizer.Analyze(input);
                var location = analysis.Locate(0, Word(input, 0, "killed"));
                Assert.Equal("Baghdad", location?.Name);
                Assert.Equal("city", location?.Precision);
                Assert.Equal(98182, location?.GeonameId);
            }
        }

        [Fact]
        public void ThenTheNearestPlaceInTheSentenceThenTheDocumentFocus()
        {
            const string text = "Protests spread across Baghdad on Friday. Police fired tear gas at the crowd. Officials from Basra condemned it.";
            var input = Shared.Plain(text);
            var analysis = Shared.Recognizer.Analyze(input);
            var second = analysis.Locate(1, Word(input, 1, "fired"));
            Assert.Equal(("Baghdad", "document"), (second?.Name, second?.Basis));
            var third = analysis.Locate(2, Word(input, 2, "condemned"), source: Word(input, 2, "Officials"));
            Assert.Equal(("Basrah", "sentence"), (third?.Name, third?.Basis));
        }

        [Fact]
        public void SourceAndTargetAreSkipped()
        {
            const string text = "Iraq condemned Iran on Sunday.";
            var input = Shared.Plain(text);
            var analysis = Shared.Recognizer.Analyze(input);
            var location = analysis.Locate(0, Word(input, 0, "condemned"), source: 0, target: Word(input, 0, "Iran"));
            Assert.NotEqual("sentence", location?.Basis);
            Assert.NotEqual("clause", location?.Basis);
        }

        [Fact]
        public void NoPlaceGivesNull()
        {
            var input = Shared.Plain("The talks ended without a deal.");
            Assert.Null(Shared.Recognizer.Analyze(input).Locate(0, 2));
        }
    }

    public sealed class TheSampleArticle
    {
        private const string Sample = "samples/iran-strikes-2020-01-08.txt";

        public static TheoryData<string, double, double> Truth => new()
        {
            { "Ain al-Assad", 33.80, 42.44 },
            { "Erbil", 36.19, 44.01 },
            { "Diego Garcia", -7.32, 72.42 },
            { "Baghdad", 33.34, 44.40 },
            { "Kerman", 30.29, 57.08 },
        };

        [SharedFileFact(Sample)]
        public void GetsItsPlacesRight()
        {
            var text = File.ReadAllText(SharedData.PathOf(Sample));
            foreach (var input in new[] { Shared.Plain(text), Shared.Parsed(text) })
            {
                var analysis = Shared.Recognizer.Analyze(input);
                foreach (var row in Truth)
                {
                    var (name, lat, lon) = ((string)row[0], (double)row[1], (double)row[2]);
                    var mentions = analysis.Mentions.Where(m => text.AsSpan(m.Span.Start, m.Span.Length).SequenceEqual(name)).ToList();
                    Assert.NotEmpty(mentions);
                    foreach (var m in mentions)
                    {
                        var km = Place.DistanceKm(lat, lon, m.Place.Latitude, m.Place.Longitude);
                        Assert.True(km <= 50, $"{name} resolved to {m.Place} ({km:0} km away)");
                    }
                }
                Assert.DoesNotContain(analysis.Mentions, m => m.Place.Country is "ALB" or "COL" or "PHL" or "BEL" or "NCL");
            }
        }

        [SharedFileFact(Sample)]
        public void LocatesTheStampedeInKerman()
        {
            var text = File.ReadAllText(SharedData.PathOf(Sample));
            var input = Shared.Parsed(text);
            var analysis = Shared.Recognizer.Analyze(input);
            var kerman = analysis.Mentions.Single(m => m.Place.Name == "Kerman");
            var location = analysis.Locate(kerman.Sentence, Word(input, kerman.Sentence, "trapped"));
            Assert.Equal(("Kerman", "IRN"), (location?.Name, location?.Country));
        }
    }
}
