namespace Casus.Events.Lexicon;

/// <summary>The four event dictionary files.</summary>
internal enum LexiconFileKind
{
    /// <summary><c>verbs.txt</c>.</summary>
    Verbs,

    /// <summary><c>nouns.txt</c>.</summary>
    Nouns,

    /// <summary><c>complements.txt</c>.</summary>
    Complements,

    /// <summary><c>exclusions.txt</c>.</summary>
    Exclusions,
}

/// <summary>
/// One <c>nouns.txt</c> line (or <c>N</c> line of <c>exclusions.txt</c>): one pattern per form of the noun, two for a
/// hyphenated noun (<c>cease-fire</c> and <c>cease - fire</c>).
/// </summary>
/// <param name="Variants">The patterns, the form as written first.</param>
internal sealed record NounLine(NounPattern[] Variants)
{
    /// <summary>The CAMEO code (empty for an exclusion).</summary>
    public string Code => Variants[0].Code;

    /// <summary>File and line.</summary>
    public LexiconSource Source => Variants[0].Source;
}

/// <summary>
/// Patterns of one kind in load order, keyed by identity (the pattern without its code). An item from a later layer
/// (file) replaces the item with the same identity from an earlier one; within a layer the first item stays and the
/// caller is told about the repeat.
/// </summary>
/// <typeparam name="T">The pattern type.</typeparam>
internal sealed class LayeredTable<T>
    where T : class
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<(T Item, int Layer, int Order)?> _items = [];

    /// <summary>The items that survived layering, with their load order.</summary>
    public IEnumerable<(T Item, int Order)> Items
    {
        get
        {
            foreach ((T Item, int Layer, int Order)? entry in _items)
            {
                if (entry is { } e)
                {
                    yield return (e.Item, e.Order);
                }
            }
        }
    }

    /// <summary>Number of items that survived layering.</summary>
    public int Count => _index.Count;

    /// <summary>Adds <paramref name="item"/>, replacing an earlier layer's item with the same identity.</summary>
    /// <returns>The item of the same layer that already has this identity (and the new one is dropped), or null.</returns>
    public T? Add(string identity, T item, int layer, int order)
    {
        if (_index.TryGetValue(identity, out int at))
        {
            (T Item, int Layer, int Order) existing = _items[at]!.Value;
            if (existing.Layer == layer)
            {
                return existing.Item;
            }

            _items[at] = null;
        }

        _index[identity] = _items.Count;
        _items.Add((item, layer, order));
        return null;
    }
}

/// <summary>The mappings collected for one complements.txt key.</summary>
internal sealed class ComplementBuilder(string key, LexiconSource first)
{
    /// <summary>The key.</summary>
    public string Key { get; } = key;

    /// <summary>The first line that names the key.</summary>
    public LexiconSource First { get; } = first;

    /// <summary>Prefix (or <c>*</c>) → code, where it was written and in which layer.</summary>
    public Dictionary<string, (string Code, LexiconSource Source, int Layer)> Mappings { get; } = new(StringComparer.Ordinal);
}

/// <summary>
/// Reads event dictionary files line by line into <see cref="LayeredTable{T}"/>s, collecting every error with its file
/// and line. The syntax is that of <c>dictionaries/events/README.md</c>.
/// </summary>
internal sealed class EventLexiconParser(Func<string, bool> isKnownCode)
{
    private readonly Func<string, bool> _isKnownCode = isKnownCode;
    private int _order;

    /// <summary>Every problem found so far, in file and line order.</summary>
    public List<LexiconError> Errors { get; } = [];

    /// <summary>verbs.txt patterns.</summary>
    public LayeredTable<VerbPattern> Verbs { get; } = new();

    /// <summary>nouns.txt patterns.</summary>
    public LayeredTable<NounLine> Nouns { get; } = new();

    /// <summary>Verb patterns of exclusions.txt.</summary>
    public LayeredTable<VerbPattern> VerbExclusions { get; } = new();

    /// <summary><c>N</c> patterns of exclusions.txt.</summary>
    public LayeredTable<NounLine> NounExclusions { get; } = new();

    /// <summary>complements.txt keys in first-seen order.</summary>
    public Dictionary<string, ComplementBuilder> Complements { get; } = new(StringComparer.Ordinal);

    /// <summary>The kind of a dictionary file from its name (the last path segment), or null.</summary>
    public static LexiconFileKind? KindOf(string file)
    {
        int slash = file.LastIndexOfAny(['/', '\\']);
        return file[(slash + 1)..] switch
        {
            "verbs.txt" => LexiconFileKind.Verbs,
            "nouns.txt" => LexiconFileKind.Nouns,
            "complements.txt" => LexiconFileKind.Complements,
            "exclusions.txt" => LexiconFileKind.Exclusions,
            _ => null,
        };
    }

    /// <summary>True for a code that is 2 to 4 ASCII digits: the syntax of every CAMEO event code.</summary>
    public static bool IsWellFormedCode(string code)
    {
        if (code.Length is < 2 or > 4)
        {
            return false;
        }

        foreach (char c in code)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Parses one file; <paramref name="layer"/> orders files for overriding (later wins).</summary>
    public void ParseFile(string file, string text, int layer)
    {
        LexiconFileKind? kind = KindOf(file);
        if (kind is null)
        {
            Error(new LexiconSource(file, 0), "not an event dictionary file (expected verbs.txt, nouns.txt, complements.txt or exclusions.txt)");
            return;
        }

        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var source = new LexiconSource(file, i + 1);
            string line = lines[i];

            // Tolerated although README asks for plain LF UTF-8: editors add them silently and they change nothing.
            if (line.EndsWith('\r'))
            {
                line = line[..^1];
            }

            if (i == 0 && line.StartsWith('\uFEFF'))
            {
                line = line[1..];
            }

            if (line.Contains('\t'))
            {
                Error(source, "tab character (fields are separated by spaces)");
                continue;
            }

            int hash = line.IndexOf('#');
            string content = hash >= 0 ? line[..hash] : line;
            string[] fields = content.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0)
            {
                continue;
            }

            switch (kind.Value)
            {
                case LexiconFileKind.Verbs:
                    ParseVerbLine(fields, source, layer);
                    break;
                case LexiconFileKind.Nouns:
                    ParseNounLine(fields, source, layer);
                    break;
                case LexiconFileKind.Complements:
                    ParseComplementLine(fields, source, layer);
                    break;
                default:
                    ParseExclusionLine(fields, source, layer);
                    break;
            }
        }
    }

    private void ParseVerbLine(string[] fields, LexiconSource source, int layer)
    {
        bool codeOk = CheckPatternCode(fields[0], source);
        if (fields.Length < 2)
        {
            Error(source, "missing the verb lemma after the code");
            return;
        }

        VerbPattern? pattern = ParseVerb(fields, 1, fields[0], source);
        if (!codeOk || pattern is null)
        {
            return;
        }

        VerbPattern? same = Verbs.Add(VerbIdentity(pattern), pattern, layer, _order++);
        if (same is not null && same.Code != pattern.Code)
        {
            Error(source, $"same pattern as {same.Source} with a different code ({pattern.Code} here, {same.Code} there)");
        }
    }

    private void ParseNounLine(string[] fields, LexiconSource source, int layer)
    {
        bool codeOk = CheckPatternCode(fields[0], source);
        if (fields.Length < 2)
        {
            Error(source, "missing the noun after the code");
            return;
        }

        (NounLine Line, string Identity)? noun = ParseNoun(fields, 1, fields[0], source);
        if (!codeOk || noun is null)
        {
            return;
        }

        NounLine? same = Nouns.Add(noun.Value.Identity, noun.Value.Line, layer, _order++);
        if (same is not null && same.Code != noun.Value.Line.Code)
        {
            Error(source, $"same pattern as {same.Source} with a different code ({noun.Value.Line.Code} here, {same.Code} there)");
        }
    }

    private void ParseExclusionLine(string[] fields, LexiconSource source, int layer)
    {
        if (fields[0] == "N")
        {
            if (fields.Length < 2)
            {
                Error(source, "missing the noun after 'N'");
                return;
            }

            if (ParseNoun(fields, 1, string.Empty, source) is { } noun)
            {
                NounExclusions.Add(noun.Identity, noun.Line, layer, _order++);
            }

            return;
        }

        if (IsWellFormedCode(fields[0]))
        {
            Error(source, $"exclusions take no code ('{fields[0]}'): write the verb pattern, or 'N' and a noun pattern");
            return;
        }

        if (ParseVerb(fields, 0, string.Empty, source) is { } pattern)
        {
            VerbExclusions.Add(VerbIdentity(pattern), pattern, layer, _order++);
        }
    }

    private void ParseComplementLine(string[] fields, LexiconSource source, int layer)
    {
        int errorsBefore = Errors.Count;
        string[] keys = fields[0].Split('|');
        var seenKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (string key in keys)
        {
            if (CheckWord(key, multiword: true, "key", source) && !seenKeys.Add(key))
            {
                Error(source, $"key '{key}' is listed twice");
            }
        }

        if (fields.Length < 2)
        {
            Error(source, "no PREFIX=CODE mappings after the key");
            return;
        }

        var mappings = new List<(string Prefix, string Code)>();
        foreach (string part in string.Join(' ', fields[1..]).Split(';'))
        {
            string mapping = part.Trim();
            int equals = mapping.IndexOf('=');
            if (mapping.Length == 0)
            {
                Error(source, "empty mapping (stray ';')");
                continue;
            }

            if (equals < 0 || mapping.IndexOf('=', equals + 1) >= 0)
            {
                Error(source, $"mapping '{mapping}' is not PREFIX=CODE");
                continue;
            }

            string prefix = mapping[..equals].Trim();
            string code = mapping[(equals + 1)..].Trim();
            if (prefix == "*")
            {
                if (code != "*")
                {
                    CheckCode(code, source, allowRoot: false);
                }
            }
            else if (code == "*")
            {
                Error(source, $"mapping '{mapping}': only the default may be '*=*'");
                continue;
            }
            else if (CheckCode(prefix, source, allowRoot: true))
            {
                CheckCode(code, source, allowRoot: false);
            }

            mappings.Add((prefix, code));
        }

        if (Errors.Count > errorsBefore)
        {
            return;
        }

        foreach (string key in keys)
        {
            if (!Complements.TryGetValue(key, out ComplementBuilder? builder))
            {
                Complements[key] = builder = new ComplementBuilder(key, source);
            }

            foreach ((string prefix, string code) in mappings)
            {
                if (builder.Mappings.TryGetValue(prefix, out (string Code, LexiconSource Source, int Layer) existing)
                    && existing.Layer == layer)
                {
                    Error(source, $"key '{key}' maps '{prefix}' twice (already '{prefix}={existing.Code}' at {existing.Source})");
                    continue;
                }

                builder.Mappings[prefix] = (code, source, layer);
            }
        }
    }

    /// <summary>Parses <c>lemma [particle] [+OBJECTS] [~PREP:WORDS ...] [@PREPS | @-]</c> from fields[start..].</summary>
    private VerbPattern? ParseVerb(string[] fields, int start, string code, LexiconSource source)
    {
        int errorsBefore = Errors.Count;
        string lemma = fields[start];
        if (IsMarked(lemma))
        {
            Error(source, $"expected a verb lemma, found '{lemma}'");
            return null;
        }

        CheckWord(lemma, multiword: false, "verb lemma", source);
        string? particle = null;
        WordItem[]? objects = null;
        var constraints = new List<PrepositionConstraint>();
        string[]? targets = null;
        for (int i = start + 1; i < fields.Length; i++)
        {
            string field = fields[i];
            switch (field[0])
            {
                case '+':
                    if (objects is not null)
                    {
                        Error(source, $"a second '+' list ('{field}')");
                    }

                    objects = ParseWordList(field[1..], "'+' list", source);
                    break;
                case '~' or '@':
                    ParseConstraintOrTargets(field, constraints, ref targets, source);
                    break;
                default:
                    if (i == start + 1)
                    {
                        particle = field;
                        CheckWord(field, multiword: false, "particle", source);
                    }
                    else
                    {
                        Error(source, $"unexpected field '{field}' (a particle must follow the lemma; other fields start with '+', '~' or '@')");
                    }

                    break;
            }
        }

        return Errors.Count == errorsBefore
            ? new VerbPattern(code, lemma, particle, objects, [.. constraints], targets, source)
            : null;
    }

    /// <summary>A <c>~</c> constraint or the <c>@</c> target list, which verb and noun patterns share.</summary>
    private void ParseConstraintOrTargets(string field, List<PrepositionConstraint> constraints, ref string[]? targets, LexiconSource source)
    {
        if (field[0] == '~')
        {
            if (ParseConstraint(field, source) is { } constraint)
            {
                constraints.Add(constraint);
            }
            return;
        }
        if (targets is not null)
        {
            Error(source, $"a second '@' field ('{field}')");
        }
        targets = ParseTargets(field, source);
    }

    /// <summary>Parses <c>noun [~PREP:WORDS ...] [@PREPS]</c> from fields[start..].</summary>
    private (NounLine Line, string Identity)? ParseNoun(string[] fields, int start, string code, LexiconSource source)
    {
        int errorsBefore = Errors.Count;
        string noun = fields[start];
        if (IsMarked(noun))
        {
            Error(source, $"expected a noun, found '{noun}'");
            return null;
        }

        CheckWord(noun, multiword: true, "noun", source);
        var constraints = new List<PrepositionConstraint>();
        string[]? targets = null;
        for (int i = start + 1; i < fields.Length; i++)
        {
            string field = fields[i];
            switch (field[0])
            {
                case '~' or '@':
                    ParseConstraintOrTargets(field, constraints, ref targets, source);
                    break;
                case '+':
                    Error(source, $"a noun pattern takes no '+' list ('{field}')");
                    break;
                default:
                    Error(source, $"unexpected field '{field}' (fields after the noun start with '~' or '@')");
                    break;
            }
        }

        if (Errors.Count > errorsBefore)
        {
            return null;
        }

        PrepositionConstraint[] constraintArray = [.. constraints];
        WordItem[] forms = Expand(noun);
        var variants = new NounPattern[forms.Length];
        for (int i = 0; i < forms.Length; i++)
        {
            variants[i] = new NounPattern(code, forms[i], constraintArray, targets, source);
        }

        string identity = string.Join(' ', noun, ConstraintsIdentity(constraintArray), TargetsIdentity(targets));
        return (new NounLine(variants), identity);
    }

    /// <summary>Parses <c>~p1|p2:w1|w2</c>.</summary>
    private PrepositionConstraint? ParseConstraint(string field, LexiconSource source)
    {
        string body = field[1..];
        int colon = body.IndexOf(':');
        if (colon < 0 || body.IndexOf(':', colon + 1) >= 0)
        {
            Error(source, $"constraint '{field}' is not ~PREPS:WORDS");
            return null;
        }

        string[]? prepositions = ParsePrepositions(body[..colon], field, source);
        WordItem[]? words = ParseWordList(body[(colon + 1)..], $"word list of '{field}'", source);
        return prepositions is null || words is null ? null : new PrepositionConstraint(prepositions, words);
    }

    /// <summary>Parses <c>@p1|p2</c> or <c>@-</c> (an empty array).</summary>
    private string[]? ParseTargets(string field, LexiconSource source)
    {
        string body = field[1..];
        if (body == "-")
        {
            return [];
        }

        if (body.Split('|').Contains("-"))
        {
            Error(source, $"'{field}': '@-' cannot be combined with prepositions");
            return null;
        }

        return ParsePrepositions(body, field, source);
    }

    private string[]? ParsePrepositions(string list, string field, LexiconSource source)
    {
        if (list.Length == 0)
        {
            Error(source, $"'{field}' has no prepositions");
            return null;
        }

        var prepositions = new List<string>();
        bool ok = true;
        foreach (string item in list.Split('|'))
        {
            if (!CheckWord(item, multiword: true, $"preposition in '{field}'", source))
            {
                ok = false;
            }
            else if (!prepositions.Contains(item))
            {
                prepositions.Add(item);
            }
        }

        return ok ? [.. prepositions] : null;
    }

    /// <summary>Parses <c>w1|w2|...</c>; hyphenated items give their split form too.</summary>
    private WordItem[]? ParseWordList(string list, string what, LexiconSource source)
    {
        if (list.Length == 0)
        {
            Error(source, $"empty {what}");
            return null;
        }

        var items = new List<WordItem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        bool ok = true;
        foreach (string item in list.Split('|'))
        {
            if (!CheckWord(item, multiword: true, $"item of the {what}", source))
            {
                ok = false;
                continue;
            }

            foreach (WordItem form in Expand(item))
            {
                // A repeated item is redundant, not wrong (README forbids only conflicting codes): keep one.
                if (seen.Add(string.Join(' ', form.Lemmas)))
                {
                    items.Add(form);
                }
            }
        }

        return ok ? [.. items] : null;
    }

    /// <summary>
    /// The forms of an item: <c>car_bomb</c> → [car, bomb]; a hyphenated item also in its split form, since the
    /// tokenizer makes <c>cease-fire</c> three tokens: <c>cease-fire</c> → [cease-fire] and [cease, -, fire].
    /// </summary>
    private static WordItem[] Expand(string item)
    {
        string[] lemmas = item.Split('_');
        if (!item.Contains('-'))
        {
            return [new WordItem(lemmas)];
        }

        var split = new List<string>();
        foreach (string lemma in lemmas)
        {
            string[] parts = lemma.Split('-');
            for (int i = 0; i < parts.Length; i++)
            {
                if (i > 0)
                {
                    split.Add("-");
                }

                split.Add(parts[i]);
            }
        }

        return [new WordItem(lemmas), new WordItem([.. split])];
    }

    /// <summary>
    /// Checks a lemma, particle, preposition or item: lower-case words of letters, digits and <c>- ' . $ &amp;</c>,
    /// joined by <c>_</c> when <paramref name="multiword"/>.
    /// </summary>
    private bool CheckWord(string item, bool multiword, string what, LexiconSource source)
    {
        string? problem = WordProblem(item, multiword);
        if (problem is not null)
        {
            Error(source, $"{what} '{item}': {problem}");
            return false;
        }

        return true;
    }

    private static string? WordProblem(string item, bool multiword)
    {
        if (item.Length == 0)
        {
            return "empty (stray '|')";
        }

        string[] words = item.Split('_');
        if (words.Length > 1 && !multiword)
        {
            return "must be a single word";
        }

        foreach (string word in words)
        {
            if (word.Length == 0)
            {
                return "empty word (stray '_')";
            }

            if (word[0] == '-' || word[^1] == '-' || word.Contains("--", StringComparison.Ordinal))
            {
                return "stray '-'";
            }

            foreach (char c in word)
            {
                if (char.IsUpper(c))
                {
                    return "must be lower case";
                }

                if (!char.IsLetterOrDigit(c) && c is not ('-' or '\'' or '.' or '$' or '&'))
                {
                    return $"unexpected character '{c}'";
                }
            }
        }

        return null;
    }

    /// <summary>Checks the CODE of a verbs.txt or nouns.txt line.</summary>
    private bool CheckPatternCode(string code, LexiconSource source) => CheckCode(code, source, allowRoot: false);

    private bool CheckCode(string code, LexiconSource source, bool allowRoot)
    {
        if (!IsWellFormedCode(code))
        {
            Error(source, $"'{code}' is not a CAMEO code (2 to 4 digits)");
            return false;
        }

        if (!allowRoot && code.Length == 2)
        {
            Error(source, $"'{code}' is a root code; an event names a base or leaf code (README section 1)");
            return false;
        }

        if (!_isKnownCode(code))
        {
            Error(source, $"unknown CAMEO code '{code}'");
            return false;
        }

        return true;
    }

    private static bool IsMarked(string field) => field[0] is '+' or '~' or '@';

    /// <summary>The pattern without its code, lists as sets, so reordered lists are the same pattern.</summary>
    private static string VerbIdentity(VerbPattern pattern) => string.Join(
        ' ',
        pattern.Lemma,
        pattern.Particle ?? "",
        "+" + (pattern.Objects is null ? "" : ItemsIdentity(pattern.Objects)),
        ConstraintsIdentity(pattern.Constraints),
        TargetsIdentity(pattern.TargetPrepositions));

    private static string ItemsIdentity(WordItem[] items) =>
        string.Join('|', items.Select(i => i.ToString()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    private static string ConstraintsIdentity(PrepositionConstraint[] constraints) =>
        string.Join(' ', constraints
            .Select(c => "~" + string.Join('|', c.Prepositions.Order(StringComparer.Ordinal)) + ":" + ItemsIdentity(c.Words))
            .Order(StringComparer.Ordinal));

    private static string TargetsIdentity(string[]? targets) => targets switch
    {
        null => "",
        [] => "@-",
        _ => "@" + string.Join('|', targets.Order(StringComparer.Ordinal)),
    };

    private void Error(LexiconSource source, string message) => Errors.Add(new LexiconError(source, message));
}
