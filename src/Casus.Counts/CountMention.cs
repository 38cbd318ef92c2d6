namespace Casus.Counts;

/// <summary>What a count counts.</summary>
public enum CountKind : byte
{
    /// <summary>People killed or dead.</summary>
    Killed,

    /// <summary>People injured or wounded.</summary>
    Injured,

    /// <summary>People missing.</summary>
    Missing,

    /// <summary>People arrested or detained.</summary>
    Arrested,

    /// <summary>People displaced, fled or evacuated.</summary>
    Displaced,

    /// <summary>Military personnel deployed or sent ("4,000 soldiers").</summary>
    DeployedPersonnel,

    /// <summary>Military hardware deployed or sent ("six B-52 bombers", "an aircraft carrier").</summary>
    DeployedMateriel,
}

/// <summary>How the stated figure bounds the true number.</summary>
public enum CountQualifier : byte
{
    /// <summary>The figure as stated ("56 people", "a reported 56").</summary>
    Exact,

    /// <summary>
    /// The figure is a lower bound: "at least 56", "more than 200", "over 200", and vague plurals, whose value is
    /// their smallest reading ("dozens" 24, "scores" 40, "hundreds" 200, "thousands" 2,000, "tens of thousands"
    /// 20,000, "hundreds of thousands" 200,000, "millions" 2,000,000, "several" 3).
    /// </summary>
    AtLeast,

    /// <summary>The figure is an upper bound: "up to 50", "as many as 50", "fewer than 50".</summary>
    AtMost,

    /// <summary>The figure is approximate: "about 50", "some 50", "nearly 50", "an estimated 50", "a dozen".</summary>
    Approximate,
}

/// <summary>
/// A count in a sentence: how many people were killed, injured, missing, arrested or displaced, or how many troops or
/// pieces of hardware were deployed, with the evidence. Offsets are into the document text; token indices are
/// 0-based in the sentence (as in <c>SyntaxBuffer</c>); -1 means none.
/// </summary>
/// <param name="Kind">What is counted.</param>
/// <param name="Value">The figure (see <see cref="Qualifier"/>); 0 for "no casualties", "no one was hurt".</param>
/// <param name="Qualifier">How the figure bounds the true number.</param>
/// <param name="NumberStart">Offset of the figure's first character ("56", "4,000", "dozens", "no one").</param>
/// <param name="NumberEnd">Offset one past the figure.</param>
/// <param name="EvidenceStart">Offset of the whole phrase: qualifier, figure, counted noun and the casualty word.</param>
/// <param name="EvidenceEnd">Offset one past the phrase.</param>
/// <param name="UnitStart">Offset of the counted noun phrase ("people", "B-52 heavy bombers"), or -1.</param>
/// <param name="UnitEnd">Offset one past the counted noun phrase, or -1.</param>
/// <param name="NumberToken">The figure's first token.</param>
/// <param name="FirstToken">The phrase's first token.</param>
/// <param name="EndToken">One past the phrase's last token.</param>
/// <param name="Predicate">
/// The word that says what happened: the casualty verb, adjective or noun ("killed", "dead", "toll") or, for
/// deployments, the deployment word ("deployment", "sent", "dispatched"), or -1.
/// </param>
/// <param name="Cause">The nearest word naming a cause ("stampede", "explosion"), preferring the parse, or -1.</param>
public readonly record struct CountMention(
    CountKind Kind,
    long Value,
    CountQualifier Qualifier,
    int NumberStart,
    int NumberEnd,
    int EvidenceStart,
    int EvidenceEnd,
    int UnitStart,
    int UnitEnd,
    int NumberToken,
    int FirstToken,
    int EndToken,
    int Predicate,
    int Cause)
{
    /// <summary>The kind as written in event records: <c>killed injured missing arrested displaced deployed_personnel deployed_materiel</c>.</summary>
    public string KindName => KindNames[(int)Kind];

    /// <summary>The qualifier as written in event records: <c>exact at_least at_most approx</c>.</summary>
    public string QualifierName => QualifierNames[(int)Qualifier];

    /// <summary>The counted noun phrase as written ("B-52 heavy bombers"), or null.</summary>
    public string? UnitText(string text) => UnitStart < 0 ? null : text[UnitStart..UnitEnd];

    internal static readonly string[] KindNames = ["killed", "injured", "missing", "arrested", "displaced", "deployed_personnel", "deployed_materiel"];

    internal static readonly string[] QualifierNames = ["exact", "at_least", "at_most", "approx"];
}
