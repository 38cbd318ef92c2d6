using System.Runtime.CompilerServices;

namespace Casus.Syntax.Model;

/// <summary>
/// Allocation-free feature hashing: strings are hashed from spans, features are combinations of a template
/// number and up to three values, folded to the 32-bit keys that <see cref="LinearModel"/> stores.
/// Training and inference share these functions, so a model is only valid with the same hashing.
/// </summary>
public static class FeatureHash
{
    private const ulong Prime = 0x9E3779B97F4A7C15UL;

    /// <summary>Hash of a string; with <paramref name="normalize"/>, lower-cased and with digits mapped to '0'.</summary>
    public static ulong OfText(ReadOnlySpan<char> text, bool normalize)
    {
        var h = 14695981039346656037UL;
        foreach (var ch in text)
        {
            var c = ch;
            if (normalize)
            {
                if (c is >= '0' and <= '9')
                {
                    c = '0';
                }
                else if (c < 128)
                {
                    if (c is >= 'A' and <= 'Z')
                    {
                        c = (char)(c + 32);
                    }
                }
                else
                {
                    c = char.ToLowerInvariant(c);
                }
            }
            h ^= c;
            h *= 1099511628211UL;
        }
        return Mix(h);
    }

    /// <summary>Final avalanche (MurmurHash3 fmix64).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong h)
    {
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdUL;
        h ^= h >> 33;
        h *= 0xc4ceb9fe1a85ec53UL;
        h ^= h >> 33;
        return h;
    }

    /// <summary>Key of a feature with one value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Key(int template, ulong a) => Fold(Mix(((ulong)template * Prime) ^ a));

    /// <summary>Key of a feature with two values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Key(int template, ulong a, ulong b) => Fold(Mix((Mix(((ulong)template * Prime) ^ a) * Prime) ^ b));

    /// <summary>Key of a feature with three values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Key(int template, ulong a, ulong b, ulong c) =>
        Fold(Mix((Mix((Mix(((ulong)template * Prime) ^ a) * Prime) ^ b) * Prime) ^ c));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Fold(ulong h)
    {
        var k = (uint)(h ^ (h >> 32));
        return k == 0 ? 1u : k;
    }
}
