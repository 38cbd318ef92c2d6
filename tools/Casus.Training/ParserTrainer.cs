using System.Text;
using Casus.Syntax;
using Casus.Syntax.Conll;
using Casus.Text;

namespace Casus.Training;

/// <summary>
/// Trains the arc-eager parser with the dynamic oracle of Goldberg and Nivre (2012): updates toward the best
/// zero-cost transition and, after the first epoch, follows the model's own (possibly wrong) choice with
/// probability <c>explore</c>, so the parser learns to recover from its mistakes. Gold trees are projectivized
/// by lifting; the tags it trains on are the jackknifed predictions given by the caller.
/// </summary>
internal static class ParserTrainer
{
    public sealed record Example(ConllSentence Sentence, int[] Tags, int[] GoldHeads, int[] GoldLabels);

    public static List<string> BuildRelations(IEnumerable<ConllSentence> sentences)
    {
        var set = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var s in sentences)
        {
            foreach (var w in s.Words)
            {
                set.Add(w.Deprel);
            }
        }
        set.Add("root");
        set.Add("punct");
        set.Add("parataxis");
        return [.. set];
    }

    public static Example MakeExample(ConllSentence s, int[] tags, IReadOnlyList<string> relations)
    {
        var n = s.Words.Count;
        var heads = new int[n + 1];
        var labels = new int[n + 1];
        heads[0] = -1;
        for (var i = 0; i < n; i++)
        {
            heads[i + 1] = s.Words[i].Head;
            labels[i + 1] = IndexOf(relations, s.Words[i].Deprel);
        }
        Projectivize(heads);
        return new Example(s, tags, heads, labels);
    }

    private static int IndexOf(IReadOnlyList<string> relations, string r)
    {
        for (var i = 0; i < relations.Count; i++)
        {
            if (relations[i] == r)
            {
                return i;
            }
        }
        throw new InvalidDataException($"unknown relation {r}");
    }

    /// <summary>Lifts the shortest non-projective arc to the grandparent until the tree is projective.</summary>
    public static void Projectivize(int[] heads)
    {
        while (true)
        {
            var worst = -1;
            var worstLength = int.MaxValue;
            for (var d = 1; d < heads.Length; d++)
            {
                var h = heads[d];
                if (h < 0 || !IsNonProjective(heads, h, d))
                {
                    continue;
                }
                var length = Math.Abs(h - d);
                if (length < worstLength)
                {
                    worst = d;
                    worstLength = length;
                }
            }
            if (worst < 0)
            {
                return;
            }
            heads[worst] = heads[heads[worst]];
        }
    }

    private static bool IsNonProjective(int[] heads, int h, int d)
    {
        var (lo, hi) = h < d ? (h, d) : (d, h);
        for (var k = lo + 1; k < hi; k++)
        {
            var a = k;
            while (a > 0 && a != h)
            {
                a = heads[a];
            }
            if (a != h)
            {
                return true;
            }
        }
        return false;
    }

    public static Parser Train(IReadOnlyList<Example> train, IReadOnlyList<string> relations, int epochs, int seed, double explore,
        Func<Parser, int, bool>? afterEpoch = null, Action<string>? log = null)
    {
        var labels = relations.Count;
        var classes = 2 + 2 * labels;
        var perceptron = new AveragedPerceptron(classes);
        // A parser object supplies validity rules and label ids; its weights are replaced after training.
        var shell = new Parser(relations, Casus.Syntax.Model.LinearModel.Build(classes, []));
        var b = new SyntaxBuffer();
        var s = new ParseState();
        var random = new Random(seed);
        var order = Enumerable.Range(0, train.Count).ToArray();
        Span<uint> features = stackalloc uint[Parser.MaxFeatures];
        var scores = new float[classes];
        var costs = new int[classes];
        var inStack = new bool[512];
        Parser? best = null;
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            long moves = 0, correct = 0;
            foreach (var ei in order)
            {
                var ex = train[ei];
                Treebank.LoadGold(ex.Sentence, b);
                ex.Tags.CopyTo(b.Tags, 0);
                s.Reset(b.Count);
                if (inStack.Length < b.Count + 2)
                {
                    inStack = new bool[b.Count * 2 + 2];
                }
                while (!s.BufferEmpty)
                {
                    var n = Parser.Features(b, s, features);
                    Array.Clear(scores);
                    perceptron.Score(features[..n], scores);
                    var guess = shell.BestValid(s, scores);
                    Costs(s, ex, shell, costs, inStack);
                    var bestCost = int.MaxValue;
                    var target = -1;
                    for (var m = 0; m < classes; m++)
                    {
                        if (costs[m] >= 0 && (costs[m] < bestCost || (costs[m] == bestCost && target >= 0 && scores[m] > scores[target])))
                        {
                            bestCost = costs[m];
                            target = m;
                        }
                    }
                    moves++;
                    if (costs[guess] > bestCost)
                    {
                        perceptron.Update(features[..n], target, guess);
                    }
                    else
                    {
                        correct++;
                    }
                    perceptron.Advance();
                    var follow = epoch > 0 && costs[guess] > bestCost && random.NextDouble() < explore ? guess : costs[guess] == bestCost ? guess : target;
                    s.Apply(follow, labels, shell.UniversalBit);
                }
            }
            log?.Invoke($"parser epoch {epoch + 1}/{epochs}: {100.0 * correct / moves:F2}% optimal moves");
            if (afterEpoch is not null)
            {
                var snapshot = new Parser(relations, perceptron.ToModel(0.0f));
                if (afterEpoch(snapshot, epoch + 1))
                {
                    best = snapshot;
                }
            }
        }
        return best ?? new Parser(relations, perceptron.ToModel(0.0f));
    }

    /// <summary>
    /// Cost of every transition (gold arcs it makes unreachable, labels included); -1 for invalid ones.
    /// </summary>
    private static void Costs(ParseState s, Example ex, Parser shell, int[] costs, bool[] inStack)
    {
        var labels = shell.Relations.Length;
        Array.Fill(costs, -1);
        var gh = ex.GoldHeads;
        var gl = ex.GoldLabels;
        var n = s.N;
        for (var i = 0; i <= n; i++)
        {
            inStack[i] = false;
        }
        for (var k = 0; k < s.Depth; k++)
        {
            inStack[s.Stack[k]] = true;
        }
        var s0 = s.S0;
        var b0 = s.Next;
        bool InBuffer(int t) => t >= b0 && t <= n;

        if (s.CanShift)
        {
            // b0 loses its head and headless dependents in the stack.
            var c = 0;
            for (var k = 0; k < s.Depth; k++)
            {
                var t = s.Stack[k];
                if (gh[b0] == t)
                {
                    c++;
                }
                if (t > 0 && gh[t] == b0 && s.Head[t] == ParseState.None)
                {
                    c++;
                }
            }
            costs[ParseState.Shift] = c;
        }
        if (s.CanReduce)
        {
            var c = 0;
            for (var t = b0; t <= n; t++)
            {
                if (gh[t] == s0)
                {
                    c++;
                }
            }
            costs[ParseState.Reduce] = c;
        }
        if (s.CanLeft)
        {
            var c = 0;
            for (var t = b0; t <= n; t++)
            {
                if (gh[t] == s0)
                {
                    c++;
                }
            }
            if (InBuffer(gh[s0]) && gh[s0] != b0)
            {
                c++;
            }
            for (var l = 0; l < labels; l++)
            {
                if (shell.IsValid(s, ParseState.Left(l)))
                {
                    costs[ParseState.Left(l)] = c + (gh[s0] == b0 && gl[s0] != l ? 1 : 0);
                }
            }
        }
        if (s.CanRight)
        {
            var c = 0;
            if ((inStack[Math.Max(gh[b0], 0)] && gh[b0] >= 0 && gh[b0] != s0) || InBuffer(gh[b0]))
            {
                c++;
            }
            for (var k = 0; k < s.Depth; k++)
            {
                var t = s.Stack[k];
                if (t > 0 && gh[t] == b0 && s.Head[t] == ParseState.None)
                {
                    c++;
                }
            }
            for (var l = 0; l < labels; l++)
            {
                var m = ParseState.Right(l, labels);
                if (shell.IsValid(s, m))
                {
                    costs[m] = c + (gh[b0] == s0 && gl[b0] != l ? 1 : 0);
                }
            }
        }
    }
}
