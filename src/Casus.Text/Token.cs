namespace Casus.Text;

/// <summary>
/// A token (UD "syntactic word") as an offset range into the original document text.
/// The form is always <c>text[Start..End]</c>; strings are made only at the edges.
/// </summary>
/// <param name="Start">Offset of the first character in the document text.</param>
/// <param name="Length">Number of characters.</param>
public readonly record struct Token(int Start, int Length)
{
    /// <summary>Offset one past the last character.</summary>
    public int End => Start + Length;
}

/// <summary>A sentence: a character range and the range of its tokens in the token list.</summary>
/// <param name="Start">Offset of the sentence's first character (its first token's start).</param>
/// <param name="Length">Characters up to the end of the last token.</param>
/// <param name="FirstToken">Index of the first token in the document's token list.</param>
/// <param name="TokenCount">Number of tokens in the sentence.</param>
public readonly record struct Sentence(int Start, int Length, int FirstToken, int TokenCount)
{
    /// <summary>Offset one past the last character.</summary>
    public int End => Start + Length;
}
