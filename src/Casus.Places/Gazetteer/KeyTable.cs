using System.Runtime.InteropServices;

namespace Casus.Places;

/// <summary>
/// An immutable map from name keys (see <see cref="NameKey"/>) to lists of integers, stored as flat arrays with an
/// open-addressing hash table, so that loading is a few array reads and a lookup by span allocates nothing.
/// </summary>
internal sealed class KeyTable
{
    private readonly char[] _chars;
    private readonly int[] _keyStart;
    private readonly int[] _valueStart;
    private readonly int[] _values;
    private readonly int[] _slots;

    private KeyTable(char[] chars, int[] keyStart, int[] valueStart, int[] values, int[] slots)
    {
        _chars = chars;
        _keyStart = keyStart;
        _valueStart = valueStart;
        _values = values;
        _slots = slots;
    }

    /// <summary>An empty table.</summary>
    public static KeyTable Empty { get; } = Build(new SortedDictionary<string, List<int>>(StringComparer.Ordinal));

    public int Count => _keyStart.Length - 1;

    public int ValueCount => _values.Length;

    public int CharCount => _chars.Length;

    /// <summary>The index of <paramref name="key"/>, or -1.</summary>
    public int Find(ReadOnlySpan<char> key)
    {
        if (key.IsEmpty)
        {
            return -1;
        }
        var mask = _slots.Length - 1;
        var slot = (int)(NameKey.Hash(key) & (uint)mask);
        while (true)
        {
            var k = _slots[slot] - 1;
            if (k < 0)
            {
                return -1;
            }
            if (_chars.AsSpan(_keyStart[k], _keyStart[k + 1] - _keyStart[k]).SequenceEqual(key))
            {
                return k;
            }
            slot = (slot + 1) & mask;
        }
    }

    public bool Contains(ReadOnlySpan<char> key) => Find(key) >= 0;

    public ReadOnlySpan<int> Values(int index) => _values.AsSpan(_valueStart[index], _valueStart[index + 1] - _valueStart[index]);

    public string KeyAt(int index) => new(_chars, _keyStart[index], _keyStart[index + 1] - _keyStart[index]);

    /// <summary>Builds a table; keys are taken in ordinal order so that the same input gives the same bytes.</summary>
    public static KeyTable Build(SortedDictionary<string, List<int>> map)
    {
        var keyStart = new int[map.Count + 1];
        var valueStart = new int[map.Count + 1];
        var chars = new List<char>();
        var values = new List<int>();
        var i = 0;
        foreach (var (key, list) in map)
        {
            keyStart[i] = chars.Count;
            valueStart[i] = values.Count;
            chars.AddRange(key);
            values.AddRange(list);
            i++;
        }
        keyStart[i] = chars.Count;
        valueStart[i] = values.Count;
        var size = 16;
        while (size < map.Count * 2)
        {
            size *= 2;
        }
        var slots = new int[size];
        var charArray = chars.ToArray();
        for (var k = 0; k < map.Count; k++)
        {
            var slot = (int)(NameKey.Hash(charArray.AsSpan(keyStart[k], keyStart[k + 1] - keyStart[k])) & (uint)(size - 1));
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & (size - 1);
            }
            slots[slot] = k + 1;
        }
        return new KeyTable(charArray, keyStart, valueStart, [.. values], slots);
    }

    public void Write(BinaryWriter writer)
    {
        BinaryArrays.Write(writer, _chars);
        BinaryArrays.Write(writer, _keyStart);
        BinaryArrays.Write(writer, _valueStart);
        BinaryArrays.Write(writer, _values);
        BinaryArrays.Write(writer, _slots);
    }

    public static KeyTable Read(ref BinaryArrays.Reader reader)
    {
        var chars = reader.Array<char>();
        var keyStart = reader.Array<int>();
        var valueStart = reader.Array<int>();
        var values = reader.Array<int>();
        var slots = reader.Array<int>();
        if (keyStart.Length == 0 || valueStart.Length != keyStart.Length || slots.Length == 0 || (slots.Length & (slots.Length - 1)) != 0)
        {
            throw new InvalidDataException("gazetteer key table is corrupt");
        }
        return new KeyTable(chars, keyStart, valueStart, values, slots);
    }
}

/// <summary>Length-prefixed arrays of unmanaged values, written and read as raw little-endian bytes.</summary>
internal static class BinaryArrays
{
    public static void Write<T>(BinaryWriter writer, T[] values)
        where T : unmanaged
    {
        writer.Write(values.Length);
        writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    public static void WriteStrings(BinaryWriter writer, IReadOnlyList<string> strings)
    {
        var (start, chars) = GazetteerData.Pool(strings);
        Write(writer, start);
        Write(writer, chars);
    }

    /// <summary>Reads arrays back from a byte buffer.</summary>
    public ref struct Reader(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private int _position;

        public int Int()
        {
            var value = MemoryMarshal.Read<int>(Take(sizeof(int)));
            return value;
        }

        public T[] Array<T>()
            where T : unmanaged
        {
            var count = Int();
            var size = System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
            if (count < 0 || (long)count * size > _data.Length - _position)
            {
                throw new InvalidDataException("gazetteer array length is out of range");
            }
            return MemoryMarshal.Cast<byte, T>(Take(count * size)).ToArray();
        }

        public string[] Strings()
        {
            var start = Array<int>();
            var chars = Array<char>();
            var strings = new string[Math.Max(0, start.Length - 1)];
            for (var i = 0; i < strings.Length; i++)
            {
                strings[i] = new string(chars, start[i], start[i + 1] - start[i]);
            }
            return strings;
        }

        private ReadOnlySpan<byte> Take(int count)
        {
            if (count > _data.Length - _position)
            {
                throw new InvalidDataException("gazetteer file is truncated");
            }
            var span = _data.Slice(_position, count);
            _position += count;
            return span;
        }
    }
}
