using Casus.Syntax;
using Casus.Text;

namespace Casus.Places;

/// <summary>A character span of the document text.</summary>
/// <param name="Start">Offset of the first character.</param>
/// <param name="Length">Number of characters.</param>
public readonly record struct TextSpan(int Start, int Length)
{
    /// <summary>Offset one past the last character.</summary>
    public int End => Start + Length;
}

/// <summary>The syntax of one word: UPOS tag, head (1-based within its sentence, 0 for the root) and relation.</summary>
/// <param name="Upos">Universal POS tag (<c>PROPN</c>, <c>VERB</c> ...).</param>
/// <param name="Head">Head word, 1-based within the sentence; 0 for the root.</param>
/// <param name="Relation">UD relation (<c>nsubj</c>, <c>obl</c>, <c>case</c> ...).</param>
public readonly record struct WordSyntax(string Upos, int Head, string Relation)
{
    /// <summary>
    /// Appends the syntax of the sentence analysed in <paramref name="buffer"/> to <paramref name="target"/>. The
    /// strings are the pipeline's own tag and relation names, so this allocates nothing per word.
    /// </summary>
    public static void AppendSentence(SyntaxPipeline pipeline, SyntaxBuffer buffer, List<WordSyntax> target)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentNullException.ThrowIfNull(target);
        for (var i = 0; i < buffer.Count; i++)
        {
            target.Add(new WordSyntax(pipeline.Upos(buffer, i), buffer.Heads[i], pipeline.Relation(buffer, i)));
        }
    }
}

/// <summary>A document to find places in.</summary>
public sealed class PlaceInput
{
    /// <summary>The document text.</summary>
    public required string Text { get; init; }

    /// <summary>The document's tokens (offsets into <see cref="Text"/>), as <see cref="Segmenter"/> gives them.</summary>
    public required IReadOnlyList<Token> Tokens { get; init; }

    /// <summary>The document's sentences.</summary>
    public required IReadOnlyList<Sentence> Sentences { get; init; }

    /// <summary>
    /// Optional syntax for every token of the document, in token order (see <see cref="WordSyntax.AppendSentence"/>);
    /// with it, subjects (<c>Washington said</c>) and locative attachments are read from the tree.
    /// </summary>
    public IReadOnlyList<WordSyntax>? Syntax { get; init; }

    /// <summary>
    /// Optional character spans of persons and organisations found by the actor dictionaries; no place is returned
    /// that overlaps one (<c>Michael Jordan</c>, <c>Bank of England</c>).
    /// </summary>
    public IReadOnlyList<TextSpan>? ExcludedSpans { get; init; }

    /// <summary>Optional ISO 3166-1 alpha-3 codes of the document's actors: country context for disambiguation.</summary>
    public IReadOnlyList<string>? ActorCountries { get; init; }

    /// <summary>Segments <paramref name="text"/> into a plain input (no syntax, no exclusions).</summary>
    public static PlaceInput FromText(string text, Segmenter? segmenter = null)
    {
        var segmentation = (segmenter ?? Segmenter.Default).Segment(text);
        return new PlaceInput { Text = text, Tokens = segmentation.Tokens, Sentences = segmentation.Sentences };
    }
}
