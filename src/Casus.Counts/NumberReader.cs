using System.Collections.Frozen;
using Casus.Text;

namespace Casus.Counts;

/// <summary>A number read from tokens: its token range, value and how vague it is.</summary>
internal readonly record struct NumberRead(int Start, int End, long Value, CountQualifier Qualifier, bool Article);

/// <summary>
/// Reads English numbers from tokens: digits with thousands separators (<c>4,000</c>), decimals with a scale
/// (<c>1.5 million</c>), number words (<c>six</c>, <c>twenty-five</c>, <c>two hundred and fifty</c>,
/// <c>a dozen</c>), and vague plurals read as their smallest value (see <see cref="CountQualifier.AtLeast"/>).
/// </summary>
internal static class NumberReader
{
    private const byte Unit = 1, Ten = 2, Hundred = 3, Scale = 4, Vague = 5, Dozen = 6, Several = 7, Tens = 8;

    private static readonly FrozenDictionary<string, (byte Type, long Value)>.AlternateLookup<ReadOnlySpan<char>> Words = BuildWords();

    private static FrozenDictionary<string, (byte, long)>.AlternateLookup<ReadOnlySpan<char>> BuildWords()
    {
        var d = new Dictionary<string, (byte, long)>(StringComparer.OrdinalIgnoreCase);
        string[] units = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
        for (var i = 1; i < units.Length; i++)
        {
            d[units[i]] = (Unit, i);
        }
        string[] tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
        for (var i = 0; i < tens.Length; i++)
        {
            d[tens[i]] = (Ten, (i + 2) * 10);
        }
        d["hundred"] = (Hundred, 100);
        d["thousand"] = (Scale, 1_000);
        d["million"] = (Scale, 1_000_000);
        d["billion"] = (Scale, 1_000_000_000);
        d["dozen"] = (Dozen, 12);
        d["dozens"] = (Vague, 24);
        d["scores"] = (Vague, 40);
        d["hundreds"] = (Vague, 200);
        d["thousands"] = (Vague, 2_000);
        d["millions"] = (Vague, 2_000_000);
        d["several"] = (Several, 3);
        d["tens"] = (Tens, 10);
        return d.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private static (byte Type, long Value) WordOf(string text, Token t) =>
        t.Length is > 2 and < 12 && Words.TryGetValue(text.AsSpan(t.Start, t.Length), out var w) ? w : default;

    /// <summary>Reads a number starting at token <paramref name="i"/>.</summary>
    public static bool TryRead(string text, ReadOnlySpan<Token> tokens, int i, out NumberRead read)
    {
        read = default;
        if ((uint)i >= (uint)tokens.Length)
        {
            return false;
        }
        var form = text.AsSpan(tokens[i].Start, tokens[i].Length);
        if (form.Length > 0 && char.IsAsciiDigit(form[0]))
        {
            return TryDigits(text, tokens, i, form, out read);
        }
        var article = form.Equals("a", StringComparison.OrdinalIgnoreCase) || form.Equals("an", StringComparison.OrdinalIgnoreCase);
        if (article)
        {
            // "a dozen", "a hundred", "a thousand"; a bare "a"/"an" is read by the caller for materiel.
            var next = WordOf(text, tokens.Length > i + 1 ? tokens[i + 1] : default);
            if (next.Type == Dozen)
            {
                read = new NumberRead(i, i + 2, 12, CountQualifier.Approximate, false);
                return true;
            }
            if (next.Type is Hundred or Scale)
            {
                return TryWords(text, tokens, i + 1, 1, i, out read);
            }
            read = new NumberRead(i, i + 1, 1, CountQualifier.Exact, true);
            return true;
        }
        var w = WordOf(text, tokens[i]);
        switch (w.Type)
        {
            case Vague:
                // "hundreds of thousands"
                if (w.Value == 200 && Is(text, tokens, i + 1, "of") && WordOf(text, Get(tokens, i + 2)) is { Type: Vague, Value: 2_000 })
                {
                    read = new NumberRead(i, i + 3, 200_000, CountQualifier.AtLeast, false);
                    return true;
                }
                read = new NumberRead(i, i + 1, w.Value, CountQualifier.AtLeast, false);
                return true;
            case Tens when Is(text, tokens, i + 1, "of") && WordOf(text, Get(tokens, i + 2)) is { Type: Vague } of && of.Value >= 2_000:
                // "tens of thousands", "tens of millions"
                read = new NumberRead(i, i + 3, of.Value * 10, CountQualifier.AtLeast, false);
                return true;
            case Several:
                if (WordOf(text, Get(tokens, i + 1)) is { Type: Hundred or Scale } scale)
                {
                    read = new NumberRead(i, i + 2, 3 * scale.Value, CountQualifier.AtLeast, false);
                    return true;
                }
                read = new NumberRead(i, i + 1, 3, CountQualifier.AtLeast, false);
                return true;
            case Unit or Ten:
                return TryWords(text, tokens, i, 0, i, out read);
            default:
                // "twenty-five" kept whole by a tokenizer
                if (form.IndexOf('-') is var dash and > 0 && WordOf(text, new Token(tokens[i].Start, dash)).Type == Ten
                    && WordOf(text, new Token(tokens[i].Start + dash + 1, form.Length - dash - 1)) is { Type: Unit } u && u.Value < 10)
                {
                    read = new NumberRead(i, i + 1, WordOf(text, new Token(tokens[i].Start, dash)).Value + u.Value, CountQualifier.Exact, false);
                    return true;
                }
                return false;
        }
    }

    private static Token Get(ReadOnlySpan<Token> tokens, int i) => (uint)i < (uint)tokens.Length ? tokens[i] : default;

    private static bool Is(string text, ReadOnlySpan<Token> tokens, int i, string word) =>
        (uint)i < (uint)tokens.Length && text.AsSpan(tokens[i].Start, tokens[i].Length).Equals(word, StringComparison.OrdinalIgnoreCase);

    // "six", "twenty - five", "two hundred and fifty", "three thousand", "a hundred".
    private static bool TryWords(string text, ReadOnlySpan<Token> tokens, int i, long current, int start, out NumberRead read)
    {
        long total = 0;
        var end = i;
        var any = false;
        var last = (byte)0;
        for (var k = i; k < tokens.Length; k++)
        {
            var w = WordOf(text, tokens[k]);
            if (w.Type is Unit or Ten)
            {
                if ((last is Unit) || (last is Ten && w.Type is Ten))
                {
                    break;
                }
                current += w.Value;
            }
            else if (w.Type == Hundred && last is Unit or 0)
            {
                current = Math.Max(current, 1) * 100;
            }
            else if (w.Type == Scale && last != Scale)
            {
                total += Math.Max(current, 1) * w.Value;
                current = 0;
            }
            else if (w.Type == Dozen && last is Unit or Ten)
            {
                current *= 12;
            }
            else if (last == Ten && Is(text, tokens, k, "-") && WordOf(text, Get(tokens, k + 1)) is { Type: Unit, Value: < 10 })
            {
                continue;
            }
            else if (last is Hundred or Scale && Is(text, tokens, k, "and") && WordOf(text, Get(tokens, k + 1)).Type is Unit or Ten)
            {
                continue;
            }
            else
            {
                break;
            }
            last = w.Type;
            any = true;
            end = k + 1;
        }
        if (!any)
        {
            read = default;
            return false;
        }
        read = new NumberRead(start, end, total + current, CountQualifier.Exact, false);
        return true;
    }

    // "56", "4,000", "1.5 million", "3 thousand".
    private static bool TryDigits(string text, ReadOnlySpan<Token> tokens, int i, ReadOnlySpan<char> form, out NumberRead read)
    {
        read = default;
        if (!TryParseDigits(form, out var value, out var isDecimal))
        {
            return false;
        }
        var end = i + 1;
        if (WordOf(text, Get(tokens, end)) is { Type: Scale or Hundred } scale)
        {
            value *= scale.Value;
            end++;
        }
        else if (isDecimal)
        {
            return false;
        }
        if (value != Math.Floor(value) || value > 9_000_000_000_000_000m)
        {
            return false;
        }
        read = new NumberRead(i, end, (long)value, CountQualifier.Exact, false);
        return true;
    }

    /// <summary>Parses <c>56</c>, <c>4,000</c>, <c>1.5</c>; separators must group by three.</summary>
    internal static bool TryParseDigits(ReadOnlySpan<char> s, out decimal value, out bool isDecimal)
    {
        value = 0;
        isDecimal = false;
        if (s.IsEmpty || s.Length > 18 || !char.IsAsciiDigit(s[0]))
        {
            return false;
        }
        var group = 0;
        var commas = false;
        var scale = 0m;
        foreach (var c in s)
        {
            if (char.IsAsciiDigit(c))
            {
                if (isDecimal)
                {
                    scale /= 10;
                    value += (c - '0') * scale;
                }
                else
                {
                    value = value * 10 + (c - '0');
                    group++;
                }
            }
            else if (c == ',' && !isDecimal && group is >= 1 and <= 3 && (!commas || group == 3))
            {
                commas = true;
                group = 0;
            }
            else if (c == '.' && !isDecimal && (!commas || group == 3))
            {
                isDecimal = true;
                scale = 1;
            }
            else
            {
                return false;
            }
        }
        if (commas && group != 3 && !isDecimal)
        {
            return false;
        }
        return !isDecimal || scale < 1;
    }
}
