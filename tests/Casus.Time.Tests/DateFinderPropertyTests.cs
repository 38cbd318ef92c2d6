using Casus.Text;
using CsCheck;
using static Casus.Time.Tests.Harness;

namespace Casus.Time.Tests;

/// <summary>Invariants over random text and random document dates.</summary>
public class DateFinderPropertyTests
{
    private static readonly string[] Vocabulary =
    [
        "on", "in", "the", "last", "next", "this", "coming", "earlier", "later", "day", "days", "week", "weeks", "month", "year",
        "ago", "before", "after", "previous", "following", "night", "morning", "Tuesday", "Sunday", "May", "may", "March",
        "January", "Jan.", "Sept.", "3", "31", "3rd", "of", "1979", "2020", "-", ",", ".", "2020-01-07", "2019-02-29", "today",
        "yesterday", "tomorrow", "two", "a", "people", "Times", "Bloody", "USA", "Today", "will", "said", "99", "0", "February", "29",
    ];

    private static readonly Gen<string> News = Gen.OneOf(
        Gen.Int[0, Vocabulary.Length - 1].Array[0, 40].Select(ix => string.Join(' ', ix.Select(i => Vocabulary[i]))),
        Gen.String);

    private static readonly Gen<DateOnly> Dates = Gen.Int[new DateOnly(1990, 1, 1).DayNumber, new DateOnly(2030, 12, 31).DayNumber].Select(DateOnly.FromDayNumber);

    [Fact]
    public void SpansAreInRangeOrderedAndMatchTheirTokens()
    {
        Gen.Select(News, Dates).Sample((text, date) =>
        {
            // Given any text and document date
            var segmentation = Segmenter.Default.Segment(text);
            var context = new DateContext(date);
            var output = new List<DateMention>();
            foreach (var sentence in segmentation.Sentences)
            {
                // When its dates are found (it never throws)
                var tokens = segmentation.TokensOf(sentence);
                output.Clear();
                DateFinder.Default.Find(text, tokens, context, output);

                // Then mentions are in text order, do not overlap, and their spans are their tokens' spans
                var previousEnd = 0;
                foreach (var m in output)
                {
                    Assert.InRange(m.FirstToken, previousEnd, tokens.Length - 1);
                    Assert.InRange(m.EndToken, m.FirstToken + 1, tokens.Length);
                    Assert.Equal(tokens[m.FirstToken].Start, m.Start);
                    Assert.Equal(tokens[m.EndToken - 1].End, m.End);
                    Assert.InRange(m.End, m.Start + 1, text.Length);
                    previousEnd = m.EndToken;
                }
            }
        }, iter: 3000);
    }

    [Fact]
    public void WeekdaysResolveIntoTheRightWeek()
    {
        Gen.Select(Dates, Gen.Int[0, 6]).Sample((date, day) =>
        {
            // Given any document date and weekday
            var name = ((DayOfWeek)day).ToString();

            // When "on <day>", "last <day>" and "next <day>" are resolved
            var on = Find($"It happened on {name}.", date).Single().Mention.Date!.Value;
            var last = Find($"It happened last {name}.", date).Single().Mention.Date!.Value;
            var next = Find($"It will happen next {name}.", date).Single().Mention.Date!.Value;

            // Then each is that weekday: within the six days up to the document date, strictly before, strictly after
            Assert.Equal((DayOfWeek)day, on.DayOfWeek);
            Assert.InRange(date.DayNumber - on.DayNumber, 0, 6);
            Assert.Equal((DayOfWeek)day, last.DayOfWeek);
            Assert.InRange(date.DayNumber - last.DayNumber, 1, 7);
            Assert.Equal((DayOfWeek)day, next.DayOfWeek);
            Assert.InRange(next.DayNumber - date.DayNumber, 1, 7);
        }, iter: 500);
    }

    [Fact]
    public void WeeksAreMondaysAndMonthsAreFirstDays()
    {
        Dates.Sample(date =>
        {
            // Given any document date
            // When "last week" and "last month" are resolved
            var week = Find("Prices fell last week.", date).Single().Mention;
            var month = Find("Prices fell last month.", date).Single().Mention;

            // Then the week is the Monday 7 to 13 days before, the month the first of the previous month
            Assert.Equal(DayOfWeek.Monday, week.Date!.Value.DayOfWeek);
            Assert.InRange(date.DayNumber - week.Date!.Value.DayNumber, 7, 13);
            Assert.Equal(new DateOnly(date.Year, date.Month, 1).AddMonths(-1), month.Date);
        }, iter: 500);
    }

    [Fact]
    public void SameOutputOnEveryThread()
    {
        // Given one finder shared by several threads
        const string text = "On Tuesday, two days ago, Iran struck. Last week and in March 2019 and on January 3 things happened. The day before, too.";
        var expected = RenderAll(text, Day("2020-01-08"));

        // When they all find the dates of the same text
        var results = new string[32];
        Parallel.For(0, results.Length, i => results[i] = RenderAll(text, Day("2020-01-08")));

        // Then they all agree with a single-threaded run
        Assert.All(results, r => Assert.Equal(expected, r));
        Assert.Equal(6, expected.Split(" | ").Length);
    }
}
