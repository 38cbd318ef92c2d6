using System.Text;
using CsCheck;
using Xunit;

namespace Casus.Reading.Tests;

public sealed class LineSplitterTests
{
    /// <summary>Splits with a tiny read buffer so lines cross chunk boundaries; too-long lines show as <c>!len</c>.</summary>
    private static List<string> Split(string input, int maxLength, int chunkSize, int prefixLength = 0)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(input);
        prefixLength = Math.Min(prefixLength, bytes.Length);
        using var stream = new MemoryStream(bytes, prefixLength, bytes.Length - prefixLength);
        using var lines = new LineSplitter<byte>(stream.Read, (byte)'\n', (byte)'\r', maxLength, bytes.AsSpan(0, prefixLength), chunkSize);
        var result = new List<string>();
        long offset = 0;
        while (lines.MoveNext())
        {
            Assert.Equal(result.Count + 1, lines.LineNumber);
            Assert.Equal(offset, lines.LineOffset);
            result.Add(lines.IsTooLong ? $"!{lines.LineLength}" : Encoding.UTF8.GetString(lines.Line));
            offset = lines.LineOffset + lines.LineLength;
            offset += offset < bytes.Length && bytes[offset] == '\r' ? 1 : 0;
            offset += 1;
        }

        return result;
    }

    private static List<string> Reference(string input, int maxLength)
    {
        var result = new List<string>();
        string[] parts = input.Split('\n');
        int count = input.EndsWith('\n') ? parts.Length - 1 : parts.Length;
        for (int i = 0; i < count && input.Length > 0; i++)
        {
            string line = parts[i].EndsWith('\r') ? parts[i][..^1] : parts[i];
            result.Add(line.Length > maxLength ? $"!{line.Length}" : line);
        }

        return result;
    }

    public sealed class MoveNext
    {
        public static TheoryData<string, int, string[]> Cases => new()
        {
            { "", 10, [] },
            { "\n", 10, [""] },
            { "a", 10, ["a"] },
            { "a\n", 10, ["a"] },
            { "a\r\nb\r\n", 10, ["a", "b"] },
            { "a\n\nb", 10, ["a", "", "b"] },
            { "a\rb\n", 10, ["a\rb"] },
            { "0123456789\n0123456789A\nok", 10, ["0123456789", "!11", "ok"] },
            { "0123456789\r\n", 10, ["0123456789"] },
            { "0123456789AB", 10, ["!12"] },
        };

        [Theory]
        [MemberData(nameof(Cases))]
        public void Should_Split_Lines_And_Skip_Long_Ones(string input, int maxLength, string[] expected)
        {
            foreach (int chunkSize in (int[])[1, 2, 3, 7, 64])
            {
                // Given a read buffer of chunkSize bytes
                // When
                List<string> lines = Split(input, maxLength, chunkSize);

                // Then
                Assert.Equal(expected, lines);
            }
        }

        [Fact]
        public void Should_Match_A_Plain_Split_For_Any_Input_Buffer_And_Limit()
        {
            // Given any text of a, b, CR and LF, any buffer size, limit and sniffed prefix
            Gen<string> text = Gen.Char["ab\r\n"].Array[0, 80].Select(chars => new string(chars));

            // When split / Then the same lines as string.Split, the too-long ones marked
            Gen.Select(text, Gen.Int[1, 9], Gen.Int[0, 12], Gen.Int[0, 10])
                .Sample((input, chunkSize, maxLength, prefix) =>
                    Assert.Equal(Reference(input, maxLength), Split(input, maxLength, chunkSize, prefix)));
        }
    }
}
