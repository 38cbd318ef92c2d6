namespace Casus.Events.Lexicon;

/// <summary>
/// One item of a word list: a single lemma (<c>missile</c>), or the lemmas of a multiword item
/// (<c>car_bomb</c> → ["car", "bomb"]); hyphenated items keep their hyphenated form as one lemma and the loader adds
/// the split form as a second item. Lemmas are lower case.
/// </summary>
/// <param name="Lemmas">The lemmas in order.</param>
public sealed record WordItem(string[] Lemmas)
{
    /// <summary>The item as written, words joined by '_'.</summary>
    public override string ToString() => string.Join('_', Lemmas);
}

/// <summary>A <c>~p1|p2:w1|w2</c> constraint: a prepositional dependent with one of the words as its head.</summary>
/// <param name="Prepositions">Allowed prepositions (lower case; multiword joined with '_').</param>
/// <param name="Words">Allowed heads.</param>
public sealed record PrepositionConstraint(string[] Prepositions, WordItem[] Words);

/// <summary>Where a pattern came from, for messages.</summary>
/// <param name="File">Dictionary file, e.g. <c>events/verbs.txt</c>.</param>
/// <param name="Line">1-based line.</param>
public readonly record struct LexiconSource(string File, int Line)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}";
}

/// <summary>A line of verbs.txt (or, with <see cref="Code"/> empty, of exclusions.txt).</summary>
/// <param name="Code">CAMEO code, leading zeros kept; empty for an exclusion.</param>
/// <param name="Lemma">Verb lemma, lower case.</param>
/// <param name="Particle">Required <c>compound:prt</c> particle, or null.</param>
/// <param name="Objects">Required direct-object heads (<c>+</c> list), or null.</param>
/// <param name="Constraints">The <c>~</c> constraints (all must hold).</param>
/// <param name="TargetPrepositions">The <c>@</c> list; null when absent; empty for <c>@-</c> (no target).</param>
/// <param name="Source">File and line.</param>
public sealed record VerbPattern(
    string Code,
    string Lemma,
    string? Particle,
    WordItem[]? Objects,
    PrepositionConstraint[] Constraints,
    string[]? TargetPrepositions,
    LexiconSource Source)
{
    /// <summary>Structural constraints counted for precedence: particle, + list, each ~ field.</summary>
    public int Specificity => (Particle is null ? 0 : 1) + (Objects is null ? 0 : 1) + Constraints.Length;
}

/// <summary>A line of nouns.txt (or, with <see cref="Code"/> empty, an <c>N</c> line of exclusions.txt).</summary>
/// <param name="Code">CAMEO code; empty for an exclusion.</param>
/// <param name="Noun">The noun (possibly multiword); its last lemma is the head looked up.</param>
/// <param name="Constraints">The <c>~</c> constraints.</param>
/// <param name="TargetPrepositions">The <c>@</c> list, or null.</param>
/// <param name="Source">File and line.</param>
public sealed record NounPattern(
    string Code,
    WordItem Noun,
    PrepositionConstraint[] Constraints,
    string[]? TargetPrepositions,
    LexiconSource Source);

/// <summary>A complements.txt mapping for one key.</summary>
/// <param name="Key">Verb lemma, or lemma_particle / lemma_preposition (<c>call_for</c>), or an event noun.</param>
/// <param name="Prefixes">Code prefix → new code; the longest matching prefix wins.</param>
/// <param name="Default">The <c>*</c> code, or null; <c>"*"</c> means transparent (keep the embedded code).</param>
/// <param name="Source">File and line of the first line for this key.</param>
public sealed record ComplementRule(string Key, IReadOnlyDictionary<string, string> Prefixes, string? Default, LexiconSource Source)
{
    /// <summary>True for <c>*=*</c>: the embedded event keeps its code and takes the key verb's subject as source.</summary>
    public bool Transparent => Default == "*";

    /// <summary>The code for an embedded event with code <paramref name="embedded"/>, or null when the rule does not apply.</summary>
    public string? Map(string embedded)
    {
        for (var length = embedded.Length; length >= 2; length--)
        {
            if (Prefixes.TryGetValue(embedded[..length], out var code))
            {
                return code;
            }
        }
        return Default == "*" ? embedded : Default;
    }
}

/// <summary>A problem in a lexicon file.</summary>
/// <param name="Source">File and line.</param>
/// <param name="Message">What is wrong.</param>
public sealed record LexiconError(LexiconSource Source, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Source}: {Message}";
}
