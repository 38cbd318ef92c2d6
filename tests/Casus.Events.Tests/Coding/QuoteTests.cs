using Casus.Events.Coding;
using Casus.Syntax;

namespace Casus.Events.Tests.Coding;

/// <summary>Direct quotations, their speakers, and events said inside them.</summary>
public class QuoteTests
{
    private static readonly Lazy<CodingPipeline> Pipeline = new(() => CodingPipeline.Load(SyntaxPipeline.LoadDefault(), null, "test"));

    private static (List<Quote> Quotes, List<CodedEvent> Events) Code(string text)
    {
        var quotes = new List<Quote>();
        var events = new List<CodedEvent>();
        Pipeline.Value.Code("t", text, new DateOnly(2020, 1, 8), new CodingPipeline.Worker(), events, quotes: quotes);
        return (quotes, events);
    }

    [Fact]
    public void AQuotationBeforeSaidBelongsToTheSubjectOfSaid()
    {
        var text = "\"We will use the full force of the law against the perpetrators,\" said Philippine President Rodrigo Duterte.";

        var (quotes, _) = Code(text);

        var quote = Assert.Single(quotes);
        Assert.Equal("We will use the full force of the law against the perpetrators,", quote.Text);
        Assert.Equal(text.IndexOf("We will", StringComparison.Ordinal), quote.Start);
        Assert.Equal("PHLGOV", quote.Speech?.Speaker?.Code);
        Assert.Equal("said", quote.Speech?.Verb);
    }

    [Fact]
    public void AQuotationAfterAColonBelongsToTheSpeakerBeforeIt()
    {
        var (quotes, _) = Code("Iranian Foreign Minister Javad Zarif wrote on Twitter: \u201CThis is an act of aggression against Iran.\u201D");

        var quote = Assert.Single(quotes);
        Assert.Equal("IRNGOV", quote.Speech?.Speaker?.Code);
    }

    [Fact]
    public void AQuotationThatGoesOnKeepsItsSpeaker()
    {
        var (quotes, _) = Code("\"We have no exit but this,\" Iraqi Prime Minister Adel Abdul Mahdi said. \"Otherwise we will not be taken seriously.\"");

        Assert.Equal(2, quotes.Count);
        Assert.All(quotes, q => Assert.Equal("IRQ", q.Speech?.Speaker?.Country));
    }

    [Fact]
    public void ScareQuotesAreNotQuotations()
    {
        var (quotes, _) = Code("Labour leader Jeremy Corbyn called the plan \"lousy\" on Sunday.");

        Assert.Empty(quotes);
    }

    [Fact]
    public void AnEventSaidInAQuotationIsClaimedByItsSpeaker()
    {
        var (_, events) = Code("\"Iran attacked American bases in Iraq last night,\" said US Defense Secretary Mark Esper.");

        var attack = Assert.Single(events, e => e.Root == "19");
        Assert.NotNull(attack.Quote);
        Assert.Equal("claimed", attack.Modality);
        Assert.Equal("USA", attack.AttributedTo?.Country);
    }
}
