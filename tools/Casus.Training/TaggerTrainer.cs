using System.Text;
using Casus.Syntax;
using Casus.Syntax.Conll;
using Casus.Syntax.Model;
using Casus.Text;

namespace Casus.Training;

/// <summary>Trains the averaged-perceptron tagger. Deterministic for a given seed and input order.</summary>
internal static class TaggerTrainer
{
    public static TagSet BuildTagSet(IEnumerable<ConllSentence> sentences)
    {
        var pairs = new SortedSet<(string, string)>();
        foreach (var s in sentences)
        {
            foreach (var w in s.Words)
            {
                pairs.Add((w.Upos, w.Xpos));
            }
        }
        return new TagSet([.. pairs]);
    }

    public static TaggerLexicon BuildLexicon(IReadOnlyList<ConllSentence> sentences, TagSet tags)
    {
        var counts = new Dictionary<ulong, Dictionary<int, int>>();
        foreach (var s in sentences)
        {
            foreach (var w in s.Words)
            {
                var norm = FeatureHash.OfText(w.Form, normalize: true);
                if (!counts.TryGetValue(norm, out var c))
                {
                    counts[norm] = c = [];
                }
                var t = tags.IndexOf(w.Upos, w.Xpos);
                c[t] = c.GetValueOrDefault(t) + 1;
            }
        }
        var words = new Dictionary<ulong, (ulong, int)>(counts.Count);
        foreach (var (norm, c) in counts)
        {
            var total = c.Values.Sum();
            var seen = c.Where(kv => kv.Value * 20 >= total || kv.Value >= 3).Select(kv => kv.Key).Order().ToList();
            var amb = 0x5EEDUL;
            foreach (var t in seen)
            {
                amb = FeatureHash.Mix((amb * 31) ^ (ulong)(t + 1));
            }
            var (bestTag, bestCount) = c.MaxBy(kv => (kv.Value, -kv.Key));
            var fixedTag = total >= 20 && bestCount >= 0.99 * total ? bestTag : -1;
            words[norm] = (amb, fixedTag);
        }
        return new TaggerLexicon(words);
    }

    /// <summary>
    /// Trains a tagger. With <paramref name="firstPass"/> (jackknifed first-pass tags of <paramref name="train"/>),
    /// also trains the second, bidirectional pass.
    /// </summary>
    public static Tagger Train(IReadOnlyList<ConllSentence> train, TagSet tags, int epochs, int seed, Action<string>? log = null,
        int[][]? firstPass = null)
    {
        var one = TrainPass(train, tags, epochs, seed, null, log);
        if (firstPass is null)
        {
            return one;
        }
        var two = TrainPass(train, tags, epochs, seed + 1000, firstPass, log);
        return new Tagger(tags, one.Lexicon, one.Model, two.Model);
    }

    private static Tagger TrainPass(IReadOnlyList<ConllSentence> train, TagSet tags, int epochs, int seed, int[][]? firstPass,
        Action<string>? log)
    {
        var lexicon = BuildLexicon(train, tags);
        var perceptron = new AveragedPerceptron(tags.Count);
        var b = new SyntaxBuffer();
        var order = Enumerable.Range(0, train.Count).ToArray();
        var random = new Random(seed);
        Span<uint> features = stackalloc uint[Tagger.MaxFeatures];
        var scores = new float[tags.Count];
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            int correct = 0, total = 0;
            foreach (var si in order)
            {
                var s = train[si];
                Treebank.LoadGold(s, b);
                lexicon.Fill(b);
                for (var i = 0; i < b.Count; i++)
                {
                    var gold = tags.IndexOf(s.Words[i].Upos, s.Words[i].Xpos);
                    var fixedTag = lexicon.FixedTag(b.Norm[i]);
                    if (fixedTag >= 0)
                    {
                        b.Tags[i] = fixedTag;
                        continue;
                    }
                    var n = firstPass is null
                        ? Tagger.Features(b, i, i > 0 ? b.Tags[i - 1] : -1, i > 1 ? b.Tags[i - 2] : -2, features)
                        : Tagger.SecondPassFeatures(b, i, i > 0 ? b.Tags[i - 1] : -1, i > 1 ? b.Tags[i - 2] : -2, firstPass[si], features);
                    Array.Clear(scores);
                    perceptron.Score(features[..n], scores);
                    var guess = Tagger.ArgMax(scores);
                    if (guess != gold)
                    {
                        perceptron.Update(features[..n], gold, guess);
                    }
                    else
                    {
                        correct++;
                    }
                    total++;
                    perceptron.Advance();
                    b.Tags[i] = guess;
                }
            }
            log?.Invoke($"tagger pass {(firstPass is null ? 1 : 2)} epoch {epoch + 1}/{epochs}: train accuracy on ambiguous words {100.0 * correct / total:F2}%");
        }
        return new Tagger(tags, lexicon, perceptron.ToModel(0.001f));
    }
}

/// <summary>Builds the lemmatizer tables from gold-tagged sentences.</summary>
internal static class LemmatizerTrainer
{
    public static Lemmatizer Train(IReadOnlyList<ConllSentence> train, TagSet tags)
    {
        var edits = new List<LemmaEdit>();
        var editIndex = new Dictionary<LemmaEdit, int>();
        int EditId(LemmaEdit e)
        {
            if (!editIndex.TryGetValue(e, out var id))
            {
                editIndex[e] = id = edits.Count;
                edits.Add(e);
            }
            return id;
        }
        EditId(new LemmaEdit(true, 0, string.Empty));

        var known = new Dictionary<ulong, Dictionary<int, int>>();
        var types = new HashSet<(string, int, int)>();
        foreach (var s in train)
        {
            foreach (var w in s.Words)
            {
                var tag = tags.IndexOf(w.Upos, w.Xpos);
                if (tag < 0 || w.Lemma == "_")
                {
                    continue;
                }
                var e = EditId(LemmaEdit.Between(w.Form, w.Lemma));
                var key = Lemmatizer.KnownKey(FeatureHash.OfText(w.Form, normalize: true), tag);
                if (!known.TryGetValue(key, out var c))
                {
                    known[key] = c = [];
                }
                c[e] = c.GetValueOrDefault(e) + 1;
                types.Add((w.Form.ToLowerInvariant(), tag, e));
            }
        }
        var suffixCounts = new Dictionary<ulong, Dictionary<int, int>>();
        var defaultCounts = new Dictionary<int, Dictionary<int, int>>();
        foreach (var (form, tag, e) in types)
        {
            for (var k = 1; k <= 4 && k < form.Length; k++)
            {
                var key = Lemmatizer.SuffixKey(FeatureHash.OfText(form.AsSpan(form.Length - k), normalize: true), k, tag);
                if (!suffixCounts.TryGetValue(key, out var c))
                {
                    suffixCounts[key] = c = [];
                }
                c[e] = c.GetValueOrDefault(e) + 1;
            }
            if (!defaultCounts.TryGetValue(tag, out var d))
            {
                defaultCounts[tag] = d = [];
            }
            d[e] = d.GetValueOrDefault(e) + 1;
        }
        static int Best(Dictionary<int, int> c) => c.MaxBy(kv => (kv.Value, -kv.Key)).Key;
        var knownTable = known.ToDictionary(kv => kv.Key, kv => Best(kv.Value));
        var suffixTable = suffixCounts.Where(kv => kv.Value.Values.Sum() >= 2).ToDictionary(kv => kv.Key, kv => Best(kv.Value));
        var defaults = new int[tags.Count];
        for (var t = 0; t < tags.Count; t++)
        {
            defaults[t] = defaultCounts.TryGetValue(t, out var d) ? Best(d) : 0;
        }
        return new Lemmatizer(edits, knownTable, suffixTable, defaults);
    }
}
