using Casus.Events.Cameo;

namespace Casus.Events.Tests.Cameo;

public static class CameoTableTests
{
    private static readonly CameoTable Shipped = CameoTable.LoadDefault();

    public class LoadDefault
    {
        [Fact]
        public void The_shipped_table_has_every_CAMEO_code_under_20_roots()
        {
            // Given the table embedded in the assembly
            // When it is loaded
            CameoTable table = CameoTable.LoadDefault();

            // Then it holds the 311 codes of the CAMEO table, 20 of them roots, in code order
            Assert.Equal(311, table.Count);
            Assert.Equal(311, table.All.Count);
            Assert.Equal(20, table.All.Count(c => c.IsRoot));
            Assert.Equal(20, table.All.Select(c => c.Root).Distinct().Count());
            Assert.Equal(table.All.Select(c => c.Code).Order(StringComparer.Ordinal), table.All.Select(c => c.Code));
        }

        [Fact]
        public void Shipped_quad_classes_follow_the_CAMEO_roots()
        {
            // Given the shipped table
            // When each code's quad class is compared with the CAMEO ranges of its root
            // Then 01-05 are verbal cooperation, 06-09 material cooperation, 10-14 verbal conflict, 15-20 material conflict
            foreach (CameoCode code in Shipped.All)
            {
                int root = int.Parse(code.Root, System.Globalization.CultureInfo.InvariantCulture);
                int expected = root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4;
                Assert.True(expected == code.QuadClass, $"{code.Code}: quad class {code.QuadClass}, expected {expected}");
            }
        }

        [Fact]
        public void Only_the_roots_PLOVER_drops_have_no_PLOVER_type()
        {
            // Given the shipped table
            // When the codes without a PLOVER event type are collected
            var unmapped = Shipped.All.Where(c => c.Plover.Length == 0).Select(c => c.Root).Distinct().ToList();

            // Then they are exactly the CAMEO 01 and 02 families (public statements, appeals)
            Assert.Equal(["01", "02"], unmapped);
        }
    }

    public class TryGet
    {
        public static TheoryData<string, double, int, string, string, string> Codes => new()
        {
            // code, Goldstein, quad class, PLOVER type, mode, context
            { "195", -10.0, 4, "ASSAULT", "heavy-weapons", "military" },
            { "173", -5.0, 4, "COERCE", "arrest", "legal" },
            { "036", 4.0, 1, "AGREE", "", "diplomatic" },
            { "0874", 10.0, 2, "RETREAT", "disarm", "military" },
            { "08", 5.0, 2, "CONCEDE", "", "" },
            { "091", -2.0, 2, "ACCUSE", "investigate", "crime;corruption" },
            { "1712", -9.2, 4, "ASSAULT", "seize", "human_security" },
            { "191", -9.5, 4, "COERCE", "restrict", "military" },
            { "010", 0.0, 1, "", "", "" },
            { "0256", -0.3, 1, "", "", "" },
        };

        [Theory]
        [MemberData(nameof(Codes))]
        public void A_known_code_gives_its_scores_and_PLOVER_mapping(
            string code, double goldstein, int quadClass, string plover, string mode, string context)
        {
            // Given the shipped table
            // When a code is looked up
            bool found = Shipped.TryGet(code, out CameoCode? info);

            // Then its Goldstein score, quad class and PLOVER mapping are the generated ones
            Assert.True(found);
            Assert.NotNull(info);
            Assert.Equal(code, info.Code);
            Assert.Equal(code[..2], info.Root);
            Assert.Equal(goldstein, info.Goldstein);
            Assert.Equal(quadClass, info.QuadClass);
            Assert.Equal(plover, info.Plover);
            Assert.Equal(mode, info.PloverMode);
            Assert.Equal(context, info.PloverContext);
        }

        [Theory]
        [InlineData("101", "Demand material cooperation")]
        [InlineData("105", "Demand that target yields")]
        [InlineData("106", "Demand meeting, negotiation")]
        [InlineData("107", "Demand settling of dispute")]
        [InlineData("108", "Demand mediation")]
        [InlineData("195", "Employ aerial weapons")]
        [InlineData("044", "Meet at a \"third\" location")]
        public void Names_are_GDELTs_but_the_CAMEO_manuals_for_101_and_105_to_108(string code, string name)
        {
            // Given the shipped table
            // When a code is looked up
            Assert.True(Shipped.TryGet(code, out CameoCode? info));

            // Then its name is the meaning Casus's event dictionaries use (dictionaries/events/README.md §7)
            Assert.Equal(name, info.Name);
        }

        [Fact]
        public void A_span_sliced_from_a_larger_text_finds_the_same_entry()
        {
            // Given a code inside a larger string
            ReadOnlySpan<char> text = "event=195;";

            // When the slice is looked up
            bool found = Shipped.TryGet(text[6..9], out CameoCode? info);

            // Then it is the same entry as the string lookup
            Assert.True(found);
            Assert.True(Shipped.TryGet("195", out CameoCode? byString));
            Assert.Same(byString, info);
            Assert.True(Shipped.IsKnown(text[6..9]));
        }
    }

    public class IsKnown
    {
        [Theory]
        [InlineData("057", true)]
        [InlineData("0874", true)]
        [InlineData("20", true)]
        [InlineData("57", false)]
        [InlineData("0875", false)]
        [InlineData("21", false)]
        [InlineData("00", false)]
        [InlineData("1213", false)]
        [InlineData("", false)]
        [InlineData(" 057", false)]
        public void Only_codes_written_exactly_as_in_the_table_are_known(string code, bool known)
        {
            // Given the shipped table
            // When a code is tested, as a string and as a span
            // Then both say the same, and leading zeros and spacing matter
            Assert.Equal(known, Shipped.IsKnown(code));
            Assert.Equal(known, Shipped.IsKnown(code.AsSpan()));
            Assert.Equal(known, Shipped.TryGet(code, out _));
        }
    }

    public class Parse
    {
        private const string Header = "# test table\n\n";
        private const string Roots = "19 | -10.0 | 4 | ASSAULT |  |  | FIGHT\n";

        public static TheoryData<string, string> Malformed => new()
        {
            // text after the header (which takes lines 1-2), expected "file:line: message fragment"
            { "19 | -10.0 | 4 | ASSAULT |  | FIGHT\n", "test.txt:3: expected 7 fields" },
            { Roots + "19x | -10.0 | 4 | ASSAULT |  |  | Fight\n", "test.txt:4: '19x' is not a CAMEO event code" },
            { Roots + "21 | -10.0 | 4 | ASSAULT |  |  | Beyond\n", "test.txt:4: '21' is not a CAMEO event code" },
            { Roots + "19123 | -10.0 | 4 | ASSAULT |  |  | Too long\n", "test.txt:4: '19123' is not a CAMEO event code" },
            { Roots + "190 | -11 | 4 | ASSAULT |  |  | Fight\n", "test.txt:4: Goldstein score '-11' is not a number from -10 to 10" },
            { Roots + "190 | ten | 4 | ASSAULT |  |  | Fight\n", "test.txt:4: Goldstein score 'ten'" },
            { Roots + "190 | -10.0 | 5 | ASSAULT |  |  | Fight\n", "test.txt:4: quad class '5' is not 1, 2, 3 or 4" },
            { Roots + "190 | -10.0 | 4 | Assault |  |  | Fight\n", "test.txt:4: PLOVER event type 'Assault'" },
            { Roots + "190 | -10.0 | 4 | ASSAULT | Heavy |  | Fight\n", "test.txt:4: PLOVER mode 'Heavy'" },
            { Roots + "190 | -10.0 | 4 | ASSAULT |  | legal;;military | Fight\n", "test.txt:4: PLOVER context 'legal;;military'" },
            { Roots + "190 | -10.0 | 4 |  | firearms |  | Fight\n", "test.txt:4: a PLOVER mode or context without a PLOVER event type" },
            { Roots + "190 | -10.0 | 4 | ASSAULT |  |  | \n", "test.txt:4: the name is empty" },
            { Roots + "190 | -10.0 | 4 | ASSAULT |  |  | Fight\n190 | -10.0 | 4 | ASSAULT |  |  | Fight again\n", "test.txt:5: code 190 is already on line 4" },
            { Roots + "1931 | -10.0 | 4 | ASSAULT |  |  | Orphan\n", "test.txt:4: code 1931 has no parent: 193 is not in the table" },
            { "190 | -10.0 | 4 | ASSAULT |  |  | Fight\n", "test.txt:3: code 190 has no parent: 19 is not in the table" },
            { Roots + "190 | -10.0 | 3 | ASSAULT |  |  | Fight\n", "test.txt:4: code 190 has quad class 3, its root 19 has 4" },
            { "# only comments\n", "test.txt: no codes" },
        };

        [Theory]
        [MemberData(nameof(Malformed))]
        public void A_malformed_line_is_reported_with_file_and_line(string body, string expected)
        {
            // Given a table with one problem
            // When it is parsed
            CameoTableParseResult result = CameoTable.Parse(Header + body, "test.txt");

            // Then there is no table and the error names the file and line
            Assert.False(result.Succeeded);
            Assert.Null(result.Table);
            Assert.Contains(result.Errors, e => e.ToString().StartsWith(expected, StringComparison.Ordinal));
        }

        [Fact]
        public void Every_problem_is_reported_not_only_the_first()
        {
            // Given a table with three bad lines
            string text = Header + Roots
                + "190 | x | 4 | ASSAULT |  |  | Fight\n"
                + "193 | -10.0 | 9 | ASSAULT |  |  | Small arms\n"
                + "194 | -10.0 | 4\n";

            // When it is parsed
            CameoTableParseResult result = CameoTable.Parse(text, "test.txt");

            // Then each is reported, in line order
            Assert.Equal([4, 5, 6], result.Errors.Select(e => e.Line));
        }

        [Fact]
        public void A_well_formed_table_parses_with_CRLF_comments_and_blank_lines()
        {
            // Given a small table with Windows line endings, comments, blank lines and empty fields
            string text = "# header\r\n\r\n19 | -10.0 | 4 | ASSAULT |  |  | FIGHT\r\n"
                + "# group\r\n190 | -10 | 4 | ASSAULT |  | military | Use conventional military force\r\n"
                + "196 | -9.5 | 4 | ASSAULT |  | legal;military | Violate ceasefire\r\n";

            // When it is parsed
            CameoTableParseResult result = CameoTable.Parse(text, "test.txt");

            // Then every field is read, empty fields as empty strings
            Assert.Empty(result.Errors);
            Assert.NotNull(result.Table);
            Assert.Equal(3, result.Table.Count);
            Assert.True(result.Table.TryGet("196", out CameoCode? code));
            Assert.Equal(new CameoCode("196", "19", "Violate ceasefire", -9.5, 4, "ASSAULT", "", "legal;military"), code);
            Assert.Equal("19", code.Parent);
        }
    }
}
