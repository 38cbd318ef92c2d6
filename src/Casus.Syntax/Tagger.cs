using System.IO.Compression;
using Casus.Syntax.Model;

namespace Casus.Syntax;

/// <summary>
/// What the tagger knows about a training word: the hash of the set of tags it was seen with (its ambiguity
/// class) and, for frequent words seen with one tag nearly always, that tag. Immutable.
/// </summary>
public sealed class TaggerLexicon
{
    private readonly Dictionary<ulong, (ulong Ambiguity, int Fixed)> _words;

    /// <summary>Creates a lexicon from normalised-word hashes.</summary>
    public TaggerLexicon(Dictionary<ulong, (ulong Ambiguity, int Fixed)> words)
    {
        _words = words;
    }

    /// <summary>Number of words.</summary>
    public int Count => _words.Count;

    internal IEnumerable<KeyValuePair<ulong, (ulong Ambiguity, int Fixed)>> Entries => _words;

    /// <summary>Fills the ambiguity class (unknown words: 0) and fixed tag (or -1) of every word of the buffer.</summary>
    public void Fill(SyntaxBuffer b)
    {
        for (var i = 0; i < b.Count; i++)
        {
            if (_words.TryGetValue(b.Norm[i], out var e))
            {
                b.Ambiguity[i] = e.Ambiguity;
                b.FixedTags[i] = e.Fixed;
            }
            else
            {
                b.Ambiguity[i] = 0;
                b.FixedTags[i] = -1;
            }
        }
    }

    /// <summary>The fixed tag of a word, or -1.</summary>
    public int FixedTag(ulong norm) => _words.TryGetValue(norm, out var e) ? e.Fixed : -1;
}

/// <summary>
/// Greedy left-to-right averaged-perceptron part-of-speech tagger predicting joint (UPOS, XPOS) tags, in two
/// passes: the second pass sees the first pass's tags of the words to the right, so it decides with context
/// from both sides.
/// Immutable after load and safe to share across threads; all working memory lives in <see cref="SyntaxBuffer"/>.
/// </summary>
public sealed class Tagger
{
    internal const int MaxFeatures = 56;
    private const string Header = "casus-tagger/1";
    private const ulong Start1 = 0x51A87_0001, Start2 = 0x51A87_0002, End1 = 0xE4D_0001, End2 = 0xE4D_0002;

    /// <summary>Creates a tagger from its parts.</summary>
    public Tagger(TagSet tags, TaggerLexicon lexicon, LinearModel model, LinearModel? second = null)
    {
        Tags = tags;
        Lexicon = lexicon;
        Model = model;
        Second = second;
    }

    /// <summary>Weights of the second, bidirectional pass, or null for a one-pass tagger.</summary>
    public LinearModel? Second { get; }

    /// <summary>The classes.</summary>
    public TagSet Tags { get; }

    /// <summary>Word lexicon.</summary>
    public TaggerLexicon Lexicon { get; }

    /// <summary>Weights.</summary>
    public LinearModel Model { get; }

    /// <summary>Tags the sentence loaded in <paramref name="b"/>, writing <see cref="SyntaxBuffer.Tags"/>.</summary>
    public void Tag(SyntaxBuffer b)
    {
        Lexicon.Fill(b);
        Span<uint> features = stackalloc uint[MaxFeatures];
        Span<float> scores = stackalloc float[Model.ClassCount];
        for (var i = 0; i < b.Count; i++)
        {
            var fixedTag = b.FixedTags[i];
            if (fixedTag >= 0)
            {
                b.Tags[i] = fixedTag;
                continue;
            }
            var n = Features(b, i, i > 0 ? b.Tags[i - 1] : -1, i > 1 ? b.Tags[i - 2] : -2, features);
            scores.Clear();
            Model.Score(features[..n], scores);
            b.Tags[i] = ArgMax(scores);
        }
        if (Second is null)
        {
            return;
        }
        var first = b.Scratch.AsSpan(0, b.Count);
        b.Tags.AsSpan(0, b.Count).CopyTo(first);
        for (var i = 0; i < b.Count; i++)
        {
            if (b.FixedTags[i] >= 0)
            {
                continue;
            }
            var n = SecondPassFeatures(b, i, i > 0 ? b.Tags[i - 1] : -1, i > 1 ? b.Tags[i - 2] : -2, first, features);
            scores.Clear();
            Second.Score(features[..n], scores);
            b.Tags[i] = ArgMax(scores);
        }
    }

    /// <summary>Features of the second pass: the first pass's plus the first-pass tags around the word.</summary>
    internal static int SecondPassFeatures(SyntaxBuffer b, int i, int p1, int p2, ReadOnlySpan<int> first, Span<uint> f)
    {
        var n = Features(b, i, p1, p2, f);
        var r1 = i + 1 < b.Count ? (ulong)first[i + 1] + 3 : End1;
        var r2 = i + 2 < b.Count ? (ulong)first[i + 2] + 3 : End2;
        var own = (ulong)first[i] + 3;
        f[n++] = FeatureHash.Key(40, r1);
        f[n++] = FeatureHash.Key(41, r2);
        f[n++] = FeatureHash.Key(42, r1, r2);
        f[n++] = FeatureHash.Key(43, r1, b.Norm[i]);
        f[n++] = FeatureHash.Key(44, (ulong)(p1 + 3), r1);
        f[n++] = FeatureHash.Key(45, own);
        f[n++] = FeatureHash.Key(46, own, r1);
        f[n++] = FeatureHash.Key(47, r1, b.Suffix[2][i]);
        return n;
    }

    internal static int ArgMax(ReadOnlySpan<float> scores)
    {
        var best = 0;
        var max = scores[0];
        for (var c = 1; c < scores.Length; c++)
        {
            if (scores[c] > max)
            {
                max = scores[c];
                best = c;
            }
        }
        return best;
    }

    /// <summary>The tagger's features for word <paramref name="i"/> given the two previous tags.</summary>
    internal static int Features(SyntaxBuffer b, int i, int p1, int p2, Span<uint> f)
    {
        var w0 = b.Norm[i];
        var wm1 = i >= 1 ? b.Norm[i - 1] : Start1;
        var wm2 = i >= 2 ? b.Norm[i - 2] : i == 1 ? Start1 : Start2;
        var wp1 = i + 1 < b.Count ? b.Norm[i + 1] : End1;
        var wp2 = i + 2 < b.Count ? b.Norm[i + 2] : i + 1 < b.Count ? End1 : End2;
        var a0 = b.Ambiguity[i];
        var ap1 = i + 1 < b.Count ? b.Ambiguity[i + 1] : End1;
        var ap2 = i + 2 < b.Count ? b.Ambiguity[i + 2] : End2;
        var t1 = (ulong)(p1 + 3);
        var t2 = (ulong)(p2 + 3);
        var shape = b.Shape[i];
        var n = 0;
        f[n++] = FeatureHash.Key(0, 0);
        f[n++] = FeatureHash.Key(1, w0);
        f[n++] = FeatureHash.Key(2, wm1);
        f[n++] = FeatureHash.Key(3, wp1);
        f[n++] = FeatureHash.Key(4, wm2);
        f[n++] = FeatureHash.Key(5, wp2);
        for (var k = 0; k < 4; k++)
        {
            if (b.Suffix[k][i] != 0)
            {
                f[n++] = FeatureHash.Key(6 + k, b.Suffix[k][i]);
            }
        }
        for (var k = 0; k < 3; k++)
        {
            if (b.Prefix[k][i] != 0)
            {
                f[n++] = FeatureHash.Key(10 + k, b.Prefix[k][i]);
            }
        }
        f[n++] = FeatureHash.Key(13, shape);
        f[n++] = FeatureHash.Key(14, t1);
        f[n++] = FeatureHash.Key(15, t2);
        f[n++] = FeatureHash.Key(16, t1, t2);
        f[n++] = FeatureHash.Key(17, t1, w0);
        f[n++] = FeatureHash.Key(18, i >= 1 ? b.Suffix[2][i - 1] : Start1);
        f[n++] = FeatureHash.Key(19, i + 1 < b.Count ? b.Suffix[2][i + 1] : End1);
        f[n++] = FeatureHash.Key(20, wm1, w0);
        f[n++] = FeatureHash.Key(21, w0, wp1);
        f[n++] = FeatureHash.Key(22, ap1);
        f[n++] = FeatureHash.Key(23, ap2);
        f[n++] = FeatureHash.Key(24, a0);
        f[n++] = FeatureHash.Key(25, t1, ap1);
        f[n++] = FeatureHash.Key(26, shape, i == 0 ? 1UL : 0UL);
        f[n++] = FeatureHash.Key(27, a0, t1);
        f[n++] = FeatureHash.Key(28, i + 1 < b.Count ? b.Shape[i + 1] : End1);
        f[n++] = FeatureHash.Key(29, a0, ap1);
        f[n++] = FeatureHash.Key(30, i >= 1 ? b.Shape[i - 1] : Start1, shape);
        f[n++] = FeatureHash.Key(31, b.Suffix[2][i], ap1);
        var sm1 = i >= 1 ? b.Shape[i - 1] : Start1;
        var sp1 = i + 1 < b.Count ? b.Shape[i + 1] : End1;
        f[n++] = FeatureHash.Key(32, b.Raw[i]);
        f[n++] = FeatureHash.Key(33, i >= 1 ? b.Raw[i - 1] : Start1);
        f[n++] = FeatureHash.Key(34, i + 1 < b.Count ? b.Raw[i + 1] : End1);
        f[n++] = FeatureHash.Key(35, shape, t1);
        f[n++] = FeatureHash.Key(36, sm1, shape, sp1);
        f[n++] = FeatureHash.Key(37, b.Suffix[1][i], shape);
        return n;
    }

    /// <summary>Writes the tagger as a compressed model file.</summary>
    public void Save(Stream stream)
    {
        using var z = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(z);
        w.Write(Header);
        w.Write(Tags.Count);
        for (var i = 0; i < Tags.Count; i++)
        {
            w.Write(Tags.Upos[i]);
            w.Write(Tags.Xpos[i]);
        }
        var entries = Lexicon.Entries.OrderBy(e => e.Key).ToList();
        w.Write(entries.Count);
        foreach (var (key, (amb, fix)) in entries)
        {
            w.Write(key);
            w.Write(amb);
            w.Write(fix);
        }
        Model.Write(w);
        w.Write(Second is not null);
        Second?.Write(w);
    }

    /// <summary>Reads a tagger written by <see cref="Save"/>.</summary>
    public static Tagger Load(Stream stream)
    {
        using var z = new GZipStream(stream, CompressionMode.Decompress);
        using var r = new BinaryReader(new BufferedStream(z, 1 << 16));
        if (r.ReadString() != Header)
        {
            throw new InvalidDataException($"not a {Header} model");
        }
        var tagCount = r.ReadInt32();
        var tags = new List<(string, string)>(tagCount);
        for (var i = 0; i < tagCount; i++)
        {
            tags.Add((r.ReadString(), r.ReadString()));
        }
        var count = r.ReadInt32();
        var words = new Dictionary<ulong, (ulong, int)>(count);
        for (var i = 0; i < count; i++)
        {
            words[r.ReadUInt64()] = (r.ReadUInt64(), r.ReadInt32());
        }
        var model = LinearModel.Read(r);
        var second = r.ReadBoolean() ? LinearModel.Read(r) : null;
        if (model.ClassCount != tagCount || (second is not null && second.ClassCount != tagCount))
        {
            throw new InvalidDataException("tagger weights do not match its tag set");
        }
        return new Tagger(new TagSet(tags), new TaggerLexicon(words), model, second);
    }
}
