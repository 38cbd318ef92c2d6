using Casus.Syntax.Model;
using Casus.Text;

namespace Casus.Syntax;

/// <summary>
/// Reusable per-thread working memory and result of analysing one sentence: tags, lemmas (as edit scripts) and
/// the dependency tree. Grown once to the longest sentence seen, so inference allocates nothing per token.
/// Not thread-safe: use one buffer per thread.
/// </summary>
public sealed class SyntaxBuffer
{
    private int _capacity;

    /// <summary>Creates a buffer.</summary>
    public SyntaxBuffer()
    {
        Resize(64);
    }

    /// <summary>The text the tokens point into.</summary>
    public string Text { get; private set; } = string.Empty;

    /// <summary>Number of words in the current sentence.</summary>
    public int Count { get; private set; }

    /// <summary>Tokens of the current sentence (offsets into <see cref="Text"/>).</summary>
    public Token[] Tokens { get; private set; } = [];

    /// <summary>Joint tag ids (see <see cref="TagSet"/>), per word, 0-based.</summary>
    public int[] Tags { get; private set; } = [];

    /// <summary>Lemma edit-script ids, per word, 0-based (see <see cref="Lemmatizer"/>).</summary>
    public int[] LemmaEdits { get; private set; } = [];

    /// <summary>Head per word, 1-based word index (0 = root), stored at 0-based word positions.</summary>
    public int[] Heads { get; private set; } = [];

    /// <summary>Relation id per word (see <see cref="Parser.Relations"/>).</summary>
    public int[] Relations { get; private set; } = [];

    internal ulong[] Norm = [];
    internal ulong[] Raw = [];
    internal ulong[] Shape = [];
    internal ulong[][] Suffix = [];
    internal ulong[][] Prefix = [];
    internal ulong[] Ambiguity = [];
    internal int[] FixedTags = [];
    internal int[] Scratch = [];
    internal ParseState? State;

    /// <summary>The word form of word <paramref name="i"/> (0-based).</summary>
    public ReadOnlySpan<char> Form(int i) => Text.AsSpan(Tokens[i].Start, Tokens[i].Length);

    /// <summary>
    /// Loads a sentence given as word forms (gold tokenization, as in CoNLL-U): the text is the forms joined by
    /// single spaces, so <see cref="Text"/> offsets point into that joined text.
    /// </summary>
    public void LoadWords(IReadOnlyList<string> forms)
    {
        _joined.Clear();
        _joinedTokens.Clear();
        foreach (var form in forms)
        {
            if (_joined.Length > 0)
            {
                _joined.Append(' ');
            }
            _joinedTokens.Add(new Token(_joined.Length, form.Length));
            _joined.Append(form);
        }
        Load(_joined.ToString(), System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_joinedTokens));
    }

    private readonly System.Text.StringBuilder _joined = new();
    private readonly List<Token> _joinedTokens = [];

    /// <summary>Loads a sentence and computes the model-independent word hashes.</summary>
    public void Load(string text, ReadOnlySpan<Token> tokens)
    {
        if (tokens.Length > _capacity)
        {
            var c = _capacity;
            while (c < tokens.Length)
            {
                c *= 2;
            }
            Resize(c);
        }
        Text = text;
        Count = tokens.Length;
        tokens.CopyTo(Tokens);
        for (var i = 0; i < tokens.Length; i++)
        {
            var form = text.AsSpan(tokens[i].Start, tokens[i].Length);
            Norm[i] = FeatureHash.OfText(form, normalize: true);
            Raw[i] = FeatureHash.OfText(form, normalize: false);
            Shape[i] = ShapeHash(form);
            for (var k = 0; k < 4; k++)
            {
                var len = k + 1;
                Suffix[k][i] = form.Length >= len ? FeatureHash.OfText(form[^len..], normalize: true) : 0;
                if (k < 3)
                {
                    Prefix[k][i] = form.Length >= len ? FeatureHash.OfText(form[..len], normalize: true) : 0;
                }
            }
            Heads[i] = 0;
            Relations[i] = 0;
            Tags[i] = 0;
            LemmaEdits[i] = 0;
        }
    }

    private void Resize(int capacity)
    {
        _capacity = capacity;
        Tokens = new Token[capacity];
        Tags = new int[capacity];
        LemmaEdits = new int[capacity];
        Heads = new int[capacity];
        Relations = new int[capacity];
        Norm = new ulong[capacity];
        Raw = new ulong[capacity];
        Shape = new ulong[capacity];
        Ambiguity = new ulong[capacity];
        FixedTags = new int[capacity];
        Suffix = [new ulong[capacity], new ulong[capacity], new ulong[capacity], new ulong[capacity]];
        Prefix = [new ulong[capacity], new ulong[capacity], new ulong[capacity]];
        Scratch = new int[capacity * 8 + 16];
    }

    /// <summary>Word shape: X for upper, x for lower, d for digit, other characters as they are; runs capped at 2.</summary>
    internal static ulong ShapeHash(ReadOnlySpan<char> form)
    {
        var h = 1469598103934665603UL;
        var last = '\0';
        var run = 0;
        foreach (var ch in form)
        {
            var c = char.IsUpper(ch) ? 'X' : char.IsLower(ch) ? 'x' : char.IsDigit(ch) ? 'd' : ch;
            if (c == last)
            {
                if (++run >= 2)
                {
                    continue;
                }
            }
            else
            {
                run = 0;
                last = c;
            }
            h ^= c;
            h *= 1099511628211UL;
        }
        return FeatureHash.Mix(h ^ (ulong)Math.Min(form.Length, 12) << 56);
    }
}
