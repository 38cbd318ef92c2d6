using System.Collections.Frozen;

namespace Casus.Text;

/// <summary>How an abbreviation listed in the lexicon treats the period that follows it.</summary>
internal enum AbbreviationKind : byte
{
    /// <summary>Not an abbreviation.</summary>
    None = 0,

    /// <summary>A title before a name (<c>Gen.</c>, <c>Mr.</c>): the period stays and no sentence ends here.</summary>
    Title,

    /// <summary>An abbreviation that may also end a sentence (<c>Inc.</c>, <c>Jan.</c>, <c>U.S.</c>).</summary>
    General,

    /// <summary>An abbreviation that takes its period only before a number (<c>No. 1</c>).</summary>
    Numeric,

    /// <summary>An abbreviation that gives its period up when a sentence ends after it (<c>etc .</c>).</summary>
    Final,
}

/// <summary>
/// The word lists the segmenter needs, read once from the embedded <c>lexicon.txt</c>. Immutable.
/// </summary>
internal sealed class Lexicon
{
    private const string ResourceName = "Casus.Text.Resources.lexicon.txt";

    private readonly FrozenDictionary<string, AbbreviationKind>.AlternateLookup<ReadOnlySpan<char>> _abbreviations;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _hyphenPrefixes;
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _contractions;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _starters;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _speechVerbs;

    private Lexicon(
        Dictionary<string, AbbreviationKind> abbreviations,
        HashSet<string> hyphenPrefixes,
        Dictionary<string, int> contractions,
        HashSet<string> starters,
        HashSet<string> speechVerbs)
    {
        _abbreviations = abbreviations.ToFrozenDictionary(StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        _hyphenPrefixes = hyphenPrefixes.ToFrozenSet(StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        _contractions = contractions.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        _starters = starters.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _speechVerbs = speechVerbs.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The lexicon shipped in the assembly.</summary>
    public static Lexicon Default { get; } = LoadDefault();

    /// <summary>Looks up a word written without its final period (case-sensitive).</summary>
    public AbbreviationKind Abbreviation(ReadOnlySpan<char> word) =>
        _abbreviations.TryGetValue(word, out AbbreviationKind kind) ? kind : AbbreviationKind.None;

    /// <summary>True when UD keeps <c>word-...</c> together (<c>non-</c>, <c>anti-</c>, <c>e-</c>).</summary>
    public bool IsHyphenPrefix(ReadOnlySpan<char> word) => _hyphenPrefixes.Contains(word);

    /// <summary>Where a whole-word contraction (<c>cannot</c>, <c>gonna</c>) splits, or 0 when it does not.</summary>
    public int ContractionSplit(ReadOnlySpan<char> word) =>
        _contractions.TryGetValue(word, out int split) ? split : 0;

    /// <summary>True for capitalised words that typically open a sentence.</summary>
    public bool IsStarter(ReadOnlySpan<char> word) => _starters.Contains(word);

    /// <summary>True for verbs that follow a quotation and its speaker (<c>"Why?" Pompeo asked</c>).</summary>
    public bool IsSpeechVerb(ReadOnlySpan<char> word) => _speechVerbs.Contains(word);

    /// <summary>Parses the lexicon text format (sections in brackets, whitespace-separated entries).</summary>
    /// <exception cref="FormatException">The text is malformed; the shipped resource is validated by tests.</exception>
    internal static Lexicon Parse(TextReader reader)
    {
        var abbreviations = new Dictionary<string, AbbreviationKind>(StringComparer.Ordinal);
        var prefixes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var contractions = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var starters = new HashSet<string>(StringComparer.Ordinal);
        var speechVerbs = new HashSet<string>(StringComparer.Ordinal);
        string section = "";
        int lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            int hash = line.IndexOf('#');
            string content = (hash >= 0 ? line[..hash] : line).Trim();
            if (content.Length == 0)
            {
                continue;
            }

            if (content[0] == '[')
            {
                section = content.Trim('[', ']');
                continue;
            }

            foreach (string entry in content.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                switch (section)
                {
                    case "titles":
                        AddAbbreviation(abbreviations, entry, AbbreviationKind.Title, lineNumber);
                        break;
                    case "abbreviations":
                        AddAbbreviation(abbreviations, entry, AbbreviationKind.General, lineNumber);
                        break;
                    case "numeric":
                        AddAbbreviation(abbreviations, entry, AbbreviationKind.Numeric, lineNumber);
                        break;
                    case "final":
                        AddAbbreviation(abbreviations, entry, AbbreviationKind.Final, lineNumber);
                        break;
                    case "hyphen-prefixes":
                        prefixes.Add(entry);
                        break;
                    case "contractions":
                        AddContraction(contractions, entry, lineNumber);
                        break;
                    case "starters":
                        starters.Add(entry);
                        break;
                    case "speech-verbs":
                        speechVerbs.Add(entry);
                        break;
                    default:
                        throw new FormatException($"lexicon line {lineNumber}: entry outside a known section");
                }
            }
        }

        return new Lexicon(abbreviations, prefixes, contractions, starters, speechVerbs);
    }

    private static void AddAbbreviation(
        Dictionary<string, AbbreviationKind> abbreviations, string entry, AbbreviationKind kind, int lineNumber)
    {
        if (!abbreviations.TryAdd(entry, kind) && abbreviations[entry] != kind)
        {
            throw new FormatException($"lexicon line {lineNumber}: '{entry}' is listed in two abbreviation sections");
        }
    }

    private static void AddContraction(Dictionary<string, int> contractions, string entry, int lineNumber)
    {
        int equals = entry.IndexOf('=');
        int bar = entry.IndexOf('|');
        if (equals <= 0 || bar <= equals + 1
            || !entry.AsSpan(0, equals).Equals(entry.AsSpan(equals + 1).ToString().Replace("|", ""), StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"lexicon line {lineNumber}: contraction '{entry}' must read word=left|right");
        }

        contractions[entry[..equals]] = bar - equals - 1;
    }

    private static Lexicon LoadDefault()
    {
        using Stream stream = typeof(Lexicon).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"missing embedded resource {ResourceName}");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }
}
