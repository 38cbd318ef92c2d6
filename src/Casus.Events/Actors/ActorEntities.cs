namespace Casus.Events.Actors;

/// <summary>A compiled block: what its names emit, alone and composed with a sector. Immutable after load.</summary>
internal sealed class ActorEntity
{
    public required DictionaryFile File { get; init; }

    /// <summary>The code a plain name emits (<c>IRN</c>, <c>IGOUNO</c>, <c>LBNUAFHEZ</c>).</summary>
    public required string Code { get; init; }

    public required string? Country { get; init; }

    public required string? Sector { get; init; }

    public required string CanonicalName { get; init; }

    /// <summary>
    /// By sector id: the code of a name that carries that sector itself (a seat, a <c>(SECTOR)</c> name, a capital).
    /// </summary>
    public required string[] WithSector { get; init; }

    /// <summary>
    /// By sector id: the code when a following (or <c>X of</c>) sector phrase composes with a plain name, or null when
    /// the phrase is absorbed and <see cref="Code"/> stays (groups; organisations without that organ).
    /// </summary>
    public required string?[] Composed { get; init; }
}

/// <summary>One role spell: inclusive dates (open sides are <see cref="DateOnly.MinValue"/>/<see cref="DateOnly.MaxValue"/>).</summary>
internal readonly record struct PersonSpell(DateOnly Start, DateOnly End, string Code, string Country, string? Sector)
{
    public bool Covers(DateOnly date) => Start <= date && date <= End;

    /// <summary>Days from the spell to a date outside it (0 inside).</summary>
    public int DistanceTo(DateOnly date) =>
        date < Start ? Start.DayNumber - date.DayNumber : date > End ? date.DayNumber - End.DayNumber : 0;
}

/// <summary>A compiled person.</summary>
internal sealed class PersonEntity
{
    public required string CanonicalName { get; init; }

    public required PersonSpell[] Spells { get; init; }

    /// <summary>The spell used without a date: the one that started last (the current or most recent role).</summary>
    public required int Latest { get; init; }
}

/// <summary>A compiled line of <c>sectors.txt</c>.</summary>
internal sealed class SectorPhrase
{
    public required string Phrase { get; init; }

    public required int SectorId { get; init; }

    public required string Sector { get; init; }

    /// <summary>For <c>implies CCC</c>: CCC + sector (<c>ISRLEG</c>); else null.</summary>
    public required string? ImpliedCode { get; init; }

    public required string? ImpliedCountry { get; init; }
}
