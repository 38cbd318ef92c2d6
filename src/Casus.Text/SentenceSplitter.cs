namespace Casus.Text;

/// <summary>
/// Groups a document's tokens into sentences by looking at each token, the whitespace after it and the next token.
/// Lives on the stack and allocates nothing beyond the sentences it appends.
/// </summary>
internal readonly ref struct SentenceSplitter
{
    /// <summary>How far into a paragraph a dateline's closing dash may be.</summary>
    private const int MaxDatelineTokens = 14;

    private readonly ReadOnlySpan<char> _text;
    private readonly List<Token> _tokens;
    private readonly Lexicon _lexicon;

    public SentenceSplitter(ReadOnlySpan<char> text, List<Token> tokens, Lexicon lexicon)
    {
        _text = text;
        _tokens = tokens;
        _lexicon = lexicon;
    }

    public void Run(int first, List<Sentence> sentences)
    {
        int count = _tokens.Count;
        int start = first;
        int dateline = first < count ? FindDateline(first) : -1;
        for (int k = first; k < count; k++)
        {
            bool last = k + 1 == count;
            bool paragraph = !last && IsParagraphBreak(_text[_tokens[k].End.._tokens[k + 1].Start]);
            if (last || paragraph || k == dateline || EndsSentence(start, k))
            {
                Token a = _tokens[start];
                sentences.Add(new Sentence(a.Start, _tokens[k].End - a.Start, start, k + 1 - start));
                start = k + 1;
                if (paragraph)
                {
                    dateline = FindDateline(start);
                }
            }
        }
    }

    /// <summary>Two or more line breaks (or a paragraph separator) in the whitespace between two tokens.</summary>
    private static bool IsParagraphBreak(ReadOnlySpan<char> gap)
    {
        int lines = 0;
        for (int i = 0; i < gap.Length; i++)
        {
            char c = gap[i];
            if (c == '\u2029')
            {
                return true;
            }

            if (c is '\n' or '\u2028' or '\u0085' or '\f' or '\v' || (c == '\r' && (i + 1 == gap.Length || gap[i + 1] != '\n')))
            {
                if (++lines == 2)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool EndsSentence(int start, int k)
    {
        Token current = _tokens[k];
        Token next = _tokens[k + 1];
        if (next.Start == current.End)
        {
            return false;
        }

        // Walk back over closing quotes and brackets glued to the sentence-final mark (." ?) .'' !”) and over
        // citation marks after it (. [2] [3]).
        int t = k;
        while (t > start)
        {
            if (t - 3 >= start && Text(_tokens[t]) is "]" && Text(_tokens[t - 2]) is "["
                && CharInfo.IsDigit(Text(_tokens[t - 1])[0]))
            {
                t -= 3;
            }
            else if (IsCloser(Text(_tokens[t])) && _tokens[t - 1].End == _tokens[t].Start)
            {
                t--;
            }
            else
            {
                break;
            }
        }

        ReadOnlySpan<char> final = Text(_tokens[t]);
        ReadOnlySpan<char> following = Text(next);
        if (following[0] is ',' or '.' or ';' or ':' or ')' or ']' or '}' or '!' or '?' || IsEmoticon(following))
        {
            // Nothing starts a sentence with these; a smiley belongs to the sentence before it.
            return false;
        }

        if (IsTerminal(final))
        {
            // Data (UD EWT/GUM train): after a real period, ? or ! a lower-case word still starts a new sentence
            // (web text), but after an ellipsis it usually continues; a bracket after a period is a citation.
            // A quotation closed before a lower-case word or a speech verb goes on: "We will!" he said.
            bool ellipsis = final.IndexOfAny('?', '!') < 0 && final is not ".";
            if (t < k && k + 2 < _tokens.Count && _lexicon.IsSpeechVerb(Text(_tokens[k + 2])))
            {
                return false;
            }

            return following is not "[" && (!(ellipsis || t < k) || !StartsLower(following));
        }

        if (final.Length > 1 && final[^1] == '.' && !CharInfo.IsDigit(final[0]))
        {
            // The token kept its period as an abbreviation: end the sentence only before a typical opener.
            ReadOnlySpan<char> word = final[..^1];
            if (_lexicon.Abbreviation(word) == AbbreviationKind.Title)
            {
                return false;
            }

            return _lexicon.IsStarter(following);
        }

        return false;
    }

    private ReadOnlySpan<char> Text(Token token) => _text.Slice(token.Start, token.Length);

    private static bool IsTerminal(ReadOnlySpan<char> token) =>
        token.Length > 0 && token.IndexOfAnyExcept(".!?\u2026") < 0;

    private static bool IsCloser(ReadOnlySpan<char> token) =>
        token.Length > 0 && token.IndexOfAnyExcept("\"')]}\u201D\u2019\u00BB") < 0;

    private static bool IsEmoticon(ReadOnlySpan<char> token) =>
        token.Length is 2 or 3 && token[0] is ':' or ';' or '=' && token[^1] is ')' or '(' or 'D' or 'P' or 'p' or '/';

    private static bool StartsLower(ReadOnlySpan<char> token) => CharInfo.IsLower(token[0]);

    /// <summary>
    /// Finds the closing dash of a dateline that opens the paragraph at <paramref name="start"/>:
    /// <c>BAGHDAD (Reuters) -</c>, <c>WASHINGTON, Jan. 7 (AP) —</c>, <c>NEW YORK —</c>,
    /// <c>Evansville, Indiana, United States -</c> (Wikinews); or -1. Every word before the dash is capitalised.
    /// </summary>
    private int FindDateline(int start)
    {
        int count = _tokens.Count;
        if (start + 1 >= count || !(IsAllCaps(Text(_tokens[start]))
            || (CharInfo.IsUpper(Text(_tokens[start])[0]) && Text(_tokens[start + 1]) is ",")))
        {
            return -1;
        }

        bool agency = false;
        bool comma = false;
        bool allCaps = IsAllCaps(Text(_tokens[start]));
        int limit = Math.Min(count - 1, start + MaxDatelineTokens);
        for (int k = start + 1; k < limit; k++)
        {
            ReadOnlySpan<char> token = Text(_tokens[k]);
            if (IsDash(token))
            {
                bool spaced = _tokens[k - 1].End < _tokens[k].Start && _tokens[k].End < _tokens[k + 1].Start;
                bool strong = token is not "-";
                return spaced && (agency || comma || (allCaps && strong)) ? k : -1;
            }

            if (token is "(")
            {
                int close = k + 1;
                while (close < limit && close <= k + 5 && Text(_tokens[close]) is not ")")
                {
                    close++;
                }

                if (close >= limit || close > k + 5 || close == k + 1)
                {
                    return -1;
                }

                agency = true;
                k = close;
                continue;
            }

            if (token is ",")
            {
                comma = true;
                continue;
            }

            if (CharInfo.IsDigit(token[0]))
            {
                allCaps = false;
                continue;
            }

            if (!CharInfo.IsUpper(token[0]))
            {
                return -1;
            }

            allCaps &= IsAllCaps(token);
        }

        return -1;
    }

    private static bool IsDash(ReadOnlySpan<char> token) =>
        token is "-" or "--" or "\u2014" or "\u2013" or "---";

    private static bool IsAllCaps(ReadOnlySpan<char> token)
    {
        int letters = 0;
        foreach (char c in token)
        {
            if (CharInfo.IsLower(c))
            {
                return false;
            }

            if (char.IsLetter(c))
            {
                letters++;
            }
        }

        return letters >= 2;
    }
}
