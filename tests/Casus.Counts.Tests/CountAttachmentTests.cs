using static Casus.Counts.Tests.Harness;

namespace Casus.Counts.Tests;

/// <summary>Which counts belong to which event trigger, and which become incidents.</summary>
public class CountAttachmentTests
{
    private static string CasualtiesOf(string sentence, string trigger)
    {
        var parsed = Parse(sentence, sentence[..10]);
        var c = new CountAttachment(Tree.Value).CasualtiesOf(parsed.Counts.ToArray(), parsed.Buffer, parsed.Word(trigger));
        var parts = new List<string>();
        foreach (var kind in new[] { CountKind.Killed, CountKind.Injured, CountKind.Missing, CountKind.Arrested, CountKind.Displaced })
        {
            if (c[kind] is { } v)
            {
                parts.Add($"{kind.ToString().ToLowerInvariant()}={v.Value}/{v.QualifierName}");
            }
        }
        return parts.Count == 0 ? "none" : string.Join(" ", parts);
    }

    [Theory]
    [InlineData("Gunmen killed at least 12 people in the market.", "killed", "killed=12/at_least")]
    [InlineData("The bomb exploded in the market, killing 12 and wounding dozens.", "exploded", "killed=12/exact injured=24/at_least")]
    [InlineData("Gunmen attacked the village and killed 12 people.", "attacked", "killed=12/exact")]
    [InlineData("The attack, which killed 12 people, was condemned by the UN.", "attack", "killed=12/exact")]
    [InlineData("Police arrested 200 protesters in the capital.", "arrested", "arrested=200/exact")]
    [InlineData("Rebels attacked the base, and police arrested 30 people.", "attacked", "none")]
    [InlineData("Rebels attacked the base, and police arrested 30 people.", "arrested", "arrested=30/exact")]
    [InlineData("Iran attacked the bases after a stampede killed 56 people.", "attacked", "none")]
    [InlineData("A suicide bomber killed 20 people and wounded 50 others.", "killed", "killed=20/exact injured=50/exact")]
    public void CasualtiesOfATrigger(string sentence, string trigger, string expected)
    {
        // Given a parsed sentence and an event trigger
        // When the casualties of that event are read
        // Then they are the counts of its own clause, participles and relative clauses, and no other event's
        Assert.Equal(expected, CasualtiesOf(sentence, trigger));
    }

    [Fact]
    public void UnattachedDeathsBecomeAnIncidentWithItsCause()
    {
        // Given a sentence with an attack and, in a subordinate clause, a stampede's deaths
        var parsed = Parse("Iran attacked the bases after a stampede killed 56 people.", "Iran");
        var incidents = new List<Incident>();

        // When incidents are made with the attack as the only coded event
        new CountAttachment(Tree.Value).Incidents(parsed.Counts.ToArray(), parsed.Buffer, [parsed.Word("attacked")], incidents);

        // Then the deaths are one incident caused by the stampede
        var incident = Assert.Single(incidents);
        Assert.Equal(new CountValue(56, CountQualifier.Exact), incident.Casualties.Killed);
        Assert.Equal("stampede", incident.Cause);
    }

    [Fact]
    public void AttachedDeathsAreNoIncident()
    {
        // Given a sentence whose deaths belong to its coded event
        var parsed = Parse("Gunmen killed at least 12 people in the market.", "Gunmen");
        var incidents = new List<Incident>();

        // When incidents are made with "killed" as a coded event
        new CountAttachment(Tree.Value).Incidents(parsed.Counts.ToArray(), parsed.Buffer, [parsed.Word("killed")], incidents);

        // Then there is none
        Assert.Empty(incidents);
    }

    [Fact]
    public void DeployedPersonnelAddUpAndTheLargerCasualtyFigureWins()
    {
        // Given troops named unit by unit, and a casualty figure restated as a part
        var troops = Parse("The US deployed 4,000 soldiers and 2,000 marines to the Gulf.", "The US");
        var dead = Parse("Gunmen killed at least 12 people, killing five children.", "Gunmen");
        var attachment = new CountAttachment(Tree.Value);

        // When the deployment and the casualties are read
        var deployment = attachment.DeploymentOf(troops.Counts.ToArray(), troops.Buffer, troops.Word("deployed"));
        var casualties = attachment.CasualtiesOf(dead.Counts.ToArray(), dead.Buffer, dead.Word("killed"));

        // Then the personnel add up to 6,000 and the dead are at least 12
        Assert.Equal(new CountValue(6000, CountQualifier.Exact), deployment?.Personnel);
        Assert.Equal(new CountValue(12, CountQualifier.AtLeast), casualties.Killed);
    }
}
