namespace Casus.Events.Actors;

/// <summary>How an <see cref="ActorMention"/> was recognised: which part of the dictionary its head came from.</summary>
public enum ActorMentionKind : byte
{
    /// <summary>A proper name or abbreviation of a state, organisation, group or region (<c>Iran</c>, <c>IRGC</c>).</summary>
    Name,

    /// <summary>An adjectival form (<c>Iranian</c>), usually composed with a following sector phrase.</summary>
    Adjective,

    /// <summary>A noun for the people of a country or region (<c>Iraqis</c>).</summary>
    Demonym,

    /// <summary>A capital standing for its government (<c>Washington</c>, <c>Tehran</c>): country + <c>GOV</c>.</summary>
    Capital,

    /// <summary>A building or district standing for an institution (<c>the Pentagon</c>, <c>the Kremlin</c>).</summary>
    Seat,

    /// <summary>A named person from <c>leaders.txt</c>, coded by the role spell that covers the date.</summary>
    Person,

    /// <summary>A sector phrase with no country (<c>protesters</c>, <c>lawmakers</c>); the coder fills the country from
    /// context.</summary>
    SectorOnly,

    /// <summary>A country-specific institution noun whose country is implied (<c>Knesset</c> → <c>ISRLEG</c>).</summary>
    Institution,
}

/// <summary>
/// One actor found in a sentence: where it is (token range within the sentence and character span in the document)
/// and what it is (a full CAMEO actor code and its parts). The strings are shared with the
/// <see cref="ActorDictionary"/>, so a mention allocates nothing.
/// </summary>
/// <param name="FirstToken">Index of the first token, relative to the sentence's token span.</param>
/// <param name="TokenCount">Number of tokens covered (at least 1).</param>
/// <param name="Start">Offset of the first character in the document text.</param>
/// <param name="End">Offset one past the last character in the document text.</param>
/// <param name="Code">The full CAMEO actor code (<c>IRNMIL</c>, <c>IGOUNO</c>, <c>LBNUAFHEZ</c>), or just the sector
/// code for <see cref="ActorMentionKind.SectorOnly"/> (<c>CVL</c>).</param>
/// <param name="Country">The CAMEO/ISO country code, a region code, or <c>IGO</c>/<c>NGO</c>/<c>MNC</c>/<c>IMG</c> for
/// international actors; <see langword="null"/> for <see cref="ActorMentionKind.SectorOnly"/>.</param>
/// <param name="Sector">The three-letter CAMEO actor type (<c>GOV</c>, <c>MIL</c>, ...), or <see langword="null"/>
/// when the code has none (<c>IRN</c>, <c>IGOUNO</c>).</param>
/// <param name="Kind">How the head of the mention was recognised.</param>
/// <param name="Confidence">How sure the matcher is that this is the actor, in (0, 1]: lower for ambiguous names,
/// capitals used as places, sector phrases alone and people without a date.</param>
/// <param name="Entity">The dictionary entry: a block's canonical name, a person's canonical name, or the sector
/// phrase.</param>
public readonly record struct ActorMention(
    int FirstToken,
    int TokenCount,
    int Start,
    int End,
    string Code,
    string? Country,
    string? Sector,
    ActorMentionKind Kind,
    float Confidence,
    string Entity)
{
    /// <summary>Number of characters covered.</summary>
    public int Length => End - Start;

    /// <summary>Index one past the last token, relative to the sentence.</summary>
    public int EndToken => FirstToken + TokenCount;
}
