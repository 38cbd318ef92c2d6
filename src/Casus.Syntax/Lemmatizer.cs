using System.IO.Compression;
using System.Text;
using Casus.Syntax.Model;

namespace Casus.Syntax;

/// <summary>
/// A lemma as an edit of the word form: optionally lower-case it, cut characters from the end, append a string
/// ("went" → lower, cut 4, append "go"). Lemmas are produced as strings only when written out.
/// </summary>
/// <param name="Lower">Lower-case the form first.</param>
/// <param name="Cut">Characters removed from the end.</param>
/// <param name="Append">Characters appended.</param>
public readonly record struct LemmaEdit(bool Lower, int Cut, string Append)
{
    /// <summary>The edit that turns <paramref name="form"/> into <paramref name="lemma"/> with the shortest append.</summary>
    public static LemmaEdit Between(string form, string lemma)
    {
        var asIs = Make(form, lemma, false);
        var lower = Make(string.Create(form.Length, form, static (span, f) =>
        {
            for (var i = 0; i < f.Length; i++)
            {
                span[i] = char.ToLowerInvariant(f[i]);
            }
        }), lemma, true);
        return lower.Append.Length <= asIs.Append.Length ? lower : asIs;

        static LemmaEdit Make(string f, string l, bool lower)
        {
            var p = 0;
            while (p < f.Length && p < l.Length && f[p] == l[p])
            {
                p++;
            }
            return new LemmaEdit(lower, f.Length - p, l[p..]);
        }
    }

    /// <summary>Applies the edit to a form.</summary>
    public string Apply(ReadOnlySpan<char> form)
    {
        var cut = Math.Min(Cut, form.Length);
        var keep = form[..(form.Length - cut)];
        var sb = new StringBuilder(keep.Length + Append.Length);
        if (Lower)
        {
            foreach (var c in keep)
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }
        else
        {
            sb.Append(keep);
        }
        return sb.Append(Append).ToString();
    }
}

/// <summary>
/// Lemmatizer trained from the treebanks: a table of known (word, tag) pairs, then the most frequent edit for the
/// tag and the longest known suffix, then a per-tag default. Immutable and thread-safe.
/// </summary>
public sealed class Lemmatizer
{
    private const string Header = "casus-lemmatizer/1";
    private readonly Dictionary<ulong, int> _known;
    private readonly Dictionary<ulong, int> _suffixes;
    private readonly int[] _defaults;

    /// <summary>Creates a lemmatizer from its tables.</summary>
    public Lemmatizer(IReadOnlyList<LemmaEdit> edits, Dictionary<ulong, int> known, Dictionary<ulong, int> suffixes, int[] defaults)
    {
        Edits = [.. edits];
        _known = known;
        _suffixes = suffixes;
        _defaults = defaults;
    }

    /// <summary>All edit scripts; <see cref="SyntaxBuffer.LemmaEdits"/> index into this.</summary>
    public LemmaEdit[] Edits { get; }

    internal static ulong KnownKey(ulong norm, int tag) => FeatureHash.Mix(norm ^ ((ulong)(tag + 1) * 0x9E3779B97F4A7C15UL));

    internal static ulong SuffixKey(ulong suffix, int length, int tag) =>
        FeatureHash.Mix(suffix ^ ((ulong)(tag + 1) * 0x9E3779B97F4A7C15UL) ^ ((ulong)length << 59));

    /// <summary>Chooses an edit for every word of a tagged sentence.</summary>
    public void Lemmatize(SyntaxBuffer b)
    {
        for (var i = 0; i < b.Count; i++)
        {
            var tag = b.Tags[i];
            if (_known.TryGetValue(KnownKey(b.Norm[i], tag), out var e))
            {
                b.LemmaEdits[i] = e;
                continue;
            }
            e = tag < _defaults.Length ? _defaults[tag] : 0;
            var length = b.Tokens[i].Length;
            for (var k = Math.Min(4, length - 1); k >= 1; k--)
            {
                if (_suffixes.TryGetValue(SuffixKey(b.Suffix[k - 1][i], k, tag), out var s) && Edits[s].Cut < length)
                {
                    e = s;
                    break;
                }
            }
            b.LemmaEdits[i] = e;
        }
    }

    /// <summary>
    /// Writes the lemma of word <paramref name="i"/> into <paramref name="destination"/>, lower-cased when
    /// <paramref name="lower"/>, without allocating; returns its length, or -1 when it does not fit.
    /// </summary>
    public int WriteLemma(SyntaxBuffer b, int i, Span<char> destination, bool lower = false)
    {
        var edit = Edits[b.LemmaEdits[i]];
        var form = b.Form(i);
        var keep = form[..(form.Length - Math.Min(edit.Cut, form.Length))];
        var length = keep.Length + edit.Append.Length;
        if (length > destination.Length)
        {
            return -1;
        }
        for (var k = 0; k < keep.Length; k++)
        {
            destination[k] = edit.Lower || lower ? char.ToLowerInvariant(keep[k]) : keep[k];
        }
        for (var k = 0; k < edit.Append.Length; k++)
        {
            destination[keep.Length + k] = lower ? char.ToLowerInvariant(edit.Append[k]) : edit.Append[k];
        }
        return length;
    }

    /// <summary>The lemma of word <paramref name="i"/> as a string.</summary>
    public string Lemma(SyntaxBuffer b, int i) => Edits[b.LemmaEdits[i]].Apply(b.Form(i));

    /// <summary>Writes the lemmatizer as a compressed model file.</summary>
    public void Save(Stream stream)
    {
        using var z = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(z);
        w.Write(Header);
        w.Write(Edits.Length);
        foreach (var e in Edits)
        {
            w.Write(e.Lower);
            w.Write(e.Cut);
            w.Write(e.Append);
        }
        WriteTable(w, _known);
        WriteTable(w, _suffixes);
        w.Write(_defaults.Length);
        foreach (var d in _defaults)
        {
            w.Write(d);
        }

        static void WriteTable(BinaryWriter w, Dictionary<ulong, int> table)
        {
            w.Write(table.Count);
            foreach (var (k, v) in table.OrderBy(e => e.Key))
            {
                w.Write(k);
                w.Write7BitEncodedInt(v);
            }
        }
    }

    /// <summary>Reads a lemmatizer written by <see cref="Save"/>.</summary>
    public static Lemmatizer Load(Stream stream)
    {
        using var z = new GZipStream(stream, CompressionMode.Decompress);
        using var r = new BinaryReader(new BufferedStream(z, 1 << 16));
        if (r.ReadString() != Header)
        {
            throw new InvalidDataException($"not a {Header} model");
        }
        var edits = new LemmaEdit[r.ReadInt32()];
        for (var i = 0; i < edits.Length; i++)
        {
            edits[i] = new LemmaEdit(r.ReadBoolean(), r.ReadInt32(), r.ReadString());
        }
        var known = ReadTable(r, edits.Length);
        var suffixes = ReadTable(r, edits.Length);
        var defaults = new int[r.ReadInt32()];
        for (var i = 0; i < defaults.Length; i++)
        {
            defaults[i] = r.ReadInt32();
        }
        return new Lemmatizer(edits, known, suffixes, defaults);

        static Dictionary<ulong, int> ReadTable(BinaryReader r, int editCount)
        {
            var count = r.ReadInt32();
            var table = new Dictionary<ulong, int>(count);
            for (var i = 0; i < count; i++)
            {
                var k = r.ReadUInt64();
                var v = r.Read7BitEncodedInt();
                if ((uint)v >= (uint)editCount)
                {
                    throw new InvalidDataException("lemma edit out of range");
                }
                table[k] = v;
            }
            return table;
        }
    }
}
