using Casus.Syntax;

namespace Casus.Time;

/// <summary>
/// Reads the clause structure of a parsed sentence (<see cref="SyntaxBuffer"/>): which word heads the clause a word
/// belongs to, which clause governs another, whether a word is verbal or nominal, whether a clause is future. Date
/// and casualty attachment both decide "does this phrase belong to that event" with it.
/// </summary>
/// <remarks>
/// A clause head is a word attached by a clausal relation (<c>root ccomp xcomp advcl acl acl:relcl parataxis csubj</c>,
/// or <c>conj</c> on a verb); every other word belongs to the clause of the nearest such ancestor. All word indices
/// are 0-based positions in the sentence, as in <see cref="SyntaxBuffer"/>; -1 means "none".
/// </remarks>
/// <threadsafety>Immutable after construction: one instance can be shared by any number of threads.</threadsafety>
public sealed class ClauseTree
{
    private readonly RelationKind[] _relations;
    private readonly WordClass[] _tags;
    private readonly bool[] _participle;
    private readonly string[] _relationNames;

    /// <summary>Creates a reader for parses made by <paramref name="syntax"/> (its relation and tag inventories).</summary>
    /// <param name="syntax">The pipeline whose parses will be read.</param>
    public ClauseTree(SyntaxPipeline syntax)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        _relationNames = syntax.Parser.Relations;
        _relations = new RelationKind[_relationNames.Length];
        for (var i = 0; i < _relationNames.Length; i++)
        {
            _relations[i] = Classify(_relationNames[i]);
        }
        var tags = syntax.Tagger.Tags;
        _tags = new WordClass[tags.Count];
        _participle = new bool[tags.Count];
        for (var i = 0; i < tags.Count; i++)
        {
            _tags[i] = tags.Upos[i] switch
            {
                "VERB" => WordClass.Verb,
                "AUX" => WordClass.Aux,
                "NOUN" or "PROPN" or "PRON" or "NUM" => WordClass.Nominal,
                "ADJ" => WordClass.Adjective,
                _ => WordClass.Other,
            };
            _participle[i] = tags.Xpos[i] is "VBG" or "VBN";
        }
    }

    /// <summary>The head of word <paramref name="i"/> (0-based), or -1 for the root.</summary>
    public static int Head(SyntaxBuffer b, int i) => (uint)i < (uint)b.Count ? b.Heads[i] - 1 : -1;

    /// <summary>The relation label of word <paramref name="i"/> to its head.</summary>
    public string Relation(SyntaxBuffer b, int i) => _relationNames[b.Relations[i]];

    internal RelationKind KindOf(SyntaxBuffer b, int i) => _relations[b.Relations[i]];

    /// <summary>Whether word <paramref name="i"/> is tagged VERB or AUX.</summary>
    public bool IsVerbal(SyntaxBuffer b, int i) => _tags[b.Tags[i]] is WordClass.Verb or WordClass.Aux;

    /// <summary>Whether word <paramref name="i"/> is tagged NOUN, PROPN, PRON or NUM.</summary>
    public bool IsNominal(SyntaxBuffer b, int i) => _tags[b.Tags[i]] == WordClass.Nominal;

    /// <summary>Whether word <paramref name="i"/> is a participle (VBG or VBN), such as <c>killing</c> or <c>killed</c>.</summary>
    public bool IsParticiple(SyntaxBuffer b, int i) => _participle[b.Tags[i]];

    /// <summary>Whether word <paramref name="i"/> heads a clause (see the remarks on <see cref="ClauseTree"/>).</summary>
    public bool IsClauseHead(SyntaxBuffer b, int i)
    {
        var kind = _relations[b.Relations[i]];
        return kind == RelationKind.Clausal || b.Heads[i] == 0
            || (kind == RelationKind.Conj && _tags[b.Tags[i]] is WordClass.Verb or WordClass.Aux);
    }

    /// <summary>The head of the clause word <paramref name="i"/> belongs to (itself when it heads one), or -1.</summary>
    public int ClauseHead(SyntaxBuffer b, int i)
    {
        for (var steps = 0; (uint)i < (uint)b.Count && steps <= b.Count; steps++)
        {
            if (IsClauseHead(b, i))
            {
                return i;
            }
            i = b.Heads[i] - 1;
        }
        return -1;
    }

    /// <summary>
    /// The clause that governs clause <paramref name="clauseHead"/> (the clause of its head word), or -1 at the root.
    /// </summary>
    public int ParentClause(SyntaxBuffer b, int clauseHead)
    {
        var h = Head(b, clauseHead);
        return h < 0 ? -1 : ClauseHead(b, h);
    }

    /// <summary>
    /// The word that governs the phrase <c>[first, end)</c> from outside it (the head of its topmost word), or -1
    /// when the phrase holds the root; <paramref name="top"/> receives the topmost word inside the phrase.
    /// </summary>
    public static int Governor(SyntaxBuffer b, int first, int end, out int top)
    {
        top = first;
        for (var i = first; i < end && i < b.Count; i++)
        {
            var h = b.Heads[i] - 1;
            if (h < first || h >= end)
            {
                top = i;
                return h;
            }
        }
        return -1;
    }

    /// <summary>
    /// Whether the clause headed by <paramref name="clauseHead"/> speaks of the future: an auxiliary <c>will</c>,
    /// <c>'ll</c>, <c>shall</c> or <c>wo</c>, or the clause is the complement of <c>going/set/due/scheduled/expected/plan</c>.
    /// </summary>
    public bool IsFuture(SyntaxBuffer b, int clauseHead)
    {
        if ((uint)clauseHead >= (uint)b.Count)
        {
            return false;
        }
        for (var i = 0; i < b.Count; i++)
        {
            if (b.Heads[i] - 1 == clauseHead && _tags[b.Tags[i]] == WordClass.Aux && IsFutureAux(b.Form(i)))
            {
                return true;
            }
        }
        var h = Head(b, clauseHead);
        if (h >= 0 && _relationNames[b.Relations[clauseHead]] == "xcomp")
        {
            var form = b.Form(h);
            foreach (var cue in FutureGovernors)
            {
                if (form.Equals(cue, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
            return IsFuture(b, ClauseHead(b, h));
        }
        return false;
    }

    private static readonly string[] FutureGovernors = ["going", "set", "due", "scheduled", "expected", "plans", "plan", "planned", "planning", "intends", "will"];

    internal static bool IsFutureAux(ReadOnlySpan<char> form) =>
        form.Equals("will", StringComparison.OrdinalIgnoreCase) || form.Equals("'ll", StringComparison.OrdinalIgnoreCase)
        || form.Equals("shall", StringComparison.OrdinalIgnoreCase) || form.Equals("wo", StringComparison.OrdinalIgnoreCase)
        || form.Equals("’ll", StringComparison.OrdinalIgnoreCase);

    private static RelationKind Classify(string relation)
    {
        var colon = relation.IndexOf(':');
        var universal = colon < 0 ? relation : relation[..colon];
        return universal switch
        {
            "root" or "ccomp" or "xcomp" or "advcl" or "acl" or "parataxis" or "csubj" => RelationKind.Clausal,
            "conj" => RelationKind.Conj,
            "obl" when relation is "obl:tmod" or "obl:unmarked" or "obl:npmod" => RelationKind.Temporal,
            "nmod" when relation is "nmod:tmod" or "nmod:unmarked" or "nmod:npmod" => RelationKind.Temporal,
            "obl" => RelationKind.Oblique,
            "advmod" => RelationKind.Temporal,
            "nsubj" or "obj" or "iobj" => RelationKind.Core,
            _ => RelationKind.Other,
        };
    }

    private enum WordClass : byte
    {
        Other,
        Verb,
        Aux,
        Nominal,
        Adjective,
    }
}

/// <summary>Coarse classes of dependency relations used for attachment.</summary>
internal enum RelationKind : byte
{
    Other,
    Clausal,
    Conj,
    Temporal,
    Oblique,
    Core,
}
