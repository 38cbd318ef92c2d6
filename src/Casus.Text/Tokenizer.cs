using System.Buffers;

namespace Casus.Text;

/// <summary>
/// One tokenization pass over a document: whitespace-separated chunks, each cut into UD English words.
/// Lives on the stack; appends tokens to the caller's list and allocates nothing else.
/// </summary>
internal readonly ref struct Tokenizer
{
    private static readonly SearchValues<char> AsciiLetters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    private readonly ReadOnlySpan<char> _text;
    private readonly List<Token> _tokens;
    private readonly Lexicon _lexicon;

    public Tokenizer(ReadOnlySpan<char> text, List<Token> tokens, Lexicon lexicon)
    {
        _text = text;
        _tokens = tokens;
        _lexicon = lexicon;
    }

    public void Run()
    {
        ReadOnlySpan<char> text = _text;
        int i = 0;
        while (i < text.Length)
        {
            int skip = text[i..].IndexOfAnyExcept(CharInfo.Separators);
            if (skip < 0)
            {
                return;
            }

            int start = i + skip;
            int length = text[start..].IndexOfAny(CharInfo.Separators);
            int end = length < 0 ? text.Length : start + length;
            Chunk(start, end);
            i = end;
        }
    }

    private void Chunk(int s, int e)
    {
        ReadOnlySpan<char> chunk = _text[s..e];
        bool maybeUrl = chunk.Contains("://", StringComparison.Ordinal)
            || chunk.Contains("www.", StringComparison.OrdinalIgnoreCase);
        bool maybeEmail = chunk.Contains('@');
        int p = s;
        while (p < e)
        {
            CharKind kind = CharInfo.Classify(_text, p, out int width);
            bool wordStart = kind is CharKind.Letter or CharKind.Digit && (p == s || !CharInfo.IsWordChar(_text, p - 1));
            if (wordStart && maybeUrl)
            {
                int q = MatchUrl(p, e);
                if (q > p)
                {
                    Add(p, q);
                    p = q;
                    continue;
                }
            }

            if (wordStart && maybeEmail)
            {
                int q = MatchEmail(p, e);
                if (q > p)
                {
                    Add(p, q);
                    p = q;
                    continue;
                }
            }

            p = kind is CharKind.Letter or CharKind.Digit ? Word(p, e) : Punctuation(s, p, e, width);
        }
    }

    private int Word(int p, int e)
    {
        int q = ScanWord(p, e);
        if (q < e && _text[q] == '.' && (q + 1 >= e || _text[q + 1] != '.')
            && (KeepsPeriod(_text[p..q], q) || (q + 1 == e && IsListNumber(p, q))))
        {
            q++;
        }

        EmitWord(p, q);
        return q;
    }

    /// <summary>
    /// Scans letters and digits plus the connectors UD keeps inside a token: <c>4.5 U.S google.com 4,000 10:30 9/11</c>,
    /// apostrophes and hyphens (split again later), <c>AT&amp;T</c>.
    /// </summary>
    private int ScanWord(int p, int e)
    {
        int q = p;
        int segmentStart = p;
        while (q < e)
        {
            CharKind kind = CharInfo.Classify(_text, q, out int width);
            if (kind is CharKind.Letter or CharKind.Digit or CharKind.Extender)
            {
                q += width;
                continue;
            }

            if (q + 1 >= e)
            {
                // A word fragment cut off at a hyphen keeps it: th- , pre- and post-war.
                q += _text[q] == '-' ? 1 : 0;
                break;
            }

            CharKind next = CharInfo.Classify(_text, q + 1, out _);
            if (next is not (CharKind.Letter or CharKind.Digit))
            {
                break;
            }

            char c = _text[q];
            char prev = _text[q - 1];
            bool joins = c switch
            {
                // A period joins digits (4.5), dotted acronyms (U.S, Ph.D) and domains (google.com), but not two
                // sentences with a missing space (end.The).
                '.' => next == CharKind.Digit || CharInfo.IsLower(_text[q + 1]) || q - segmentStart <= 2,
                ',' or ':' or '/' => CharInfo.IsDigit(prev) && next == CharKind.Digit,
                '\'' or '\u2019' => next == CharKind.Letter,
                '-' or '_' => true,
                '&' => char.IsAsciiLetter(prev) && next == CharKind.Letter,
                _ => false,
            };
            if (!joins)
            {
                break;
            }

            q++;
            if (c == '.')
            {
                segmentStart = q;
            }
        }

        return q;
    }

    private bool KeepsPeriod(ReadOnlySpan<char> word, int period)
    {
        if (word.Contains('.'))
        {
            return IsDottedAcronym(word);
        }

        switch (_lexicon.Abbreviation(word))
        {
            case AbbreviationKind.Title:
            case AbbreviationKind.General:
                return true;
            case AbbreviationKind.Numeric:
                return NextIsDigit(period + 1);
            case AbbreviationKind.Final:
                return !SentenceEndsAt(period + 1);
            default:
                // A single capital is an initial (J. Smith).
                return word.Length == 1 && CharInfo.IsUpper(word[0]);
        }
    }

    private static bool IsDottedAcronym(ReadOnlySpan<char> word)
    {
        int segment = 0;
        foreach (char c in word)
        {
            if (c == '.')
            {
                if (segment == 0)
                {
                    return false;
                }

                segment = 0;
            }
            else if (char.IsLetter(c) && ++segment <= 2)
            {
                continue;
            }
            else
            {
                return false;
            }
        }

        return segment > 0;
    }

    /// <summary>True when the text after <paramref name="from"/> ends, breaks the paragraph or starts upper case.</summary>
    private bool SentenceEndsAt(int from)
    {
        int lines = 0;
        for (int i = from; i < _text.Length; i++)
        {
            char c = _text[i];
            if (c == '\n')
            {
                lines++;
            }
            else if (!CharInfo.IsSeparator(c))
            {
                return lines >= 2 || CharInfo.IsUpper(c);
            }
        }

        return true;
    }

    /// <summary>A one- or two-digit number opening a line, as in a numbered list (<c>1. Introduction</c>).</summary>
    private bool IsListNumber(int p, int q)
    {
        if (q - p > 2 || !CharInfo.IsDigit(_text[p]) || !CharInfo.IsDigit(_text[q - 1]))
        {
            return false;
        }

        int i = p - 1;
        while (i >= 0 && _text[i] is ' ' or '\t')
        {
            i--;
        }

        return i < 0 || _text[i] == '\n';
    }

    private bool NextIsDigit(int from)
    {
        int skip = _text[from..].IndexOfAnyExcept(CharInfo.Separators);
        return skip >= 0 && skip <= 3 && CharInfo.IsDigit(_text[from + skip]);
    }

    private void EmitWord(int p, int q)
    {
        ReadOnlySpan<char> word = _text[p..q];
        int split = _lexicon.ContractionSplit(word);
        if (split > 0)
        {
            Add(p, p + split);
            Add(p + split, q);
            return;
        }

        if (!word.Contains('-') || IsHyphenatedNumber(word))
        {
            EmitPiece(p, q);
            return;
        }

        int pieceStart = p;
        int segmentStart = p;
        int last = _text[q - 1] == '-' ? q - 1 : q;
        for (int i = p; i < last; i++)
        {
            if (_text[i] != '-')
            {
                continue;
            }

            if (!_lexicon.IsHyphenPrefix(_text[segmentStart..i]))
            {
                EmitPiece(pieceStart, i);
                Add(i, i + 1);
                pieceStart = i + 1;
            }

            segmentStart = i + 1;
        }

        EmitPiece(pieceStart, q);
    }

    /// <summary>Dates (2020-01-08), phone numbers and ZIP+4 codes stay whole; ranges (1969-1970, 3-4) split.</summary>
    private static bool IsHyphenatedNumber(ReadOnlySpan<char> word)
    {
        int segments = 0;
        int first = 0;
        int length = 0;
        foreach (char c in word)
        {
            if (c == '-')
            {
                if (length == 0)
                {
                    return false;
                }

                first = segments == 0 ? length : first;
                segments++;
                length = 0;
            }
            else if (CharInfo.IsDigit(c))
            {
                length++;
            }
            else
            {
                return false;
            }
        }

        segments++;
        return length > 0 && (segments >= 3 || (length == 4 && first != 4));
    }

    /// <summary>Splits clitics off one hyphen-free piece: <c>do n't</c>, <c>Bush 's</c>, <c>5 pm</c>.</summary>
    private void EmitPiece(int a, int b)
    {
        ReadOnlySpan<char> w = _text[a..b];
        int n = w.Length;
        if (n > 3 && w[n - 1] is 't' or 'T' && w[n - 2] is '\'' or '\u2019' && w[n - 3] is 'n' or 'N'
            && char.IsLetter(w[n - 4]))
        {
            Add(a, b - 3);
            Add(b - 3, b);
            return;
        }

        int apostrophe = w.LastIndexOfAny('\'', '\u2019');
        if (apostrophe > 0 && char.IsLetter(w[apostrophe - 1]) && IsClitic(w[(apostrophe + 1)..]))
        {
            Add(a, a + apostrophe);
            Add(a + apostrophe, b);
            return;
        }

        int unit = UnitSplit(w);
        if (unit > 0)
        {
            Add(a, a + unit);
            Add(a + unit, b);
            return;
        }

        Add(a, b);
    }

    /// <summary>
    /// Where a number runs into a unit (<c>5pm</c>, <c>35mm</c>, <c>65k</c>), or 0: ordinals, decades and
    /// single capital letters (<c>2nd</c>, <c>1990s</c>, <c>3D</c>) stay whole.
    /// </summary>
    private static int UnitSplit(ReadOnlySpan<char> w)
    {
        if (w.Length < 2 || !CharInfo.IsDigit(w[0]))
        {
            return 0;
        }

        int digits = w.IndexOfAnyExcept("0123456789.,:");
        if (digits < 0 || !CharInfo.IsDigit(w[digits - 1]) || w[digits..].ContainsAnyExcept(AsciiLetters))
        {
            return 0;
        }

        ReadOnlySpan<char> suffix = w[digits..];
        bool whole = suffix switch
        {
            "s" or "S" or "st" or "nd" or "rd" or "th" or "ST" or "ND" or "RD" or "TH" => true,
            [char c] => CharInfo.IsUpper(c) && c is not ('K' or 'M' or 'B'),
            _ => false,
        };
        return whole ? 0 : digits;
    }

    private static bool IsClitic(ReadOnlySpan<char> s) =>
        s.Length switch
        {
            1 => s[0] is 's' or 'S' or 'm' or 'M' or 'd' or 'D',
            2 => s.Equals("re", StringComparison.OrdinalIgnoreCase)
                || s.Equals("ve", StringComparison.OrdinalIgnoreCase)
                || s.Equals("ll", StringComparison.OrdinalIgnoreCase),
            _ => false,
        };

    private int Punctuation(int s, int p, int e, int width)
    {
        char c = _text[p];
        int q = p + width;
        switch (c)
        {
            case '.' or '!' or '?' or '\u2026':
                if (c == '.' && q < e && CharInfo.IsDigit(_text[q]) && (p == s || !CharInfo.IsWordChar(_text, p - 1)))
                {
                    // .5 is a number.
                    q = ScanWord(q, e);
                    break;
                }

                while (q < e && _text[q] is '.' or '!' or '?' or '\u2026')
                {
                    q++;
                }

                break;
            case '\'' or '\u2019' when q + 1 < e && CharInfo.IsDigit(_text[q]) && CharInfo.IsDigit(_text[q + 1])
                && (q + 2 >= e || !CharInfo.IsDigit(_text[q + 2])):
                // '71, '90s: an elided century belongs to the number.
                q = ScanWord(q, e);
                break;
            case '#' or '@' when q < e && CharInfo.Classify(_text, q, out _) == CharKind.Letter
                && (p == s || !CharInfo.IsWordChar(_text, p - 1)):
                q = ScanTag(q, e);
                break;
            case '\u2018' or '\u2019':
                while (q < e && _text[q] is '\u2018' or '\u2019')
                {
                    q++;
                }

                break;
            case ':' or ';' or '=':
                q = MatchEmoticon(p, e);
                break;
            case '-' or '\u2014' or '\u2013' or '\'' or '`' or '*' or '~' or '_' or '<' or '>' or '+' or '|'
                or '^' or '#' or '/':
                while (q < e && _text[q] == c)
                {
                    q++;
                }

                break;
            default:
                if (width == 2 && IsRegionalIndicator(p) && q + 1 < e && IsRegionalIndicator(q))
                {
                    q += 2;
                }

                break;
        }

        q = AttachExtenders(q, e);
        Add(p, q);
        return q;
    }

    private int ScanTag(int q, int e)
    {
        while (q < e)
        {
            CharKind kind = CharInfo.Classify(_text, q, out int width);
            if (kind is CharKind.Letter or CharKind.Digit or CharKind.Extender || _text[q] == '_')
            {
                q += width;
            }
            else
            {
                break;
            }
        }

        return q;
    }

    private int MatchEmoticon(int p, int e)
    {
        ReadOnlySpan<char> rest = _text[p..e];
        ReadOnlySpan<string> faces = [":-)", ":-(", ";-)", ":-D", ":-P", ":'(", ":)", ":(", ";)", ":D", ":P", ":p", "=)", "=(", ":/"];
        foreach (string face in faces)
        {
            if (rest.StartsWith(face, StringComparison.Ordinal)
                && (rest.Length == face.Length || !CharInfo.IsWordChar(_text, p + face.Length)))
            {
                return p + face.Length;
            }
        }

        int q = p + 1;
        if (_text[p] == '=')
        {
            while (q < e && _text[q] == '=')
            {
                q++;
            }
        }

        return q;
    }

    private bool IsRegionalIndicator(int index) =>
        index + 1 < _text.Length && char.IsHighSurrogate(_text[index]) && char.IsLowSurrogate(_text[index + 1])
        && char.ConvertToUtf32(_text[index], _text[index + 1]) is >= 0x1F1E6 and <= 0x1F1FF;

    /// <summary>Keeps combining marks, variation selectors and zero-width-joined emoji with their base.</summary>
    private int AttachExtenders(int q, int e)
    {
        while (q < e)
        {
            CharKind kind = CharInfo.Classify(_text, q, out int width);
            if (kind != CharKind.Extender)
            {
                break;
            }

            bool joiner = _text[q] == '\u200D';
            q += width;
            if (joiner && q < e)
            {
                CharInfo.Classify(_text, q, out int joined);
                q += joined;
            }
        }

        return q;
    }

    private int MatchUrl(int p, int e)
    {
        ReadOnlySpan<char> rest = _text[p..e];
        bool url = rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || rest.StartsWith("ftp://", StringComparison.OrdinalIgnoreCase)
            || (rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase) && rest.Length > 4
                && CharInfo.IsWordChar(_text, p + 4));
        return url ? TrimTrailing(p, e) : 0;
    }

    private int MatchEmail(int p, int e)
    {
        int q = p;
        while (q < e && (char.IsAsciiLetterOrDigit(_text[q]) || _text[q] is '.' or '_' or '%' or '+' or '-'))
        {
            q++;
        }

        if (q == p || q >= e || _text[q] != '@')
        {
            return 0;
        }

        int domain = ++q;
        int lastDot = -1;
        while (q < e && (char.IsAsciiLetterOrDigit(_text[q]) || _text[q] is '.' or '-'))
        {
            if (_text[q] == '.')
            {
                lastDot = q;
            }

            q++;
        }

        while (q > domain && _text[q - 1] is '.' or '-')
        {
            q--;
        }

        return lastDot > domain && lastDot + 2 < q ? q : 0;
    }

    /// <summary>Ends a URL before trailing sentence punctuation and unbalanced closing brackets.</summary>
    private int TrimTrailing(int p, int e)
    {
        int q = e;
        while (q > p + 1)
        {
            char c = _text[q - 1];
            if (c is '.' or ',' or ';' or ':' or '!' or '?' or '\'' or '"' or '*' or '\u201D' or '\u2019' or '\u00BB')
            {
                q--;
            }
            else if ((c == ')' && Unbalanced(p, q, '(', ')')) || (c == ']' && Unbalanced(p, q, '[', ']'))
                || (c == '>' && Unbalanced(p, q, '<', '>')))
            {
                q--;
            }
            else
            {
                break;
            }
        }

        return q;
    }

    private bool Unbalanced(int p, int q, char open, char close) =>
        _text[p..q].Count(close) > _text[p..q].Count(open);

    private void Add(int start, int end)
    {
        if (end > start)
        {
            _tokens.Add(new Token(start, end - start));
        }
    }
}
