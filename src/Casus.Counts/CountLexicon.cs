using System.Collections.Frozen;

namespace Casus.Counts;

/// <summary>The role of a lexicon entry (its section in <c>dictionaries/counts/words.txt</c>).</summary>
internal enum CountRole : byte
{
    After,
    Before,
    None,
    Toll,
    Qualifier,
    People,
    Personnel,
    Materiel,
    Deployment,
    Cause,
    Skip,
    Unit,
    Stop,
}

/// <summary>One entry: its words, role, and the kind or qualifier it gives.</summary>
internal sealed record CountPhrase(string[] Words, CountRole Role, CountKind Kind, CountQualifier Qualifier);

/// <summary>An error in a lexicon file, with its file and line.</summary>
/// <param name="File">The file name.</param>
/// <param name="Line">1-based line number.</param>
/// <param name="Message">What is wrong.</param>
public readonly record struct CountLexiconError(string File, int Line, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}: {Message}";
}

/// <summary>
/// The casualty and deployment word lists (<c>dictionaries/counts/words.txt</c>, embedded in the assembly): phrases
/// keyed by their first word, looked up by span without allocating.
/// </summary>
/// <threadsafety>Immutable after load: one instance can be shared by any number of threads.</threadsafety>
public sealed class CountLexicon
{
    /// <summary>The shipped file's name, as named in errors.</summary>
    public const string DefaultFileName = "counts/words.txt";

    private readonly FrozenDictionary<string, CountPhrase[]>.AlternateLookup<ReadOnlySpan<char>> _byFirst;

    private CountLexicon(Dictionary<string, List<CountPhrase>> byFirst)
    {
        // Longest phrases first, so a match takes the longest entry.
        _byFirst = byFirst.ToFrozenDictionary(p => p.Key, p => p.Value.OrderByDescending(x => x.Words.Length).ToArray(), StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        PhraseCount = byFirst.Values.Sum(v => v.Count);
    }

    /// <summary>Number of entries.</summary>
    public int PhraseCount { get; }

    private static readonly Lazy<CountLexicon> Shipped = new(() =>
    {
        using var stream = typeof(CountLexicon).Assembly.GetManifestResourceStream("Casus.Counts.words.txt")
            ?? throw new InvalidOperationException("the counts word list is not embedded in Casus.Counts");
        using var reader = new StreamReader(stream);
        var (lexicon, errors) = Parse(reader.ReadToEnd(), DefaultFileName);
        return lexicon ?? throw new InvalidDataException(string.Join('\n', errors));
    });

    /// <summary>The shipped word lists.</summary>
    public static CountLexicon Default => Shipped.Value;

    /// <summary>Parses a word list; returns the lexicon, or null and the errors (each naming file and line).</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="fileName">The name errors give.</param>
    public static (CountLexicon? Lexicon, IReadOnlyList<CountLexiconError> Errors) Parse(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var errors = new List<CountLexiconError>();
        var byFirst = new Dictionary<string, List<CountPhrase>>(StringComparer.OrdinalIgnoreCase);
        CountRole? role = null;
        var kind = CountKind.Killed;
        var lineNumber = 0;
        var skipping = false;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            if (line[0] == '[')
            {
                if (line[^1] != ']' || !TrySection(line[1..^1], out var r, out kind))
                {
                    errors.Add(new CountLexiconError(fileName, lineNumber, $"unknown section '{line}'"));
                    role = null;
                    skipping = true;
                    continue;
                }
                role = r;
                skipping = false;
                continue;
            }
            if (skipping)
            {
                // The section's error is reported once, not again for each of its entries.
                continue;
            }
            if (role is not { } current)
            {
                errors.Add(new CountLexiconError(fileName, lineNumber, "entry before any [section]"));
                continue;
            }
            var qualifier = CountQualifier.Exact;
            var words = line;
            var eq = line.IndexOf(" = ", StringComparison.Ordinal);
            if (current == CountRole.Qualifier)
            {
                if (eq < 0)
                {
                    errors.Add(new CountLexiconError(fileName, lineNumber, $"qualifier '{line}' needs ' = exact|at_least|at_most|approx'"));
                    continue;
                }
                var name = line[(eq + 3)..].Trim();
                var index = Array.IndexOf(CountMention.QualifierNames, name);
                if (index < 0)
                {
                    errors.Add(new CountLexiconError(fileName, lineNumber, $"unknown qualifier '{name}' (expected exact, at_least, at_most or approx)"));
                    continue;
                }
                qualifier = (CountQualifier)index;
                words = line[..eq].Trim();
            }
            else if (eq >= 0)
            {
                errors.Add(new CountLexiconError(fileName, lineNumber, "only [qualifiers] entries take ' = '"));
                continue;
            }
            var parts = words.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 6)
            {
                errors.Add(new CountLexiconError(fileName, lineNumber, "an entry has at most 6 words"));
                continue;
            }
            if (!byFirst.TryGetValue(parts[0], out var list))
            {
                byFirst[parts[0]] = list = [];
            }
            list.Add(new CountPhrase(parts, current, kind, qualifier));
        }
        return errors.Count > 0 ? (null, errors) : (new CountLexicon(byFirst), errors);
    }

    private static bool TrySection(string name, out CountRole role, out CountKind kind)
    {
        kind = CountKind.Killed;
        var colon = name.IndexOf(':');
        var head = colon < 0 ? name : name[..colon];
        if (colon >= 0)
        {
            var k = Array.IndexOf(CountMention.KindNames, name[(colon + 1)..]);
            if (k is < 0 or > (int)CountKind.Displaced)
            {
                role = default;
                return false;
            }
            kind = (CountKind)k;
        }
        (var known, role) = head switch
        {
            "after" when colon >= 0 => (true, CountRole.After),
            "before" when colon >= 0 => (true, CountRole.Before),
            "none" when colon >= 0 => (true, CountRole.None),
            "toll" when colon < 0 => (true, CountRole.Toll),
            "qualifiers" when colon < 0 => (true, CountRole.Qualifier),
            "people" when colon < 0 => (true, CountRole.People),
            "personnel" when colon < 0 => (true, CountRole.Personnel),
            "materiel" when colon < 0 => (true, CountRole.Materiel),
            "deployment" when colon < 0 => (true, CountRole.Deployment),
            "causes" when colon < 0 => (true, CountRole.Cause),
            "skip" when colon < 0 => (true, CountRole.Skip),
            "units" when colon < 0 => (true, CountRole.Unit),
            "stops" when colon < 0 => (true, CountRole.Stop),
            _ => (false, CountRole.After),
        };
        return known;
    }

    /// <summary>
    /// The longest entry with <paramref name="role"/> that starts at token <paramref name="i"/>; returns its length
    /// in tokens (0 when none) and the entry.
    /// </summary>
    internal int Match(string text, ReadOnlySpan<Casus.Text.Token> tokens, int i, CountRole role, out CountPhrase? phrase, int exactLength = 0)
    {
        phrase = null;
        if ((uint)i >= (uint)tokens.Length || tokens[i].Length > 40
            || !_byFirst.TryGetValue(text.AsSpan(tokens[i].Start, tokens[i].Length), out var candidates))
        {
            return 0;
        }
        foreach (var c in candidates)
        {
            if (c.Role != role || i + c.Words.Length > tokens.Length || (exactLength > 0 && c.Words.Length != exactLength))
            {
                continue;
            }
            var ok = true;
            for (var k = 1; k < c.Words.Length && ok; k++)
            {
                var t = tokens[i + k];
                ok = text.AsSpan(t.Start, t.Length).Equals(c.Words[k], StringComparison.OrdinalIgnoreCase);
            }
            if (ok)
            {
                phrase = c;
                return c.Words.Length;
            }
        }
        return 0;
    }

    /// <summary>
    /// The longest entries with <paramref name="role"/> starting at token <paramref name="i"/>: their length in tokens
    /// (0 when none) and a bit per <see cref="CountKind"/> they give ("casualties" gives killed and injured).
    /// </summary>
    internal int MatchKinds(string text, ReadOnlySpan<Casus.Text.Token> tokens, int i, CountRole role, out int kinds)
    {
        kinds = 0;
        var length = Match(text, tokens, i, role, out _);
        if (length == 0)
        {
            return 0;
        }
        foreach (var c in _byFirst[text.AsSpan(tokens[i].Start, tokens[i].Length)])
        {
            if (c.Role == role && Match(text, tokens, i, role, out var p, length) == length && p is not null && c.Words.Length == length)
            {
                var same = true;
                for (var k = 0; k < length && same; k++)
                {
                    same = string.Equals(c.Words[k], p.Words[k], StringComparison.OrdinalIgnoreCase);
                }
                if (same)
                {
                    kinds |= 1 << (int)c.Kind;
                }
            }
        }
        return length;
    }

    /// <summary>Whether token <paramref name="i"/> starts an entry with <paramref name="role"/>.</summary>
    internal bool Starts(string text, ReadOnlySpan<Casus.Text.Token> tokens, int i, CountRole role) => Match(text, tokens, i, role, out _) > 0;

    /// <summary>
    /// The entry with <paramref name="role"/> that ends just before token <paramref name="end"/>; returns its first
    /// token, or -1.
    /// </summary>
    internal int MatchEndingAt(string text, ReadOnlySpan<Casus.Text.Token> tokens, int end, CountRole role, out CountPhrase? phrase)
    {
        for (var start = Math.Max(0, end - 6); start < end; start++)
        {
            if (Match(text, tokens, start, role, out phrase, end - start) > 0)
            {
                return start;
            }
        }
        phrase = null;
        return -1;
    }
}
