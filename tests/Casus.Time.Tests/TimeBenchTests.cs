using System.Globalization;
using System.Text.Json;
using Casus.Reading.Tests.Support;
using Xunit.Abstractions;

namespace Casus.Time.Tests;

/// <summary>The bench entry <c>casus bench</c> calls, and its numbers on the Wikinews sample.</summary>
public class TimeBenchTests(ITestOutputHelper output)
{
    private const string Wikinews = "data/news/wikinews_2019_2020.jsonl";

    [Fact]
    public void CountsSentencesAndMentions()
    {
        // Given two small documents
        (string, DateOnly?)[] documents = [("On Tuesday it rained. Nothing else.", new DateOnly(2020, 1, 8)), ("In 1979, and last week.", null)];

        // When the bench runs
        var result = TimeBench.Run(documents);

        // Then it saw every sentence and mention
        Assert.Equal(2, result.Documents);
        Assert.Equal(3, result.Sentences);
        Assert.Equal(3, result.Mentions);
        Assert.True(result.SentencesPerSecond > 0);
    }

    [SharedFileFact(Wikinews)]
    [Trait("Data", "Shared")]
    public void WikinewsSpeed()
    {
        // Given the Wikinews 2019-2020 documents with their dates
        var documents = new List<(string, DateOnly?)>();
        foreach (var line in File.ReadLines(SharedData.PathOf(Wikinews)))
        {
            using var json = JsonDocument.Parse(line);
            var date = DateOnly.ParseExact(json.RootElement.GetProperty("date").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            documents.Add((json.RootElement.GetProperty("text").GetString()!, date));
        }

        // When the bench runs (once: the speed is reported by casus bench, not asserted)
        var result = TimeBench.Run(documents);
        output.WriteLine($"{result.Documents} documents, {result.Sentences} sentences, {result.Mentions} date mentions; "
            + $"segmentation {result.Segmentation.TotalMilliseconds:F0} ms, dates {result.Finding.TotalMilliseconds:F0} ms = {result.SentencesPerSecond:F0} sentences/s");

        // Then news has dates in it (the speed is printed for the record; tests never depend on timing)
        Assert.True(result.Mentions > result.Documents, "fewer date mentions than documents");
    }
}
