using System.IO.Compression;
using Casus.Syntax.Model;

namespace Casus.Syntax;

/// <summary>
/// Greedy arc-eager dependency parser with an averaged-perceptron transition classifier over the rich feature
/// set of Zhang and Nivre (2011), trained with a dynamic oracle. Produces UD relations with subtypes.
/// Immutable after load and safe to share across threads; per-sentence state lives in the caller's buffer.
/// </summary>
public sealed class Parser
{
    internal const int MaxFeatures = 96;
    private const string Header = "casus-parser/1";
    private const ulong NoneValue = 0xA11CE_0001, RootValue = 0xA11CE_0002;
    private readonly ulong[] _universalBit;

    /// <summary>Creates a parser from its relation labels and weights.</summary>
    public Parser(IReadOnlyList<string> relations, LinearModel model)
    {
        Relations = [.. relations];
        Model = model;
        RootLabel = Array.IndexOf(Relations, "root");
        PunctLabel = Array.IndexOf(Relations, "punct");
        ParataxisLabel = Array.IndexOf(Relations, "parataxis");
        if (RootLabel < 0 || PunctLabel < 0 || ParataxisLabel < 0)
        {
            throw new InvalidDataException("parser relations must include root, punct and parataxis");
        }
        var universal = Relations.Select(r => r.Split(':')[0]).Distinct().ToList();
        _universalBit = [.. Relations.Select(r => 1UL << (universal.IndexOf(r.Split(':')[0]) % 64))];
        if (model.ClassCount != 2 + 2 * Relations.Length)
        {
            throw new InvalidDataException("parser weights do not match its relation labels");
        }
    }

    /// <summary>Relation labels, indexed by relation id.</summary>
    public string[] Relations { get; }

    /// <summary>Weights.</summary>
    public LinearModel Model { get; }

    internal int RootLabel { get; }

    internal int PunctLabel { get; }

    internal int ParataxisLabel { get; }

    internal ulong[] UniversalBit => _universalBit;

    /// <summary>Parses the tagged sentence in <paramref name="b"/>, writing heads and relations.</summary>
    public void Parse(SyntaxBuffer b, TagSet tags)
    {
        var s = b.State ??= new ParseState();
        s.Reset(b.Count);
        var labels = Relations.Length;
        Span<uint> features = stackalloc uint[MaxFeatures];
        Span<float> scores = stackalloc float[Model.ClassCount];
        while (!s.BufferEmpty)
        {
            var n = Features(b, s, features);
            scores.Clear();
            Model.Score(features[..n], scores);
            s.Apply(BestValid(s, scores), labels, _universalBit);
        }
        Finish(b, s, tags);
    }

    /// <summary>The highest-scoring valid transition.</summary>
    internal int BestValid(ParseState s, ReadOnlySpan<float> scores)
    {
        var labels = Relations.Length;
        var best = -1;
        var max = float.NegativeInfinity;
        if (s.CanShift && scores[ParseState.Shift] > max)
        {
            best = ParseState.Shift;
            max = scores[best];
        }
        if (s.CanReduce && scores[ParseState.Reduce] > max)
        {
            best = ParseState.Reduce;
            max = scores[best];
        }
        if (s.CanLeft)
        {
            for (var l = 0; l < labels; l++)
            {
                var m = ParseState.Left(l);
                if (l != RootLabel && scores[m] > max)
                {
                    best = m;
                    max = scores[m];
                }
            }
        }
        if (s.CanRight)
        {
            var atRoot = s.S0 == 0;
            for (var l = 0; l < labels; l++)
            {
                var m = ParseState.Right(l, labels);
                if ((l == RootLabel) == atRoot && scores[m] > max)
                {
                    best = m;
                    max = scores[m];
                }
            }
        }
        return best;
    }

    /// <summary>True when <paramref name="move"/> is allowed in <paramref name="s"/>.</summary>
    internal bool IsValid(ParseState s, int move)
    {
        var labels = Relations.Length;
        if (move == ParseState.Shift)
        {
            return s.CanShift;
        }
        if (move == ParseState.Reduce)
        {
            return s.CanReduce;
        }
        if (move < 2 + labels)
        {
            return s.CanLeft && move - 2 != RootLabel;
        }
        return s.CanRight && ((move - 2 - labels == RootLabel) == (s.S0 == 0));
    }

    /// <summary>Attaches what is left to the root and keeps a single root, then copies the tree into the buffer.</summary>
    private void Finish(SyntaxBuffer b, ParseState s, TagSet tags)
    {
        var root = ParseState.None;
        for (var t = 1; t <= s.N; t++)
        {
            if (s.Head[t] == ParseState.None || s.Head[t] == 0)
            {
                if (root == ParseState.None && (s.Head[t] == 0 || !tags.IsPunct[b.Tags[t - 1]]))
                {
                    root = t;
                }
            }
        }
        if (root == ParseState.None)
        {
            root = 1;
        }
        for (var t = 1; t <= s.N; t++)
        {
            var head = s.Head[t];
            var label = s.Label[t];
            if (t == root)
            {
                head = 0;
                label = RootLabel;
            }
            else if (head == ParseState.None || head == 0)
            {
                head = root;
                label = tags.IsPunct[b.Tags[t - 1]] ? PunctLabel : ParataxisLabel;
            }
            b.Heads[t - 1] = head;
            b.Relations[t - 1] = label;
        }
    }

    private static ulong Distance(int s0, int n0)
    {
        if (s0 <= 0 || n0 < 0)
        {
            return 0;
        }
        var d = n0 - s0;
        return d <= 4 ? (ulong)d : d <= 7 ? 5UL : d <= 10 ? 6UL : 7UL;
    }

    /// <summary>The classifier's features for the current state.</summary>
    internal static int Features(SyntaxBuffer b, ParseState s, Span<uint> f)
    {
        var s0 = s.S0;
        var s1 = s.S1;
        var n0 = s.B(0);
        var n1 = s.B(1);
        var n2 = s.B(2);
        var s0h = s0 > 0 ? s.Head[s0] : ParseState.None;
        var s0h2 = s0h > 0 ? s.Head[s0h] : ParseState.None;
        var s0l = s0 >= 0 ? s.Left1[s0] : ParseState.None;
        var s0l2 = s0 >= 0 ? s.Left2[s0] : ParseState.None;
        var s0r = s0 >= 0 ? s.Right1[s0] : ParseState.None;
        var s0r2 = s0 >= 0 ? s.Right2[s0] : ParseState.None;
        var n0l = n0 >= 0 ? s.Left1[n0] : ParseState.None;
        var n0l2 = n0 >= 0 ? s.Left2[n0] : ParseState.None;

        ulong W(int t) => t < 0 ? NoneValue : t == 0 ? RootValue : b.Norm[t - 1];
        ulong P(int t) => t < 0 ? NoneValue : t == 0 ? RootValue : (ulong)b.Tags[t - 1] + 7;
        ulong L(int t) => t <= 0 || s.Label[t] < 0 ? NoneValue : (ulong)s.Label[t] + 7;
        static ulong Pair(ulong a, ulong c) => FeatureHash.Mix((a * 0x9E3779B97F4A7C15UL) ^ c);

        var s0w = W(s0);
        var s0p = P(s0);
        var n0w = W(n0);
        var n0p = P(n0);
        var n1w = W(n1);
        var n1p = P(n1);
        var n2w = W(n2);
        var n2p = P(n2);
        var s0wp = Pair(s0w, s0p);
        var n0wp = Pair(n0w, n0p);
        var d = Distance(s0, n0);
        var vr = s0 >= 0 ? (ulong)s.ValencyRight[s0] : 99;
        var vl = s0 >= 0 ? (ulong)s.ValencyLeft[s0] : 99;
        var nvl = n0 >= 0 ? (ulong)s.ValencyLeft[n0] : 99;
        var sr = s0 >= 0 ? s.RightLabels[s0] : 0;
        var sl = s0 >= 0 ? s.LeftLabels[s0] : 0;
        var nsl = n0 >= 0 ? s.LeftLabels[n0] : 0;

        var n = 0;
        f[n++] = FeatureHash.Key(0, 0);
        f[n++] = FeatureHash.Key(1, s0wp);
        f[n++] = FeatureHash.Key(2, s0w);
        f[n++] = FeatureHash.Key(3, s0p);
        f[n++] = FeatureHash.Key(4, n0wp);
        f[n++] = FeatureHash.Key(5, n0w);
        f[n++] = FeatureHash.Key(6, n0p);
        f[n++] = FeatureHash.Key(7, n1w, n1p);
        f[n++] = FeatureHash.Key(8, n1w);
        f[n++] = FeatureHash.Key(9, n1p);
        f[n++] = FeatureHash.Key(10, n2w, n2p);
        f[n++] = FeatureHash.Key(11, n2w);
        f[n++] = FeatureHash.Key(12, n2p);
        f[n++] = FeatureHash.Key(13, s0wp, n0wp);
        f[n++] = FeatureHash.Key(14, s0wp, n0w);
        f[n++] = FeatureHash.Key(15, s0w, n0wp);
        f[n++] = FeatureHash.Key(16, s0wp, n0p);
        f[n++] = FeatureHash.Key(17, s0p, n0wp);
        f[n++] = FeatureHash.Key(18, s0w, n0w);
        f[n++] = FeatureHash.Key(19, s0p, n0p);
        f[n++] = FeatureHash.Key(20, n0p, n1p);
        f[n++] = FeatureHash.Key(21, n0p, n1p, n2p);
        f[n++] = FeatureHash.Key(22, s0p, n0p, n1p);
        f[n++] = FeatureHash.Key(23, P(s0h), s0p, n0p);
        f[n++] = FeatureHash.Key(24, s0p, P(s0l), n0p);
        f[n++] = FeatureHash.Key(25, s0p, P(s0r), n0p);
        f[n++] = FeatureHash.Key(26, s0p, n0p, P(n0l));
        f[n++] = FeatureHash.Key(27, s0w, d);
        f[n++] = FeatureHash.Key(28, s0p, d);
        f[n++] = FeatureHash.Key(29, n0w, d);
        f[n++] = FeatureHash.Key(30, n0p, d);
        f[n++] = FeatureHash.Key(31, s0w, n0w, d);
        f[n++] = FeatureHash.Key(32, s0p, n0p, d);
        f[n++] = FeatureHash.Key(33, s0w, vr);
        f[n++] = FeatureHash.Key(34, s0p, vr);
        f[n++] = FeatureHash.Key(35, s0w, vl);
        f[n++] = FeatureHash.Key(36, s0p, vl);
        f[n++] = FeatureHash.Key(37, n0w, nvl);
        f[n++] = FeatureHash.Key(38, n0p, nvl);
        f[n++] = FeatureHash.Key(39, W(s0h));
        f[n++] = FeatureHash.Key(40, P(s0h));
        f[n++] = FeatureHash.Key(41, L(s0));
        f[n++] = FeatureHash.Key(42, W(s0l));
        f[n++] = FeatureHash.Key(43, P(s0l));
        f[n++] = FeatureHash.Key(44, L(s0l));
        f[n++] = FeatureHash.Key(45, W(s0r));
        f[n++] = FeatureHash.Key(46, P(s0r));
        f[n++] = FeatureHash.Key(47, L(s0r));
        f[n++] = FeatureHash.Key(48, W(n0l));
        f[n++] = FeatureHash.Key(49, P(n0l));
        f[n++] = FeatureHash.Key(50, L(n0l));
        f[n++] = FeatureHash.Key(51, W(s0h2));
        f[n++] = FeatureHash.Key(52, P(s0h2));
        f[n++] = FeatureHash.Key(53, L(s0h));
        f[n++] = FeatureHash.Key(54, W(s0l2));
        f[n++] = FeatureHash.Key(55, P(s0l2));
        f[n++] = FeatureHash.Key(56, L(s0l2));
        f[n++] = FeatureHash.Key(57, W(s0r2));
        f[n++] = FeatureHash.Key(58, P(s0r2));
        f[n++] = FeatureHash.Key(59, L(s0r2));
        f[n++] = FeatureHash.Key(60, W(n0l2));
        f[n++] = FeatureHash.Key(61, P(n0l2));
        f[n++] = FeatureHash.Key(62, L(n0l2));
        f[n++] = FeatureHash.Key(63, s0p, P(s0l), P(s0l2));
        f[n++] = FeatureHash.Key(64, s0p, P(s0r), P(s0r2));
        f[n++] = FeatureHash.Key(65, s0p, P(s0h), P(s0h2));
        f[n++] = FeatureHash.Key(66, n0p, P(n0l), P(n0l2));
        f[n++] = FeatureHash.Key(67, s0w, sr);
        f[n++] = FeatureHash.Key(68, s0p, sr);
        f[n++] = FeatureHash.Key(69, s0w, sl);
        f[n++] = FeatureHash.Key(70, s0p, sl);
        f[n++] = FeatureHash.Key(71, n0w, nsl);
        f[n++] = FeatureHash.Key(72, n0p, nsl);
        f[n++] = FeatureHash.Key(73, W(s1));
        f[n++] = FeatureHash.Key(74, P(s1));
        f[n++] = FeatureHash.Key(75, P(s1), s0p, n0p);
        f[n++] = FeatureHash.Key(76, P(s1), s0p);
        f[n++] = FeatureHash.Key(77, n0p, n0 > 0 ? b.Suffix[2][n0 - 1] : NoneValue);
        f[n++] = FeatureHash.Key(78, s0p, L(s0), n0p);
        f[n++] = FeatureHash.Key(79, n0w, n1w);
        var s2 = s.Depth >= 3 ? s.Stack[s.Depth - 3] : ParseState.None;
        f[n++] = FeatureHash.Key(80, s0 > 0 ? b.Suffix[2][s0 - 1] : NoneValue, n0p);
        f[n++] = FeatureHash.Key(81, n0 > 0 ? b.Shape[n0 - 1] : NoneValue, s0p);
        f[n++] = FeatureHash.Key(82, P(s2), P(s1), s0p);
        f[n++] = FeatureHash.Key(83, W(s1), s0p, n0p);
        return n;
    }

    /// <summary>Writes the parser as a compressed model file.</summary>
    public void Save(Stream stream)
    {
        using var z = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(z);
        w.Write(Header);
        w.Write(Relations.Length);
        foreach (var r in Relations)
        {
            w.Write(r);
        }
        Model.Write(w);
    }

    /// <summary>Reads a parser written by <see cref="Save"/>.</summary>
    public static Parser Load(Stream stream)
    {
        using var z = new GZipStream(stream, CompressionMode.Decompress);
        using var r = new BinaryReader(new BufferedStream(z, 1 << 16));
        if (r.ReadString() != Header)
        {
            throw new InvalidDataException($"not a {Header} model");
        }
        var relations = new string[r.ReadInt32()];
        for (var i = 0; i < relations.Length; i++)
        {
            relations[i] = r.ReadString();
        }
        return new Parser(relations, LinearModel.Read(r));
    }
}
