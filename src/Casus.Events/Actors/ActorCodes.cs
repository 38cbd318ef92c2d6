using System.Collections.Frozen;

namespace Casus.Events.Actors;

/// <summary>
/// The CAMEO actor type codes (<c>cameo_actor_types.tsv</c>, 39 codes, plus <c>REL</c> from CAMEO's religion codes),
/// which are the valid sectors of <c>sectors.txt</c>, <c>(SECTOR)</c> name suffixes and <c>sector:</c> keys. A small
/// stable table kept in code, because the dictionary is checked at run time without the shared data; a test compares
/// it with the TSV.
/// </summary>
internal static class ActorCodes
{
    /// <summary>The codes in the TSV's order, then <c>REL</c>. A sector's index here is its id.</summary>
    public static readonly string[] Sectors =
    [
        "COP", "GOV", "INS", "JUD", "MIL", "OPP", "REB", "SEP", "SPY", "UAF",
        "AGR", "BUS", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED", "REF", "MOD", "RAD",
        "AMN", "IRC", "GRP", "UNO", "PKO", "UIS", "IGO", "IMG", "INT", "MNC", "NGM", "NGO", "SET",
        "REL",
    ];

    /// <summary>Prefixes of international codes: <c>Country</c> of a mention is the prefix itself.</summary>
    public static readonly string[] InternationalPrefixes = ["IGO", "NGO", "MNC", "IMG"];

    private static readonly FrozenDictionary<string, int> SectorIds =
        Sectors.Select((code, i) => (code, i)).ToFrozenDictionary(x => x.code, x => x.i, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> SectorLookup =
        SectorIds.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The id of a sector code, or -1.</summary>
    public static int SectorId(ReadOnlySpan<char> code) => SectorLookup.TryGetValue(code, out int id) ? id : -1;

    /// <summary>True for a known sector code.</summary>
    public static bool IsSector(ReadOnlySpan<char> code) => SectorLookup.ContainsKey(code);

    /// <summary>True for <c>IGO</c>, <c>NGO</c>, <c>MNC</c> and <c>IMG</c>.</summary>
    public static bool IsInternationalPrefix(ReadOnlySpan<char> prefix) =>
        prefix is "IGO" or "NGO" or "MNC" or "IMG";

    /// <summary>True for 3 to 15 characters of <c>A-Z 0-9</c> (a header code).</summary>
    public static bool IsCode(ReadOnlySpan<char> code)
    {
        if (code.Length is < 3 or > 15)
        {
            return false;
        }

        foreach (char c in code)
        {
            if (c is not ((>= 'A' and <= 'Z') or (>= '0' and <= '9')))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True for exactly <paramref name="length"/> capital letters A-Z.</summary>
    public static bool IsCapitals(ReadOnlySpan<char> value, int length)
    {
        if (value.Length != length)
        {
            return false;
        }

        foreach (char c in value)
        {
            if (c is not (>= 'A' and <= 'Z'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The sector a full code carries: for international codes (<c>IGO</c>, <c>NGO</c>, <c>MNC</c>) the last
    /// three letters of an organ code when they are a sector (<c>IGOEECLEG</c> → <c>LEG</c>, <c>IGOUNOPKO</c> →
    /// <c>PKO</c>, <c>IGOUNO</c> → none); otherwise the three letters after the country (<c>USAGOVMIL</c> →
    /// <c>GOV</c>, <c>AFGGOVTAL</c> → <c>GOV</c>).
    /// </summary>
    public static string? SectorOf(string code)
    {
        ReadOnlySpan<char> prefix = code.AsSpan(0, Math.Min(3, code.Length));
        if (prefix is "IGO" or "NGO" or "MNC")
        {
            return code.Length >= 9 && SectorId(code.AsSpan(code.Length - 3)) is int id and >= 0 ? Sectors[id] : null;
        }

        return code.Length >= 6 && SectorId(code.AsSpan(3, 3)) is int sid and >= 0 ? Sectors[sid] : null;
    }
}
