using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Casus.Syntax.Model;

/// <summary>
/// A sparse linear classifier for inference: for each hashed feature key, the non-zero class weights.
/// Immutable after construction and safe to share across threads.
/// </summary>
/// <remarks>
/// Storage is built for the cache: an open-addressing table of (key, row start) slots, and one array of
/// (class, weight) entries where each row starts with a header entry holding its length. Scoring a feature is
/// one probe into the slots and one run through adjacent entries, with no allocation.
/// </remarks>
public sealed class LinearModel
{
    private const uint Magic = 0x334D4C43; // "CLM3"
    private readonly Slot[] _slots;
    private readonly Entry[] _entries;
    private readonly int _mask;

    [StructLayout(LayoutKind.Sequential)]
    private struct Slot
    {
        public uint Key;
        public int Start;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Entry
    {
        public int Class;
        public float Weight;
    }

    private LinearModel(int classCount, Slot[] slots, Entry[] entries, int featureCount)
    {
        ClassCount = classCount;
        _slots = slots;
        _entries = entries;
        _mask = slots.Length - 1;
        FeatureCount = featureCount;
    }

    /// <summary>Number of classes scored.</summary>
    public int ClassCount { get; }

    /// <summary>Number of features with at least one weight.</summary>
    public int FeatureCount { get; }

    /// <summary>Number of stored (feature, class) weights.</summary>
    public int WeightCount => _entries.Length - FeatureCount;

    /// <summary>Adds the weights of each feature to <paramref name="scores"/> (length ≥ ClassCount).</summary>
    public void Score(ReadOnlySpan<uint> features, Span<float> scores)
    {
        var slots = _slots;
        var entries = _entries;
        var mask = _mask;
        foreach (var f in features)
        {
            var slot = (int)(Spread(f) & (uint)mask);
            while (true)
            {
                ref readonly var s = ref slots[slot];
                if (s.Key == f)
                {
                    var start = s.Start;
                    var end = start + entries[start].Class;
                    for (var i = start + 1; i <= end; i++)
                    {
                        scores[entries[i].Class] += entries[i].Weight;
                    }
                    break;
                }
                if (s.Key == 0)
                {
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Spread(uint k) => k * 0x9E3779B1u >> 3 ^ k;

    private static int Capacity(int features)
    {
        var capacity = 16;
        while (capacity < features * 2)
        {
            capacity <<= 1;
        }
        return capacity;
    }

    private static void Place(Slot[] slots, uint key, int start)
    {
        var mask = slots.Length - 1;
        var slot = (int)(Spread(key) & (uint)mask);
        while (slots[slot].Key != 0)
        {
            if (slots[slot].Key == key)
            {
                throw new ArgumentException($"duplicate feature key {key}");
            }
            slot = (slot + 1) & mask;
        }
        slots[slot] = new Slot { Key = key, Start = start };
    }

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
            list.Add(r);
            total += r.Row.Count + 1;
        }
        list.Sort((a, b) => a.Key.CompareTo(b.Key));
        var slots = new Slot[Capacity(list.Count)];
        var entries = new Entry[total];
        var pos = 0;
        foreach (var (key, row) in list)
        {
            Place(slots, key, pos);
            entries[pos++] = new Entry { Class = row.Count };
            foreach (var (c, w) in row)
            {
                if ((uint)c >= (uint)classCount)
                {
                    throw new ArgumentException($"class {c} out of range {classCount}");
                }
                entries[pos++] = new Entry { Class = c, Weight = w };
            }
        }
        return new LinearModel(classCount, slots, entries, list.Count);
    }

    /// <summary>The rows in key order.</summary>
    private List<(uint Key, int Start)> Rows()
    {
        var rows = new List<(uint Key, int Start)>(FeatureCount);
        foreach (var s in _slots)
        {
            if (s.Key != 0)
            {
                rows.Add((s.Key, s.Start));
            }
        }
        rows.Sort((a, b) => a.Key.CompareTo(b.Key));
        return rows;
    }

    /// <summary>A copy without the weights whose magnitude is below <paramref name="threshold"/>.</summary>
    public LinearModel Prune(float threshold)
    {
        var rows = new List<(uint, IReadOnlyList<(int, float)>)>(FeatureCount);
        foreach (var (key, start) in Rows())
        {
            var count = _entries[start].Class;
            var row = new List<(int, float)>(count);
            for (var i = start + 1; i <= start + count; i++)
            {
                if (Math.Abs(_entries[i].Weight) >= threshold)
                {
                    row.Add((_entries[i].Class, _entries[i].Weight));
                }
            }
            rows.Add((key, row));
        }
        return Build(ClassCount, rows);
    }

    /// <summary>
    /// Writes the model in sections so that reading is a few bulk copies: sorted keys delta-coded, row lengths,
    /// then all classes, then all weights as half floats. The format is versioned by a magic number;
    /// <see cref="Read"/> rejects anything else.
    /// </summary>
    public void Write(BinaryWriter w)
    {
        var rows = Rows();
        w.Write(Magic);
        w.Write(ClassCount);
        w.Write(FeatureCount);
        w.Write(WeightCount);
        uint prev = 0;
        foreach (var (key, start) in rows)
        {
            w.Write7BitEncodedInt((int)(key - prev));
            prev = key;
            w.Write7BitEncodedInt(_entries[start].Class);
        }
        var wide = ClassCount > 255;
        foreach (var (_, start) in rows)
        {
            for (var i = start + 1; i <= start + _entries[start].Class; i++)
            {
                if (wide)
                {
                    w.Write((ushort)_entries[i].Class);
                }
                else
                {
                    w.Write((byte)_entries[i].Class);
                }
            }
        }
        foreach (var (_, start) in rows)
        {
            for (var i = start + 1; i <= start + _entries[start].Class; i++)
            {
                w.Write((Half)_entries[i].Weight);
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
        var weightCount = r.ReadInt32();
        if (classCount <= 0 || featureCount < 0 || weightCount < featureCount)
        {
            throw new InvalidDataException("corrupt linear model header");
        }
        var keys = new uint[featureCount];
        var counts = new int[featureCount];
        uint key = 0;
        long sum = 0;
        for (var f = 0; f < featureCount; f++)
        {
            key += (uint)r.Read7BitEncodedInt();
            keys[f] = key;
            counts[f] = r.Read7BitEncodedInt();
            sum += counts[f];
        }
        if (sum != weightCount)
        {
            throw new InvalidDataException($"linear model rows hold {sum} weights, header says {weightCount}");
        }
        var classes = new ushort[weightCount];
        if (classCount > 255)
        {
            r.BaseStream.ReadExactly(MemoryMarshal.AsBytes(classes.AsSpan()));
        }
        else
        {
            var bytes = r.ReadBytes(weightCount);
            if (bytes.Length != weightCount)
            {
                throw new EndOfStreamException("linear model truncated in its classes");
            }
            for (var i = 0; i < bytes.Length; i++)
            {
                classes[i] = bytes[i];
            }
        }
        var weights = new Half[weightCount];
        r.BaseStream.ReadExactly(MemoryMarshal.AsBytes(weights.AsSpan()));

        var slots = new Slot[Capacity(featureCount)];
        var entries = new Entry[weightCount + featureCount];
        var pos = 0;
        var w = 0;
        for (var f = 0; f < featureCount; f++)
        {
            Place(slots, keys[f], pos);
            entries[pos++] = new Entry { Class = counts[f] };
            for (var i = 0; i < counts[f]; i++, w++)
            {
                if (classes[w] >= classCount)
                {
                    throw new InvalidDataException($"class {classes[w]} out of range in feature {f}");
                }
                entries[pos++] = new Entry { Class = classes[w], Weight = (float)weights[w] };
            }
        }
        return new LinearModel(classCount, slots, entries, featureCount);
    }
}
