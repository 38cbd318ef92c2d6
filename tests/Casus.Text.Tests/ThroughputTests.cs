using System.Diagnostics;
using System.Text;
using Xunit;
using Xunit.Abstractions;

namespace Casus.Text.Tests;

[Trait("Category", "Performance")]
public class ThroughputTests(ITestOutputHelper output)
{
    [Fact]
    public void Segments_news_text_in_linear_time_without_per_token_allocation()
    {
        // Given about 4 MB of news-like text, segmented into reused lists
        string text = NewsText(4_000_000);
        var tokens = new List<Token>(text.Length / 4);
        var sentences = new List<Sentence>(text.Length / 50);
        for (int warmup = 0; warmup < 3; warmup++)
        {
            tokens.Clear();
            sentences.Clear();
            Segmenter.Default.Segment(text, tokens, sentences);
        }

        // When it is segmented again
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        tokens.Clear();
        sentences.Clear();
        Segmenter.Default.Segment(text, tokens, sentences);
        watch.Stop();
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        double megabytes = Encoding.UTF8.GetByteCount(text) / 1e6;
        output.WriteLine($"{megabytes / watch.Elapsed.TotalSeconds:F1} MB/s, {tokens.Count} tokens, {allocated} bytes allocated");

        // Then nothing is allocated per token, and even a debug build stays far from quadratic
        Assert.True(allocated < 10_000, $"{allocated} bytes allocated");
        Assert.True(megabytes / watch.Elapsed.TotalSeconds > 1, $"{megabytes / watch.Elapsed.TotalSeconds:F1} MB/s");
    }

    private static string NewsText(int length)
    {
        string[] sentences =
        [
            "BAGHDAD (Reuters) - Iran fired more than a dozen ballistic missiles at U.S.-led forces in Iraq on Jan. 8.",
            "\"We will respond,\" said Gen. Qassem Suleimani's successor, Esmail Qaani, who didn't elaborate.",
            "Abu Mahdi al-Muhandis, deputy head of the PMF, was also killed at Baghdad's airport at 1:00 a.m.",
            "Oil rose 4.5% to $68.27 a barrel; the Dow fell 350 points, or 1.2 percent.",
            "See https://www.reuters.com/article/us-iraq-security for more... The Pentagon can't comment.",
            "Officials in Washington—and in Tehran—said talks were \"unlikely\" before the 2020-11-03 election.\n\n",
        ];
        var sb = new StringBuilder(length + 200);
        for (int i = 0; sb.Length < length; i++)
        {
            sb.Append(sentences[i % sentences.Length]).Append(i % 7 == 3 ? "\n" : " ");
        }

        return sb.ToString();
    }
}
