using System.Text;
using Casus.Syntax;
using Casus.Syntax.Conll;
using Casus.Text;

namespace Casus.Training;

/// <summary>Accuracy of tagger, lemmatizer and parser on gold-tokenized sentences.</summary>
internal sealed record SyntaxScores(int Words, int Upos, int Xpos, int Lemma, int Uas, int Las, double Seconds)
{
    public double UposPct => 100.0 * Upos / Words;
    public double XposPct => 100.0 * Xpos / Words;
    public double LemmaPct => 100.0 * Lemma / Words;
    public double UasPct => 100.0 * Uas / Words;
    public double LasPct => 100.0 * Las / Words;

    public override string ToString() =>
        $"words {Words}  UPOS {UposPct:F2}  XPOS {XposPct:F2}  Lemma {LemmaPct:F2}  UAS {UasPct:F2}  LAS {LasPct:F2}";

    public static SyntaxScores Evaluate(SyntaxPipeline pipeline, IReadOnlyList<ConllSentence> gold, bool tagOnly = false, Dictionary<string, int>? errors = null)
    {
        var b = new SyntaxBuffer();
        int words = 0, upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var s in gold)
        {
            Treebank.LoadGold(s, b);
            if (tagOnly)
            {
                pipeline.Tagger.Tag(b);
            }
            else
            {
                pipeline.Analyze(b);
            }
            for (var i = 0; i < s.Words.Count; i++)
            {
                var w = s.Words[i];
                words++;
                if (pipeline.Upos(b, i) == w.Upos)
                {
                    upos++;
                }
                else if (errors is not null)
                {
                    var key = b.Ambiguity[i] != 0 ? "UPOS error on a known word" : "UPOS error on an unknown word";
                    errors[key] = errors.GetValueOrDefault(key) + 1;
                    key = $"UPOS {w.Upos}->{pipeline.Upos(b, i)}";
                    errors[key] = errors.GetValueOrDefault(key) + 1;
                    key = $"WORD {w.Form} {w.Upos}->{pipeline.Upos(b, i)}";
                    errors[key] = errors.GetValueOrDefault(key) + 1;
                }
                if (pipeline.Xpos(b, i) == w.Xpos)
                {
                    xpos++;
                }
                if (tagOnly)
                {
                    continue;
                }
                var predictedLemma = pipeline.Lemmatizer.Lemma(b, i);
                if (predictedLemma == w.Lemma)
                {
                    lemma++;
                }
                else if (errors is not null)
                {
                    var key = $"LEMMA {w.Form}/{w.Xpos}: {w.Lemma} -> {predictedLemma}";
                    errors[key] = errors.GetValueOrDefault(key) + 1;
                }
                if (b.Heads[i] == w.Head)
                {
                    uas++;
                    var rel = pipeline.Relation(b, i);
                    var colon = rel.IndexOf(':');
                    if ((colon < 0 ? rel : rel[..colon]) == w.UniversalDeprel)
                    {
                        las++;
                    }
                }
            }
        }
        return new SyntaxScores(words, upos, xpos, lemma, uas, las, clock.Elapsed.TotalSeconds);
    }
}
