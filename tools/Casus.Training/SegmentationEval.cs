using System.Globalization;
using System.Text;
using Casus.Text;

namespace Casus.Training;

/// <summary>Precision, recall and F1 of one kind of unit (words, tokens or sentences).</summary>
/// <param name="Gold">Units in the gold standard.</param>
/// <param name="System">Units the segmenter produced.</param>
/// <param name="Matched">System units whose character span equals a gold unit's span.</param>
public readonly record struct SpanScore(int Gold, int System, int Matched)
{
    /// <summary>Matched / System, as a percentage.</summary>
    public double Precision => System == 0 ? 0 : 100.0 * Matched / System;

    /// <summary>Matched / Gold, as a percentage.</summary>
    public double Recall => Gold == 0 ? 0 : 100.0 * Matched / Gold;

    /// <summary>Harmonic mean of precision and recall, as a percentage.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"P {Precision:F2} R {Recall:F2} F1 {F1:F2}");
}

/// <summary>The scores of a segmenter on one treebank file.</summary>
/// <param name="Name">The treebank file name.</param>
/// <param name="Words">Syntactic words (what <see cref="Segmenter"/> emits as tokens).</param>
/// <param name="Tokens">Surface tokens: a gold multiword token such as <c>don't</c> is one unit.</param>
/// <param name="Sentences">Sentences.</param>
/// <param name="Characters">Length of the rebuilt raw text.</param>
/// <param name="RebuiltSentences">Sentences whose <c># text</c> did not match their word forms and were rebuilt.</param>
public sealed record SegmentationResult(
    string Name, SpanScore Words, SpanScore Tokens, SpanScore Sentences, int Characters, int RebuiltSentences)
{
    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{Name}: words {Words} | tokens {Tokens} | sentences {Sentences} "
            + $"({Words.Gold} words, {Tokens.Gold} tokens, {Sentences.Gold} sentences, {Characters} chars)");
}

/// <summary>
/// Scores a <see cref="Segmenter"/> against a UD treebank the way the CoNLL 2018 shared task does, from raw text.
/// </summary>
/// <remarks>
/// <para>The raw text is rebuilt from the <c># text =</c> comments: sentences of one paragraph are joined by a
/// space, and a blank line (<c>"\n\n"</c>) comes before each <c># newpar</c> and <c># newdoc</c>. Each gold token
/// is found in its sentence text by consuming its form after optional whitespace; a sentence whose text does not
/// match its forms is rebuilt from the forms and <c>SpaceAfter=No</c> instead (counted in
/// <see cref="SegmentationResult.RebuiltSentences"/>). The words of a multiword token get consecutive spans when
/// their forms concatenate to the token (<c>do</c> + <c>n't</c> = <c>don't</c>); otherwise the first word gets
/// the whole token and the others an empty span that nothing matches. Empty nodes (<c>8.1</c>) are ignored.</para>
/// <para>Words: a system token matches a gold word with exactly the same span. Tokens: system tokens that are
/// adjacent (no character between them) and together span exactly a gold multiword token count as one unit; every
/// other system token is a unit on its own; a unit matches a gold token with the same span. Sentences: a system
/// sentence matches a gold sentence from the first character of its first word to the last of its last word.</para>
/// </remarks>
public static class SegmentationEval
{
    /// <summary>Scores <paramref name="segmenter"/> on a CoNLL-U file.</summary>
    /// <param name="conlluPath">Path of the treebank file.</param>
    /// <param name="segmenter">The segmenter to score.</param>
    /// <returns>Word, token and sentence scores.</returns>
    public static SegmentationResult Evaluate(string conlluPath, Segmenter segmenter) =>
        Evaluate(conlluPath, segmenter, errors: null);

    /// <summary>Scores <paramref name="segmenter"/> on a CoNLL-U file and writes every disagreement to a log.</summary>
    /// <param name="conlluPath">Path of the treebank file.</param>
    /// <param name="segmenter">The segmenter to score.</param>
    /// <param name="errors">Receives one line per disagreement, or null.</param>
    /// <returns>Word, token and sentence scores.</returns>
    public static SegmentationResult Evaluate(string conlluPath, Segmenter segmenter, TextWriter? errors)
    {
        using var reader = new StreamReader(conlluPath, Encoding.UTF8);
        return Evaluate(reader, Path.GetFileName(conlluPath), segmenter, errors);
    }

    /// <summary>Scores <paramref name="segmenter"/> on CoNLL-U text.</summary>
    /// <param name="conllu">The treebank.</param>
    /// <param name="name">A name for the summary line.</param>
    /// <param name="segmenter">The segmenter to score.</param>
    /// <param name="errors">Receives one line per disagreement, or null.</param>
    /// <returns>Word, token and sentence scores.</returns>
    public static SegmentationResult Evaluate(TextReader conllu, string name, Segmenter segmenter, TextWriter? errors)
    {
        ArgumentNullException.ThrowIfNull(conllu);
        ArgumentNullException.ThrowIfNull(segmenter);
        Gold gold = Gold.Read(conllu);
        string text = gold.Text.ToString();
        Segmentation system = segmenter.Segment(text);

        SpanScore words = ScoreWords(gold, system);
        SpanScore tokens = ScoreTokens(gold, system);
        SpanScore sentences = Score(gold.Sentences, system.Sentences.Select(s => (s.Start, s.End)).ToList());
        if (errors is not null)
        {
            LogWordErrors(text, gold, system, errors);
            LogSentenceErrors(text, gold, system, errors);
        }

        return new SegmentationResult(name, words, tokens, sentences, text.Length, gold.RebuiltSentences);
    }

    private static SpanScore ScoreWords(Gold gold, Segmentation system)
    {
        List<(int Start, int End)> goldWords = gold.Words.Where(w => w.End > w.Start).ToList();
        var found = Score(goldWords, system.Tokens.Select(t => (t.Start, t.End)).ToList());
        // Words with an empty span (unsplittable multiword tokens) still count as gold words.
        return found with { Gold = gold.Words.Count };
    }

    private static SpanScore ScoreTokens(Gold gold, Segmentation system)
    {
        var units = new List<(int Start, int End)>(system.Tokens.Count);
        IReadOnlyList<Token> tokens = system.Tokens;
        int i = 0;
        while (i < tokens.Count)
        {
            Token t = tokens[i];
            if (gold.MultiwordEnds.TryGetValue(t.Start, out int end))
            {
                int j = i;
                while (j + 1 < tokens.Count && tokens[j].End < end && tokens[j + 1].Start == tokens[j].End)
                {
                    j++;
                }

                if (j > i && tokens[j].End == end)
                {
                    units.Add((t.Start, end));
                    i = j + 1;
                    continue;
                }
            }

            units.Add((t.Start, t.End));
            i++;
        }

        return Score(gold.Tokens, units);
    }

    private static SpanScore Score(List<(int Start, int End)> gold, List<(int Start, int End)> system)
    {
        var set = new HashSet<(int, int)>(gold);
        int matched = 0;
        foreach ((int, int) span in system)
        {
            if (set.Contains(span))
            {
                matched++;
            }
        }

        return new SpanScore(gold.Count, system.Count, matched);
    }

    private static void LogWordErrors(string text, Gold gold, Segmentation system, TextWriter errors)
    {
        List<(int Start, int End)> g = gold.Words.Where(w => w.End > w.Start).ToList();
        List<(int Start, int End)> s = system.Tokens.Select(t => (t.Start, t.End)).ToList();
        int i = 0;
        int j = 0;
        while (i < g.Count && j < s.Count)
        {
            if (g[i] == s[j])
            {
                i++;
                j++;
                continue;
            }

            // A region of disagreement ends where both sides reach the same end offset.
            int gi = i;
            int sj = j;
            int ge = g[i].End;
            int se = s[j].End;
            while (ge != se)
            {
                if (ge < se && i + 1 < g.Count)
                {
                    ge = g[++i].End;
                }
                else if (j + 1 < s.Count)
                {
                    se = s[++j].End;
                }
                else
                {
                    break;
                }
            }

            errors.WriteLine(
                $"W\tgold {Join(text, g, gi, i)}\tsys {Join(text, s, sj, j)}\t{Context(text, g[gi].Start)}");
            i++;
            j++;
        }
    }

    private static string Join(string text, List<(int Start, int End)> spans, int from, int to)
    {
        var sb = new StringBuilder();
        for (int k = from; k <= to && k < spans.Count; k++)
        {
            sb.Append(k > from ? "|" : "").Append(text.AsSpan(spans[k].Start, spans[k].End - spans[k].Start));
        }

        return sb.ToString();
    }

    private static void LogSentenceErrors(string text, Gold gold, Segmentation system, TextWriter errors)
    {
        var goldEnds = new HashSet<int>(gold.Sentences.Select(s => s.End));
        var systemEnds = new HashSet<int>(system.Sentences.Select(s => s.End));
        foreach (int end in goldEnds.Where(e => !systemEnds.Contains(e)).Order())
        {
            errors.WriteLine($"S-missed\t{Context(text, end)}");
        }

        foreach (int end in systemEnds.Where(e => !goldEnds.Contains(e)).Order())
        {
            errors.WriteLine($"S-extra\t{Context(text, end)}");
        }
    }

    private static string Context(string text, int at)
    {
        int from = Math.Max(0, at - 40);
        int to = Math.Min(text.Length, at + 40);
        return (text[from..at] + "‖" + text[at..to]).Replace('\n', '¶');
    }

    /// <summary>The gold standard of one treebank file, with character spans in the rebuilt text.</summary>
    /// <summary>
    /// The raw text a treebank file was made from and the character span of every gold word, in file order
    /// (the reconstruction the evaluation uses), for aligning system words with gold words.
    /// </summary>
    internal static (string Text, List<(int Start, int End)> Words) Rebuild(string conlluPath)
    {
        using var reader = new StreamReader(conlluPath);
        var gold = Gold.Read(reader);
        return (gold.Text.ToString(), gold.Words);
    }

    private sealed class Gold
    {
        public StringBuilder Text { get; } = new();

        public List<(int Start, int End)> Words { get; } = [];

        public List<(int Start, int End)> Tokens { get; } = [];

        public Dictionary<int, int> MultiwordEnds { get; } = [];

        public List<(int Start, int End)> Sentences { get; } = [];

        public int RebuiltSentences { get; private set; }

        public static Gold Read(TextReader reader)
        {
            var gold = new Gold();
            var block = new List<string>();
            while (reader.ReadLine() is { } line)
            {
                if (line.Length == 0)
                {
                    gold.AddSentence(block);
                    block.Clear();
                }
                else
                {
                    block.Add(line);
                }
            }

            gold.AddSentence(block);
            return gold;
        }

        private void AddSentence(List<string> block)
        {
            bool paragraph = false;
            string? sentenceText = null;
            var rows = new List<string[]>();
            foreach (string line in block)
            {
                if (line.StartsWith('#'))
                {
                    paragraph |= line.StartsWith("# newdoc", StringComparison.Ordinal) || line == "# newpar"
                        || line.StartsWith("# newpar ", StringComparison.Ordinal);
                    if (line.StartsWith("# text = ", StringComparison.Ordinal))
                    {
                        sentenceText = line["# text = ".Length..];
                    }
                }
                else
                {
                    string[] columns = line.Split('\t');
                    if (!columns[0].Contains('.'))
                    {
                        rows.Add(columns);
                    }
                }
            }

            if (rows.Count == 0)
            {
                return;
            }

            List<Unit> units = Units(rows);
            if (Text.Length > 0)
            {
                Text.Append(paragraph ? "\n\n" : " ");
            }

            int offset = Text.Length;
            if (sentenceText is null || !TryAlign(sentenceText, units, offset))
            {
                RebuiltSentences += sentenceText is null ? 0 : 1;
                sentenceText = Rebuild(units);
                TryAlign(sentenceText, units, offset);
            }

            Text.Append(sentenceText);
            int sentenceStart = -1;
            int sentenceEnd = -1;
            foreach (Unit unit in units)
            {
                sentenceStart = sentenceStart < 0 ? unit.Start : sentenceStart;
                sentenceEnd = unit.End;
                Tokens.Add((unit.Start, unit.End));
                if (unit.WordForms.Count == 0)
                {
                    Words.Add((unit.Start, unit.End));
                    continue;
                }

                MultiwordEnds[unit.Start] = unit.End;
                AddMultiwordWords(unit);
            }

            Sentences.Add((sentenceStart, sentenceEnd));
        }

        private void AddMultiwordWords(Unit unit)
        {
            string joined = string.Concat(unit.WordForms);
            if (joined == unit.Form)
            {
                int at = unit.Start;
                foreach (string form in unit.WordForms)
                {
                    Words.Add((at, at + form.Length));
                    at += form.Length;
                }

                return;
            }

            Words.Add((unit.Start, unit.End));
            for (int k = 1; k < unit.WordForms.Count; k++)
            {
                Words.Add((unit.End, unit.End));
            }
        }

        private static List<Unit> Units(List<string[]> rows)
        {
            var units = new List<Unit>();
            int multiwordLast = 0;
            foreach (string[] columns in rows)
            {
                string id = columns[0];
                bool spaceAfter = columns.Length < 10 || !columns[9].Split('|').Contains("SpaceAfter=No");
                int dash = id.IndexOf('-');
                if (dash > 0)
                {
                    multiwordLast = int.Parse(id.AsSpan(dash + 1), CultureInfo.InvariantCulture);
                    units.Add(new Unit(columns[1], spaceAfter));
                    continue;
                }

                int index = int.Parse(id, CultureInfo.InvariantCulture);
                if (index <= multiwordLast)
                {
                    units[^1].WordForms.Add(columns[1]);
                    continue;
                }

                units.Add(new Unit(columns[1], spaceAfter));
            }

            return units;
        }

        private static string Rebuild(List<Unit> units)
        {
            var sb = new StringBuilder();
            for (int k = 0; k < units.Count; k++)
            {
                sb.Append(units[k].Form);
                if (units[k].SpaceAfter && k + 1 < units.Count)
                {
                    sb.Append(' ');
                }
            }

            return sb.ToString();
        }

        private static bool TryAlign(string sentence, List<Unit> units, int offset)
        {
            int at = 0;
            foreach (Unit unit in units)
            {
                while (at < sentence.Length && char.IsWhiteSpace(sentence[at]))
                {
                    at++;
                }

                if (!sentence.AsSpan(at).StartsWith(unit.Form, StringComparison.Ordinal))
                {
                    return false;
                }

                unit.Start = offset + at;
                at += unit.Form.Length;
                unit.End = offset + at;
            }

            return true;
        }
    }

    /// <summary>A gold surface token: a word, or a multiword token with its words' forms.</summary>
    private sealed class Unit(string form, bool spaceAfter)
    {
        public string Form { get; } = form;

        public bool SpaceAfter { get; } = spaceAfter;

        public List<string> WordForms { get; } = [];

        public int Start { get; set; }

        public int End { get; set; }
    }
}
