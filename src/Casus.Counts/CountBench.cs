using System.Diagnostics;
using Casus.Text;

namespace Casus.Counts;

/// <summary>Result of <see cref="CountBench.Run"/>: what was found and how long segmenting and finding took.</summary>
/// <param name="Documents">Documents read.</param>
/// <param name="Sentences">Sentences searched.</param>
/// <param name="Counts">Counts found.</param>
/// <param name="Segmentation">Time spent segmenting.</param>
/// <param name="Finding">Time spent finding counts (no parse).</param>
public readonly record struct CountBenchResult(int Documents, long Sentences, long Counts, TimeSpan Segmentation, TimeSpan Finding)
{
    /// <summary>Sentences per second of count finding alone.</summary>
    public double SentencesPerSecond => Sentences / Math.Max(Finding.TotalSeconds, 1e-9);
}

/// <summary>Speed of the count finder on one thread, for <c>casus bench</c>.</summary>
public static class CountBench
{
    /// <summary>
    /// Segments every document, then finds the counts of every sentence (surface only: parse cost is not part of
    /// it), timing the two separately. Run it twice and keep the second result to leave JIT out.
    /// </summary>
    /// <param name="documents">Document texts; materialise them first so reading is not timed.</param>
    /// <param name="finder">The finder to time; <see cref="CountFinder.Default"/> when null.</param>
    public static CountBenchResult Run(IReadOnlyList<string> documents, CountFinder? finder = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        finder ??= CountFinder.Default;
        var tokens = new List<Token>[documents.Count];
        var sentences = new List<Sentence>[documents.Count];
        var clock = Stopwatch.StartNew();
        for (var d = 0; d < documents.Count; d++)
        {
            tokens[d] = [];
            sentences[d] = [];
            Segmenter.Default.Segment(documents[d], tokens[d], sentences[d]);
        }
        var segmentation = clock.Elapsed;
        clock.Restart();
        var output = new List<CountMention>();
        long sentenceCount = 0, counts = 0;
        for (var d = 0; d < documents.Count; d++)
        {
            var all = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens[d]);
            foreach (var s in sentences[d])
            {
                output.Clear();
                finder.Find(documents[d], all.Slice(s.FirstToken, s.TokenCount), output);
                counts += output.Count;
                sentenceCount++;
            }
        }
        return new CountBenchResult(documents.Count, sentenceCount, counts, segmentation, clock.Elapsed);
    }
}
