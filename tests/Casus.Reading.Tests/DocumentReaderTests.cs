using System.Text;
using Casus.Reading.Tests.Support;
using Xunit;

namespace Casus.Reading.Tests;

public sealed class DocumentReaderTests
{
    private static readonly DateOnly Jan8 = new(2020, 1, 8);

    private static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(part => part).ToArray();

    public sealed class TextFiles
    {
        public static TheoryData<string, byte[], string> Contents => new()
        {
            { "plain", Utf8("Iran fired missiles at two bases.\n"), "Iran fired missiles at two bases.\n" },
            { "byte order mark", Concat([0xEF, 0xBB, 0xBF], Utf8("Iran fired.")), "Iran fired." },
            { "CRLF", Utf8("Line one.\r\n\r\nLine two.\r\n"), "Line one.\n\nLine two.\n" },
            { "non-ASCII", Utf8("Zarif said “proportionate” — Tehran, Ṭehrān."), "Zarif said “proportionate” — Tehran, Ṭehrān." },
        };

        [Theory]
        [MemberData(nameof(Contents))]
        public void Should_Read_The_Whole_File_As_One_Document(string name, byte[] content, string expectedText)
        {
            // Given
            using var tree = new TempTree();
            tree.Write("news/iran-strikes-2020-01-08.txt", content);

            // When
            ReadRun run = tree.Read("news/iran-strikes-2020-01-08.txt");

            // Then
            Assert.True(run.Problems.Count == 0, name + ": " + string.Join("\n", run.Problems));
            Document document = Assert.Single(run.Documents);
            Assert.Equal("iran-strikes-2020-01-08.txt", document.Id);
            Assert.Equal(expectedText, document.Text);
            Assert.Equal(tree.PathOf("news/iran-strikes-2020-01-08.txt"), document.Origin);
            Assert.Null(document.Title);
        }

        [Fact]
        public void Should_Use_The_Default_Date()
        {
            // Given
            using var tree = new TempTree();
            tree.Write("a.txt", "Text.");

            // When
            ReadRun dated = tree.Read(new ReaderOptions { DefaultDate = Jan8 }, "a.txt");
            ReadRun undated = tree.Read("a.txt");

            // Then
            Assert.Equal(Jan8, Assert.Single(dated.Documents).Date);
            Assert.Null(Assert.Single(undated.Documents).Date);
        }

        [Theory]
        [InlineData("notes.md")]
        [InlineData("README")]
        [InlineData("story.TXT")]
        public void Should_Read_A_Named_File_With_Another_Extension_As_Text(string name)
        {
            // Given
            using var tree = new TempTree();
            tree.Write(name, "# Talks\n\nMinisters met in Vienna.");

            // When
            ReadRun run = tree.Read(name);

            // Then
            Assert.Empty(run.Problems);
            Assert.Equal("# Talks\n\nMinisters met in Vienna.", Assert.Single(run.Documents).Text);
        }
    }

    public sealed class JsonLines
    {
        [Fact]
        public void Should_Read_Every_Field()
        {
            // Given
            using var tree = new TempTree();
            tree.Write("data.jsonl", """
                {"id": "w-1", "date": "2020-01-07", "title": "Strikes", "url": "https://news.example/1", "source": "Example", "text": "Iran fired missiles.\nThe Pentagon said so.", "extra": {"nested": [1, 2]}}
                {"id": 17, "text": "Second."}
                """);

            // When
            ReadRun run = tree.Read(new ReaderOptions { DefaultDate = Jan8 }, "data.jsonl");

            // Then
            Assert.Empty(run.Problems);
            Assert.Equal(2, run.Documents.Count);
            Assert.Equal(
                new Document("w-1", "Iran fired missiles.\nThe Pentagon said so.", new DateOnly(2020, 1, 7), "Strikes", "https://news.example/1", "Example", tree.PathOf("data.jsonl") + ":1"),
                run.Documents[0]);
            Assert.Equal(new Document("17", "Second.", Jan8, Origin: tree.PathOf("data.jsonl") + ":2"), run.Documents[1]);
        }

        [Theory]
        [InlineData("\"2020-01-07\"", "2020-01-07")]
        [InlineData("\"2020-01-07T23:30:00-05:00\"", "2020-01-07")]
        [InlineData("\"2020-01-07T02:00:00Z\"", "2020-01-07")]
        [InlineData("\"2020-01-07T02:00:00.123+03:00\"", "2020-01-07")]
        [InlineData("\"2020-01-07 10:15\"", "2020-01-07")]
        [InlineData("null", "2020-01-08")]
        [InlineData("\" \"", "2020-01-08")]
        public void Should_Take_The_Date_Part(string json, string expected)
        {
            // Given
            using var tree = new TempTree();
            tree.Write("data.jsonl", $$"""{"id": "a", "date": {{json}}, "text": "T."}""");

            // When
            ReadRun run = tree.Read(new ReaderOptions { DefaultDate = Jan8 }, "data.jsonl");

            // Then
            Assert.Empty(run.Problems);
            Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Assert.Single(run.Documents).Date);
        }

        [Theory]
        [InlineData("data.jsonl")]
        [InlineData("data.ndjson")]
        [InlineData("DATA.JSONL")]
        public void Should_Pick_The_Format_By_Extension(string name)
        {
            // Given
            using var tree = new TempTree();
            tree.Write(name, "{\"id\": \"a\", \"text\": \"A.\"}\n{\"id\": \"b\", \"text\": \"B.\"}\n");

            // When
            ReadRun run = tree.Read(name);

            // Then
            Assert.Empty(run.Problems);
            Assert.Equal(["a", "b"], run.Ids);
        }

        [Fact]
        public void Should_Accept_A_Byte_Order_Mark_CRLF_And_Blank_Lines()
        {
            // Given
            using var tree = new TempTree();
            tree.Write("data.jsonl", Concat(
                [0xEF, 0xBB, 0xBF],
                Utf8("{\"id\": \"a\", \"text\": \"One\\r\\ntwo.\"}\r\n\r\n   \r\n{\"id\": \"b\", \"text\": \"B.\"}\r\n{\"id\": \"c\"}\r\n")));

            // When
            ReadRun run = tree.Read("data.jsonl");

            // Then
            Assert.Equal(["a", "b"], run.Ids);
            Assert.Equal("One\ntwo.", run.Documents[0].Text);
            Assert.Equal(["data.jsonl:5: missing \"text\"; skipped"], run.Problems);
        }
    }

    public sealed class Html
    {
        private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

        [Fact]
        public void Should_Extract_The_Article_Of_A_News_Page()
        {
            // Given
            using var tree = new TempTree();
            tree.Write("world/river-accord.html", File.ReadAllBytes(Fixture("news-article.html")));

            // When
            ReadRun run = tree.Read(new ReaderOptions { DefaultDate = Jan8 }, "world");

            // Then
            Assert.Empty(run.Problems);
            Document document = Assert.Single(run.Documents);
            Assert.Equal("river-accord.html", document.Id);
            Assert.Equal("Ministers agree on river water accord after talks in Vienna", document.Title);
            Assert.Equal(new DateOnly(2020, 3, 11), document.Date); // as written (+03:00), not the UTC date
            Assert.Equal("https://gazette.example/world/2020/03/river-accord", document.Url);
            Assert.Equal("The Harbour Gazette", document.Source);
            Assert.Equal(File.ReadAllText(Fixture("news-article.expected.txt")).TrimEnd('\n'), document.Text);
        }

        [Fact]
        public void Should_Leave_No_Markup_Entities_Or_Page_Furniture()
        {
            // Given
            using var tree = new TempTree();
            tree.Write("page.htm", File.ReadAllBytes(Fixture("news-article.html")));

            // When
            string text = Assert.Single(tree.Read("page.htm").Documents).Text;

            // Then
            foreach (string unwanted in (string[])["&amp;", "&nbsp;", "&mdash;", "&#", "<", "\u00A0", "dataLayer", "Advertisement", "Related stories", "Sign up", "Privacy", "Politics"])
            {
                Assert.DoesNotContain(unwanted, text, StringComparison.Ordinal);
            }

            Assert.Contains("40 per cent of the river’s summer flow", text, StringComparison.Ordinal);
            Assert.Contains("\n\n", text, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Fall_Back_To_The_Body_Text_When_There_Is_No_Article()
        {
            // Given
            using var tree = new TempTree();
            tree.Write("notice.html", File.ReadAllBytes(Fixture("short-page.html")));

            // When
            ReadRun run = tree.Read("notice.html");

            // Then
            Assert.Empty(run.Problems);
            Document document = Assert.Single(run.Documents);
            Assert.Equal("Ceasefire notice", document.Title);
            Assert.Equal(new DateOnly(2020, 2, 2), document.Date);
            Assert.Equal("Ceasefire notice\n\nBoth sides agreed to a ceasefire from noon on Sunday.\n\nMonitors will report on Monday & Tuesday.", document.Text);
        }

        public static TheoryData<string, string, string?> Dates => new()
        {
            { "article:published_time", """<meta property="article:published_time" content="2020-01-07T21:00:00-05:00">""", "2020-01-07" },
            { "name=date", """<meta name="date" content="2020-01-06">""", "2020-01-06" },
            { "itemprop", """<meta itemprop="datePublished" content="2020-01-05T10:00:00Z">""", "2020-01-05" },
            { "dc.date", """<meta name="DC.date" content="2020-01-04">""", "2020-01-04" },
            { "og:updated is not a publication date", """<meta property="og:updated_time" content="2020-01-03">""", null },
            { "time element", """</head><body><p>On <time datetime="2020-01-02">Thursday</time> it began.</p>""", "2020-01-02" },
            { "meta wins over time", """<meta name="date" content="2020-01-01"></head><body><time datetime="2020-02-02">x</time>""", "2020-01-01" },
            { "unparsable meta falls through", """<meta name="date" content="soon"></head><body><time datetime="2019-12-31">x</time>""", "2019-12-31" },
            { "loose date", """<meta name="date" content="Wed, 08 Jan 2020 10:00:00 GMT">""", "2020-01-08" },
            { "none", string.Empty, null },
        };

        [Theory]
        [MemberData(nameof(Dates))]
        public void Should_Take_The_Date_From_Meta_Tags(string name, string markup, string? expected)
        {
            // Given
            using var tree = new TempTree();
            tree.Write("p.html", $"<html><head><title>T</title>{markup}<p>Ministers met on the border to discuss the ceasefire.</p></body></html>");
            var defaultDate = new DateOnly(1999, 9, 9);

            // When
            ReadRun run = tree.Read(new ReaderOptions { DefaultDate = defaultDate }, "p.html");

            // Then
            Assert.True(run.Problems.Count == 0, name);
            DateOnly expectedDate = expected is null ? defaultDate : DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(expectedDate, Assert.Single(run.Documents).Date);
        }

        [Fact]
        public void Should_Skip_A_Page_Without_Text()
        {
            // Given
            using var tree = new TempTree();
            tree.Write("empty.html", "<html><head><title>Nothing</title><script>var a = 1;</script></head><body>  <img src=x.png> </body></html>");
            tree.Write("next.txt", "Next.");

            // When
            ReadRun run = tree.Read("empty.html", "next.txt");

            // Then
            Assert.Equal(["empty.html: empty document (no text); skipped"], run.Problems);
            Assert.Equal(["next.txt"], run.Ids);
        }
    }

    public sealed class Directories
    {
        [Fact]
        public void Should_Read_Known_Extensions_Recursively_In_Ordinal_Path_Order()
        {
            // Given
            using var tree = new TempTree();
            tree.Write("in/b.txt", "B.");
            tree.Write("in/a/z.txt", "Z.");
            tree.Write("in/a/y.jsonl", "{\"id\": \"y1\", \"text\": \"Y1.\"}\n{\"id\": \"y2\", \"text\": \"Y2.\"}\n");
            tree.Write("in/a.txt", "A dot.");
            tree.Write("in/A.htm", "<html><body><p>Upper A.</p></body></html>");
            tree.Write("in/sub/deep/x.ndjson", "{\"id\": \"x\", \"text\": \"X.\"}");
            tree.Write("in/notes.md", "Not read in a directory.");
            tree.Write("in/image.png", [0x89, 0x50, 0x4E, 0x47, 0x00]);
            tree.Write("in/.hidden.txt", "Hidden.");
            tree.Write("in/.git/c.txt", "Hidden directory.");

            // When
            ReadRun run = tree.Read("in");

            // Then: '.' (0x2E) sorts before '/' (0x2F), upper case before lower case
            Assert.Empty(run.Problems);
            Assert.Equal(["A.htm", "a.txt", "y1", "y2", "z.txt", "b.txt", "x"], run.Ids);
        }

        [Fact]
        public void Should_Not_Follow_A_Symbolic_Link_Back_Up_The_Tree()
        {
            // Given: in/a/up -> in
            using var tree = new TempTree();
            tree.Write("in/a/x.txt", "X.");
            try
            {
                Directory.CreateSymbolicLink(tree.PathOf("in/a/up"), tree.PathOf("in"));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
            {
                return; // symbolic links need privileges on some systems; nothing to test there
            }

            // When
            ReadRun run = tree.Read("in");

            // Then
            Assert.Empty(run.Problems);
            Assert.Equal(["x.txt"], run.Ids);
        }

        [Fact]
        public void Should_Read_Inputs_In_The_Order_Given()
        {
            // Given
            using var tree = new TempTree();
            tree.Write("d/1.txt", "One.");
            tree.Write("0.txt", "Zero.");

            // When
            ReadRun run = tree.Read("d", "0.txt");

            // Then
            Assert.Equal(["1.txt", "0.txt"], run.Ids);
        }

        [Fact]
        public void Should_Read_Every_File_When_The_Format_Is_Forced()
        {
            // Given
            using var tree = new TempTree();
            tree.Write("d/feed.json", "{\"id\": \"f1\", \"text\": \"F.\"}");
            tree.Write("d/more.log", "{\"id\": \"m1\", \"text\": \"M.\"}");

            // When
            ReadRun run = tree.Read(new ReaderOptions { Format = "JSONL" }, "d");

            // Then
            Assert.Empty(run.Problems);
            Assert.Equal(["f1", "m1"], run.Ids);
        }

        [Fact]
        public void Should_Report_A_Directory_Without_Documents()
        {
            // Given
            using var tree = new TempTree();
            tree.Write("d/notes.md", "Not read.");
            Directory.CreateDirectory(tree.PathOf("e"));
            tree.Write("after.txt", "After.");

            // When
            ReadRun run = tree.Read("d", "e", "after.txt");

            // Then
            Assert.Equal(
                ["d: no .txt, .jsonl, .ndjson, .html or .htm files in the directory; skipped", "e: no .txt, .jsonl, .ndjson, .html or .htm files in the directory; skipped"],
                run.Problems);
            Assert.Equal(["after.txt"], run.Ids);
        }
    }

    public sealed class Stdin
    {
        public static TheoryData<string, string?, string[], string[]> Inputs => new()
        {
            { "{\"id\": \"a\", \"text\": \"A.\"}\n{\"id\": \"b\", \"text\": \"B.\"}\n", null, ["a", "b"], ["A.", "B."] },
            { "\n  \r\n {\"id\": \"a\", \"text\": \"A.\"}", null, ["a"], ["A."] },
            { "\uFEFF{\"id\": \"a\", \"text\": \"A.\"}", null, ["a"], ["A."] },
            { "Iran fired missiles.\r\nAt two bases.", null, ["stdin"], ["Iran fired missiles.\nAt two bases."] },
            { "  [1, 2] is not an object", null, ["stdin"], ["  [1, 2] is not an object"] },
            { "{\"id\": \"a\", \"text\": \"A.\"}", "text", ["stdin"], ["{\"id\": \"a\", \"text\": \"A.\"}"] },
            { "<html><body><p>Talks ended.</p></body></html>", "html", ["stdin"], ["Talks ended."] },
            { "\"no brace\"\n", "jsonl", [], [] },
        };

        [Theory]
        [MemberData(nameof(Inputs))]
        public void Should_Read_Json_Lines_Or_One_Text_Document(string input, string? format, string[] ids, string[] texts)
        {
            // Given
            using var tree = new TempTree();
            var options = new ReaderOptions { Stdin = new StringReader(input), Format = format, DefaultDate = Jan8 };

            // When
            ReadRun run = tree.Read(options, "-");

            // Then
            Assert.Equal(ids, run.Ids);
            Assert.Equal(texts, run.Documents.Select(document => document.Text).ToArray());
            Assert.All(run.Documents, document => Assert.Equal(Jan8, document.Date));
        }

        [Fact]
        public void Should_Report_Stdin_Lines()
        {
            // Given
            using var tree = new TempTree();
            var options = new ReaderOptions { Stdin = new StringReader("{\"id\": \"a\", \"text\": \"A.\"}\n{\"id\": \"a\", \"text\": \"again\"}\n{\"text\": \"no id\"}\n") };

            // When
            ReadRun run = tree.Read(options, "-");

            // Then
            Assert.Equal("stdin:1", Assert.Single(run.Documents).Origin);
            Assert.Equal(["stdin:2: duplicate id \"a\" (first read at stdin:1); skipped", "stdin:3: missing \"id\"; skipped"], run.Problems);
        }

        [Theory]
        [InlineData("")]
        [InlineData("  \n\t ")]
        public void Should_Report_Empty_Stdin(string input)
        {
            // Given
            using var tree = new TempTree();

            // When
            ReadRun run = tree.Read(new ReaderOptions { Stdin = new StringReader(input) }, "-");

            // Then
            Assert.Empty(run.Documents);
            Assert.Equal(["stdin: empty document (no text); skipped"], run.Problems);
        }

        [Fact]
        public void Should_Skip_Oversized_Stdin()
        {
            // Given
            using var tree = new TempTree();
            var options = new ReaderOptions { Stdin = new StringReader(new string('x', 100)), MaxDocumentBytes = 99 };

            // When
            ReadRun run = tree.Read(options, "-");

            // Then
            Assert.Empty(run.Documents);
            Assert.Equal(["stdin: document is over the 99-byte limit; skipped"], run.Problems);
        }
    }

    public sealed class BadInput
    {
        private const string Good1 = """{"id": "a", "text": "Good one."}""";
        private const string Good3 = """{"id": "c", "text": "Good three."}""";

        public static TheoryData<string, string[], string> JsonLineCases => new()
        {
            { """{"id": "b", "text": }""", ["a", "c"], "data.jsonl:2: not valid JSON: '}' is an invalid start of a value (at byte 21); skipped" },
            { """{"id": "b", "text": "unterminated}""", ["a", "c"], "data.jsonl:2: not valid JSON: Expected end of string, but instead reached end of data (at byte 35); skipped" },
            { """{"id": "b", "text": "x"} trailing""", ["a", "c"], "data.jsonl:2: not valid JSON: 't' is invalid after a single JSON value. Expected end of data (at byte 26); skipped" },
            { """[{"id": "b", "text": "x"}]""", ["a", "c"], "data.jsonl:2: expected a JSON object, found an array; skipped" },
            { """{"text": "no id"}""", ["a", "c"], "data.jsonl:2: missing \"id\"; skipped" },
            { """{"id": "  ", "text": "blank id"}""", ["a", "c"], "data.jsonl:2: empty \"id\"; skipped" },
            { """{"id": {"n": 1}, "text": "x"}""", ["a", "c"], "data.jsonl:2: \"id\" must be a string or a number; skipped" },
            { """{"id": "b"}""", ["a", "c"], "data.jsonl:2: missing \"text\"; skipped" },
            { """{"id": "b", "text": null}""", ["a", "c"], "data.jsonl:2: missing \"text\"; skipped" },
            { """{"id": "b", "text": ["x"]}""", ["a", "c"], "data.jsonl:2: \"text\" must be a string; skipped" },
            { """{"id": "b", "text": ""}""", ["a", "c"], "data.jsonl:2: empty document (no text); skipped" },
            { """{"id": "b", "text": " \n\t "}""", ["a", "c"], "data.jsonl:2: empty document (no text); skipped" },
            { """{"id": "a", "text": "Same id."}""", ["a", "c"], "data.jsonl:2: duplicate id \"a\" (first read at data.jsonl:1); skipped" },
            { """{"id": "b", "date": "07/01/2020", "text": "x"}""", ["a", "b", "c"], "data.jsonl:2: invalid date \"07/01/2020\" (expected an ISO date such as 2020-01-07); using the default date" },
            { """{"id": "b", "date": "2020-02-30", "text": "x"}""", ["a", "b", "c"], "data.jsonl:2: invalid date \"2020-02-30\" (expected an ISO date such as 2020-01-07); using the default date" },
            { """{"id": "b", "date": "2020-01-07Tnonsense", "text": "x"}""", ["a", "b", "c"], "data.jsonl:2: invalid date \"2020-01-07Tnonsense\" (expected an ISO date such as 2020-01-07); using the default date" },
            { """{"id": "b", "date": 20200107, "text": "x"}""", ["a", "b", "c"], "data.jsonl:2: \"date\" must be a string such as \"2020-01-07\"; using the default date" },
            { """{"id": "b", "title": 5, "text": "x"}""", ["a", "b", "c"], "data.jsonl:2: \"title\" must be a string; ignored" },
        };

        [Theory]
        [MemberData(nameof(JsonLineCases))]
        public void Should_Report_A_Bad_Json_Line_And_Read_The_Rest(string badLine, string[] ids, string problem)
        {
            // Given
            using var tree = new TempTree();
            tree.Write("data.jsonl", string.Join('\n', Good1, badLine, Good3));
            var defaultDate = new DateOnly(2001, 1, 1);

            // When
            ReadRun run = tree.Read(new ReaderOptions { DefaultDate = defaultDate }, "data.jsonl");

            // Then
            Assert.Equal([problem], run.Problems);
            Assert.Equal(ids, run.Ids);
            Assert.All(run.Documents, document => Assert.Equal(defaultDate, document.Date));
        }

        public static TheoryData<string, byte[], string> FileCases => new()
        {
            { "bad.txt", Concat(Utf8("First line.\nSecond "), [0xC3, 0x28], Utf8(" line.")), "bad.txt:2: invalid UTF-8 at byte offset 19; skipped" },
            { "truncated.txt", Concat(Utf8("Ends in the middle of "), [0xE2, 0x80]), "truncated.txt:1: invalid UTF-8 at byte offset 22; skipped" },
            { "latin1.html", Concat(Utf8("<p>Caf"), [0xE9], Utf8("</p>")), "latin1.html:1: invalid UTF-8 at byte offset 6; skipped" },
            { "blob.bin", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00], "blob.bin: binary file (NUL bytes in the first 8 KB); skipped" },
            { "controls.txt", Concat(Utf8("abc"), [0x01, 0x02, 0x03, 0x1B, 0x7F]), "controls.txt: binary file (5 control bytes in the first 8 KB); skipped" },
            { "utf16.txt", [0xFF, 0xFE, 0x41, 0x00], "utf16.txt: UTF-16 text is not supported (save it as UTF-8); skipped" },
            { "binary.jsonl", Concat(Utf8("{\"id\": \"x\", \"text\": \"x\"}\n"), [0x00, 0x00]), "binary.jsonl: binary file (NUL bytes in the first 8 KB); skipped" },
            { "empty.txt", [], "empty.txt: empty document (no text); skipped" },
            { "blank.txt", Utf8(" \r\n\t\n"), "blank.txt: empty document (no text); skipped" },
            { "bom-only.txt", [0xEF, 0xBB, 0xBF], "bom-only.txt: empty document (no text); skipped" },
            { "empty.jsonl", Utf8("\n\n  \n"), "empty.jsonl: no documents (empty file); skipped" },
        };

        [Theory]
        [MemberData(nameof(FileCases))]
        public void Should_Report_A_Bad_File_And_Read_The_Rest(string name, byte[] content, string problem)
        {
            // Given
            using var tree = new TempTree();
            tree.Write(name, content);
            tree.Write("good.txt", "Good.");

            // When
            ReadRun run = tree.Read(name, "good.txt");

            // Then
            Assert.Equal([problem], run.Problems);
            Assert.Equal(["good.txt"], run.Ids);
        }

        [Fact]
        public void Should_Report_Invalid_Utf8_In_A_Json_Line_With_Its_Offset()
        {
            // Given: line 2 starts at byte offset 33; the bad byte is the 25th of the line
            using var tree = new TempTree();
            tree.Write("data.jsonl", Concat(Utf8(Good1 + "\n" + "{\"id\": \"b\", \"text\": \"caf"), [0xE9], Utf8("\"}\n" + Good3 + "\n")));

            // When
            ReadRun run = tree.Read("data.jsonl");

            // Then
            Assert.Equal(["data.jsonl:2: invalid UTF-8 at byte 25 of the line (byte offset 57 in the file); skipped"], run.Problems);
            Assert.Equal(["a", "c"], run.Ids);
        }

        [Fact]
        public void Should_Report_Missing_Files_And_Directories()
        {
            // Given
            using var tree = new TempTree();
            tree.Write("good.txt", "Good.");

            // When
            ReadRun run = tree.Read("missing.txt", "missing-dir", "good.txt");

            // Then
            Assert.Equal(["missing.txt: no such file or directory; skipped", "missing-dir: no such file or directory; skipped"], run.Problems);
            Assert.Equal(["good.txt"], run.Ids);
        }

        [Fact]
        public void Should_Keep_The_First_Of_Duplicate_Ids_Across_Files()
        {
            // Given: text ids are file names, so the same name in two directories collides
            using var tree = new TempTree();
            tree.Write("in/a/2020-01-08.txt", "First.");
            tree.Write("in/b/2020-01-08.txt", "Second.");
            tree.Write("in/c.jsonl", "{\"id\": \"2020-01-08.txt\", \"text\": \"Third.\"}\n{\"id\": \"d\", \"text\": \"D.\"}");

            // When
            ReadRun run = tree.Read("in");

            // Then
            Assert.Equal(["2020-01-08.txt", "d"], run.Ids);
            Assert.Equal("First.", run.Documents[0].Text);
            Assert.Equal(
                [
                    "in/b/2020-01-08.txt: duplicate id \"2020-01-08.txt\" (first read at in/a/2020-01-08.txt); skipped",
                    "in/c.jsonl:1: duplicate id \"2020-01-08.txt\" (first read at in/a/2020-01-08.txt); skipped",
                ],
                run.Problems.Select(tree.Relative).ToArray());
        }

        [Fact]
        public void Should_Skip_An_11_MB_Json_Line_Without_Holding_It()
        {
            // Given: line 2 is 11 MB, over the default 10 MB limit
            using var tree = new TempTree();
            string path = tree.PathOf("big.jsonl");
            const int textLength = 11 * 1024 * 1024;
            using (var file = new FileStream(path, FileMode.Create))
            {
                file.Write(Utf8(Good1 + "\n{\"id\": \"b\", \"text\": \""));
                byte[] block = new byte[1024 * 1024];
                block.AsSpan().Fill((byte)'x');
                for (int i = 0; i < textLength / block.Length; i++)
                {
                    file.Write(block);
                }

                file.Write(Utf8("\"}\n" + Good3 + "\n"));
            }

            long lineBytes = "{\"id\": \"b\", \"text\": \"".Length + textLength + "\"}".Length;
            var problems = new List<string>();

            // When
            long before = GC.GetAllocatedBytesForCurrentThread();
            List<Document> documents = DocumentReader.Read([path], new ReaderOptions(), problem => problems.Add(tree.Relative(problem.ToString()))).ToList();
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            // Then: the line buffer stops at the limit (about 21 MB of buffers as it grows by four);
            // a reader that made a string of the line would allocate 22 MB for the string alone, on top of its buffers
            Assert.Equal(["a", "c"], documents.Select(document => document.Id).ToArray());
            Assert.Equal([$"big.jsonl:2: line is {lineBytes} bytes, over the 10485760-byte limit; skipped"], problems);
            Assert.True(allocated < 24 * 1024 * 1024, $"allocated {allocated} bytes");
        }

        [Theory]
        [InlineData(256 * 1024)]
        [InlineData(1024 * 1024)]
        public void Should_Stop_Buffering_A_Long_Line_At_The_Limit(int limit)
        {
            // Given: an 11 MB line between two good ones, and a limit far below it
            using var tree = new TempTree();
            string path = tree.Write("big.jsonl", Utf8(Good1 + "\n{\"id\": \"b\", \"text\": \"" + new string('x', 11 * 1024 * 1024) + "\"}\n" + Good3));
            var problems = new List<ReadProblem>();

            // When
            long before = GC.GetAllocatedBytesForCurrentThread();
            List<Document> documents = DocumentReader.Read([path], new ReaderOptions { MaxDocumentBytes = limit }, problems.Add).ToList();
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            // Then: what is held is bounded by the limit, not by the line
            Assert.Equal(2, documents.Count);
            Assert.Equal("big.jsonl:2", tree.Relative(Assert.Single(problems).Location));
            Assert.True(allocated < (3 * limit) + (512 * 1024), $"allocated {allocated} bytes with a {limit}-byte limit");
        }

        [Theory]
        [InlineData("big.txt", "big.txt: document is 101 bytes, over the 100-byte limit; skipped")]
        [InlineData("big.html", "big.html: document is 101 bytes, over the 100-byte limit; skipped")]
        [InlineData("big.jsonl", "big.jsonl:1: line is 101 bytes, over the 100-byte limit; skipped")]
        public void Should_Skip_A_Document_Over_The_Limit(string name, string problem)
        {
            // Given
            using var tree = new TempTree();
            tree.Write(name, "{\"id\": \"x\", \"text\": \"" + new string('x', 101 - 23) + "\"}");
            tree.Write("small.txt", new string('s', 100));

            // When
            ReadRun run = tree.Read(new ReaderOptions { MaxDocumentBytes = 100 }, name, "small.txt");

            // Then
            Assert.Equal([problem], run.Problems);
            Assert.Equal(["small.txt"], run.Ids);
        }

        [Fact]
        public void Should_Count_Documents_Problems_And_Skips()
        {
            // Given: one skipped line, one kept line with a bad date, one missing file
            using var tree = new TempTree();
            tree.Write("data.jsonl", string.Join('\n', Good1, "{\"id\": \"b\"}", "{\"id\": \"c\", \"date\": \"bad\", \"text\": \"C.\"}"));

            // When
            ReadRun run = tree.Read("data.jsonl", "gone.txt");

            // Then
            Assert.Equal(2, run.Summary.Documents);
            Assert.Equal(3, run.Summary.Problems);
            Assert.Equal(2, run.Summary.Skipped);
        }
    }

    public sealed class Read
    {
        [Fact]
        public void Should_Be_Lazy()
        {
            // Given
            using var tree = new TempTree();
            tree.Write("a.txt", "A.");
            var problems = new List<ReadProblem>();

            // When
            Document first = DocumentReader.Read([tree.PathOf("a.txt"), tree.PathOf("missing.txt")], new ReaderOptions(), problems.Add).First();

            // Then
            Assert.Equal("a.txt", first.Id);
            Assert.Empty(problems);
        }

        [Fact]
        public void Should_Give_The_Same_Documents_On_Every_Enumeration()
        {
            // Given
            using var tree = new TempTree();
            tree.Write("d/x.jsonl", "{\"id\": \"x\", \"text\": \"X.\"}");
            tree.Write("d/y.txt", "Y.");
            IEnumerable<Document> documents = DocumentReader.Read([tree.PathOf("d")], new ReaderOptions(), _ => { });

            // When
            List<Document> first = documents.ToList();
            List<Document> second = documents.ToList();

            // Then: each enumeration is a fresh batch, so no duplicate ids are reported
            Assert.Equal(first, second);
            Assert.Equal(2, first.Count);
        }

        [Theory]
        [InlineData("xml")]
        [InlineData("")]
        public void Should_Reject_An_Unknown_Format(string format)
        {
            // Given
            var options = new ReaderOptions { Format = format };

            // When
            Exception? error = Record.Exception(() => DocumentReader.Read(["x"], options, _ => { }));

            // Then
            Assert.IsType<ArgumentException>(error);
        }

        [Fact]
        public void Should_Format_A_Problem_As_Location_And_Message()
        {
            // Given
            var problem = new ReadProblem("data.jsonl:17", "not valid JSON: oops; skipped");

            // When
            string text = problem.ToString();

            // Then
            Assert.Equal("data.jsonl:17: not valid JSON: oops; skipped", text);
        }
    }
}
