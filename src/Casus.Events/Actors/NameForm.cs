using Casus.Text;

namespace Casus.Events.Actors;

/// <summary>
/// A dictionary name after the README's name rules: <c>=</c> prefix (case-sensitive), trailing <c>(SECTOR)</c>,
/// trailing annotations, optional leading <c>the</c>, curly apostrophe; then cut into tokens by the same segmenter
/// that cuts the text. Immutable.
/// </summary>
internal sealed class NameForm
{
    /// <summary>Separates tokens in <see cref="Key"/>; never inside a token.</summary>
    private const char KeySeparator = '\u001F';

    private NameForm(string text, bool caseSensitive, int sectorId, bool leadingThe, string[] tokens)
    {
        Text = text;
        CaseSensitive = caseSensitive;
        SectorId = sectorId;
        LeadingThe = leadingThe;
        Tokens = tokens;
        Key = string.Join(KeySeparator, tokens).ToUpperInvariant();
        ExactKey = string.Join(KeySeparator, tokens);
    }

    /// <summary>The name as matched (no <c>=</c>, suffixes or leading <c>the</c>; straight apostrophes).</summary>
    public string Text { get; }

    /// <summary>True for a name written with <c>=</c>: it matches only with exactly this case.</summary>
    public bool CaseSensitive { get; }

    /// <summary>The sector id of a trailing <c>(SECTOR)</c>, or -1.</summary>
    public int SectorId { get; }

    /// <summary>True when a leading lower-case <c>the</c> was removed; the matcher may take a <c>the</c> before it.</summary>
    public bool LeadingThe { get; }

    /// <summary>The name's tokens as written (straight apostrophes).</summary>
    public string[] Tokens { get; }

    /// <summary>The tokens, case-folded: names with equal keys can match the same text.</summary>
    public string Key { get; }

    /// <summary>The tokens as written.</summary>
    public string ExactKey { get; }

    /// <summary>True when this name and <paramref name="other"/> can match the same text.</summary>
    public bool Overlaps(NameForm other) =>
        Key == other.Key && (!CaseSensitive || !other.CaseSensitive || ExactKey == other.ExactKey);

    /// <summary>Normalises the apostrophe the way names and text are compared.</summary>
    public static char Fold(char c) => c == '\u2019' ? '\'' : c;

    /// <summary>
    /// Applies the name rules to one value. Returns false with a message when the value is empty or carries a
    /// three-capital group that is not a known sector (the README says an annotation is never three capitals).
    /// </summary>
    /// <param name="raw">The value as written in the file (already trimmed).</param>
    /// <param name="person">True for person names (<c>leaders.txt</c>): they always match case-sensitively, and a
    /// trailing parenthesised group is a qualifier whatever it contains (<c>Ahmad Massoud (NRF)</c>).</param>
    /// <param name="form">The parsed name.</param>
    /// <param name="error">What is wrong, when false.</param>
    public static bool TryParse(
        string raw, bool person, out NameForm? form, out string? error)
    {
        form = null;
        string s = raw.Trim();
        bool caseSensitive = person;
        if (s.StartsWith('='))
        {
            caseSensitive = true;
            s = s[1..].TrimStart();
        }

        int sectorId = -1;
        bool last = true;
        while (s.EndsWith(')'))
        {
            int open = MatchingOpen(s);
            if (open <= 0 || s[open - 1] != ' ')
            {
                // "Foo(bar)" or a whole-name group: part of the name.
                break;
            }

            string content = s[(open + 1)..^1];
            if (!person && ActorCodes.IsCapitals(content, 3))
            {
                if (!ActorCodes.IsSector(content))
                {
                    error = $"'({content})' in \"{raw}\" is not a known sector code";
                    return false;
                }

                if (!last)
                {
                    error = $"sector '({content})' in \"{raw}\" must be the last parenthesised group";
                    return false;
                }

                sectorId = ActorCodes.SectorId(content);
            }

            last = false;
            s = s[..open].TrimEnd();
        }

        bool leadingThe = false;
        if (s.StartsWith("the ", StringComparison.Ordinal))
        {
            leadingThe = true;
            s = s[4..].TrimStart();
        }

        s = s.Replace('\u2019', '\'');
        if (s.Length == 0)
        {
            error = $"empty name \"{raw}\"";
            return false;
        }

        if (s.Contains('|') || s.Contains(';'))
        {
            error = $"name \"{raw}\" contains a separator";
            return false;
        }

        string[] tokens = Tokenize(s);
        if (tokens.Length == 0)
        {
            error = $"name \"{raw}\" has no tokens";
            return false;
        }

        form = new NameForm(s, caseSensitive, sectorId, leadingThe, tokens);
        error = null;
        return true;
    }

    /// <summary>
    /// Cuts a name as the segmenter cuts running text. A word follows the name, because the segmenter treats the end
    /// of text as a sentence end (<c>Corp.</c> would lose its period there, but not mid-sentence).
    /// </summary>
    private static string[] Tokenize(string name)
    {
        string text = name + " x";
        var tokens = new List<Token>();
        var sentences = new List<Sentence>();
        Segmenter.Default.Segment(text, tokens, sentences);
        string[] result = new string[Math.Max(0, tokens.Count - 1)];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = text.Substring(tokens[i].Start, tokens[i].Length);
        }

        return result;
    }

    private static int MatchingOpen(string s)
    {
        int depth = 0;
        for (int i = s.Length - 1; i >= 0; i--)
        {
            if (s[i] == ')')
            {
                depth++;
            }
            else if (s[i] == '(' && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }
}
