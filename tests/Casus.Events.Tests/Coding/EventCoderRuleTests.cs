using Casus.Events.Coding;
using Casus.Syntax;

namespace Casus.Events.Tests.Coding;

/// <summary>The coder's structural rules on real-world phrasing, through the whole pipeline with the shipped models.</summary>
public class EventCoderRuleTests
{
    private static readonly Lazy<CodingPipeline> Pipeline = new(() => CodingPipeline.Load(SyntaxPipeline.LoadDefault(), null, "test"));

    private static List<CodedEvent> Code(string text)
    {
        var events = new List<CodedEvent>();
        Pipeline.Value.Code("t", text, new DateOnly(2020, 1, 8), new CodingPipeline.Worker(), events);
        return events;
    }

    [Theory]
    [InlineData("Labour Party leader Jeremy Corbyn called the British government's move a \"smash and grab on our democracy\".", "111", "GBR", "GBR")]
    [InlineData("The Foreign Ministry of Iraq characterized the American attack as \"a serious violation of Iraqi sovereignty\".", "111", "IRQ", "USA")]
    [InlineData("In 2007, the United States government labeled Iran's Revolutionary Guard a terrorist organization.", "112", "USA", "IRN")]
    public void AVerdictOnAnActorIsCriticism(string sentence, string cameo, string source, string target)
    {
        var events = Code(sentence);

        Assert.Contains(events, e => e.Cameo == cameo && e.Source?.Country == source && e.Target?.Country == target);
    }

    [Fact]
    public void PraiseIsNotCriticism()
    {
        var events = Code("The Iraqi prime minister called the American decision a great success.");

        Assert.DoesNotContain(events, e => e.Root == "11");
    }

    [Theory]
    [InlineData("An Emirati official claimed Houthi rebels have attacked Emirati journalists.", "ARE")]
    [InlineData("Both Saudi Arabia and the United States have alleged Iranian involvement.", "SAU")]
    [InlineData("Serbian President Aleksandar Vučić said Croatian security forces were involved in the protests.", "SRB")]
    public void PuttingBlameOnAnActorIsAnAccusation(string sentence, string source)
    {
        var events = Code(sentence);

        Assert.Contains(events, e => e.Cameo == "112" && e.Source?.Country == source && e.Target is not null && e.Target.Country != source);
    }

    [Fact]
    public void SayingWithoutBlameIsNoAccusation()
    {
        var events = Code("Iraqi Prime Minister Adil Abdul-Mahdi said Iranian officials were visiting Baghdad.");

        Assert.DoesNotContain(events, e => e.Cameo == "112");
    }

    [Fact]
    public void TheAgentOfAParticipleIsTheSourceOfAnEventNoun()
    {
        var events = Code("Dozens of Afghan soldiers died in the attack, reportedly conducted by the Taliban.");

        Assert.Contains(events, e => e.Root is "18" or "19" && e.Source?.Code.StartsWith("AFG", StringComparison.Ordinal) == true && e.Source.Text.Contains("Taliban", StringComparison.Ordinal));
    }

    [Fact]
    public void AMonthIsNotAProtestMarch()
    {
        var events = Code("Iraqi protesters gathered in Baghdad on Tuesday, March 5, 2019.");

        Assert.DoesNotContain(events, e => e.TriggerText == "March");
    }

    [Fact]
    public void AnUnnamedSuspectIsACriminalOfTheDocumentsCountry()
    {
        var events = Code("Polish police arrested a suspect after the mayor of Gdańsk was stabbed.");

        Assert.Contains(events, e => e.Root == "17" && e.Target?.Code == "POLCRM");
    }

    [Fact]
    public void DefiniteDescriptionsResolveWithinTheDocument()
    {
        // "the Iraqi leader" by its adjective, "the country's parliament" by the country the document is about
        var events = Code("Iraqi Prime Minister Adil Abdul-Mahdi met Iranian officials in Baghdad on Monday.\n\n" +
            "The Iraqi leader later criticized the United States.\n\nThe country's parliament voted to expel American troops.");

        Assert.Contains(events, e => e.Root == "11" && e.Source?.Code == "IRQGOV" && e.Target?.Country == "USA");
        Assert.Contains(events, e => e.Root == "10" && e.Source?.Code == "IRQLEG" && e.Target?.Code == "USAMIL");
    }

    [Fact]
    public void AnAnnouncedActOfOnesOwnSideIsAnIntent()
    {
        var events = Code("On Wednesday, Hong Kong's chief executive announced that her government will officially withdraw the extradition bill.");

        var intent = Assert.Single(events, e => e.Root == "03");
        Assert.Equal("asserted", intent.Modality);
        Assert.Equal("HKG", intent.Source?.Country);
    }

    [Fact]
    public void AnAnnouncedActOfAnotherActorIsNoIntent()
    {
        var events = Code("The Iranian foreign minister announced that American forces will withdraw from Iraq.");

        Assert.DoesNotContain(events, e => e.Root == "03" && e.Source?.Country == "IRN");
    }

    [Fact]
    public void APassiveAgentCanHangOnTheStatementThatCarriesIt()
    {
        var events = Code("Turkey was condemned in a joint statement by Egypt, Greece and Cyprus on October 8.");

        foreach (var country in new[] { "EGY", "GRC", "CYP" })
        {
            Assert.Contains(events, e => e.Root == "11" && e.Source?.Country == country && e.Target?.Country == "TUR");
        }
    }

    [Theory]
    [InlineData("A powerful earthquake hit southern Puerto Rico on Tuesday.")]
    [InlineData("The storm killed twelve people in northern Syria.")]
    public void NatureIsNoActor(string sentence)
    {
        Assert.DoesNotContain(Code(sentence), e => e.Root is "18" or "19" or "20");
    }

    [Fact]
    public void AReportedActStaysAnEventWhenItsActorsAreUnknown()
    {
        var events = Code("Paul Manafort was sentenced to 73 months in federal prison on Wednesday.");

        var sentence = Assert.Single(events, e => e.Root == "17");
        Assert.Null(sentence.Source);
        Assert.True(sentence.Confidence < 0.5f, "an event with no actor is less certain");
    }

    [Theory]
    [InlineData("I wanted to help other girls.")]
    [InlineData("So do you find more resistance from Muslims when you criticise Islam?")]
    public void PronounsAndQuestionsWithoutActorsAreNoEvents(string sentence)
    {
        Assert.DoesNotContain(Code(sentence), e => e.Source is null && e.Target is null && e.Kind == "event");
    }

    [Fact]
    public void AnUnknownPersonTheCourtsActOnIsACriminalOfTheDocumentsCountry()
    {
        var events = Code("Canadian police said the investigation was over.\n\nBruce McArthur was sentenced to life in prison on Friday.");

        var sentence = Assert.Single(events, e => e.Root == "17");
        Assert.Equal("CANCRM", sentence.Target?.Code);
        Assert.Equal("Bruce McArthur", sentence.Target?.Text);
    }
}
