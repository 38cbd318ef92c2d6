namespace Casus.Events.Actors;

/// <summary>The six actor dictionary files; the order is the precedence of block files at equal length.</summary>
internal enum DictionaryFile : byte
{
    /// <summary><c>countries.txt</c> (block format).</summary>
    Countries,

    /// <summary><c>international.txt</c> (block format).</summary>
    International,

    /// <summary><c>groups.txt</c> (block format).</summary>
    Groups,

    /// <summary><c>regions.txt</c> (block format).</summary>
    Regions,

    /// <summary><c>sectors.txt</c> (line format).</summary>
    Sectors,

    /// <summary><c>leaders.txt</c> (person blocks with role spells).</summary>
    Leaders,
}

/// <summary>One name of a block, as parsed (before layering and compiling).</summary>
internal sealed record RawName(NameForm Form, ActorMentionKind Kind, int Line, string Raw);

/// <summary>One block of a block file, as parsed.</summary>
internal sealed class RawBlock
{
    public required DictionaryFile File { get; init; }

    public required string Source { get; init; }

    public required int Line { get; init; }

    public required string Header { get; init; }

    public required string CanonicalName { get; init; }

    public List<RawName> Names { get; } = [];

    public List<RawName> Ambiguous { get; } = [];

    /// <summary>Single-valued keys (<c>iso2 cameo parent type country sector group</c>) with their lines.</summary>
    public Dictionary<string, (string Value, int Line)> Singles { get; } = new(StringComparer.Ordinal);

    /// <summary>The identity used for layering: the header in <c>countries.txt</c>, else the canonical name.</summary>
    public string Identity => File == DictionaryFile.Countries ? Header : CanonicalName;

    public string? Single(string key) => Singles.TryGetValue(key, out (string Value, int Line) v) ? v.Value : null;

    public int LineOf(string key) => Singles.TryGetValue(key, out (string Value, int Line) v) ? v.Line : Line;
}

/// <summary>One line of <c>sectors.txt</c>, as parsed.</summary>
internal sealed record RawSector(NameForm Form, int SectorId, string? ImpliedCountry, string Source, int Line, string Raw);

/// <summary>One role spell of a person: code and inclusive date range (open sides are null).</summary>
internal sealed record RawSpell(string Code, DateOnly? Start, DateOnly? End, string Role, int Line);

/// <summary>One person block of <c>leaders.txt</c>, as parsed.</summary>
internal sealed class RawPerson
{
    public required string Source { get; init; }

    public required int Line { get; init; }

    /// <summary>The block name with its qualifier (<c>David Johnston (admiral)</c>): unique per file.</summary>
    public required string CanonicalName { get; init; }

    /// <summary>Match strings: the canonical name without qualifier, then the aliases.</summary>
    public List<RawName> Names { get; } = [];

    public List<RawSpell> Spells { get; } = [];
}

/// <summary>Everything parsed from all layers, merged: the input of validation and compiling.</summary>
internal sealed class RawDictionary
{
    public List<RawBlock> Blocks { get; } = [];

    public List<RawSector> Sectors { get; } = [];

    public List<RawPerson> People { get; } = [];
}
