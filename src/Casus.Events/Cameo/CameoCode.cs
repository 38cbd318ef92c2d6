namespace Casus.Events.Cameo;

/// <summary>One CAMEO event code with its Goldstein score, quad class and PLOVER equivalent. Immutable.</summary>
/// <param name="Code">The code as written in CAMEO, leading zeros kept: <c>01</c>, <c>057</c>, <c>0874</c>.</param>
/// <param name="Root">The two-digit root (cue category) the code belongs to, <c>01</c> to <c>20</c>.</param>
/// <param name="Name">What the code means (GDELT's wording; the CAMEO manual's for 101 and 105-108).</param>
/// <param name="Goldstein">The Goldstein conflict-cooperation score, -10 (most conflictual) to +10.</param>
/// <param name="QuadClass">
/// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
/// </param>
/// <param name="Plover">
/// The PLOVER event type (<c>ASSAULT</c>, <c>COERCE</c>, ...); empty for the roots PLOVER drops (01, 02).
/// </param>
/// <param name="PloverMode">The PLOVER mode (<c>heavy-weapons</c>, <c>arrest</c>, ...), or empty.</param>
/// <param name="PloverContext">
/// The PLOVER context (<c>military</c>, ...), several joined by ';' (<c>crime;corruption</c>), or empty.
/// </param>
public sealed record CameoCode(
    string Code,
    string Root,
    string Name,
    double Goldstein,
    int QuadClass,
    string Plover,
    string PloverMode,
    string PloverContext)
{
    /// <summary>True for the 20 two-digit cue categories (<c>01</c> ... <c>20</c>).</summary>
    public bool IsRoot => Code.Length == 2;

    /// <summary>The code one level up (<c>0874</c> → <c>087</c>, <c>087</c> → <c>08</c>), or null for a root.</summary>
    public string? Parent => IsRoot ? null : Code[..^1];
}
