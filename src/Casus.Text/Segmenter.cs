namespace Casus.Text;

/// <summary>
/// Splits English news text into tokens (UD English syntactic words) and sentences, as offsets into the text.
/// </summary>
/// <remarks>
/// <para>Tokenization follows UD English EWT/GUM, because the tagger and parser are trained on them:</para>
/// <list type="bullet">
/// <item>Clitics are separate words: <c>Bush's</c> → <c>Bush 's</c>, <c>Iraqis'</c> → <c>Iraqis '</c>,
/// <c>don't</c> → <c>do n't</c>, <c>can't</c> → <c>ca n't</c>, <c>won't</c> → <c>wo n't</c>, <c>cannot</c> →
/// <c>can not</c>, <c>gonna</c> → <c>gon na</c>, <c>'m 're 've 'll 'd</c> (straight or curly apostrophe).
/// The pieces are adjacent, so the multiword token is their union.</item>
/// <item>Hyphens are split as the treebanks split them: <c>search-engine</c> → <c>search - engine</c>,
/// <c>al-Assad</c> → <c>al - Assad</c>, <c>B-52</c> → <c>B - 52</c>; words whose first part is a bound prefix
/// (<c>non-</c>, <c>anti-</c>, <c>e-mail</c>, see <c>lexicon.txt</c>) and digit groups such as dates
/// (<c>2020-01-08</c>) and phone numbers stay whole. A name's full extent is the span from its first to its last
/// token, which the actor dictionary matches on. Measured on UD dev (words F1, EWT/GUM): keeping hyphenated words
/// whole 98.37/99.19, splitting every hyphen 98.94/99.76, this rule 99.06/99.83.</item>
/// <item>Abbreviations, initials and dotted acronyms keep their period (<c>U.S.</c>, <c>Gen.</c>, <c>J.</c>);
/// numbers keep their separators (<c>4,000</c>, <c>4.5</c>, <c>10:30</c>, <c>9/11</c>); <c>10%</c> →
/// <c>10 %</c>, <c>$1.5</c> → <c>$ 1.5</c>, <c>5pm</c> → <c>5 pm</c>; runs of the same punctuation and
/// <c>...</c>/<c>…</c> are one token; URLs, e-mail addresses, hashtags and @mentions are one token.</item>
/// </list>
/// <para>Sentences end after <c>. ? !</c> (with any closing quotes, brackets and citation marks <c>[2]</c> after
/// them) unless the next token continues the sentence: <c>, ; : )</c> or a smiley; a lower-case word after an
/// ellipsis or after a closed quotation (<c>"Stop!" he said</c>); a speech verb after the speaker
/// (<c>"Why now?" Pompeo asked</c>). A lower-case word after a plain period does start a sentence, because
/// abbreviations keep their own period: in UD EWT/GUM train such a period ends the sentence 237 times in 250.
/// After an abbreviation (<c>U.S.</c>, <c>Inc.</c>) a sentence ends only before a typical opener
/// (<c>The</c>, <c>He</c>, <c>But</c> ...), never after a title (<c>Gen.</c>). A blank line always ends a sentence,
/// so a headline without punctuation is a sentence of its own; a single line break never does (news wires hard-wrap
/// their lines). A dateline that opens a paragraph (<c>BAGHDAD (Reuters) -</c>, <c>WASHINGTON, Jan. 7 (AP) —</c>)
/// is a sentence of its own, so the parser sees the first real sentence unchanged and the agency is never
/// mistaken for a subject.</para>
/// <para>Surrogate pairs, combining marks and emoji sequences are never split.</para>
/// </remarks>
/// <threadsafety>Immutable after construction: one instance can be shared by any number of threads.</threadsafety>
public sealed class Segmenter
{
    private readonly Lexicon _lexicon;

    /// <summary>Creates a segmenter with the built-in English lexicon.</summary>
    public Segmenter()
        : this(Lexicon.Default)
    {
    }

    internal Segmenter(Lexicon lexicon)
    {
        _lexicon = lexicon;
    }

    /// <summary>A shared instance with the built-in English lexicon.</summary>
    public static Segmenter Default { get; } = new();

    /// <summary>
    /// Segments <paramref name="text"/>, appending its tokens to <paramref name="tokens"/> and its sentences to
    /// <paramref name="sentences"/>. Offsets are relative to <paramref name="text"/>; a sentence's
    /// <see cref="Sentence.FirstToken"/> indexes <paramref name="tokens"/> as it is after the call, so a caller may
    /// clear and reuse both lists across documents without allocating per token.
    /// </summary>
    /// <param name="text">The document text.</param>
    /// <param name="tokens">Receives the tokens in text order.</param>
    /// <param name="sentences">Receives the sentences in text order; together they cover every new token.</param>
    public void Segment(ReadOnlySpan<char> text, List<Token> tokens, List<Sentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(sentences);
        int first = tokens.Count;
        var tokenizer = new Tokenizer(text, tokens, _lexicon);
        tokenizer.Run();
        new SentenceSplitter(text, tokens, _lexicon).Run(first, sentences);
    }

    /// <summary>Segments a whole string into new lists.</summary>
    /// <param name="text">The document text.</param>
    /// <returns>The tokens and sentences of <paramref name="text"/>.</returns>
    public Segmentation Segment(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Token>(text.Length / 5 + 4);
        var sentences = new List<Sentence>(text.Length / 100 + 1);
        Segment(text.AsSpan(), tokens, sentences);
        return new Segmentation(text, tokens.ToArray(), sentences.ToArray());
    }
}

/// <summary>The result of <see cref="Segmenter.Segment(string)"/>: the text, its tokens and its sentences.</summary>
public sealed class Segmentation
{
    private readonly Token[] _tokens;
    private readonly Sentence[] _sentences;

    internal Segmentation(string text, Token[] tokens, Sentence[] sentences)
    {
        Text = text;
        _tokens = tokens;
        _sentences = sentences;
    }

    /// <summary>The segmented text.</summary>
    public string Text { get; }

    /// <summary>The tokens in text order.</summary>
    public IReadOnlyList<Token> Tokens => _tokens;

    /// <summary>The sentences in text order.</summary>
    public IReadOnlyList<Sentence> Sentences => _sentences;

    /// <summary>The characters of a token.</summary>
    /// <param name="token">A token of this text.</param>
    /// <returns>A span over <see cref="Text"/>.</returns>
    public ReadOnlySpan<char> this[Token token] => Text.AsSpan(token.Start, token.Length);

    /// <summary>The tokens of a sentence.</summary>
    /// <param name="sentence">A sentence of this text.</param>
    /// <returns>A span over the token array.</returns>
    public ReadOnlySpan<Token> TokensOf(Sentence sentence) => _tokens.AsSpan(sentence.FirstToken, sentence.TokenCount);
}
