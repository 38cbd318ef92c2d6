using System.Diagnostics;
using Casus.Text;

namespace Casus.Time;

/// <summary>Result of <see cref="TimeBench.Run"/>: what was found and how long segmenting and finding took.</summary>
/// <param name="Documents">Documents read.</param>
/// <param name="Sentences">Sentences searched.</param>
/// <param name="Mentions">Date mentions found.</param>
/// <param name="Segmentation">Time spent segmenting.</param>
/// <param name="Finding">Time spent finding and resolving dates (no parse).</param>
public readonly record struct TimeBenchResult(int Documents, long Sentences, long Mentions, TimeSpan Segmentation, TimeSpan Finding)
{
    /// <summary>Sentences per second of date finding alone.</summary>
    public double SentencesPerSecond => Sentences / Math.Max(Finding.TotalSeconds, 1e-9);
}

/// <summary>Speed of the date finder on one thread, for <c>casus bench</c>.</summary>
public static class TimeBench
{
    /// <summary>
    /// Segments every document, then finds and resolves the dates of every sentence (surface only: parse cost is
    /// not part of it), timing the two separately. Run it twice and keep the second result to leave JIT out.
    /// </summary>
    /// <param name="documents">Document texts with their dates; materialise them first so reading is not timed.</param>
    /// <param name="finder">The finder to time; <see cref="DateFinder.Default"/> when null.</param>
    public static TimeBenchResult Run(IReadOnlyList<(string Text, DateOnly? Date)> documents, DateFinder? finder = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        finder ??= DateFinder.Default;
        var tokens = new List<Token>[documents.Count];
        var sentences = new List<Sentence>[documents.Count];
        var clock = Stopwatch.StartNew();
        for (var d = 0; d < documents.Count; d++)
        {
            tokens[d] = [];
            sentences[d] = [];
            Segmenter.Default.Segment(documents[d].Text, tokens[d], sentences[d]);
        }
        var segmentation = clock.Elapsed;
        clock.Restart();
        var output = new List<DateMention>();
        long sentenceCount = 0, mentions = 0;
        for (var d = 0; d < documents.Count; d++)
        {
            var context = new DateContext(documents[d].Date);
            var all = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens[d]);
            foreach (var s in sentences[d])
            {
                output.Clear();
                finder.Find(documents[d].Text, all.Slice(s.FirstToken, s.TokenCount), context, output);
                mentions += output.Count;
                sentenceCount++;
            }
        }
        return new TimeBenchResult(documents.Count, sentenceCount, mentions, segmentation, clock.Elapsed);
    }
}
