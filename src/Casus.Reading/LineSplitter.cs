using System.Buffers;

namespace Casus.Reading;

/// <summary>
/// Splits a stream of bytes or chars into lines without ever holding more than one line of at most
/// <c>maxLength</c> units: a longer line is counted and skipped over, not buffered. A line that fits in the
/// read buffer is exposed in place, without a copy. <see cref="Line"/> is valid until the next
/// <see cref="MoveNext"/>. Not thread-safe; dispose to return the pooled buffers.
/// </summary>
/// <typeparam name="T"><see cref="byte"/> for UTF-8 files, <see cref="char"/> for a <see cref="TextReader"/>.</typeparam>
internal sealed class LineSplitter<T> : IDisposable
    where T : unmanaged, IEquatable<T>
{
    private const int DefaultChunkSize = 64 * 1024;

    private readonly Func<T[], int, int, int> _read;
    private readonly T _newline;
    private readonly T _carriageReturn;
    private readonly int _maxLength;
    private T[] _chunk;
    private int _chunkStart;
    private int _chunkEnd;
    private bool _endOfInput;
    private T[] _line = [];
    private int _lineLength;
    private T[]? _currentArray;
    private int _currentStart;
    private int _currentLength;
    private long _position;
    private bool _endsWithCarriageReturn;

    /// <param name="read">Reads into (buffer, offset, count), returns the count read, 0 at the end.</param>
    /// <param name="newline">The line feed value.</param>
    /// <param name="carriageReturn">The carriage return value, dropped at the end of a line.</param>
    /// <param name="maxLength">Longest line kept, in units, not counting the line break.</param>
    /// <param name="prefix">Units already read from the source (for sniffing); they come first.</param>
    /// <param name="chunkSize">Read buffer size.</param>
    public LineSplitter(
        Func<T[], int, int, int> read,
        T newline,
        T carriageReturn,
        int maxLength,
        ReadOnlySpan<T> prefix = default,
        int chunkSize = DefaultChunkSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxLength);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chunkSize);
        _read = read;
        _newline = newline;
        _carriageReturn = carriageReturn;
        _maxLength = maxLength;
        _chunk = ArrayPool<T>.Shared.Rent(Math.Max(chunkSize, prefix.Length));
        prefix.CopyTo(_chunk);
        _chunkEnd = prefix.Length;
    }

    /// <summary>1-based number of the current line.</summary>
    public int LineNumber { get; private set; }

    /// <summary>Offset, in units from the start of the input, of the current line.</summary>
    public long LineOffset { get; private set; }

    /// <summary>Length of the current line in units, without the line break; known even when too long.</summary>
    public long LineLength { get; private set; }

    /// <summary>The current line is longer than the limit; <see cref="Line"/> is empty.</summary>
    public bool IsTooLong { get; private set; }

    /// <summary>The current line without its line break.</summary>
    public ReadOnlySpan<T> Line =>
        _currentArray is null ? default : _currentArray.AsSpan(_currentStart, _currentLength);

    /// <summary>Moves to the next line.</summary>
    /// <returns>False at the end of the input.</returns>
    public bool MoveNext()
    {
        LineOffset = _position;
        IsTooLong = false;
        _endsWithCarriageReturn = false;
        _lineLength = 0;
        _currentArray = null;
        long total = 0;
        bool any = false;
        while (true)
        {
            if (_chunkStart == _chunkEnd && !Fill())
            {
                if (!any)
                {
                    LineLength = 0;
                    return false;
                }

                LineNumber++;
                Finish(_line, 0, _lineLength, total);
                return true;
            }

            any = true;
            ReadOnlySpan<T> available = _chunk.AsSpan(_chunkStart, _chunkEnd - _chunkStart);
            int newline = available.IndexOf(_newline);
            int take = newline >= 0 ? newline : available.Length;
            if (newline >= 0 && total == 0)
            {
                LineNumber++;
                Finish(_chunk, _chunkStart, take, take);
                Advance(take + 1);
                return true;
            }

            total = Append(available[..take], total);
            Advance(newline >= 0 ? take + 1 : take);
            if (newline >= 0)
            {
                LineNumber++;
                Finish(_line, 0, _lineLength, total);
                return true;
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        ArrayPool<T>.Shared.Return(_chunk);
        _chunk = [];
        if (_line.Length > 0)
        {
            ArrayPool<T>.Shared.Return(_line);
            _line = [];
        }

        _currentArray = null;
    }

    private bool Fill()
    {
        if (_endOfInput)
        {
            return false;
        }

        _chunkStart = 0;
        _chunkEnd = 0;
        int read = _read(_chunk, 0, _chunk.Length);
        if (read <= 0)
        {
            _endOfInput = true;
            return false;
        }

        _chunkEnd = read;
        return true;
    }

    private void Advance(int count)
    {
        _chunkStart += count;
        _position += count;
    }

    private long Append(ReadOnlySpan<T> piece, long total)
    {
        total += piece.Length;
        if (piece.Length > 0)
        {
            _endsWithCarriageReturn = piece[^1].Equals(_carriageReturn);
        }

        if (IsTooLong)
        {
            return total;
        }

        // One unit of slack for a trailing carriage return, which Finish drops.
        if (total > (long)_maxLength + 1)
        {
            IsTooLong = true;
            _lineLength = 0;
            return total;
        }

        int needed = _lineLength + piece.Length;
        if (needed > _line.Length)
        {
            // Grows by four, so a line at the limit costs about 4/3 of the limit in buffers, not twice.
            T[] bigger = ArrayPool<T>.Shared.Rent(Math.Max(needed, Math.Min(_maxLength + 1, Math.Max(64 * 1024, _line.Length * 4))));
            _line.AsSpan(0, _lineLength).CopyTo(bigger);
            if (_line.Length > 0)
            {
                ArrayPool<T>.Shared.Return(_line);
            }

            _line = bigger;
        }

        piece.CopyTo(_line.AsSpan(_lineLength));
        _lineLength = needed;
        return total;
    }

    private void Finish(T[] array, int start, int length, long total)
    {
        bool endsWithCarriageReturn = IsTooLong
            ? total > 0 && _endsWithCarriageReturn
            : length > 0 && array[start + length - 1].Equals(_carriageReturn);
        if (endsWithCarriageReturn)
        {
            length--;
            total--;
        }

        LineLength = total;
        if (IsTooLong || total > _maxLength)
        {
            IsTooLong = true;
            _currentArray = null;
            return;
        }

        _currentArray = array;
        _currentStart = start;
        _currentLength = length;
    }
}
