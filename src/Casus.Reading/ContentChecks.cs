using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Casus.Reading;

/// <summary>Checks on raw input: binary sniffing, UTF-8 validity, byte order marks. Stateless.</summary>
internal static class ContentChecks
{
    /// <summary>How much of a file the binary sniffing looks at.</summary>
    public const int SniffLength = 8 * 1024;

    private static readonly SearchValues<byte> ControlBytes = SearchValues.Create(
        [0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x0B, 0x0E, 0x0F, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15,
         0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F, 0x7F]);

    /// <summary>The UTF-8 byte order mark.</summary>
    public static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// Says why <paramref name="head"/> (the first <see cref="SniffLength"/> bytes) does not look like text:
    /// a UTF-16 byte order mark, any NUL byte, or more than 10% control bytes other than tab, line feed,
    /// form feed and carriage return.
    /// </summary>
    /// <returns>Null when it looks like text.</returns>
    public static string? DescribeBinary(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return "UTF-16 text is not supported (save it as UTF-8)";
        }

        if (head.Contains((byte)0))
        {
            return "binary file (NUL bytes in the first 8 KB)";
        }

        int control = 0;
        ReadOnlySpan<byte> rest = head;
        int at = rest.IndexOfAny(ControlBytes);
        while (at >= 0)
        {
            control++;
            rest = rest[(at + 1)..];
            at = rest.IndexOfAny(ControlBytes);
        }

        return control > 0 && control * 10 > head.Length
            ? $"binary file ({control} control bytes in the first 8 KB)"
            : null;
    }

    /// <summary>Finds the offset of the first byte that is not part of a valid UTF-8 sequence.</summary>
    /// <returns>The offset, or -1 when all of <paramref name="bytes"/> is valid UTF-8.</returns>
    public static int FindInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes))
        {
            return -1;
        }

        int offset = 0;
        while (offset < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[offset..], out _, out int consumed) != OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return offset;
    }

    /// <summary>Finds the first unpaired surrogate, which has no UTF-8 encoding.</summary>
    /// <returns>The char offset, or -1 when there is none.</returns>
    public static int FindUnpairedSurrogate(ReadOnlySpan<char> text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (!char.IsSurrogate(c))
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            return i;
        }

        return -1;
    }

    /// <summary>1-based line of <paramref name="offset"/> in <paramref name="bytes"/>.</summary>
    public static int LineOf(ReadOnlySpan<byte> bytes, int offset) => bytes[..offset].Count((byte)'\n') + 1;

    /// <summary>
    /// The one normalization applied to every document text: CRLF becomes LF, so offsets do not depend on the
    /// platform that wrote the file.
    /// </summary>
    public static string NormalizeNewlines(string text) =>
        text.Contains("\r\n", StringComparison.Ordinal) ? text.Replace("\r\n", "\n", StringComparison.Ordinal) : text;
}
