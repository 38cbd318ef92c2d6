using Casus.Events.Actors;

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

    /// <summary>Event date (the document date for now).</summary>
    public DateOnly? Date { get; init; }

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

    /// <summary>How sure the coder is, in (0, 1].</summary>
    public float Confidence { get; init; }

    /// <summary>Dictionary file and line of the pattern that coded the event (explains the code).</summary>
    public required string Pattern { get; init; }

    /// <summary>
    /// Whether the event belongs in the default output: asserted or claimed (not negated or hypothetical), and more
    /// than a bare "made a statement" (010), which every quotation would otherwise produce.
    /// </summary>
    public bool InDefaultOutput => Modality is "asserted" or "claimed" && Cameo != "010";
}
