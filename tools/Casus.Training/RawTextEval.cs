using Casus.Syntax;
using Casus.Syntax.Conll;
using Casus.Text;

namespace Casus.Training;

/// <summary>
/// CoNLL 2018 shared-task style evaluation on raw text: the treebank's text is rebuilt, Casus segments and parses
/// it, system words are aligned to gold words by character span, and UPOS, UAS and LAS are F1 over aligned words
/// (a word counts only when its span, and for attachment its head's span, match gold).
/// </summary>
internal static class RawTextEval
{
    public static string Evaluate(string path, SyntaxPipeline pipeline)
    {
        var (text, spans) = SegmentationEval.Rebuild(path);
        var gold = ConllU.ReadFile(path);
        var goldHead = new List<int>();
        var goldUpos = new List<string>();
        var goldRel = new List<string>();
        foreach (var s in gold)
        {
            var offset = goldHead.Count;
            foreach (var w in s.Words)
            {
                goldHead.Add(w.Head == 0 ? -1 : offset + w.Head - 1);
                goldUpos.Add(w.Upos);
                goldRel.Add(w.UniversalDeprel);
            }
        }
        if (goldHead.Count != spans.Count)
        {
            throw new InvalidDataException($"{path}: {spans.Count} rebuilt word spans for {goldHead.Count} words");
        }
        var bySpan = new Dictionary<(int, int), int>();
        for (var i = 0; i < spans.Count; i++)
        {
            bySpan.TryAdd(spans[i], i);
        }

        var segmentation = Segmenter.Default.Segment(text);
        var tokens = segmentation.Tokens.ToArray();
        var b = new SyntaxBuffer();
        int system = 0, aligned = 0, upos = 0, uas = 0, las = 0;
        var systemToGold = new int[64];
        foreach (var sentence in segmentation.Sentences)
        {
            pipeline.Analyze(text, tokens.AsSpan(sentence.FirstToken, sentence.TokenCount), b);
            if (systemToGold.Length < b.Count)
            {
                systemToGold = new int[b.Count * 2];
            }
            for (var i = 0; i < b.Count; i++)
            {
                systemToGold[i] = bySpan.TryGetValue((b.Tokens[i].Start, b.Tokens[i].End), out var g) ? g : -2;
            }
            for (var i = 0; i < b.Count; i++)
            {
                system++;
                var g = systemToGold[i];
                if (g < 0)
                {
                    continue;
                }
                aligned++;
                upos += pipeline.Upos(b, i) == goldUpos[g] ? 1 : 0;
                var h = b.Heads[i];
                var headGold = h == 0 ? -1 : systemToGold[h - 1];
                if (headGold == goldHead[g] && (h == 0 || headGold >= 0))
                {
                    uas++;
                    las += pipeline.Relation(b, i).Split(':')[0] == goldRel[g] ? 1 : 0;
                }
            }
        }
        double F1(int correct) => 200.0 * correct / (system + goldHead.Count);
        return $"words F1 {F1(aligned):F2}  UPOS F1 {F1(upos):F2}  UAS F1 {F1(uas):F2}  LAS F1 {F1(las):F2}  " +
            $"(gold {goldHead.Count} words, system {system}, sentences {segmentation.Sentences.Count} vs {gold.Count})";
    }
}
