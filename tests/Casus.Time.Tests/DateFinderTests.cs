using static Casus.Time.Tests.Harness;

namespace Casus.Time.Tests;

/// <summary>Annotated examples: each sentence with the dates it must give against a Wednesday document date.</summary>
public class DateFinderTests
{
    // Wednesday 8 January 2020, the sample article's date.
    private const string Wednesday = "2020-01-08";

    public class Absolute
    {
        [Theory]
        [InlineData("The strike on January 3, 2020 killed him.", "January 3, 2020=2020-01-03/day")]
        [InlineData("It happened on Jan. 3, 2020.", "Jan. 3, 2020=2020-01-03/day")]
        [InlineData("It happened on Jan. 3 2020.", "Jan. 3 2020=2020-01-03/day")]
        [InlineData("Talks began on 8 January 2020 in Geneva.", "8 January 2020=2020-01-08/day")]
        [InlineData("Friday, January 4, 2019\n\nAn apartment building collapsed.", "Friday, January 4, 2019=2019-01-04/day")]
        [InlineData("Prices fell in January 2020.", "January 2020=2020-01-01/month")]
        [InlineData("Prices fell in January of 2019.", "January of 2019=2019-01-01/month")]
        [InlineData("The embassy was seized in 1979.", "1979=1979-01-01/year")]
        [InlineData("He has ruled since 2014, officials said.", "2014=2014-01-01/year")]
        [InlineData("The results came on 2020-01-07.", "2020-01-07=2020-01-07/day")]
        [InlineData("Crowds unprecedented since the 1989 funeral gathered.", "1989=1989-01-01/year")]
        [InlineData("Hostages were taken in the 1979-1980 seizure of the embassy.", "1979-1980=1979-01-01/year")]
        [InlineData("Leap day fell on February 29, 2020.", "February 29, 2020=2020-02-29/day")]
        public void Resolves(string sentence, string expected)
        {
            // Given a sentence with a date that names its year (the document date plays no part)
            // When its dates are found
            // Then the mention has the right span, date and precision
            Assert.Equal(expected, RenderAll(sentence, Day(Wednesday)));
            Assert.All(Find(sentence, Day(Wednesday)), m => Assert.Equal(DateKind.Absolute, m.Mention.Kind));
        }
    }

    public class Relative
    {
        [Theory]
        [InlineData("Iranian media reported Tuesday night that bases were attacked.", "Tuesday night=2020-01-07/day")]
        [InlineData("The attack took place on Tuesday.", "Tuesday=2020-01-07/day")]
        [InlineData("Parliament voted on Sunday to expel the troops.", "Sunday=2020-01-05/day")]
        [InlineData("Parliament voted last Sunday.", "last Sunday=2020-01-05/day")]
        [InlineData("Protesters gathered on Wednesday.", "Wednesday=2020-01-08/day")]
        [InlineData("Protesters gathered last Wednesday.", "last Wednesday=2020-01-01/day")]
        [InlineData("Ministers will meet next Monday.", "next Monday=2020-01-13/day")]
        [InlineData("Ministers will meet on Monday.", "Monday=2020-01-13/day")]
        [InlineData("Ministers will meet this coming Friday.", "this coming Friday=2020-01-10/day")]
        [InlineData("The talks ended today.", "today=2020-01-08/day")]
        [InlineData("The president spoke tonight.", "tonight=2020-01-08/day")]
        [InlineData("The bomb exploded yesterday.", "yesterday=2020-01-07/day")]
        [InlineData("The vote is tomorrow.", "tomorrow=2020-01-09/day")]
        [InlineData("Missiles struck last night.", "last night=2020-01-07/day")]
        [InlineData("Missiles struck this morning.", "this morning=2020-01-08/day")]
        [InlineData("Protests spread last week.", "last week=2019-12-30/week")]
        [InlineData("Protests spread this week.", "this week=2020-01-06/week")]
        [InlineData("Elections are due next week.", "next week=2020-01-13/week")]
        [InlineData("Prices rose last month.", "last month=2019-12-01/month")]
        [InlineData("Prices rose earlier this month.", "earlier this month=2020-01-01/month")]
        [InlineData("Prices rose last year.", "last year=2019-01-01/year")]
        [InlineData("Prices rose earlier this year.", "earlier this year=2020-01-01/year")]
        [InlineData("He was killed two days ago.", "two days ago=2020-01-06/day")]
        [InlineData("He was killed 10 days ago.", "10 days ago=2019-12-29/day")]
        [InlineData("He was killed three weeks ago.", "three weeks ago=2019-12-16/week")]
        [InlineData("He was killed two months ago.", "two months ago=2019-11-01/month")]
        [InlineData("He was killed a year ago.", "a year ago=2019-01-01/year")]
        [InlineData("The January 3 drone strike killed him.", "January 3=2020-01-03/day")]
        [InlineData("The drone strike on 3 January killed him.", "3 January=2020-01-03/day")]
        [InlineData("The strike on the 3rd of January killed him.", "3rd of January=2020-01-03/day")]
        [InlineData("Shops closed on December 25.", "December 25=2019-12-25/day")]
        [InlineData("Parliament will vote on January 10.", "January 10=2020-01-10/day")]
        [InlineData("Protests began in March.", "March=2019-03-01/month")]
        [InlineData("Elections will be held in March.", "March=2020-03-01/month")]
        [InlineData("Trump visited the base in December of last year.", "December of last year=2019-12-01/month")]
        [InlineData("Pence visited the base last November.", "last November=2019-11-01/month")]
        [InlineData("Rebels attacked on May 1.", "May 1=2019-05-01/day")]
        [InlineData("The summit is scheduled to open on January 20.", "January 20=2020-01-20/day")]
        [InlineData("The emergency was expected to end on December 15.", "December 15=2019-12-15/day")]
        public void Resolves(string sentence, string expected)
        {
            // Given a sentence with a date relative to the document date, Wednesday 8 January 2020
            // When its dates are found
            // Then each resolves to the expected day, week, month or year
            Assert.Equal(expected, RenderAll(sentence, Day(Wednesday)));
            Assert.All(Find(sentence, Day(Wednesday)), m => Assert.Equal(DateKind.Relative, m.Mention.Kind));
        }

        [Theory]
        [InlineData("The army attacked on Monday. The day before, rebels had shelled the town.", "Monday=2020-01-06/day | The day before=2020-01-05/day")]
        [InlineData("The army attacked on Monday. The next day, rebels shelled the town.", "Monday=2020-01-06/day | The next day=2020-01-07/day")]
        [InlineData("The army attacked on Monday. Two days later, rebels shelled the town.", "Monday=2020-01-06/day | Two days later=2020-01-08/day")]
        [InlineData("The day before, rebels had shelled the town.", "The day before=2020-01-07/day")]
        public void AnaphoricDatesCountFromTheLastDayMentioned(string text, string expected)
        {
            // Given a day mentioned earlier in the document (or none: then the document date)
            // When "the day before" or "two days later" follows
            // Then it counts from that day
            Assert.Equal(expected, RenderAll(text, Day(Wednesday)));
        }

        [Fact]
        public void WithoutADocumentDateRelativeMentionsAreFoundButUnresolved()
        {
            // Given no document date
            // When relative and absolute dates are found
            // Then relative ones have no date and absolute ones still do
            Assert.Equal("Tuesday=?/day | January 3, 2020=2020-01-03/day", RenderAll("On Tuesday he recalled January 3, 2020.", null));
        }
    }

    public class NotDates
    {
        [Theory]
        [InlineData("He may resign soon.")]
        [InlineData("May God protect the country.")]
        [InlineData("Theresa May said the vote would go ahead.")]
        [InlineData("Thousands joined a protest march through the capital.")]
        [InlineData("March organisers said the route was changed.")]
        [InlineData("The Sunday Times reported the talks.")]
        [InlineData("They marked the anniversary of Bloody Sunday.")]
        [InlineData("USA Today reported the figures.")]
        [InlineData("Officials said 1979 people died in the floods.")]
        [InlineData("He scored 2019 points in his career.")]
        [InlineData("The blast came at 6 am, at 10:30 local time.")]
        [InlineData("A 45-year-old man was arrested.")]
        [InlineData("He is 56 years old.")]
        [InlineData("The siege lasted for two days.")]
        [InlineData("Fighting raged over the last week.")]
        [InlineData("The 82nd Airborne Division was deployed.")]
        [InlineData("The day after the attack, crowds gathered.")]
        [InlineData("Oil rose by 2.5 percent to 2020 dollars.")]
        public void FindsNothing(string sentence)
        {
            // Given a sentence whose month names, weekdays and numbers are not dates
            // When its dates are found
            // Then there are none
            Assert.Equal("", RenderAll(sentence, Day(Wednesday)));
        }
    }

    public class WithAParse
    {
        [Fact]
        public void FutureComesFromTheClauseTheMentionAttachesTo()
        {
            // Given a future clause whose date opens the sentence, and a past clause with a future clause after it
            const string text = "On Friday, the council will vote on the plan. Trump said on Monday that he will visit Iraq.";

            // When dates are found with the parse, and from the surface alone
            var parsed = RenderAll(text, Day(Wednesday), parse: true);
            var surface = RenderAll(text, Day(Wednesday));

            // Then the parse sees that Friday is the council's (future) vote and Monday the (past) saying
            Assert.Equal("Friday=2020-01-10/day | Monday=2020-01-06/day", parsed);
            Assert.Equal("Friday=2020-01-03/day | Monday=2020-01-06/day", surface);
        }

        [Fact]
        public void MentionsCarryTheWordTheyAttachTo()
        {
            // Given a sentence with a temporal oblique
            const string text = "Parliament voted on Sunday.";

            // When dates are found with the parse
            var mention = Assert.Single(Find(text, Day(Wednesday), parse: true)).Mention;

            // Then the mention's head is the verb
            Assert.Equal(1, mention.Head);
            Assert.Equal(3, mention.FirstToken);
            Assert.Equal(4, mention.EndToken);
        }
    }
}
