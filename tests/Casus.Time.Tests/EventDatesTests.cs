using Casus.Reading.Tests.Support;
using Casus.Syntax;
using Casus.Text;
using static Casus.Time.Tests.Harness;

namespace Casus.Time.Tests;

/// <summary>Which date mention, if any, dates the event of a trigger word.</summary>
public class EventDatesTests
{
    private const string SamplePath = "samples/iran-strikes-2020-01-08.txt";

    /// <summary>
    /// Parses the sentence of <paramref name="text"/> holding <paramref name="sentencePart"/>, finds its dates with
    /// the parse and chooses the date of the word <paramref name="trigger"/>; returns it rendered, or "none".
    /// </summary>
    internal static string DateOf(string text, string sentencePart, string trigger, DateOnly date)
    {
        var segmentation = Segmenter.Default.Segment(text);
        var context = new DateContext(date);
        var finder = new DateFinder(Tree.Value);
        var buffer = new SyntaxBuffer();
        var mentions = new List<DateMention>();
        foreach (var sentence in segmentation.Sentences)
        {
            var tokens = segmentation.TokensOf(sentence);
            Harness.Syntax.Value.Analyze(text, tokens, buffer);
            mentions.Clear();
            finder.Find(text, tokens, context, mentions, buffer);
            if (!text.AsSpan(sentence.Start, sentence.Length).ToString().ReplaceLineEndings(" ").Contains(sentencePart, StringComparison.Ordinal))
            {
                continue;
            }
            var t = -1;
            for (var i = 0; i < tokens.Length; i++)
            {
                if (buffer.Form(i).SequenceEqual(trigger))
                {
                    t = i;
                    break;
                }
            }
            Assert.True(t >= 0, $"no word '{trigger}' in the sentence");
            var chosen = new EventDates(Tree.Value).Choose(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(mentions), buffer, t);
            return chosen < 0 ? "none" : Render(text, mentions[chosen]);
        }
        throw new InvalidOperationException($"no sentence holds '{sentencePart}'");
    }

    [Theory]
    [InlineData("Parliament voted on Sunday to expel the troops.", "voted", "Sunday=2020-01-05/day")]
    [InlineData("Gunmen attacked the village on Sunday.", "attacked", "Sunday=2020-01-05/day")]
    [InlineData("Iranian media reported Tuesday night that the IRGC had attacked American bases.", "attacked", "Tuesday night=2020-01-07/day")]
    [InlineData("On Monday, officials said the bomb exploded on Sunday.", "exploded", "Sunday=2020-01-05/day")]
    [InlineData("On Monday, officials said the bomb exploded on Sunday.", "said", "Monday=2020-01-06/day")]
    [InlineData("The strike was ordered in retaliation for the December 27 rocket attack.", "ordered", "none")]
    [InlineData("The strike was ordered in retaliation for the December 27 rocket attack.", "attack", "December 27=2019-12-27/day")]
    [InlineData("The rebels attacked the town.", "attacked", "none")]
    [InlineData("In a Tuesday morning press conference, Pompeo mocked the statement.", "mocked", "Tuesday morning=2020-01-07/day")]
    public void ChoosesTheDateOfTheTriggersClause(string sentence, string trigger, string expected)
    {
        // Given a parsed sentence dated Wednesday 8 January 2020 and an event trigger
        // When the event's date is chosen
        // Then it is the mention of the trigger's own clause or phrase, else the governing clause's, else none
        Assert.Equal(expected, DateOf(sentence, sentence[..20], trigger, Day("2020-01-08")));
    }

    [Fact]
    public void NoMentionsOrATriggerOutsideTheSentenceGiveNone()
    {
        // Given a sentence and a trigger index out of range, or no mentions
        var buffer = new SyntaxBuffer();
        const string text = "Rebels attacked on Sunday.";
        var tokens = Segmenter.Default.Segment(text).Tokens.ToArray();
        Harness.Syntax.Value.Analyze(text, tokens, buffer);
        var chooser = new EventDates(Tree.Value);

        // When the date is chosen
        // Then there is none
        Assert.Equal(-1, chooser.Choose([], buffer, 1));
        Assert.Equal(-1, chooser.Choose([new DateMention(19, 25, 3, 4, Day("2020-01-05"), DatePrecision.Day, DateKind.Relative, 1)], buffer, 40));
    }

    public class SampleArticle
    {
        private static string Text => File.ReadAllText(SharedData.PathOf(SamplePath));

        [SharedFileFact(SamplePath)]
        [Trait("Data", "Shared")]
        public void TuesdayNightAttacksAndTheJanuary3Strike()
        {
            // Given the sample article, dated 8 January 2020 (a Wednesday)
            var date = Day("2020-01-08");

            // When the dates of its key events are chosen
            // Then the IRGC attacks are Tuesday night (7 January) and the drone assassination January 3
            Assert.Equal("Tuesday night=2020-01-07/day", DateOf(Text, "Iranian media reported Tuesday night", "attacked", date));
            Assert.Equal("January 3=2020-01-03/day", DateOf(Text, "Iranian media reported Tuesday night", "assassination", date));
            Assert.Equal("Tuesday=2020-01-07/day", DateOf(Text, "Speaking at the White House Tuesday", "stated", date));
            Assert.Equal("Tuesday night=2020-01-07/day", DateOf(Text, "all assembled with Trump", "assembled", date));
            Assert.Equal("Tuesday=2020-01-07/day", DateOf(Text, "took a tragic turn on Tuesday", "took", date));
        }

        [SharedFileFact(SamplePath)]
        [Trait("Data", "Shared")]
        public void EveryDateOfTheArticle()
        {
            // Given the sample article, dated 8 January 2020
            // When all its dates are found from the surface
            var found = RenderAll(Text, Day("2020-01-08"));

            // Then they are exactly these, in order
            Assert.Equal(
                "8 January 2020=2020-01-08/day | Tuesday night=2020-01-07/day | January 3=2020-01-03/day | "
                + "December of last year=2019-12-01/month | last November=2019-11-01/month | Tuesday night=2020-01-07/day | "
                + "Tuesday=2020-01-07/day | 1979-1980=1979-01-01/year | Tuesday night=2020-01-07/day | 1989=1989-01-01/year | "
                + "Tuesday=2020-01-07/day | Tuesday morning=2020-01-07/day | Sunday=2020-01-05/day | Tuesday night=2020-01-07/day | "
                + "Wednesday morning=2020-01-08/day",
                found);
        }
    }
}
