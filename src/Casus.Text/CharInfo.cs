using System.Buffers;
using System.Globalization;
using System.Text;

namespace Casus.Text;

/// <summary>What a character (or surrogate pair) is to the tokenizer.</summary>
internal enum CharKind : byte
{
    /// <summary>Whitespace: separates tokens and is never part of one.</summary>
    Space,

    /// <summary>A letter; upper and lower case are told apart by <see cref="CharInfo.IsUpper"/>.</summary>
    Letter,

    /// <summary>A decimal digit.</summary>
    Digit,

    /// <summary>A combining mark, variation selector or joiner: always stays with what precedes it.</summary>
    Extender,

    /// <summary>Anything else: punctuation, symbols, emoji, unpaired surrogates.</summary>
    Other,
}

/// <summary>Span-level character classification without allocation; surrogate pairs are one unit.</summary>
internal static class CharInfo
{
    /// <summary>
    /// Every char the tokenizer treats as a separator: <see cref="char.IsWhiteSpace(char)"/> plus the zero-width
    /// space and the byte-order mark, which web text scatters between words.
    /// </summary>
    public static readonly SearchValues<char> Separators = SearchValues.Create(BuildSeparators());

    private static readonly CharKind[] Ascii = BuildAscii();

    /// <summary>True for a separator char (see <see cref="Separators"/>).</summary>
    public static bool IsSeparator(char c) => Separators.Contains(c);

    /// <summary>Classifies the unit at <paramref name="index"/>; <paramref name="width"/> is 2 for a surrogate pair.</summary>
    public static CharKind Classify(ReadOnlySpan<char> text, int index, out int width)
    {
        char c = text[index];
        width = 1;
        if (c < 128)
        {
            return Ascii[c];
        }

        if (char.IsHighSurrogate(c))
        {
            if (index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                width = 2;
                var rune = new Rune(c, text[index + 1]);
                return FromCategory(Rune.GetUnicodeCategory(rune), rune.Value);
            }

            return CharKind.Other;
        }

        if (char.IsLowSurrogate(c))
        {
            return CharKind.Other;
        }

        return IsSeparator(c) ? CharKind.Space : FromCategory(CharUnicodeInfo.GetUnicodeCategory(c), c);
    }

    /// <summary>True when the unit at <paramref name="index"/> is a letter or digit.</summary>
    public static bool IsWordChar(ReadOnlySpan<char> text, int index)
    {
        CharKind kind = Classify(text, index, out _);
        return kind is CharKind.Letter or CharKind.Digit;
    }

    /// <summary>True for an ASCII digit.</summary>
    public static bool IsDigit(char c) => (uint)(c - '0') <= 9;

    /// <summary>True for an upper-case or title-case letter (BMP only, which covers the scripts that have case).</summary>
    public static bool IsUpper(char c) => c < 128 ? (uint)(c - 'A') <= 'Z' - 'A' : char.IsUpper(c);

    /// <summary>True for a lower-case letter.</summary>
    public static bool IsLower(char c) => c < 128 ? (uint)(c - 'a') <= 'z' - 'a' : char.IsLower(c);

    private static CharKind FromCategory(UnicodeCategory category, int value)
    {
        switch (category)
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.LetterNumber:
            case UnicodeCategory.OtherNumber:
                return CharKind.Letter;
            case UnicodeCategory.DecimalDigitNumber:
                return CharKind.Digit;
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.SpacingCombiningMark:
            case UnicodeCategory.EnclosingMark:
                return CharKind.Extender;
            case UnicodeCategory.Format:
                // Joiners and tag characters glue emoji sequences and scripts together; other format chars
                // (soft hyphen, bidi marks) also belong to the text unit around them.
                return CharKind.Extender;
            case UnicodeCategory.SpaceSeparator:
            case UnicodeCategory.LineSeparator:
            case UnicodeCategory.ParagraphSeparator:
                return CharKind.Space;
            default:
                // Emoji skin-tone modifiers are symbols (Sk) but modify what precedes them.
                return value is >= 0x1F3FB and <= 0x1F3FF ? CharKind.Extender : CharKind.Other;
        }
    }

    private static char[] BuildSeparators()
    {
        var list = new List<char>();
        for (int c = 0; c <= char.MaxValue; c++)
        {
            if (char.IsWhiteSpace((char)c) || c is 0x200B or 0xFEFF)
            {
                list.Add((char)c);
            }
        }

        return [.. list];
    }

    private static CharKind[] BuildAscii()
    {
        var table = new CharKind[128];
        for (int c = 0; c < 128; c++)
        {
            table[c] = c switch
            {
                >= 'a' and <= 'z' or >= 'A' and <= 'Z' => CharKind.Letter,
                >= '0' and <= '9' => CharKind.Digit,
                _ when char.IsWhiteSpace((char)c) => CharKind.Space,
                _ => CharKind.Other,
            };
        }

        return table;
    }
}
