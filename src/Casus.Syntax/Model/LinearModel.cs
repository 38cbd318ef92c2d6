using System.IO.Compression;
using System.Runtime.CompilerServices;

namespace Casus.Syntax.Model;

/// <summary>
/// A sparse linear classifier for inference: for each hashed feature key, the non-zero class weights.
/// Immutable after construction and safe to share across threads.
/// </summary>
/// <remarks>
/// Storage is an open-addressing table of 32-bit keys pointing into packed (class, weight) arrays, so scoring a
/// feature is one probe plus a short loop, with no allocation.
/// </remarks>
public sealed class LinearModel
{
    private const uint Magic = 0x324D4C43; // "CLM2"
    private readonly uint[] _keys;
    private readonly int[] _starts;
    private readonly ushort[] _classes;
    private readonly float[] _weights;
    private readonly int _mask;

    private LinearModel(int classCount, uint[] keys, int[] starts, ushort[] classes, float[] weights, int featureCount)
    {
        ClassCount = classCount;
        _keys = keys;
        _starts = starts;
        _classes = classes;
        _weights = weights;
        _mask = keys.Length - 1;
        FeatureCount = featureCount;
    }

    /// <summary>Number of classes scored.</summary>
    public int ClassCount { get; }

    /// <summary>Number of features with at least one weight.</summary>
    public int FeatureCount { get; }

    /// <summary>Number of stored (feature, class) weights.</summary>
    public int WeightCount => _weights.Length;

    /// <summary>Adds the weights of each feature to <paramref name="scores"/> (length ≥ ClassCount).</summary>
    public void Score(ReadOnlySpan<uint> features, Span<float> scores)
    {
        var keys = _keys;
        var mask = _mask;
        foreach (var f in features)
        {
            var slot = (int)(Spread(f) & (uint)mask);
            while (true)
            {
                var k = keys[slot];
                if (k == f)
                {
                    AddRow(_starts[slot], scores);
                    break;
                }
                if (k == 0)
                {
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddRow(int start, Span<float> scores)
    {
        // The row is stored as: _classes[start] = count, then count (class, weight) pairs at start+1...
        int count = _classes[start];
        var classes = _classes;
        var weights = _weights;
        for (var i = start + 1; i <= start + count; i++)
        {
            scores[classes[i]] += weights[i];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Spread(uint k) => k * 0x9E3779B1u >> 3 ^ k;

    /// <summary>Builds a model from sparse rows. Rows with no weight are dropped.</summary>
    public static LinearModel Build(int classCount, IEnumerable<(uint Key, IReadOnlyList<(int Class, float Weight)> Row)> rows)
    {
        var list = new List<(uint Key, IReadOnlyList<(int Class, float Weight)> Row)>();
        var total = 0;
        foreach (var r in rows)
        {
            if (r.Row.Count == 0)
            {
                continue;
            }
            if (r.Row.Count > ushort.MaxValue)
            {
                throw new ArgumentException("row too long");
            }
            list.Add(r);
            total += r.Row.Count + 1;
        }
        list.Sort((a, b) => a.Key.CompareTo(b.Key));
        var capacity = 16;
        while (capacity < list.Count * 2)
        {
            capacity <<= 1;
        }
        var keys = new uint[capacity];
        var starts = new int[capacity];
        var classes = new ushort[total];
        var weights = new float[total];
        var pos = 0;
        foreach (var (key, row) in list)
        {
            var slot = (int)(Spread(key) & (uint)(capacity - 1));
            while (keys[slot] != 0)
            {
                if (keys[slot] == key)
                {
                    throw new ArgumentException($"duplicate feature key {key}");
                }
                slot = (slot + 1) & (capacity - 1);
            }
            keys[slot] = key;
            starts[slot] = pos;
            classes[pos] = (ushort)row.Count;
            weights[pos] = 0;
            pos++;
            foreach (var (c, w) in row)
            {
                if ((uint)c >= (uint)classCount)
                {
                    throw new ArgumentException($"class {c} out of range {classCount}");
                }
                classes[pos] = (ushort)c;
                weights[pos] = w;
                pos++;
            }
        }
        return new LinearModel(classCount, keys, starts, classes, weights, list.Count);
    }

    /// <summary>A copy without the weights whose magnitude is below <paramref name="threshold"/>.</summary>
    public LinearModel Prune(float threshold)
    {
        var rows = new List<(uint, IReadOnlyList<(int, float)>)>(FeatureCount);
        foreach (var (key, start) in Rows())
        {
            int count = _classes[start];
            var row = new List<(int, float)>(count);
            for (var i = start + 1; i <= start + count; i++)
            {
                if (Math.Abs(_weights[i]) >= threshold)
                {
                    row.Add((_classes[i], _weights[i]));
                }
            }
            rows.Add((key, row));
        }
        return Build(ClassCount, rows);
    }

    /// <summary>Enumerates the rows (for serialization), in key order.</summary>
    private IEnumerable<(uint Key, int Start)> Rows()
    {
        var rows = new List<(uint Key, int Start)>(FeatureCount);
        for (var s = 0; s < _keys.Length; s++)
        {
            if (_keys[s] != 0)
            {
                rows.Add((_keys[s], _starts[s]));
            }
        }
        rows.Sort((a, b) => a.Key.CompareTo(b.Key));
        return rows;
    }

    /// <summary>
    /// Writes the model: keys delta-coded, weights as half floats. The format is versioned by a magic number;
    /// <see cref="Read"/> rejects anything else.
    /// </summary>
    public void Write(BinaryWriter w)
    {
        w.Write(Magic);
        w.Write(ClassCount);
        w.Write(FeatureCount);
        w.Write(_weights.Length);
        uint prev = 0;
        foreach (var (key, start) in Rows())
        {
            w.Write7BitEncodedInt((int)(key - prev));
            prev = key;
            int count = _classes[start];
            w.Write7BitEncodedInt(count);
            for (var i = start + 1; i <= start + count; i++)
            {
                w.Write((byte)_classes[i]);
                if (ClassCount > 255)
                {
                    w.Write((byte)(_classes[i] >> 8));
                }
                w.Write((Half)_weights[i]);
            }
        }
    }

    /// <summary>Reads a model written by <see cref="Write"/>.</summary>
    public static LinearModel Read(BinaryReader r)
    {
        if (r.ReadUInt32() != Magic)
        {
            throw new InvalidDataException("not a Casus linear model (bad magic number)");
        }
        var classCount = r.ReadInt32();
        var featureCount = r.ReadInt32();
        var total = r.ReadInt32();
        if (featureCount < 0 || total < featureCount)
        {
            throw new InvalidDataException("corrupt linear model header");
        }
        var capacity = 16;
        while (capacity < featureCount * 2)
        {
            capacity <<= 1;
        }
        var keys = new uint[capacity];
        var starts = new int[capacity];
        var classes = new ushort[total];
        var weights = new float[total];
        var pos = 0;
        uint key = 0;
        for (var f = 0; f < featureCount; f++)
        {
            key += (uint)r.Read7BitEncodedInt();
            var count = r.Read7BitEncodedInt();
            var slot = (int)(Spread(key) & (uint)(capacity - 1));
            while (keys[slot] != 0)
            {
                slot = (slot + 1) & (capacity - 1);
            }
            keys[slot] = key;
            starts[slot] = pos;
            if (pos + count + 1 > total)
            {
                throw new InvalidDataException($"linear model has more weights than its header says (feature {f})");
            }
            classes[pos++] = (ushort)count;
            for (var i = 0; i < count; i++)
            {
                int c = r.ReadByte();
                if (classCount > 255)
                {
                    c |= r.ReadByte() << 8;
                }
                if (c >= classCount)
                {
                    throw new InvalidDataException($"class {c} out of range in feature {f}");
                }
                classes[pos] = (ushort)c;
                weights[pos++] = (float)r.ReadHalf();
            }
        }
        return new LinearModel(classCount, keys, starts, classes, weights, featureCount);
    }
}
