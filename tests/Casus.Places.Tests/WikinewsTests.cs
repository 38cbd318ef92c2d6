using System.Globalization;
using System.Text.Json;
using Casus.Reading.Tests.Support;
using Xunit;

namespace Casus.Places.Tests;

/// <summary>Hand-annotated city mentions in Wikinews articles, referenced by article id and offset.</summary>
public sealed class WikinewsTests
{
    private const string Corpus = "data/news/wikinews_2019_2020.jsonl";

    [SharedFileFact(Corpus)]
    public void AnnotatedMentionsGetTheRightCountryAndLieWithin50Km()
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(SharedData.PathOf(Corpus)))
        {
            using var doc = JsonDocument.Parse(line);
            texts[doc.RootElement.GetProperty("id").GetString()!] = doc.RootElement.GetProperty("text").GetString()!;
        }
        var rows = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "wikinews-places.tsv"))
            .Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split('\t')).ToList();
        int found = 0, country = 0, within50 = 0;
        var misses = new List<string>();
        foreach (var group in rows.GroupBy(r => r[0]))
        {
            var text = texts[group.Key];
            var analysis = Shared.Recognizer.Analyze(Shared.Plain(text));
            foreach (var r in group)
            {
                var offset = int.Parse(r[1], CultureInfo.InvariantCulture);
                Assert.Equal(r[2], text.Substring(offset, r[2].Length));
                var mention = analysis.Mentions.FirstOrDefault(m => m.Span.Start == offset && m.Span.Length == r[2].Length);
                if (mention is null)
                {
                    misses.Add($"{r[2]}: not found");
                    continue;
                }
                found++;
                var km = Place.DistanceKm(double.Parse(r[4], CultureInfo.InvariantCulture), double.Parse(r[5], CultureInfo.InvariantCulture),
                    mention.Place.Latitude, mention.Place.Longitude);
                if (mention.Place.Country == r[3])
                {
                    country++;
                }
                if (km <= 50)
                {
                    within50++;
                }
                else
                {
                    misses.Add($"{r[2]}: {mention.Place} is {km:0} km away");
                }
            }
        }

        // The targets: the right country on >= 95%, within 50 km on >= 75% of city-level truth.
        Assert.True(country >= rows.Count * 0.95, $"country {country}/{rows.Count}; {string.Join("; ", misses)}");
        Assert.True(within50 >= rows.Count * 0.75, $"within 50 km {within50}/{rows.Count}; {string.Join("; ", misses)}");
        Assert.True(found == rows.Count, string.Join("; ", misses));
    }
}
