using System.Collections.Frozen;
using System.Collections.ObjectModel;
using System.Reflection;

namespace Casus.Events.Lexicon;

/// <summary>
/// Casus's event lexicon (<c>dictionaries/events/</c>: verbs.txt, nouns.txt, complements.txt, exclusions.txt; format in
/// that directory's README.md), validated and indexed by lemma for the event coder.
/// </summary>
/// <remarks>
/// <para>Loading never stops at the first problem: <see cref="Load"/> and <see cref="Parse"/> return every error with
/// its file and line, and no lexicon when there is any.</para>
/// <para>Files are layers in the order given (for <see cref="Load"/>: the shipped files, then the user's). A pattern
/// of a later file replaces the pattern with the same identity (everything but the code, word lists taken as sets) of
/// an earlier file, and a complements.txt <c>PREFIX=CODE</c> replaces the earlier mapping of that prefix for that key;
/// everything else is added. Within one file, the same pattern with two codes, or the same prefix twice for a key, is
/// an error; an exact repeat of a pattern is redundant and kept once.</para>
/// <para>Lookups are case-insensitive (README: <c>nato</c> matches "NATO") and, through the
/// <see cref="ReadOnlySpan{T}"/> overloads, allocation-free.</para>
/// </remarks>
/// <threadsafety>Immutable after loading: one instance can be shared by any number of threads.</threadsafety>
public sealed class EventLexicon
{
    private const string ResourcePrefix = "Casus.Dictionaries.events";

    private static readonly string[] Files = ["verbs.txt", "nouns.txt", "complements.txt", "exclusions.txt"];

    private readonly LemmaIndex<VerbPattern> _verbs;
    private readonly LemmaIndex<NounPattern> _nouns;
    private readonly LemmaIndex<VerbPattern> _verbExclusions;
    private readonly LemmaIndex<NounPattern> _nounExclusions;
    private readonly FrozenDictionary<string, ComplementRule> _complements;
    private readonly FrozenDictionary<string, ComplementRule>.AlternateLookup<ReadOnlySpan<char>> _complementsBySpan;

    private EventLexicon(EventLexiconParser parsed)
    {
        _verbs = new LemmaIndex<VerbPattern>(OrderVerbs(parsed.Verbs), p => p.Lemma, CompareVerbs);
        _verbExclusions = new LemmaIndex<VerbPattern>(OrderVerbs(parsed.VerbExclusions), p => p.Lemma, CompareVerbs);
        _nouns = new LemmaIndex<NounPattern>(OrderNouns(parsed.Nouns), p => p.Noun.Lemmas[^1], CompareNouns);
        _nounExclusions = new LemmaIndex<NounPattern>(OrderNouns(parsed.NounExclusions), p => p.Noun.Lemmas[^1], CompareNouns);
        VerbPatternCount = parsed.Verbs.Count;
        NounPatternCount = parsed.Nouns.Count;

        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach ((VerbPattern pattern, _) in parsed.Verbs.Items)
        {
            codes.Add(pattern.Code);
        }

        foreach ((NounLine line, _) in parsed.Nouns.Items)
        {
            codes.Add(line.Code);
        }

        var complements = new Dictionary<string, ComplementRule>(StringComparer.OrdinalIgnoreCase);
        foreach (ComplementBuilder builder in parsed.Complements.Values)
        {
            var prefixes = new Dictionary<string, string>(StringComparer.Ordinal);
            string? fallback = null;
            foreach ((string prefix, (string code, _, _)) in builder.Mappings)
            {
                if (prefix == "*")
                {
                    fallback = code;
                }
                else
                {
                    prefixes[prefix] = code;
                }

                if (code != "*")
                {
                    codes.Add(code);
                }
            }

            complements[builder.Key] = new ComplementRule(builder.Key, prefixes.ToFrozenDictionary(StringComparer.Ordinal), fallback, builder.First);
        }

        _complements = complements.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _complementsBySpan = _complements.GetAlternateLookup<ReadOnlySpan<char>>();
        Codes = codes.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The file names a lexicon is made of, which are also the only names a user directory may hold.</summary>
    public static IReadOnlyList<string> FileNames { get; } = Array.AsReadOnly(Files);

    /// <summary>Number of verbs.txt patterns (lines) after layering.</summary>
    public int VerbPatternCount { get; }

    /// <summary>Number of nouns.txt patterns (lines; a hyphenated noun's two forms count once) after layering.</summary>
    public int NounPatternCount { get; }

    /// <summary>
    /// The distinct CAMEO codes the lexicon can produce: the codes of verbs.txt and nouns.txt lines and the right-hand
    /// sides of complements.txt mappings (README section 8), not the prefixes and not <c>*</c>.
    /// </summary>
    public IReadOnlySet<string> Codes { get; }

    /// <summary>Loads the files shipped in the assembly.</summary>
    /// <remarks>
    /// The CAMEO code table is not part of this assembly, so codes are checked only for their syntax here (2 to 4
    /// digits, no root code for a pattern); the test suite checks every shipped code against the CAMEO table. Use
    /// <see cref="Load"/> with a real predicate to check user files.
    /// </remarks>
    /// <returns>The lexicon.</returns>
    /// <exception cref="InvalidDataException">The shipped files are invalid: a build defect, guarded by a test.</exception>
    public static EventLexicon LoadDefault()
    {
        (EventLexicon? lexicon, IReadOnlyList<LexiconError> errors) = Load(null, EventLexiconParser.IsWellFormedCode);
        if (lexicon is null)
        {
            throw new InvalidDataException(
                "The shipped event dictionaries are invalid:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
        }

        return lexicon;
    }

    /// <summary>
    /// Loads the shipped files and layers the files of <paramref name="userDirectory"/> on top (see the remarks). The
    /// directory holds lexicon files directly (<see cref="FileNames"/>); any other <c>*.txt</c> file in it is an
    /// error, so that a misspelt file name is not silently ignored.
    /// </summary>
    /// <param name="userDirectory">A directory of user files, or <see langword="null"/> for the shipped files only.</param>
    /// <param name="isKnownCode">True for a code of the CAMEO table (e.g. <c>"0874"</c>, <c>"19"</c>).</param>
    /// <returns>The lexicon and no errors, or no lexicon and every error found.</returns>
    public static (EventLexicon? Lexicon, IReadOnlyList<LexiconError> Errors) Load(string? userDirectory, Func<string, bool> isKnownCode)
    {
        ArgumentNullException.ThrowIfNull(isKnownCode);
        var errors = new List<LexiconError>();
        var files = new List<(string File, string Text)>(ShippedFiles());
        foreach (string name in Files)
        {
            if (!files.Exists(f => f.File == "events/" + name))
            {
                errors.Add(new LexiconError(new LexiconSource($"{ResourcePrefix}/{name}", 0), "missing from the assembly's resources"));
            }
        }

        if (userDirectory is not null)
        {
            ReadUserDirectory(userDirectory, files, errors);
        }

        return errors.Count > 0 ? (null, errors) : Parse(files, isKnownCode);
    }

    /// <summary>Validates and indexes lexicon files, each named by a path ending in one of <see cref="FileNames"/>.</summary>
    /// <param name="files">The files, lowest layer first (see the remarks); the name is used in errors.</param>
    /// <param name="isKnownCode">True for a code of the CAMEO table.</param>
    /// <returns>The lexicon and no errors, or no lexicon and every error found.</returns>
    public static (EventLexicon? Lexicon, IReadOnlyList<LexiconError> Errors) Parse(
        IEnumerable<(string File, string Text)> files, Func<string, bool> isKnownCode)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(isKnownCode);
        var parser = new EventLexiconParser(isKnownCode);
        int layer = 0;
        foreach ((string file, string text) in files)
        {
            parser.ParseFile(file, text, layer++);
        }

        return parser.Errors.Count > 0 ? (null, parser.Errors) : (new EventLexicon(parser), []);
    }

    /// <summary>The lexicon files embedded in the assembly, named <c>events/&lt;file&gt;</c>, in <see cref="FileNames"/> order.</summary>
    /// <returns>One entry per embedded file.</returns>
    public static IReadOnlyList<(string File, string Text)> ShippedFiles()
    {
        Assembly assembly = typeof(EventLexicon).Assembly;
        var found = new (string File, string Text)?[Files.Length];
        foreach (string resource in assembly.GetManifestResourceNames())
        {
            // MSBuild's RecursiveDir gives "events/" or "events\" depending on the build machine; a build that
            // mangles the logical name gives "events.". All three are the same file.
            string normalised = resource.Replace('\\', '/');
            if (!normalised.StartsWith(ResourcePrefix, StringComparison.Ordinal)
                || normalised.Length <= ResourcePrefix.Length
                || normalised[ResourcePrefix.Length] is not ('/' or '.'))
            {
                continue;
            }

            int index = Array.IndexOf(Files, normalised[(ResourcePrefix.Length + 1)..]);
            if (index < 0)
            {
                continue;
            }

            using Stream stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            found[index] = ("events/" + Files[index], reader.ReadToEnd());
        }

        var files = new List<(string File, string Text)>();
        foreach ((string File, string Text)? file in found)
        {
            if (file is { } f)
            {
                files.Add(f);
            }
        }

        return files;
    }

    /// <summary>
    /// The verbs.txt patterns for a verb lemma, in precedence order: more structural constraints first (README section
    /// 3), then the longer (more specific) code, then file order. The coder applies the tie-breaks that depend on the
    /// sentence (an <c>@</c> preposition present, the longer multiword item matched) and otherwise keeps the first.
    /// </summary>
    /// <param name="lemma">The verb lemma (any case).</param>
    /// <returns>The patterns; empty if none.</returns>
    public IReadOnlyList<VerbPattern> Verbs(string lemma) => _verbs.Get(lemma);

    /// <inheritdoc cref="Verbs(string)"/>
    public IReadOnlyList<VerbPattern> Verbs(ReadOnlySpan<char> lemma) => _verbs.Get(lemma);

    /// <summary>
    /// The nouns.txt patterns whose noun ends in <paramref name="headLemma"/> (<c>strike</c> gives <c>strike</c>,
    /// <c>hunger_strike</c>, ...; <c>fire</c> gives the split form <c>cease - fire</c> of <c>cease-fire</c>), in
    /// precedence order: the longer noun first (README section 2), then patterns with <c>~</c> constraints, then file
    /// order (section 4). The coder then prefers, among equals, a pattern whose <c>@</c> preposition is present.
    /// </summary>
    /// <param name="headLemma">The last lemma of the noun (any case).</param>
    /// <returns>The patterns; empty if none.</returns>
    public IReadOnlyList<NounPattern> Nouns(string headLemma) => _nouns.Get(headLemma);

    /// <inheritdoc cref="Nouns(string)"/>
    public IReadOnlyList<NounPattern> Nouns(ReadOnlySpan<char> headLemma) => _nouns.Get(headLemma);

    /// <summary>The exclusions.txt verb patterns for a verb lemma (code empty), ordered as <see cref="Verbs(string)"/>.</summary>
    /// <param name="lemma">The verb lemma (any case).</param>
    /// <returns>The patterns; empty if none.</returns>
    public IReadOnlyList<VerbPattern> VerbExclusions(string lemma) => _verbExclusions.Get(lemma);

    /// <inheritdoc cref="VerbExclusions(string)"/>
    public IReadOnlyList<VerbPattern> VerbExclusions(ReadOnlySpan<char> lemma) => _verbExclusions.Get(lemma);

    /// <summary>The exclusions.txt <c>N</c> patterns whose noun ends in <paramref name="headLemma"/>, ordered as <see cref="Nouns(string)"/>.</summary>
    /// <param name="headLemma">The last lemma of the noun (any case).</param>
    /// <returns>The patterns; empty if none.</returns>
    public IReadOnlyList<NounPattern> NounExclusions(string headLemma) => _nounExclusions.Get(headLemma);

    /// <inheritdoc cref="NounExclusions(string)"/>
    public IReadOnlyList<NounPattern> NounExclusions(ReadOnlySpan<char> headLemma) => _nounExclusions.Get(headLemma);

    /// <summary>The complements.txt rule for a key: a lemma, <c>lemma_particle</c> or <c>lemma_preposition</c> (<c>call_for</c>), or a noun.</summary>
    /// <param name="key">The key, words joined by '_' (any case).</param>
    /// <returns>The rule with every mapping of the key accumulated over its lines, or null.</returns>
    public ComplementRule? Complement(string key) => _complements.GetValueOrDefault(key);

    /// <inheritdoc cref="Complement(string)"/>
    public ComplementRule? Complement(ReadOnlySpan<char> key) => _complementsBySpan.TryGetValue(key, out ComplementRule? rule) ? rule : null;

    private static IEnumerable<(VerbPattern Pattern, int Order)> OrderVerbs(LayeredTable<VerbPattern> table) => table.Items;

    private static IEnumerable<(NounPattern Pattern, int Order)> OrderNouns(LayeredTable<NounLine> table)
    {
        foreach ((NounLine line, int order) in table.Items)
        {
            foreach (NounPattern variant in line.Variants)
            {
                yield return (variant, order);
            }
        }
    }

    private static int CompareVerbs((VerbPattern Pattern, int Order) a, (VerbPattern Pattern, int Order) b)
    {
        int c = b.Pattern.Specificity.CompareTo(a.Pattern.Specificity);
        if (c == 0)
        {
            c = b.Pattern.Code.Length.CompareTo(a.Pattern.Code.Length);
        }

        return c != 0 ? c : a.Order.CompareTo(b.Order);
    }

    private static int CompareNouns((NounPattern Pattern, int Order) a, (NounPattern Pattern, int Order) b)
    {
        int c = b.Pattern.Noun.Lemmas.Length.CompareTo(a.Pattern.Noun.Lemmas.Length);
        if (c == 0)
        {
            c = (b.Pattern.Constraints.Length > 0).CompareTo(a.Pattern.Constraints.Length > 0);
        }

        return c != 0 ? c : a.Order.CompareTo(b.Order);
    }

    private static void ReadUserDirectory(string directory, List<(string File, string Text)> files, List<LexiconError> errors)
    {
        if (!Directory.Exists(directory))
        {
            errors.Add(new LexiconError(new LexiconSource(directory, 0), "no such directory"));
            return;
        }

        string[] paths = Directory.GetFiles(directory, "*.txt");

        // Same layer order as the shipped files, whatever the file system's order.
        Array.Sort(paths, (a, b) => Rank(a).CompareTo(Rank(b)));
        foreach (string path in paths)
        {
            if (Rank(path) == Files.Length)
            {
                errors.Add(new LexiconError(new LexiconSource(path, 0), $"not an event dictionary file (expected one of {string.Join(", ", Files)})"));
                continue;
            }

            try
            {
                files.Add((path, File.ReadAllText(path)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                errors.Add(new LexiconError(new LexiconSource(path, 0), $"cannot read: {e.Message}"));
            }
        }

        static int Rank(string path)
        {
            int index = Array.IndexOf(Files, Path.GetFileName(path));
            return index < 0 ? Files.Length : index;
        }
    }

    /// <summary>Patterns grouped by a lemma in a frozen, case-insensitive dictionary with a span lookup.</summary>
    private sealed class LemmaIndex<T>
    {
        private readonly FrozenDictionary<string, ReadOnlyCollection<T>> _byLemma;
        private readonly FrozenDictionary<string, ReadOnlyCollection<T>>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

        public LemmaIndex(IEnumerable<(T Item, int Order)> items, Func<T, string> lemmaOf, Comparison<(T Item, int Order)> precedence)
        {
            var groups = new Dictionary<string, List<(T Item, int Order)>>(StringComparer.OrdinalIgnoreCase);
            foreach ((T Item, int Order) entry in items)
            {
                string lemma = lemmaOf(entry.Item);
                if (!groups.TryGetValue(lemma, out List<(T Item, int Order)>? group))
                {
                    groups[lemma] = group = [];
                }

                group.Add(entry);
            }

            var lists = new Dictionary<string, ReadOnlyCollection<T>>(StringComparer.OrdinalIgnoreCase);
            foreach ((string lemma, List<(T Item, int Order)> group) in groups)
            {
                group.Sort(precedence);
                lists[lemma] = group.Select(e => e.Item).ToArray().AsReadOnly();
            }

            _byLemma = lists.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
            _bySpan = _byLemma.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        public IReadOnlyList<T> Get(string lemma) =>
            _byLemma.TryGetValue(lemma, out ReadOnlyCollection<T>? list) ? list : ReadOnlyCollection<T>.Empty;

        public IReadOnlyList<T> Get(ReadOnlySpan<char> lemma) =>
            _bySpan.TryGetValue(lemma, out ReadOnlyCollection<T>? list) ? list : ReadOnlyCollection<T>.Empty;
    }
}
