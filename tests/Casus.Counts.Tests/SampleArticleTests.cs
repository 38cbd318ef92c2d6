using Casus.Reading.Tests.Support;
using static Casus.Counts.Tests.Harness;

namespace Casus.Counts.Tests;

/// <summary>The sample article's casualties, incident and deployments.</summary>
public class SampleArticleTests
{
    private const string SamplePath = "samples/iran-strikes-2020-01-08.txt";

    private static string Text => File.ReadAllText(SharedData.PathOf(SamplePath));

    [SharedFileFact(SamplePath)]
    [Trait("Data", "Shared")]
    public void EveryCountOfTheArticle()
    {
        // Given the sample article
        // When all its counts are found from the surface
        var found = RenderAll(Text);

        // Then they are the bombers, the troops and Marines, the drone strike's dead, the stampede's dead and injured,
        // and no US casualties from the missile attacks
        Assert.Equal(
            "deployed_materiel=6/exact/B-52 heavy bombers | deployed_personnel=4000/exact/soldiers | deployed_personnel=2000/exact/Marines | "
            + "killed=4/exact/other Iranians | killed=5/exact/Iraqis | killed=56/exact/people | injured=200/at_least/more | "
            + "killed=0/exact | injured=0/exact",
            found);
    }

    [SharedFileFact(SamplePath)]
    [Trait("Data", "Shared")]
    public void TheStampedeIsAnIncidentWithoutADyad()
    {
        // Given the stampede sentence, parsed, and the events a coder finds in it (none about the stampede)
        var sentence = Parse(Text, "leading to a stampede");
        var attachment = new CountAttachment(Tree.Value);
        var incidents = new List<Incident>();

        // When its incidents are made with the trigger "attempting" (the crowd's action) as the only event
        attachment.Incidents(sentence.Counts.ToArray(), sentence.Buffer, [sentence.Word("attempting")], incidents);

        // Then one incident has 56 killed and at least 200 injured, caused by the stampede
        var incident = Assert.Single(incidents);
        Assert.Equal(new CountValue(56, CountQualifier.Exact), incident.Casualties.Killed);
        Assert.Equal(new CountValue(200, CountQualifier.AtLeast), incident.Casualties.Injured);
        Assert.Equal("stampede", incident.Cause);
        Assert.Equal("stampede", Text[incident.CauseStart..incident.CauseEnd]);
        Assert.Equal("a reported 56 people were killed and over 200 more injured", Text[incident.EvidenceStart..incident.EvidenceEnd]);
    }

    [SharedFileFact(SamplePath)]
    [Trait("Data", "Shared")]
    public void DeploymentsBelongToTheirVerbs()
    {
        // Given the bomber and troop sentences, parsed
        var bombers = Parse(Text, "has dispatched a bomber strike force");
        var troops = Parse(Text, "follows the deployment to the Middle East");
        var attachment = new CountAttachment(Tree.Value);

        // When the deployment of "dispatched" and of "deployment" are read
        var sent = attachment.DeploymentOf(bombers.Counts.ToArray(), bombers.Buffer, bombers.Word("dispatched"));
        var deployed = attachment.DeploymentOf(troops.Counts.ToArray(), troops.Buffer, troops.Word("deployment"));

        // Then the bombers are six B-52s and the deployment 4,000 soldiers
        Assert.NotNull(sent);
        var materiel = Assert.Single(sent.Materiel);
        Assert.Equal(6, materiel.Value);
        Assert.Equal("B-52 heavy bombers", materiel.UnitText(Text));
        Assert.Null(sent.Personnel);
        Assert.NotNull(deployed);
        Assert.Equal(new CountValue(4000, CountQualifier.Exact), deployed.Personnel);
    }

    [SharedFileFact(SamplePath)]
    [Trait("Data", "Shared")]
    public void TheMissileAttacksHadNoUsCasualties()
    {
        // Given the sentence on casualties of the missile attacks
        var sentence = Parse(Text, "there were no reports of US casualties");
        var attachment = new CountAttachment(Tree.Value);

        // When the casualties of the clause's verb are read
        var casualties = attachment.CasualtiesOf(sentence.Counts.ToArray(), sentence.Buffer, sentence.Word("were"));

        // Then none were killed or injured
        Assert.Equal(new CountValue(0, CountQualifier.Exact), casualties.Killed);
        Assert.Equal(new CountValue(0, CountQualifier.Exact), casualties.Injured);
    }
}
