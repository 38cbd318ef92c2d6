using System.Text;
using Xunit;

namespace Casus.Reading.Tests;

public sealed class ContentChecksTests
{
    public sealed class DescribeBinary
    {
        public static TheoryData<byte[], string?> Cases => new()
        {
            { Encoding.UTF8.GetBytes("Plain text.\r\n\tIndented.\f"), null },
            { [], null },
            { Encoding.UTF8.GetBytes("Zarif — “ok”"), null },
            { [0x41, 0x00, 0x42], "binary file (NUL bytes in the first 8 KB)" },
            { [0xFF, 0xFE, 0x41, 0x00], "UTF-16 text is not supported (save it as UTF-8)" },
            { [0xFE, 0xFF, 0x00, 0x41], "UTF-16 text is not supported (save it as UTF-8)" },
            { Encoding.UTF8.GetBytes("123456789\u001b"), null },
            { Encoding.UTF8.GetBytes("12345678\u001b\u001b"), "binary file (2 control bytes in the first 8 KB)" },
        };

        [Theory]
        [MemberData(nameof(Cases))]
        public void Should_Flag_Nul_Bytes_Utf16_And_Many_Control_Bytes(byte[] head, string? expected)
        {
            // Given the first bytes of a file
            // When
            string? reason = ContentChecks.DescribeBinary(head);

            // Then
            Assert.Equal(expected, reason);
        }
    }

    public sealed class FindInvalidUtf8
    {
        public static TheoryData<byte[], int> Cases => new()
        {
            { Encoding.UTF8.GetBytes("ok — 𝄞"), -1 },
            { [0x61, 0x80], 1 },
            { [0x61, 0xC3, 0x28], 1 },
            { [0x61, 0x62, 0xE2, 0x82], 2 },
            { [0xED, 0xA0, 0x80], 0 },
            { [0xC0, 0xAF], 0 },
        };

        [Theory]
        [MemberData(nameof(Cases))]
        public void Should_Find_The_First_Bad_Byte(byte[] bytes, int expected)
        {
            // Given bytes that may not be UTF-8
            // When
            int offset = ContentChecks.FindInvalidUtf8(bytes);

            // Then
            Assert.Equal(expected, offset);
        }
    }
}
