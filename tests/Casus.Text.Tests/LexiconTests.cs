using Xunit;

namespace Casus.Text.Tests;

public static class LexiconTests
{
    public class Default
    {
        [Fact]
        public void Loads_the_embedded_lists()
        {
            // Given the shipped lexicon, When looked up, Then each section answers.
            Lexicon lexicon = Lexicon.Default;
            Assert.Equal(AbbreviationKind.Title, lexicon.Abbreviation("Gen"));
            Assert.Equal(AbbreviationKind.General, lexicon.Abbreviation("Jan"));
            Assert.Equal(AbbreviationKind.Numeric, lexicon.Abbreviation("No"));
            Assert.Equal(AbbreviationKind.Final, lexicon.Abbreviation("etc"));
            Assert.Equal(AbbreviationKind.None, lexicon.Abbreviation("gen"));
            Assert.True(lexicon.IsHyphenPrefix("Anti"));
            Assert.False(lexicon.IsHyphenPrefix("al"));
            Assert.Equal(3, lexicon.ContractionSplit("Cannot"));
            Assert.True(lexicon.IsStarter("The"));
            Assert.True(lexicon.IsSpeechVerb("said"));
        }
    }

    public class Parse
    {
        [Theory]
        [InlineData("[titles]\nGen\n[abbreviations]\nGen")]
        [InlineData("Gen")]
        [InlineData("[contractions]\ncannot=cannot")]
        [InlineData("[contractions]\ncannot=can|no")]
        public void Rejects_malformed_text(string text)
        {
            // Given a malformed lexicon, When parsed, Then it fails loudly instead of segmenting wrongly.
            Assert.Throws<FormatException>(() => Lexicon.Parse(new StringReader(text)));
        }

        [Fact]
        public void Reads_comments_sections_and_entries()
        {
            // Given a small lexicon with comments, When parsed, Then only the entries count.
            Lexicon lexicon = Lexicon.Parse(new StringReader("# comment\n[titles]\nCapt # inline\n[contractions]\ngotta=got|ta"));
            Assert.Equal(AbbreviationKind.Title, lexicon.Abbreviation("Capt"));
            Assert.Equal(3, lexicon.ContractionSplit("gotta"));
        }
    }
}
