using Casus.Events.Actors;
using Casus.Text;

namespace Casus.Events.Tests.Actors;

public static class ActorMatcherTests
{
    private static readonly DateOnly Strike = new(2020, 1, 8);

    private static List<(ActorMention Mention, string Text)> Run(string text, string? date) =>
        ActorTestData.Match(text, date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

    public class Match
    {
        public static TheoryData<string, string?, string, string, ActorMentionKind> Cases => new()
        {
            // Names of state bodies, organisations and groups.
            { "The Islamic Revolutionary Guard Corps fired missiles.", null, "Islamic Revolutionary Guard Corps", "IRNMIL", ActorMentionKind.Name },
            { "Officials said the IRGC fired missiles.", null, "IRGC", "IRNMIL", ActorMentionKind.Name },
            { "the Revolutionary Guards said", null, "Revolutionary Guards", "IRNMIL", ActorMentionKind.Name },
            { "He addressed the United Nations on Monday.", null, "United Nations", "IGOUNO", ActorMentionKind.Name },
            { "Hezbollah fired rockets.", null, "Hezbollah", "LBNUAFHEZ", ActorMentionKind.Name },
            { "a claim by al-Qaeda", null, "al-Qaeda", "IMGINSALQ", ActorMentionKind.Name },
            { "NATO allies met.", null, "NATO", "IGONAT", ActorMentionKind.Name },

            // Longest match and token boundaries.
            { "Papua New Guinea voted.", null, "Papua New Guinea", "PNG", ActorMentionKind.Name },
            { "Nigeria closed its border.", null, "Nigeria", "NGA", ActorMentionKind.Name },
            { "Niger closed its border.", null, "Niger", "NER", ActorMentionKind.Name },

            // Adjectives and names composed with sector phrases.
            { "American bases were hit.", null, "American", "USA", ActorMentionKind.Adjective },
            { "US forces withdrew.", null, "US forces", "USAMIL", ActorMentionKind.Name },
            { "The Iraqi parliament voted.", null, "Iraqi parliament", "IRQLEG", ActorMentionKind.Adjective },
            { "Iran's foreign minister said", null, "Iran's foreign minister", "IRNGOV", ActorMentionKind.Name },
            { "Iran’s foreign minister said", null, "Iran’s foreign minister", "IRNGOV", ActorMentionKind.Name },
            { "The Iranian foreign minister said", null, "Iranian foreign minister", "IRNGOV", ActorMentionKind.Adjective },
            { "Iraqi members of parliament voted.", null, "Iraqi members of parliament", "IRQLEG", ActorMentionKind.Adjective },
            { "UN peacekeepers arrived.", null, "UN peacekeepers", "IGOUNOPKO", ActorMentionKind.Name },
            { "MEPs voted.", null, "MEPs", "IGOEECLEG", ActorMentionKind.Name },
            { "AU peacekeepers arrived.", null, "AU peacekeepers", "IGOOAUPKO", ActorMentionKind.Name },
            { "Brussels warned London.", null, "Brussels", "IGOEECGOV", ActorMentionKind.Seat },
            { "the president of Iran said", null, "president of Iran", "IRNGOV", ActorMentionKind.Name },
            { "Moscow's military responded.", null, "Moscow's military", "RUSMIL", ActorMentionKind.Capital },

            // Seats, capitals, sector phrases that carry or imply a country.
            { "the Pentagon said", null, "the Pentagon", "USAMIL", ActorMentionKind.Seat },
            { "Pentagon officials said", null, "Pentagon officials", "USAMIL", ActorMentionKind.Seat },
            { "A Kremlin spokesman said", null, "Kremlin spokesman", "RUSGOV", ActorMentionKind.Seat },
            { "Washington warned Tehran.", null, "Washington", "USAGOV", ActorMentionKind.Capital },
            { "Washington warned Tehran.", null, "Tehran", "IRNGOV", ActorMentionKind.Capital },
            { "The Knesset voted.", null, "Knesset", "ISRLEG", ActorMentionKind.Institution },
            { "Protesters gathered.", null, "Protesters", "CVL", ActorMentionKind.SectorOnly },
            { "lawmakers voted", null, "lawmakers", "LEG", ActorMentionKind.SectorOnly },

            // People, by the date of the text.
            { "Trump said", "2020-01-08", "Trump", "USAGOV", ActorMentionKind.Person },
            { "Trump said", "2015-06-01", "Trump", "USABUS", ActorMentionKind.Person },
            { "Trump said", "2022-06-01", "Trump", "USAELI", ActorMentionKind.Person },
            { "Trump said", null, "Trump", "USAGOV", ActorMentionKind.Person },
            { "President Trump said", "2020-01-08", "President Trump", "USAGOV", ActorMentionKind.Person },
            { "Trump’s tweet", "2020-01-08", "Trump", "USAGOV", ActorMentionKind.Person },
            { "Iranian Foreign Minister Javad Zarif said", "2020-01-08", "Iranian Foreign Minister Javad Zarif", "IRNGOV", ActorMentionKind.Person },
            { "Defense Secretary Esper said", "2020-01-08", "Defense Secretary Esper", "USAGOVMIL", ActorMentionKind.Person },
            { "Secretary Pompeo said", "2020-01-08", "Pompeo", "USAGOV", ActorMentionKind.Person },
            { "The Trump administration said", "2020-01-08", "Trump administration", "USAGOV", ActorMentionKind.Person },
        };

        [Theory]
        [MemberData(nameof(Cases))]
        public void Finds_the_actor(string text, string? date, string span, string code, ActorMentionKind kind)
        {
            // Given a news phrase and its date
            // When it is matched
            List<(ActorMention Mention, string Text)> mentions = Run(text, date);

            // Then the expected span carries the expected code and kind
            Assert.True(
                mentions.Exists(m => m.Text == span && m.Mention.Code == code && m.Mention.Kind == kind),
                $"expected \"{span}\" {code} {kind}; found: {string.Join("; ", mentions.Select(ActorTestData.Describe))}");
        }
    }

    public class NoMatch
    {
        public static TheoryData<string, string> Cases => new()
        {
            // Ambiguous names need the capitals; case-sensitive names need exactly their case.
            { "they crossed the jordan river", "JOR" },
            { "he told us nothing", "USA" },
            { "who said so?", "IGOUNOWHO" },

            // Token boundaries: Niger is not inside Nigeria or Nigerian.
            { "Nigeria and Nigerian troops", "NER" },

            // A one-word name after a first name belongs to someone else.
            { "Michael Jordan scored.", "JOR" },
            { "at the Ain al-Assad base", "SYRGOV" },
            { "Ivanka Trump said", "USAGOV" },

            // Places that are not actors.
            { "to the island of Diego Garcia in the Indian Ocean", "IOT" },
        };

        [Theory]
        [MemberData(nameof(Cases))]
        public void Does_not_find_the_actor(string text, string code)
        {
            // Given a phrase where a name would be a false match
            // When it is matched
            List<(ActorMention Mention, string Text)> mentions = Run(text, "2020-01-08");

            // Then no mention carries the code
            Assert.DoesNotContain(mentions, m => m.Mention.Code.StartsWith(code, StringComparison.Ordinal));
        }
    }

    public class Details
    {
        [Fact]
        public void Al_Qaeda_is_three_tokens_and_one_mention()
        {
            // Given "al-Qaeda", which the segmenter cuts at the hyphen
            const string text = "a claim by al-Qaeda today";
            Segmentation segmentation = Segmenter.Default.Segment(text);
            Assert.Equal(["a", "claim", "by", "al", "-", "Qaeda", "today"], segmentation.Tokens.Select(t => text.Substring(t.Start, t.Length)));

            // When it is matched
            var mentions = new List<ActorMention>();
            ActorTestData.Matcher.Match(text, segmentation.TokensOf(segmentation.Sentences[0]), null, mentions);

            // Then one mention covers the three tokens
            ActorMention mention = Assert.Single(mentions);
            Assert.Equal((3, 3, "IMGINSALQ", "IMG", "INS"), (mention.FirstToken, mention.TokenCount, mention.Code, mention.Country, mention.Sector));
            Assert.Equal("al-Qaeda", text[mention.Start..mention.End]);
        }

        [Fact]
        public void A_sector_phrase_alone_has_no_country()
        {
            // Given a sector phrase with no country
            // When it is matched
            (ActorMention mention, _) = Assert.Single(Run("Thousands of protesters marched.", null));

            // Then the country is left for the coder and confidence is modest
            Assert.Null(mention.Country);
            Assert.Equal("CVL", mention.Sector);
            Assert.True(mention.Confidence < 1);
        }

        [Fact]
        public void Ambiguous_names_get_lower_confidence()
        {
            // Given an unambiguous and an ambiguous country name
            // When both are matched
            List<(ActorMention Mention, string Text)> mentions = Run("Iraq and Jordan signed.", null);

            // Then the ambiguous one is less sure
            ActorMention iraq = mentions.Single(m => m.Text == "Iraq").Mention;
            ActorMention jordan = mentions.Single(m => m.Text == "Jordan").Mention;
            Assert.Equal("JOR", jordan.Code);
            Assert.True(jordan.Confidence < iraq.Confidence);
        }

        [Fact]
        public void People_without_a_date_take_the_latest_spell_at_lower_confidence()
        {
            // Given the same sentence with and without a date
            ActorMention dated = Run("Trump said", "2020-01-08").Single().Mention;
            ActorMention undated = Run("Trump said", null).Single().Mention;

            // Then both are coded, and the undated one is less sure
            Assert.Equal("Donald Trump", undated.Entity);
            Assert.True(undated.Confidence < dated.Confidence);
        }

        [Fact]
        public void People_outside_every_spell_take_the_nearest_one_at_lower_confidence()
        {
            // Given Soleimani, killed on 2020-01-03, named five days later
            ActorMention mention = Run("Soleimani was buried.", "2020-01-08").Single().Mention;

            // Then his last role codes him, with less confidence
            Assert.Equal("IRNMIL", mention.Code);
            Assert.True(mention.Confidence < 1);
        }

        [Fact]
        public void Codes_are_the_dictionary_strings()
        {
            // Given two matches of the same composed actor
            ActorMention first = Run("US forces left.", null).Single().Mention;
            ActorMention second = Run("and US forces came", null).Single().Mention;

            // Then they share one string instance
            Assert.Same(first.Code, second.Code);
        }

        [Fact]
        public void Token_indexes_are_relative_to_the_sentence()
        {
            // Given a document of two sentences
            const string text = "Rain fell. Then Iran fired.";
            Segmentation segmentation = Segmenter.Default.Segment(text);
            Sentence second = segmentation.Sentences[1];

            // When the second sentence is matched
            var mentions = new List<ActorMention>();
            ActorTestData.Matcher.Match(text, segmentation.TokensOf(second), null, mentions);

            // Then the index counts from the sentence and the span from the document
            ActorMention mention = Assert.Single(mentions);
            Assert.Equal(1, mention.FirstToken);
            Assert.Equal("Iran", text[mention.Start..mention.End]);
        }
    }
}
