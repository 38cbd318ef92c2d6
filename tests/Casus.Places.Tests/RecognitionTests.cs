using CsCheck;
using Xunit;

namespace Casus.Places.Tests;

public sealed class RecognitionTests
{
    /// <summary>Annotated sentences written for these tests: the mention, its country, and its coordinates.</summary>
    public static TheoryData<string, string, string, double, double> Annotated => new()
    {
        // Homonyms: a US document's Albany and Columbia are not Albania and Colombia.
        { "State lawmakers in Albany, New York, passed the budget on Monday.", "Albany", "USA", 42.6526, -73.7562 },
        { "Protesters gathered in Tirana, the capital of Albania, on Saturday.", "Albania", "ALB", 41.0, 20.0 },
        { "Students marched through Columbia, South Carolina, after the vote.", "Columbia", "USA", 34.0007, -81.0348 },
        { "Rebels attacked an army post in Colombia near the border with Venezuela.", "Colombia", "COL", 4.6, -74.1 },
        // A country's own name is the country even in a US story, not Mexico, Missouri.
        { "President Trump wants to build a wall in Texas and Arizona along the border with Mexico.", "Mexico", "MEX", 23.0, -102.0 },
        // Georgia: the country, unless the context is American.
        { "Russian troops crossed into Georgia in August 2008.", "Georgia", "GEO", 42.0, 43.5 },
        { "Voters in Atlanta, Georgia, waited for hours to cast their ballots.", "Georgia", "USA", 33.749, -84.388 },
        // Paris, Texas versus Paris.
        { "A tornado struck Paris, Texas, late on Sunday.", "Paris", "USA", 33.6609, -95.5555 },
        { "European leaders met in Paris to discuss the crisis.", "Paris", "FRA", 48.8534, 2.3488 },
        // Containment and feature cues.
        { "Rockets hit a base near Erbil in Iraqi Kurdistan.", "Erbil", "IRQ", 36.1901, 44.0089 },
        { "Gunmen attacked a checkpoint in Anbar province on Friday.", "Anbar", "IRQ", 33.4, 43.3 },
        { "Thousands marched in Basra, Iraq, against corruption.", "Basra", "IRQ", 30.5085, 47.7804 },
        { "The senator spoke in Springfield, Illinois, on Tuesday.", "Springfield", "USA", 39.8017, -89.6437 },
        { "Iran seized a British tanker in the Strait of Hormuz.", "Strait of Hormuz", "IRN", 26.57, 56.25 },
        { "Iranian missiles struck the Al Asad Air Base in western Iraq.", "Al Asad Air Base", "IRQ", 33.7856, 42.4412 },
        { "Thousands protested in Washington on Saturday.", "Washington", "USA", 38.8951, -77.0364 },
        { "King Abdullah returned to Jordan on Tuesday.", "Jordan", "JOR", 31.0, 36.0 },
        { "Fighting continued in Donbas and near Mariupol.", "Mariupol", "UKR", 47.0971, 37.5434 },
        { "Israeli aircraft struck targets in the Gaza Strip overnight.", "Gaza Strip", "PSE", 31.4167, 34.3333 },
    };

    public sealed class Annotations
    {
        [Theory]
        [MemberData(nameof(Annotated), MemberType = typeof(RecognitionTests))]
        public void ResolveToTheRightCountryWithin50Km(string text, string surface, string country, double lat, double lon)
        {
            foreach (var input in new[] { Shared.Plain(text), Shared.Parsed(text) })
            {
                // When the sentence is analysed (with and without syntax)
                var analysis = Shared.Recognizer.Analyze(input);

                // Then the annotated mention is found and resolved
                var mention = Assert.Single(analysis.Mentions, m => text.Substring(m.Span.Start, m.Span.Length) == surface);
                Assert.Equal(country, mention.Place.Country);
                var precision = mention.Place.Kind;
                var limit = precision is PlaceKind.Country or PlaceKind.Admin1 or PlaceKind.Region ? 600 : 50;
                var km = Place.DistanceKm(lat, lon, mention.Place.Latitude, mention.Place.Longitude);
                Assert.True(km <= limit, $"{surface}: {mention.Place} is {km:0} km from the annotation");
            }
        }
    }

    public sealed class NotPlaces
    {
        [Theory]
        [InlineData("The Bank of England raised interest rates.")]
        [InlineData("The Washington Post and the New York Times reported the story.")]
        [InlineData("Michael Jordan scored 30 points. Jordan said he was tired.")]
        [InlineData("But we said in March that Reading was a Nice and Mobile place to Split.")]
        [InlineData("Bill Van Auken wrote that Qassem Suleimani met Adel Abdul Mahdi.")]
        [InlineData("The Quds Force and the Gang of Eight met on Tuesday.")]
        public void AreNotReturned(string text)
        {
            foreach (var input in new[] { Shared.Plain(text), Shared.Parsed(text) })
            {
                var analysis = Shared.Recognizer.Analyze(input);
                Assert.True(analysis.Mentions.Count == 0,
                    string.Join("; ", analysis.Mentions.Select(m => $"{text.Substring(m.Span.Start, m.Span.Length)} -> {m.Place.Name}")));
            }
        }

        [Fact]
        public void CallerSpansExcludePersons()
        {
            // Given the actor dictionary found the person "Jordan Peterson"
            const string text = "Jordan Peterson spoke in Toronto.";
            var analysis = Shared.Recognizer.Analyze(Shared.Plain(text, excluded: [new TextSpan(0, 15)]));

            // Then only Toronto is a place
            var mention = Assert.Single(analysis.Mentions);
            Assert.Equal("CAN", mention.Place.Country);
        }
    }

    public sealed class Roles
    {
        [Fact]
        public void AGovernmentSubjectIsAMetonym()
        {
            const string text = "Washington warned Tehran against any retaliation.";
            foreach (var input in new[] { Shared.Plain(text), Shared.Parsed(text) })
            {
                var analysis = Shared.Recognizer.Analyze(input);
                var washington = Assert.Single(analysis.Mentions, m => m.Span.Start == 0);
                Assert.True(washington.IsMetonym);
                Assert.False(washington.IsLocation);
            }
        }

        [Fact]
        public void ActorCountriesDecideAnAmbiguousName()
        {
            const string text = "The delegation arrived in Georgia on Monday.";
            var american = Shared.Recognizer.Analyze(Shared.Plain(text, actorCountries: ["USA", "USA"]));
            Assert.Equal("USA", Assert.Single(american.Mentions).Place.Country);
            var neutral = Shared.Recognizer.Analyze(Shared.Plain(text));
            Assert.Equal("GEO", Assert.Single(neutral.Mentions).Place.Country);
        }
    }

    public sealed class Properties
    {
        [Fact]
        public void SpansAreInRangeOrderedAndNeverOverlap()
        {
            string[] words = ["in", "Baghdad", "Iraq", "the", "Strait", "of", "Hormuz", "Paris", ",", "Texas", "'s", "New",
                "York", "Times", "al", "-", "Assad", "Ain", "Jordan", "said", ".", "Washington", "Erbil", "Iraqi", "Kurdistan", "\n\n",
                "Al", "Asad", "Air", "Base", "\u00e9", "\ud83d\ude00", "  "];
            Gen.OneOf<string>(words).Array[0, 60].Select(a => string.Join(' ', a)).Sample(text =>
            {
                var analysis = Shared.Recognizer.Analyze(Shared.Plain(text));
                var end = 0;
                foreach (var m in analysis.Mentions)
                {
                    Assert.True(m.Span.Start >= end && m.Span.Length > 0 && m.Span.End <= text.Length, text);
                    end = m.Span.End;
                }
                var again = Shared.Recognizer.Analyze(Shared.Plain(text));
                Assert.Equal(analysis.Mentions, again.Mentions);
            }, iter: 300);
        }
    }
}
