using Casus.Events.Actors;
using Casus.Reading.Tests.Support;
using Xunit.Abstractions;

namespace Casus.Events.Tests.Actors;

public class SampleArticleTests(ITestOutputHelper output)
{
    private const string Sample = "samples/iran-strikes-2020-01-08.txt";

    [SharedFileFact(Sample)]
    public void Iran_strikes_article_finds_the_key_actors()
    {
        // Given the sample article and its date
        string text = File.ReadAllText(SharedData.PathOf(Sample));

        // When every sentence is matched
        List<(ActorMention Mention, string Text)> mentions = ActorTestData.Match(text, new DateOnly(2020, 1, 8));
        foreach ((ActorMention Mention, string Text) m in mentions)
        {
            output.WriteLine(ActorTestData.Describe(m));
        }

        // Then the key actors are there
        (string Span, string Code)[] expected =
        [
            ("Islamic Revolutionary Guard Corps", "IRNMIL"),
            ("IRGC", "IRNMIL"),
            ("Quds Force", "IRNMIL"),
            ("US", "USA"),
            ("US forces", "USAMIL"),
            ("US military", "USAMIL"),
            ("the Pentagon", "USAMIL"),
            ("Washington", "USAGOV"),
            ("Iraqi parliament", "IRQLEG"),
            ("Trump", "USAGOV"),
            ("Vice President Mike Pence", "USAGOV"),
            ("Iranian Foreign Minister Javad Zarif", "IRNGOV"),
            ("Iraqi Prime Minister Adel Abdul Mahdi", "IRQGOV"),
            ("United Nations Security Council", "IGOUNOSEC"),
            ("Popular Mobilization Forces", "IRQUAFPMF"),
            ("NATO", "IGONAT"),
        ];
        foreach ((string span, string code) in expected)
        {
            Assert.True(mentions.Exists(m => m.Text == span && m.Mention.Code == code), $"missing \"{span}\" {code}");
        }

        // And places are not actors: Diego Garcia (a base) and the Ain al-Assad base (not Bashar al-Assad)
        foreach (string place in new[] { "Diego Garcia", "Ain al-Assad" })
        {
            for (int at = text.IndexOf(place, StringComparison.Ordinal); at >= 0; at = text.IndexOf(place, at + 1, StringComparison.Ordinal))
            {
                int end = at + place.Length;
                Assert.DoesNotContain(mentions, m => m.Mention.Start < end && at < m.Mention.End);
            }
        }
    }
}
