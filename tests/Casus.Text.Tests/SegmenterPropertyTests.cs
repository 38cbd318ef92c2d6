using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using Xunit;

namespace Casus.Text.Tests;

public class SegmenterPropertyTests
{
    private static readonly Segmenter Segmenter = Segmenter.Default;

    /// <summary>Characters that exercise every branch of the tokenizer, including broken UTF-16.</summary>
    private static readonly string[] Soup =
    [
        "a", "Z", "é", "5", "0", ".", ",", "!", "?", "'", "’", "‘", "\"", "“", "”", "`", "-", "—", "–", "(", ")",
        "[", "]", ":", ";", "/", "@", "#", "$", "%", "&", "_", "*", "=", "<", ">", "+", "|", "…", " ", " ", " ",
        "\n", "\n\n", "\r\n", "\t", "\u00A0", "\u200B", "\uFEFF", "\u200D", "\u0301", "\uFE0F", "😀", "🏽", "🇺",
        "\uD83D", "\uDE00", "\u2029", "\0", "n't", "'s", "http://", "www.", "U.S", "etc", "No", "Gen", "al-",
    ];

    /// <summary>News-like fragments, glued with and without spaces.</summary>
    private static readonly string[] News =
    [
        "Iran", "fired", "missiles", "at", "U.S.", "U.S.-led", "forces", "Gen.", "Qassem", "Suleimani", "'s", "don't",
        "won't", "cannot", "gonna", "al-Assad", "Abu Mahdi al-Muhandis", "4,000", "$1.5", "10%", "2020-01-08",
        "10:30", "a.m.", "Jan.", "No.", "J.", "etc.", "\"We will,\" he said.", "“Why?”", "...", "…", "--", "—",
        "(Reuters)", "BAGHDAD", "WASHINGTON,", "-", "https://www.reuters.com/x?a=1&b=(2)", "press@un.org",
        "#Iran", "@UN", ":)", "[1]", "IRGC", "Iraqis'", "B-52s", "1990s", "5pm", "😀", "👍🏽", ".", "!", "?", ",",
        "\n", "\n\n", " ", " ", " ", " ",
    ];

    private static readonly Gen<string> SoupText =
        Gen.OneOf<string>(Soup).Array[0, 80].Select(parts => string.Concat(parts));

    private static readonly Gen<string> NewsText =
        Gen.OneOf<string>(News).Array[0, 60].Select(parts => string.Join(" ", parts));

    private static readonly Gen<string> GluedNewsText =
        Gen.OneOf<string>(News).Array[0, 60].Select(parts => string.Concat(parts));

    [Fact]
    public void Random_strings_keep_the_invariants() => SoupText.Sample(AssertInvariants, iter: 3000);

    [Fact]
    public void Random_news_text_keeps_the_invariants() => NewsText.Sample(AssertInvariants, iter: 2000);

    [Fact]
    public void Glued_news_fragments_keep_the_invariants() => GluedNewsText.Sample(AssertInvariants, iter: 2000);

    [Fact]
    public void Output_is_the_same_on_reuse_and_across_threads()
    {
        // Given one shared segmenter and a set of documents
        var random = new Random(20200108);
        string[] documents = [.. Enumerable.Range(0, 40).Select(i => RandomDocument(random, i % 2 == 0 ? News : Soup))];
        Segmentation[] expected = [.. documents.Select(d => Segmenter.Segment(d))];

        // When several threads segment them repeatedly into reused lists
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, worker =>
        {
            var tokens = new List<Token>();
            var sentences = new List<Sentence>();
            for (int round = 0; round < 20; round++)
            {
                int i = (round + worker) % documents.Length;
                tokens.Clear();
                sentences.Clear();
                Segmenter.Segment(documents[i], tokens, sentences);

                // Then every run gives the same tokens and sentences
                Assert.Equal(expected[i].Tokens, tokens);
                Assert.Equal(expected[i].Sentences, sentences);
            }
        });
    }

    private static string RandomDocument(Random random, string[] parts)
    {
        var sb = new StringBuilder();
        int count = random.Next(200);
        for (int i = 0; i < count; i++)
        {
            sb.Append(parts[random.Next(parts.Length)]).Append(random.Next(3) == 0 ? "" : " ");
        }

        return sb.ToString();
    }

    [Theory]
    [MemberData(nameof(RegressionFiles))]
    public void Regression_inputs_keep_the_invariants(string file)
    {
        // Given an input that once broke (or was built to break) the segmenter, Then the invariants hold.
        string text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Regression", file));
        if (file.EndsWith(".escaped.txt", StringComparison.Ordinal))
        {
            text = Regex.Unescape(text);
        }

        AssertInvariants(text);
    }

    public static TheoryData<string> RegressionFiles()
    {
        var data = new TheoryData<string>();
        foreach (string path in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Regression")).Order())
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    /// <summary>The contract every segmentation keeps, whatever the input.</summary>
    internal static void AssertInvariants(string text)
    {
        Segmentation s = Segmenter.Segment(text);
        IReadOnlyList<Token> tokens = s.Tokens;
        int previousEnd = 0;
        foreach (Token token in tokens)
        {
            // Offsets never go backwards, tokens never overlap and are never empty.
            Assert.True(token.Length > 0, $"empty token at {token.Start} in {Show(text)}");
            Assert.True(token.Start >= previousEnd, $"token at {token.Start} overlaps in {Show(text)}");

            // Only whitespace lies between tokens, so every other char is inside a token.
            AssertSeparators(text, previousEnd, token.Start);

            // No boundary falls inside a surrogate pair.
            Assert.False(SplitsPair(text, token.Start), $"token starts inside a pair at {token.Start} in {Show(text)}");
            Assert.False(SplitsPair(text, token.End), $"token ends inside a pair at {token.End} in {Show(text)}");
            previousEnd = token.End;
        }

        AssertSeparators(text, previousEnd, text.Length);

        // Sentences partition the tokens in order.
        int next = 0;
        foreach (Sentence sentence in s.Sentences)
        {
            Assert.Equal(next, sentence.FirstToken);
            Assert.True(sentence.TokenCount > 0, $"empty sentence in {Show(text)}");
            Assert.Equal(tokens[sentence.FirstToken].Start, sentence.Start);
            Assert.Equal(tokens[sentence.FirstToken + sentence.TokenCount - 1].End, sentence.End);
            next += sentence.TokenCount;
        }

        Assert.Equal(tokens.Count, next);

        // The same input gives the same output.
        Segmentation again = Segmenter.Segment(text);
        Assert.Equal(tokens, again.Tokens);
        Assert.Equal(s.Sentences, again.Sentences);
    }

    private static void AssertSeparators(string text, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            Assert.True(CharInfo.IsSeparator(text[i]), $"char U+{(int)text[i]:X4} at {i} is outside every token in {Show(text)}");
        }
    }

    private static bool SplitsPair(string text, int at) =>
        at > 0 && at < text.Length && char.IsHighSurrogate(text[at - 1]) && char.IsLowSurrogate(text[at]);

    private static string Show(string text)
    {
        var sb = new StringBuilder("\"");
        foreach (char c in text)
        {
            sb.Append(c is < ' ' or > '~' ? $"\\u{(int)c:X4}" : c.ToString());
        }

        return sb.Append('"').ToString();
    }
}
