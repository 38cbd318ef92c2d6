namespace Casus.Places;

/// <summary>
/// The key a place name is indexed and looked up by: lower case, Latin diacritics removed, apostrophes and periods
/// dropped, every run of spaces, hyphens and other punctuation made one space. <c>Ain al-Assad</c>,
/// <c>AIN AL ASSAD</c> and the tokens <c>Ain al - Assad</c> all give <c>ain al assad</c>; <c>U.S.</c> gives
/// <c>us</c>; <c>Côte d'Ivoire</c> gives <c>cote divoire</c>.
/// </summary>
/// <remarks>Folding is a table lookup per character, so keys are made into a caller's buffer without allocating.</remarks>
public static class NameKey
{
    private static readonly char[] Fold = BuildFoldTable();

    /// <summary>The longest key, in characters; longer names are cut (they still match their own prefix only).</summary>
    public const int MaxLength = 96;

    /// <summary>Normalizes <paramref name="name"/> into a new string.</summary>
    public static string Of(ReadOnlySpan<char> name)
    {
        Span<char> buffer = stackalloc char[MaxLength];
        var length = 0;
        Append(name, buffer, ref length);
        return new string(Trim(buffer, length));
    }

    /// <summary>
    /// Appends the normalized form of <paramref name="text"/> to <paramref name="buffer"/> at <paramref name="length"/>,
    /// separated from what is already there by one space. Characters beyond <see cref="MaxLength"/> are dropped.
    /// </summary>
    /// <returns>False when the buffer was full and characters were dropped.</returns>
    public static bool Append(ReadOnlySpan<char> text, Span<char> buffer, ref int length)
    {
        var limit = Math.Min(buffer.Length, MaxLength);
        var space = length > 0 && buffer[length - 1] != ' ';
        foreach (var c in text)
        {
            char f;
            if (c < Fold.Length)
            {
                f = Fold[c];
            }
            else if (char.IsLetterOrDigit(c))
            {
                f = char.ToLowerInvariant(c);
            }
            else if (c is '\u2019' or '\u2018' or '\u02BC' or '\u02BB' or '\u00B4')
            {
                continue;
            }
            else
            {
                f = ' ';
            }
            if (f == '\0')
            {
                continue;
            }
            if (f == ' ')
            {
                space = length > 0;
                continue;
            }
            if (space)
            {
                if (length >= limit)
                {
                    return false;
                }
                buffer[length++] = ' ';
                space = false;
            }
            if (length >= limit)
            {
                return false;
            }
            buffer[length++] = f;
        }
        return true;
    }

    /// <summary>The key in <paramref name="buffer"/> without a trailing space.</summary>
    public static ReadOnlySpan<char> Trim(ReadOnlySpan<char> buffer, int length)
    {
        while (length > 0 && buffer[length - 1] == ' ')
        {
            length--;
        }
        return buffer[..length];
    }

    /// <summary>A 32-bit FNV-1a hash of a key, used by the gazetteer's open-addressing tables.</summary>
    public static uint Hash(ReadOnlySpan<char> key)
    {
        var h = 2166136261u;
        foreach (var c in key)
        {
            h = (h ^ c) * 16777619u;
        }
        return h ^ (h >> 15);
    }

    // Latin-1, Latin Extended-A and B: letters to their lower-case base letter; apostrophes and periods to '\0'
    // (dropped); other punctuation and spaces to ' '.
    private static char[] BuildFoldTable()
    {
        var table = new char[0x250];
        for (var c = 0; c < table.Length; c++)
        {
            var ch = (char)c;
            table[c] = char.IsLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : ' ';
        }
        table['\''] = '\0';
        table['.'] = '\0';
        table['`'] = '\0';
        table['\u00AD'] = '\0';
        table['\u00B4'] = '\0';
        string[] groups =
        [
            "aÀÁÂÃÄÅàáâãäåĀāĂăĄąǍǎǺǻȀȁȂȃȦȧ", "cÇçĆćĈĉĊċČč", "dĎďĐđÐð", "eÈÉÊËèéêëĒēĔĕĖėĘęĚěȄȅȆȇȨȩ",
            "gĜĝĞğĠġĢģǦǧǴǵ", "hĤĥĦħȞȟ", "iÌÍÎÏìíîïĨĩĪīĬĭĮįİıǏǐȈȉȊȋ", "jĴĵǰ", "kĶķǨǩ", "lĹĺĻļĽľĿŀŁł",
            "nÑñŃńŅņŇňŉǸǹ", "oÒÓÔÕÖØòóôõöøŌōŎŏŐőǑǒǾǿȌȍȎȏȪȫȬȭȮȯȰȱ", "rŔŕŖŗŘřȐȑȒȓ", "sŚśŜŝŞşŠšȘșß",
            "tŢţŤťŦŧȚțÞþ", "uÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲųǓǔǕǖǗǘǙǚǛǜȔȕȖȗ", "wŴŵ", "yÝýÿŶŷŸȲȳ", "zŹźŻżŽžȤȥ",
            "aÆæǼǽǢǣ", "oŒœ",
        ];
        foreach (var group in groups)
        {
            for (var i = 1; i < group.Length; i++)
            {
                table[group[i]] = group[0];
            }
        }
        return table;
    }
}
