using static Casus.Counts.Tests.Harness;

namespace Casus.Counts.Tests;

/// <summary>Annotated examples: each sentence with the counts it must give.</summary>
public class CountFinderTests
{
    public class Casualties
    {
        [Theory]
        [InlineData("Gunmen killed at least 56 people in the market.", "killed=56/at_least/people")]
        [InlineData("56 people were killed in the blast.", "killed=56/exact/people")]
        [InlineData("More than 200 were injured.", "injured=200/at_least")]
        [InlineData("More than 200 were wounded.", "injured=200/at_least")]
        [InlineData("Dozens dead after the storm.", "killed=24/at_least")]
        [InlineData("Hundreds of people were arrested in the capital.", "arrested=200/at_least/people")]
        [InlineData("Police detained hundreds of protesters.", "arrested=200/at_least/protesters")]
        [InlineData("Three soldiers missing after the ambush.", "missing=3/exact/soldiers")]
        [InlineData("Thousands displaced by the floods.", "displaced=2000/at_least")]
        [InlineData("Thousands of residents fled their homes.", "displaced=2000/at_least/residents")]
        [InlineData("The death toll rose to 56.", "killed=56/exact")]
        [InlineData("The death toll has risen to at least 56 people.", "killed=56/at_least/people")]
        [InlineData("A bomb exploded in the market, killing 12.", "killed=12/exact")]
        [InlineData("The bomb exploded, killing 12 and wounding dozens.", "killed=12/exact | injured=24/at_least")]
        [InlineData("A stampede that killed 56 people followed.", "killed=56/exact/people")]
        [InlineData("A reported 56 people were killed and over 200 more injured.", "killed=56/exact/people | injured=200/at_least/more")]
        [InlineData("A total of 39 are confirmed dead.", "killed=39/exact")]
        [InlineData("The fire caused 56 deaths and 200 injuries.", "killed=56/exact | injured=200/exact")]
        [InlineData("Some 1.5 million people were displaced.", "displaced=1500000/approx/people")]
        [InlineData("About 4,000 people were evacuated.", "displaced=4000/approx/people")]
        [InlineData("Up to 50 people are missing.", "missing=50/at_most/people")]
        [InlineData("Twenty-five people were hurt.", "injured=25/exact/people")]
        [InlineData("Two hundred and fifty protesters were arrested.", "arrested=250/exact/protesters")]
        [InlineData("Tens of thousands of people fled.", "displaced=20000/at_least/people")]
        [InlineData("A dozen people were wounded.", "injured=12/approx/people")]
        [InlineData("Nearly 50 civilians died.", "killed=50/approx/civilians")]
        [InlineData("The attack claimed 12 lives.", "killed=12/exact")]
        [InlineData("Suleimani was killed along with four other Iranians and five Iraqis.", "killed=4/exact/other Iranians | killed=5/exact/Iraqis")]
        [InlineData("Police arrested 200 protesters and injured 30.", "arrested=200/exact/protesters | injured=30/exact")]
        public void FindsTheCount(string sentence, string expected)
        {
            // Given a sentence stating casualties
            // When its counts are found
            // Then each has its kind, figure, qualifier and counted phrase
            Assert.Equal(expected, RenderAll(sentence));
        }

        [Theory]
        [InlineData("There were no casualties.", "killed=0/exact | injured=0/exact")]
        [InlineData("No one was hurt in the attack.", "injured=0/exact")]
        [InlineData("Nobody was killed.", "killed=0/exact")]
        [InlineData("There were no deaths.", "killed=0/exact")]
        [InlineData("There were no reports of US casualties.", "killed=0/exact | injured=0/exact")]
        public void NoCasualtiesIsZero(string sentence, string expected)
        {
            // Given a sentence saying nobody was hurt
            // When its counts are found
            // Then the kinds it names are zero
            Assert.Equal(expected, RenderAll(sentence));
        }
    }

    public class Deployments
    {
        [Theory]
        [InlineData("The US will deploy 4,000 more troops to the region.", "deployed_personnel=4000/exact/troops")]
        [InlineData("The Pentagon has dispatched six B-52 heavy bombers to Diego Garcia.", "deployed_materiel=6/exact/B-52 heavy bombers")]
        [InlineData("Washington sent an aircraft carrier to the Gulf.", "deployed_materiel=1/exact/aircraft carrier")]
        [InlineData("Some 3,500 paratroopers were deployed.", "deployed_personnel=3500/approx/paratroopers")]
        [InlineData("The deployment of 4,000 soldiers from the 82nd Airborne Division follows.", "deployed_personnel=4000/exact/soldiers")]
        [InlineData("Britain is sending two warships and 300 marines.", "deployed_materiel=2/exact/warships | deployed_personnel=300/exact/marines")]
        public void FindsTheSize(string sentence, string expected)
        {
            // Given a sentence about a deployment
            // When its counts are found
            // Then troops and hardware are counted with their noun phrase
            Assert.Equal(expected, RenderAll(sentence));
        }

        [Fact]
        public void TroopsWithoutADeploymentWordAreNotADeployment()
        {
            // Given a sentence counting troops without deploying them
            // When its counts are found
            // Then there is none
            Assert.Equal("", RenderAll("The army has 4,000 soldiers and six bombers."));
        }
    }

    public class NotCounts
    {
        [Theory]
        [InlineData("Oil prices climbed by more than four percent.")]
        [InlineData("Dow futures dropped some 350 points.")]
        [InlineData("He selected 52 targets in Iran.")]
        [InlineData("The nation of 82 million people was threatened.")]
        [InlineData("Hostages were taken in the 1979-1980 seizure.")]
        [InlineData("The strike on January 3 killed him.")]
        [InlineData("A 45-year-old man was arrested.")]
        [InlineData("The siege lasted 12 hours before police killed the gunman.")]
        [InlineData("The bombers are B-52 models.")]
        [InlineData("He paid $500 to the men who were arrested.")]
        [InlineData("At 6 pm the injured were taken to hospital.")]
        [InlineData("In 1979 killed was a word nobody used.")]
        [InlineData("It was one of the highest death tolls in years.")]
        [InlineData("The toll is heavy, several police said.")]
        public void FindsNothing(string sentence)
        {
            // Given a sentence whose numbers count no casualties or deployment
            // When its counts are found
            // Then there are none
            Assert.Equal("", RenderAll(sentence));
        }
    }

    public class Spans
    {
        [Fact]
        public void NumberEvidenceUnitAndPredicate()
        {
            // Given a casualty sentence
            const string text = "Gunmen killed at least 56 people.";

            // When its count is found
            var m = Assert.Single(Find(text));

            // Then the figure, evidence, counted noun and predicate are where they are written
            Assert.Equal("56", text[m.NumberStart..m.NumberEnd]);
            Assert.Equal("killed at least 56 people", text[m.EvidenceStart..m.EvidenceEnd]);
            Assert.Equal("people", m.UnitText(text));
            Assert.Equal(1, m.Predicate);
            Assert.Equal(4, m.NumberToken);
            Assert.Equal(1, m.FirstToken);
            Assert.Equal(6, m.EndToken);
        }
    }

    public class Quantities
    {
        [Theory]
        [InlineData("1,234", 1234, CountQualifier.Exact)]
        [InlineData("1.5 million", 1_500_000, CountQualifier.Exact)]
        [InlineData("at least 56", 56, CountQualifier.AtLeast)]
        [InlineData("dozens", 24, CountQualifier.AtLeast)]
        [InlineData("a dozen", 12, CountQualifier.Approximate)]
        [InlineData("scores", 40, CountQualifier.AtLeast)]
        [InlineData("hundreds of thousands", 200_000, CountQualifier.AtLeast)]
        [InlineData("several hundred", 300, CountQualifier.AtLeast)]
        [InlineData("twenty-five", 25, CountQualifier.Exact)]
        [InlineData("three thousand five hundred", 3500, CountQualifier.Exact)]
        [InlineData("a hundred", 100, CountQualifier.Exact)]
        [InlineData("as many as 50", 50, CountQualifier.AtMost)]
        public void Parses(string phrase, long value, CountQualifier qualifier)
        {
            // Given a quantity phrase
            // When it is parsed
            // Then it gives its figure and qualifier
            Assert.True(CountFinder.Default.TryParseQuantity(phrase, out var v, out var q));
            Assert.Equal(value, v);
            Assert.Equal(qualifier, q);
        }

        [Theory]
        [InlineData("1,23")]
        [InlineData("12,34,567")]
        [InlineData("2.5")]
        [InlineData("people")]
        [InlineData("")]
        public void Rejects(string phrase)
        {
            // Given something that is not a whole quantity
            // When it is parsed
            // Then it is refused
            Assert.False(CountFinder.Default.TryParseQuantity(phrase, out _, out _));
        }
    }
}
