using Casus.Events.Actors;
using Casus.Text;
using CsCheck;

namespace Casus.Events.Tests.Actors;

public class ActorMatcherPropertyTests
{
    /// <summary>Words that exercise names, compositions, people, possessives and case rules, glued at random.</summary>
    private static readonly string[] Words =
    [
        "Iran", "Iranian", "Iran's", "Iran’s", "IRAN", "iran", "US", "us", "U.S.", "American", "forces", "troops",
        "foreign", "minister", "Foreign", "Minister", "the", "The", "Pentagon", "Kremlin", "spokesman", "of",
        "president", "President", "Trump", "Trump's", "Donald", "Ivanka", "Javad", "Zarif", "Washington", "Tehran",
        "in", "at", "Jordan", "jordan", "Michael", "Niger", "Nigeria", "Papua", "New", "Guinea", "al-Qaeda", "al",
        "-", "Qaeda", "IRGC", "Revolutionary", "Guard", "Corps", "Islamic", "State", "IS", "is", "WHO", "who",
        "Hezbollah", "parliament", "Iraqi", "Iraq", "members", "protesters", "lawmakers", "Knesset", "UN",
        "peacekeepers", "United", "Nations", "Security", "Council", "'s", "'", "’s", ",", ".", "said", "Tuesday",
        "administration", "Soleimani", "General", "Gen.", "Diego", "Garcia", "Indian", "Ocean", "😀", "é", "",
    ];

    private static readonly Gen<string> Sentences =
        Gen.OneOf<string>(Words).Array[0, 300].Select(parts => string.Join(" ", parts));

    private static readonly Gen<DateOnly?> Dates =
        Gen.Int[0, 40].Select(d => d == 0 ? (DateOnly?)null : new DateOnly(1985 + d, 1 + d % 12, 1 + d % 28));

    [Fact]
    public void Random_sentences_keep_the_invariants() =>
        Gen.Select(Sentences, Dates).Sample((text, date) =>
        {
            // Given any text cut by the segmenter, treated as one sentence
            var tokens = new List<Token>();
            Segmenter.Default.Segment(text, tokens, []);
            Token[] sentence = [.. tokens];

            // When it is matched
            var mentions = new List<ActorMention>();
            ActorTestData.Matcher.Match(text, sentence, date, mentions);

            // Then mentions are in order, never overlap, lie within the sentence, and agree with their tokens
            int previousEnd = 0;
            foreach (ActorMention m in mentions)
            {
                Assert.True(m.FirstToken >= previousEnd, "mentions overlap or go backwards");
                Assert.True(m.TokenCount >= 1 && m.EndToken <= sentence.Length, "mention outside the sentence");
                Assert.Equal(sentence[m.FirstToken].Start, m.Start);
                Assert.Equal(sentence[m.EndToken - 1].End, m.End);
                Assert.False(string.IsNullOrEmpty(m.Code));
                Assert.InRange(m.Confidence, 0.01f, 1f);
                previousEnd = m.EndToken;
            }
        }, iter: 2000);

    [Fact]
    public void Output_is_the_same_on_several_threads()
    {
        // Given sentences and their mentions matched on one thread
        var random = new Random(20200108);
        string[] texts = [.. Enumerable.Range(0, 60).Select(_ => string.Join(" ", Enumerable.Range(0, random.Next(1, 120)).Select(_ => Words[random.Next(Words.Length)])))];
        Token[][] tokens = [.. texts.Select(t => Segmenter.Default.Segment(t).Tokens.ToArray())];
        var date = new DateOnly(2020, 1, 8);
        List<ActorMention>[] expected = [.. texts.Select((t, i) => MatchAll(t, tokens[i], date))];

        // When one shared matcher runs them on eight threads, many times
        var failures = new System.Collections.Concurrent.ConcurrentBag<int>();
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, worker =>
        {
            var mentions = new List<ActorMention>();
            for (int round = 0; round < 20; round++)
            {
                for (int i = 0; i < texts.Length; i++)
                {
                    mentions.Clear();
                    ActorTestData.Matcher.Match(texts[i], tokens[i], date, mentions);
                    if (!mentions.SequenceEqual(expected[i]))
                    {
                        failures.Add(i);
                    }
                }
            }
        });

        // Then every run gives the same mentions
        Assert.Empty(failures);
    }

    [Fact]
    public void Matching_allocates_nothing_per_token_after_warm_up()
    {
        // Given a long sentence (over the stack buffer, so the pooled path runs too) and a short one
        string shortText = "Iranian Foreign Minister Javad Zarif told the IRGC and US forces in Iraq's parliament that Trump's administration and the Pentagon, Hezbollah and al-Qaeda met UN peacekeepers in Papua New Guinea.";
        string longText = string.Join(" ", Enumerable.Repeat(shortText, 12));
        Token[] shortTokens = [.. Segmenter.Default.Segment(shortText).Tokens];
        Token[] longTokens = [.. Segmenter.Default.Segment(longText).Tokens];
        Assert.True(longTokens.Length > 256);
        var mentions = new List<ActorMention>(1024);
        var date = new DateOnly(2020, 1, 8);
        for (int i = 0; i < 50; i++)
        {
            mentions.Clear();
            ActorTestData.Matcher.Match(shortText, shortTokens, date, mentions);
            ActorTestData.Matcher.Match(longText, longTokens, date, mentions);
        }

        // When both are matched many times into a reused list
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 200; i++)
        {
            mentions.Clear();
            ActorTestData.Matcher.Match(shortText, shortTokens, date, mentions);
            ActorTestData.Matcher.Match(longText, longTokens, null, mentions);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Then nothing was allocated (200 rounds of ~450 tokens: even one byte per token would show)
        Assert.True(mentions.Count > 100);
        Assert.Equal(0, allocated);
    }

    private static List<ActorMention> MatchAll(string text, Token[] tokens, DateOnly date)
    {
        var mentions = new List<ActorMention>();
        ActorTestData.Matcher.Match(text, tokens, date, mentions);
        return mentions;
    }
}
