using Xunit;

namespace Casus.Text.Tests;

public static class SegmenterTests
{
    private static readonly Segmenter Segmenter = Segmenter.Default;

    private static string Tokens(string text)
    {
        Segmentation s = Segmenter.Segment(text);
        return string.Join("|", s.Tokens.Select(t => text.Substring(t.Start, t.Length)));
    }

    private static string[] Sentences(string text)
    {
        Segmentation s = Segmenter.Segment(text);
        return [.. s.Sentences.Select(x => text.Substring(x.Start, x.Length))];
    }

    public class Tokenization
    {
        public static TheoryData<string, string> Cases => new()
        {
            // Clitics and possessives split as UD English does.
            { "IRGC's Quds Force", "IRGC|'s|Quds|Force" },
            { "Bush’s plan", "Bush|’s|plan" },
            { "the Iraqis' anger", "the|Iraqis|'|anger" },
            { "don't", "do|n't" },
            { "didn’t", "did|n’t" },
            { "can't won't Cannot", "ca|n't|wo|n't|Can|not" },
            { "gonna wanna", "gon|na|wan|na" },
            { "I'm they're we've you'll she'd", "I|'m|they|'re|we|'ve|you|'ll|she|'d" },
            { "O'Brien's 80's o'clock Kata’ib", "O'Brien|'s|80's|o'clock|Kata’ib" },

            // Hyphens: split like the treebanks, except bound prefixes and digit groups.
            { "Abu Mahdi al-Muhandis", "Abu|Mahdi|al|-|Muhandis" },
            { "Ain al-Asad and al-Qaeda", "Ain|al|-|Asad|and|al|-|Qaeda" },
            { "U.S.-led forces", "U.S.|-|led|forces" },
            { "search-engine", "search|-|engine" },
            { "e-mail anti-American non-state", "e-mail|anti-American|non-state" },
            { "B-52 bombers", "B|-|52|bombers" },
            { "the 1979-1980 seizure", "the|1979|-|1980|seizure" },
            { "on 2020-01-08", "on|2020-01-08" },
            { "pre- and post-war", "pre-|and|post-war" },

            // Abbreviations, initials and acronyms keep their period.
            { "Jan. 3", "Jan.|3" },
            { "Gen. Qassem Suleimani", "Gen.|Qassem|Suleimani" },
            { "Mr. J. Smith of Acme Corp. and Dr. No", "Mr.|J.|Smith|of|Acme|Corp.|and|Dr.|No" },
            { "the U.N. Security Council", "the|U.N.|Security|Council" },
            { "at 10:30 a.m. on", "at|10:30|a.m.|on" },
            { "No. 1 but said no.", "No.|1|but|said|no|." },
            { "books, etc. The end", "books|,|etc|.|The|end" },
            { "books, etc., and", "books|,|etc.|,|and" },

            // Numbers.
            { "4,000 troops", "4,000|troops" },
            { "$1.5 billion, 10% more, 4.5 percent", "$|1.5|billion|,|10|%|more|,|4.5|percent" },
            { "the 1990s and 82nd Airborne", "the|1990s|and|82nd|Airborne" },
            { "at 5pm, 35mm", "at|5|pm|,|35|mm" },
            { "since 9/11 and '90s", "since|9/11|and|'90s" },

            // Quotes, dashes, ellipses.
            { "\"We will,\" he said.", "\"|We|will|,|\"|he|said|." },
            { "“Why?” ‘war’", "“|Why|?|”|‘|war|’" },
            { "``quoted''", "``|quoted|''" },
            { "Iran -- and Iraq — today – now", "Iran|--|and|Iraq|—|today|–|now" },
            { "wait... what… so?!", "wait|...|what|…|so|?!" },

            // URLs, e-mail, tags.
            { "see https://www.reuters.com/world/iran-idUSKBN1Z7.html.", "see|https://www.reuters.com/world/iran-idUSKBN1Z7.html|." },
            { "(www.state.gov)", "(|www.state.gov|)" },
            { "**(https://wsws.org/contact)**", "**|(|https://wsws.org/contact|)|**" },
            { "mail press@un.org, now", "mail|press@un.org|,|now" },
            { "#IranStrikes @realDonaldTrump #1", "#IranStrikes|@realDonaldTrump|#|1" },
            { "AT&T and S&P", "AT&T|and|S&P" },

            // Datelines tokenize normally.
            { "BAGHDAD (Reuters) -", "BAGHDAD|(|Reuters|)|-" },
            { "WASHINGTON, Jan. 7 (AP) —", "WASHINGTON|,|Jan.|7|(|AP|)|—" },

            // Emoji and combining marks stay whole.
            { "ok 👍🏽 🇺🇸 👨‍👩‍👧 e\u0301t\u00E9", "ok|👍🏽|🇺🇸|👨‍👩‍👧|e\u0301t\u00E9" },
        };

        [Theory]
        [MemberData(nameof(Cases))]
        public void Splits_news_text_like_UD_English(string text, string expected)
        {
            // Given a news phrase, When it is segmented, Then the token forms are the UD English ones.
            Assert.Equal(expected, Tokens(text));
        }
    }

    public class SentenceSplitting
    {
        public static TheoryData<string, string[]> Cases => new()
        {
            { "He left. She stayed.", ["He left.", "She stayed."] },
            { "He lives in the U.S. The next day he left.", ["He lives in the U.S.", "The next day he left."] },
            { "The U.S. military struck Iraq.", ["The U.S. military struck Iraq."] },
            { "Gen. Qassem Suleimani died. Iran vowed revenge.", ["Gen. Qassem Suleimani died.", "Iran vowed revenge."] },
            { "Apple Inc. said on Jan. 3 that J. Smith left.", ["Apple Inc. said on Jan. 3 that J. Smith left."] },
            { "\"We will,\" he said. \"Why now?\" Pompeo asked.", ["\"We will,\" he said.", "\"Why now?\" Pompeo asked."] },
            { "He said: \"Stop.\" Then he left.", ["He said: \"Stop.\"", "Then he left."] },
            { "\"Death to America!\" protesters chanted.", ["\"Death to America!\" protesters chanted."] },
            { "Really? Yes! It rose 4.5 percent.", ["Really?", "Yes!", "It rose 4.5 percent."] },
            { "Wait... what happened?", ["Wait... what happened?"] },
            { "Stocks fell (sharply). Oil rose.", ["Stocks fell (sharply).", "Oil rose."] },
            { "Books, etc. The end.", ["Books, etc.", "The end."] },
            { "The strike killed\nthe general. Iran vowed\nrevenge.", ["The strike killed\nthe general.", "Iran vowed\nrevenge."] },
            { "Iran strikes US bases\n\nTehran fired missiles.", ["Iran strikes US bases", "Tehran fired missiles."] },
            { "First para\r\n\r\nSecond para", ["First para", "Second para"] },
            { "It was over. [1] Then it began.", ["It was over. [1]", "Then it began."] },
        };

        [Theory]
        [MemberData(nameof(Cases))]
        public void Splits_sentences(string text, string[] expected)
        {
            // Given news text, When it is segmented, Then the sentence spans are as expected.
            Assert.Equal(expected, Sentences(text));
        }
    }

    public class Datelines
    {
        public static TheoryData<string, string[]> Cases => new()
        {
            {
                "BAGHDAD (Reuters) - Iran fired missiles. The U.S. responded.",
                ["BAGHDAD (Reuters) -", "Iran fired missiles.", "The U.S. responded."]
            },
            { "WASHINGTON, Jan. 7 (AP) — Officials said so.", ["WASHINGTON, Jan. 7 (AP) —", "Officials said so."] },
            { "NEW YORK — Markets fell.", ["NEW YORK —", "Markets fell."] },
            {
                "Headline here\n\nTEHRAN (AFP) - Iran denied it.",
                ["Headline here", "TEHRAN (AFP) -", "Iran denied it."]
            },
            { "Evansville, Indiana, United States - This week it opened.", ["Evansville, Indiana, United States -", "This week it opened."] },
            { "US - Iran talks collapse", ["US - Iran talks collapse"] },
            { "NATO said - in a statement - it would.", ["NATO said - in a statement - it would."] },
        };

        [Theory]
        [MemberData(nameof(Cases))]
        public void Puts_a_dateline_in_its_own_sentence(string text, string[] expected)
        {
            // Given a paragraph that opens with a dateline, When it is segmented, Then the dateline is a sentence.
            Assert.Equal(expected, Sentences(text));
        }
    }

    public class Appending
    {
        [Fact]
        public void Appends_to_reused_lists_and_indexes_the_whole_token_list()
        {
            // Given lists that already hold a document
            var tokens = new List<Token>();
            var sentences = new List<Sentence>();
            Segmenter.Segment("One. Two.", tokens, sentences);
            int before = tokens.Count;

            // When a second document is appended
            Segmenter.Segment("Three four.", tokens, sentences);

            // Then its sentence points past the first document's tokens, with offsets in the second text
            Assert.Equal(3, sentences.Count);
            Assert.Equal(new Sentence(0, 11, before, 3), sentences[2]);
            Assert.Equal(new Token(0, 5), tokens[before]);
        }

        [Fact]
        public void Empty_and_blank_text_give_nothing()
        {
            // Given no words, When segmented, Then there are no tokens and no sentences.
            Assert.Empty(Segmenter.Segment("").Tokens);
            Assert.Empty(Segmenter.Segment(" \n\t\u200B ").Sentences);
        }

        [Fact]
        public void Segmentation_exposes_token_text_and_sentence_tokens()
        {
            // Given a segmentation, When reading it, Then tokens map back to text and sentences to tokens.
            Segmentation s = Segmenter.Segment("Hi there. Bye.");
            Assert.Equal("there", s[s.Tokens[1]].ToString());
            Assert.Equal(2, s.TokensOf(s.Sentences[1]).Length);
        }
    }
}
