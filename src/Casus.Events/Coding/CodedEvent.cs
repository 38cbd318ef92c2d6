using Casus.Counts;
using Casus.Events.Actors;
using Casus.Places;

namespace Casus.Events.Coding;

/// <summary>One side of an event: the actor mention that fills it.</summary>
/// <param name="Text">The mention as written.</param>
/// <param name="Code">CAMEO actor code.</param>
/// <param name="Country">Country (or IGO/NGO/MNC/IMG), null when unknown.</param>
/// <param name="Sector">Sector, null when none.</param>
/// <param name="Start">Offset of the first character in the document text.</param>
/// <param name="End">Offset one past the last character.</param>
/// <param name="Confidence">The matcher's confidence in the actor.</param>
/// <param name="Entity">The dictionary entry that matched.</param>
public sealed record EventActor(string Text, string Code, string? Country, string? Sector, int Start, int End, float Confidence, string Entity)
{
    /// <summary>An event side from a mention in <paramref name="text"/>.</summary>
    public static EventActor From(string text, ActorMention m) =>
        new(text[m.Start..m.End], m.Code, m.Country, m.Sector, m.Start, m.End, m.Confidence, m.Entity);
}

/// <summary>Materiel named in a deployment: "six B-52 bombers".</summary>
/// <param name="Count">How many (the smallest reading of vague numbers).</param>
/// <param name="Qualifier">exact, at_least, at_most or approx.</param>
/// <param name="Unit">What was sent, as written.</param>
/// <param name="Start">Offset of the evidence phrase.</param>
/// <param name="End">Offset one past its end.</param>
public sealed record Materiel(long Count, string Qualifier, string? Unit, int Start, int End);

/// <summary>The size of a deployment as stated: personnel and materiel.</summary>
/// <param name="Personnel">Troops sent, summed over units ("4,000 soldiers and 2,000 marines"), or null.</param>
/// <param name="Materiel">Equipment sent.</param>
public sealed record EventDeployment(CountValue? Personnel, IReadOnlyList<Materiel> Materiel);

/// <summary>
/// A coded event: who did what to whom, with the evidence for every field (actor spans, trigger span, the sentence,
/// and the dictionary line of the pattern that coded it). Immutable.
/// </summary>
public sealed record CodedEvent
{
    /// <summary>Stable id: a hash of document, sentence, trigger, code and actors.</summary>
    public required string Id { get; init; }

    /// <summary>Document id.</summary>
    public required string DocumentId { get; init; }

    /// <summary>1-based sentence number in the document.</summary>
    public required int Sentence { get; init; }

    /// <summary><c>event</c> (who did what to whom) or <c>incident</c> (deaths or injuries with no dyad, such as a stampede).</summary>
    public string Kind { get; init; } = "event";

    /// <summary>Event date: the date expression in the event's own clause, else the document date.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>How precise <see cref="Date"/> is: day, week (its Monday), month or year.</summary>
    public string DatePrecision { get; init; } = "day";

    /// <summary>Where <see cref="Date"/> came from: <c>clause</c> (a date expression, see the span) or <c>document</c>.</summary>
    public string DateBasis { get; init; } = "document";

    /// <summary>Span of the date expression the date was resolved from, or null for the document date.</summary>
    public (int Start, int End)? DateSpan { get; init; }

    /// <summary>Killed, injured, missing, arrested and displaced counts stated for this event, or null.</summary>
    public Casualties? Casualties { get; init; }

    /// <summary>Where the event happened: a place in its clause, else the nearest in the sentence, else the document's focus.</summary>
    public Location? Location { get; init; }

    /// <summary>Size and materiel of a deployment (15x) when stated, or null.</summary>
    public EventDeployment? Deployment { get; init; }

    /// <summary>Source actor, or null.</summary>
    public EventActor? Source { get; init; }

    /// <summary>Target actor, or null.</summary>
    public EventActor? Target { get; init; }

    /// <summary>CAMEO event code.</summary>
    public required string Cameo { get; init; }

    /// <summary>CAMEO root (2 digits).</summary>
    public required string Root { get; init; }

    /// <summary>PLOVER event type.</summary>
    public string? Plover { get; init; }

    /// <summary>Quad class 1-4.</summary>
    public int QuadClass { get; init; }

    /// <summary>Goldstein intensity.</summary>
    public double Goldstein { get; init; }

    /// <summary>Trigger word(s) as written.</summary>
    public required string TriggerText { get; init; }

    /// <summary>Trigger start offset.</summary>
    public int TriggerStart { get; init; }

    /// <summary>Trigger end offset.</summary>
    public int TriggerEnd { get; init; }

    /// <summary>The sentence text.</summary>
    public required string Text { get; init; }

    /// <summary>Sentence start offset in the document.</summary>
    public int SentenceStart { get; init; }

    /// <summary>Sentence end offset in the document.</summary>
    public int SentenceEnd { get; init; }

    /// <summary>asserted, negated, hypothetical, threatened, intended, claimed.</summary>
    public required string Modality { get; init; }

    /// <summary>The speaker when the event is reported speech, or null.</summary>
    public EventActor? AttributedTo { get; init; }

    /// <summary>The direct quotation the event was said in, with its speaker, or null.</summary>
    public Quote? Quote { get; init; }

    /// <summary>How sure the coder is, in (0, 1].</summary>
    public float Confidence { get; init; }

    /// <summary>Dictionary file and line of the pattern that coded the event (explains the code).</summary>
    public required string Pattern { get; init; }

    /// <summary>
    /// Whether the event belongs in the default output: asserted or claimed (not negated or hypothetical), and more
    /// than a bare "made a statement" (010), which every quotation would otherwise produce.
    /// </summary>
    public bool InDefaultOutput => Modality is "asserted" or "claimed" && Cameo != "010";

    /// <summary>Whether this is an incident record (no dyad, no CAMEO code).</summary>
    public bool IsIncident => Kind == "incident";
}
