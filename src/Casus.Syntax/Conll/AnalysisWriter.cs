using Casus.Text;

namespace Casus.Syntax.Conll;

/// <summary>
/// Writes analysed sentences of raw text as CoNLL-U, with the character range of every token in MISC
/// (<c>TokenRange=start:end</c>, offsets into the document text) so each word points back to its evidence.
/// </summary>
public static class AnalysisWriter
{
    /// <summary>Writes the <c># newdoc</c> comment that starts a document.</summary>
    public static void WriteDocumentStart(TextWriter w, string documentId)
    {
        w.Write("# newdoc id = ");
        w.Write(Clean(documentId));
        w.Write('\n');
    }

    /// <summary>Writes one analysed sentence (1-based <paramref name="number"/> within its document).</summary>
    public static void WriteSentence(TextWriter w, SyntaxPipeline pipeline, SyntaxBuffer b, string documentId, int number, Sentence sentence)
    {
        var text = b.Text;
        w.Write("# sent_id = ");
        w.Write(Clean(documentId));
        w.Write('-');
        w.Write(number);
        w.Write('\n');
        w.Write("# text = ");
        WriteFlat(w, text.AsSpan(sentence.Start, sentence.Length));
        w.Write('\n');
        for (var i = 0; i < b.Count; i++)
        {
            var token = b.Tokens[i];
            w.Write(i + 1);
            w.Write('\t');
            WriteFlat(w, b.Form(i));
            w.Write('\t');
            WriteFlat(w, pipeline.Lemmatizer.Lemma(b, i));
            w.Write('\t');
            w.Write(pipeline.Upos(b, i));
            w.Write('\t');
            w.Write(pipeline.Xpos(b, i));
            w.Write("\t_\t");
            w.Write(b.Heads[i]);
            w.Write('\t');
            w.Write(pipeline.Relation(b, i));
            w.Write("\t_\tTokenRange=");
            w.Write(token.Start);
            w.Write(':');
            w.Write(token.End);
            if (i + 1 < b.Count && b.Tokens[i + 1].Start == token.End)
            {
                w.Write("|SpaceAfter=No");
            }
            w.Write('\n');
        }
        w.Write('\n');
    }

    /// <summary>Fills lemma, UPOS, XPOS, head and relation of a gold-tokenized sentence from the analysis.</summary>
    public static void Fill(ConllSentence sentence, SyntaxPipeline pipeline, SyntaxBuffer b)
    {
        for (var i = 0; i < sentence.Words.Count; i++)
        {
            var word = sentence.Words[i];
            word.Lemma = pipeline.Lemmatizer.Lemma(b, i);
            word.Upos = pipeline.Upos(b, i);
            word.Xpos = pipeline.Xpos(b, i);
            word.Head = b.Heads[i];
            word.Deprel = pipeline.Relation(b, i);
        }
    }

    /// <summary>CoNLL-U fields and comments hold no tabs or line breaks: write them as spaces.</summary>
    private static void WriteFlat(TextWriter w, ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            w.Write(c is '\t' or '\n' or '\r' or '\u2028' or '\u2029' ? ' ' : c);
        }
    }

    private static string Clean(string id) => id.Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' ');
}
