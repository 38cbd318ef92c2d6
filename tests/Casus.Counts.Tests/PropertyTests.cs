using System.Globalization;
using System.Text.Json;
using Casus.Reading.Tests.Support;
using Casus.Text;
using CsCheck;
using Xunit.Abstractions;
using static Casus.Counts.Tests.Harness;

namespace Casus.Counts.Tests;

/// <summary>Invariants over random text and numbers, the word list's errors, and the bench entry.</summary>
public class PropertyTests(ITestOutputHelper output)
{
    private static readonly string[] Vocabulary =
    [
        "killed", "killing", "at", "least", "more", "than", "56", "4,000", "1.5", "million", "people", "were", "was", "injured",
        "dozens", "of", "hundreds", "thousands", "tens", "no", "one", "casualties", "death", "toll", "rose", "to", "six", "B", "-",
        "52", "bombers", "deployed", "an", "aircraft", "carrier", "and", ",", ".", "a", "dozen", "along", "with", "Iraqis", "1979",
        "January", "%", "$", "twenty", "five", "hundred", "missing", "fled", "troops", "nobody", "hurt", "in", "stampede",
    ];

    private static readonly Gen<string> News = Gen.OneOf(
        Gen.Int[0, Vocabulary.Length - 1].Array[0, 40].Select(ix => string.Join(' ', ix.Select(i => Vocabulary[i]))),
        Gen.String);

    [Fact]
    public void SpansAreInRangeAndNeverOverlap()
    {
        News.Sample(text =>
        {
            // Given any text
            var segmentation = Segmenter.Default.Segment(text);
            var found = new List<CountMention>();
            foreach (var sentence in segmentation.Sentences)
            {
                // When its counts are found (it never throws)
                var tokens = segmentation.TokensOf(sentence);
                found.Clear();
                CountFinder.Default.Find(text, tokens, found);

                // Then every span lies in the text, the figure inside the evidence, and figures never overlap (one
                // figure may count two kinds: "no casualties" is zero killed and zero injured)
                int previousNumberStart = -1, previousNumberEnd = 0;
                foreach (var m in found)
                {
                    Assert.InRange(m.EvidenceStart, 0, text.Length);
                    Assert.InRange(m.EvidenceEnd, m.EvidenceStart + 1, text.Length);
                    Assert.InRange(m.NumberStart, m.EvidenceStart, m.EvidenceEnd);
                    Assert.InRange(m.NumberEnd, m.NumberStart + 1, m.EvidenceEnd);
                    Assert.True(m.NumberStart >= previousNumberEnd || (m.NumberStart == previousNumberStart && m.NumberEnd == previousNumberEnd), "figures overlap");
                    (previousNumberStart, previousNumberEnd) = (m.NumberStart, m.NumberEnd);
                    Assert.InRange(m.FirstToken, 0, tokens.Length - 1);
                    Assert.InRange(m.EndToken, m.FirstToken + 1, tokens.Length);
                    Assert.InRange(m.Predicate, -1, tokens.Length - 1);
                    Assert.True(m.Value >= 0);
                    if (m.UnitStart >= 0)
                    {
                        Assert.InRange(m.UnitEnd, m.UnitStart + 1, text.Length);
                    }
                }
            }
        }, iter: 3000);
    }

    [Fact]
    public void NumbersRoundTrip()
    {
        Gen.Long[0, 999_999_999_999].Sample(n =>
        {
            // Given any whole number written with thousands separators, and the same in millions with one decimal
            var grouped = n.ToString("N0", CultureInfo.InvariantCulture);
            var millions = (n / 100_000) / 10m;

            // When they are parsed
            // Then they give the number back
            Assert.True(CountFinder.Default.TryParseQuantity(grouped, out var value, out var q), grouped);
            Assert.Equal(n, value);
            Assert.Equal(CountQualifier.Exact, q);
            var words = millions.ToString("0.#", CultureInfo.InvariantCulture) + " million";
            if (millions > 0)
            {
                Assert.True(CountFinder.Default.TryParseQuantity(words, out value, out _), words);
                Assert.Equal((long)(millions * 1_000_000), value);
            }
        }, iter: 2000);
    }

    [Fact]
    public void SameOutputOnEveryThread()
    {
        // Given one finder shared by several threads
        const string text = "Gunmen killed at least 56 people. Dozens were injured. The US deployed 4,000 troops and six B-52 bombers.";
        var expected = RenderAll(text);

        // When they all find the counts of the same text
        var results = new string[32];
        Parallel.For(0, results.Length, i => results[i] = RenderAll(text));

        // Then they all agree
        Assert.All(results, r => Assert.Equal(expected, r));
        Assert.Equal(4, expected.Split(" | ").Length);
    }

    [Theory]
    [InlineData("[killed]\nkilled\n", "my.txt:1: unknown section '[killed]'")]
    [InlineData("killed\n", "my.txt:1: entry before any [section]")]
    [InlineData("[qualifiers]\n# fine\nat least\n", "my.txt:3: qualifier 'at least' needs ' = exact|at_least|at_most|approx'")]
    [InlineData("[qualifiers]\nat least = lots\n", "my.txt:2: unknown qualifier 'lots' (expected exact, at_least, at_most or approx)")]
    [InlineData("[after:eaten]\neaten\n", "my.txt:1: unknown section '[after:eaten]'")]
    [InlineData("[people]\npeople = at_least\n", "my.txt:2: only [qualifiers] entries take ' = '")]
    public void WordListErrorsNameFileAndLine(string file, string error)
    {
        // Given a word list with a mistake
        // When it is parsed
        var (lexicon, errors) = CountLexicon.Parse(file, "my.txt");

        // Then there is no lexicon and the error names the file and line
        Assert.Null(lexicon);
        Assert.Equal(error, Assert.Single(errors).ToString());
    }

    [Fact]
    public void TheShippedWordListLoads()
    {
        // Given the embedded word list
        // When it is loaded
        // Then it has its entries
        Assert.True(CountLexicon.Default.PhraseCount > 300);
    }

    [Fact]
    public void BenchCountsSentencesAndCounts()
    {
        // Given two small documents
        string[] documents = ["Gunmen killed 12 people. Nothing else.", "Dozens were injured."];

        // When the bench runs
        var result = CountBench.Run(documents);

        // Then it saw every sentence and count
        Assert.Equal(3, result.Sentences);
        Assert.Equal(2, result.Counts);
        Assert.True(result.SentencesPerSecond > 0);
    }

    private const string Wikinews = "data/news/wikinews_2019_2020.jsonl";

    [SharedFileFact(Wikinews)]
    [Trait("Data", "Shared")]
    public void WikinewsSpeed()
    {
        // Given the Wikinews 2019-2020 documents
        var documents = new List<string>();
        foreach (var line in File.ReadLines(SharedData.PathOf(Wikinews)))
        {
            using var json = JsonDocument.Parse(line);
            documents.Add(json.RootElement.GetProperty("text").GetString()!);
        }

        // When the bench runs (once: the speed is reported by casus bench, not asserted)
        var result = CountBench.Run(documents);
        output.WriteLine($"{result.Documents} documents, {result.Sentences} sentences, {result.Counts} counts; "
            + $"segmentation {result.Segmentation.TotalMilliseconds:F0} ms, counts {result.Finding.TotalMilliseconds:F0} ms = {result.SentencesPerSecond:F0} sentences/s");

        // Then news has casualty counts in it (the speed is printed for the record; tests never depend on timing)
        Assert.True(result.Counts > 50, $"{result.Counts} counts");
    }
}
