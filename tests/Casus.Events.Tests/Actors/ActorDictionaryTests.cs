using Casus.Events.Actors;

namespace Casus.Events.Tests.Actors;

public static class ActorDictionaryTests
{
    /// <summary>A temporary user directory, deleted after the test.</summary>
    private sealed class UserDirectory : IDisposable
    {
        public UserDirectory(params (string File, string Text)[] files)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "casus-actors-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
            foreach ((string file, string text) in files)
            {
                File.WriteAllText(System.IO.Path.Combine(Path, file), text.ReplaceLineEndings("\n"));
            }
        }

        public string Path { get; }

        public string PathOf(string file) => System.IO.Path.Combine(Path, file);

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }

    /// <summary>Compiles the shipped files with one in-memory file on top.</summary>
    private static ActorDictionaryLoadResult CompileWith(string file, string text) =>
        ActorDictionary.Compile([.. ActorDictionary.ShippedSources(), new ActorDictionarySource(file, "user/" + file, text.ReplaceLineEndings("\n"))]);

    private static void AssertError(ActorDictionaryLoadResult result, string location, string fragment)
    {
        Assert.Null(result.Dictionary);
        Assert.True(
            result.Errors.Any(e => e.ToString().StartsWith(location + ": ", StringComparison.Ordinal) && e.Message.Contains(fragment, StringComparison.Ordinal)),
            $"expected an error at {location} with \"{fragment}\"; errors: {string.Join(" | ", result.Errors)}");
    }

    public class Load
    {
        [Fact]
        public void A_broken_user_file_reports_every_error_with_file_and_line()
        {
            // Given a user directory with a countries.txt broken in several ways
            using var user = new UserDirectory(("countries.txt", """
                # user countries
                  names: Nowhere
                [XXA] Atlantis
                  names: Atlantis
                  capitol: Poseidonia
                  seats: Temple of Poseidon
                  seats: Sea Palace (XYZ)
                  iso2: Atl
                [xxb] Lemuria
                Mu
                [XXC] Hyperborea

                """ + "\tnames: Hyperborea\n"));

            // When the dictionaries are loaded with it
            ActorDictionaryLoadResult result = ActorDictionary.Load(user.Path);

            // Then there is no dictionary, and each error names the file and line
            string file = user.PathOf("countries.txt");
            AssertError(result, file + ":2", "key line before the first block header");
            AssertError(result, file + ":5", "unknown key 'capitol'");
            AssertError(result, file + ":6", "needs a (SECTOR) suffix");
            AssertError(result, file + ":7", "'(XYZ)'");
            AssertError(result, file + ":8", "iso2 'Atl' must be two capitals");
            AssertError(result, file + ":9", "bad header");
            AssertError(result, file + ":10", "not a header, key line or comment");
            AssertError(result, file + ":12", "tab character");
            Assert.Equal(8, result.Errors.Count);
        }

        [Fact]
        public void A_missing_directory_or_a_stray_file_is_an_error()
        {
            // Given a directory that does not exist, and one with a misspelt file name
            using var user = new UserDirectory(("country.txt", "[XXA] Atlantis\n"));

            // When each is loaded
            ActorDictionaryLoadResult missing = ActorDictionary.Load(user.PathOf("nope"));
            ActorDictionaryLoadResult stray = ActorDictionary.Load(user.Path);

            // Then both fail with a message naming the path
            AssertError(missing, user.PathOf("nope"), "no such directory");
            AssertError(stray, user.PathOf("country.txt"), "not an actor dictionary file");
        }

        [Fact]
        public void User_files_add_to_and_override_the_shipped_ones()
        {
            // Given user files that replace [USA], add a country, a sector phrase and a person
            using var user = new UserDirectory(
                ("countries.txt", """
                    [USA] United States
                      names: United States; =US; Yankeeland
                      adjectives: American
                      capitals: Washington
                    [XXA] Atlantis
                      names: Atlantis
                    """),
                ("sectors.txt", "bases | MIL | user addition\n"),
                ("leaders.txt", """
                    [Aquaman Smith]
                      aliases: Aquaman
                      XXAGOV  2019-01-01..  king
                    """));

            // When the dictionaries are loaded with them
            ActorDictionaryLoadResult result = ActorDictionary.Load(user.Path);
            Assert.Empty(result.Errors);
            var matcher = new ActorMatcher(result.Dictionary!);
            string Codes(string text)
            {
                var tokens = new List<Casus.Text.Token>();
                Casus.Text.Segmenter.Default.Segment(text, tokens, []);
                var mentions = new List<ActorMention>();
                matcher.Match(text, [.. tokens], new DateOnly(2020, 1, 8), mentions);
                return string.Join(" ", mentions.Select(m => m.Code));
            }

            // Then the new names match, the replaced block lost the names it did not restate, the rest is shipped
            Assert.Equal("USA XXA", Codes("Yankeeland and Atlantis"));
            Assert.Equal("", Codes("America"));
            Assert.Equal("USAMIL", Codes("American bases"));
            Assert.Equal("XXAGOV", Codes("Aquaman said"));
            Assert.Equal("IRN", Codes("Iran"));
        }
    }

    public class Compile
    {
        public static TheoryData<string, string, string, string> Cases => new()
        {
            // file, text, location of the error, message fragment
            { "groups.txt", "[IRNMILXYZ] Test Group\n  type: armed\n  country: IRN\n  sector: MIL\n  group: XYA\n  names: Test Group One\n", "user/groups.txt:1", "must equal country + sector + group = IRNMILXYA" },
            { "groups.txt", "[IRNMIL] Test Group\n  type: militia\n  country: IRN\n  sector: MIL\n  names: Test Group One\n", "user/groups.txt:2", "type must be armed, movement or state" },
            { "groups.txt", "[XYZMIL] Test Group\n  type: state\n  country: XYZ\n  sector: MIL\n  names: Test Group One\n", "user/groups.txt:3", "'XYZ' is not a country code" },
            { "groups.txt", "[IRNXXX] Test Group\n  type: state\n  country: IRN\n  sector: XXX\n  names: Test Group One\n", "user/groups.txt:4", "'XXX' is not a known sector code" },
            { "groups.txt", "[IRNMIL] Test Group\n  type: state\n  country: IRN\n  sector: MIL\n  names: Test Group One\n  iso2: IR\n", "user/groups.txt:6", "key 'iso2' is not used in groups.txt" },
            { "groups.txt", "[IRNMIL] Test Group\n  type: state\n  country: IRN\n  country: IRQ\n  sector: MIL\n  names: Test Group One\n", "user/groups.txt:4", "takes one value" },
            { "groups.txt", "[IRNMIL] Test Group\n  type: state\n  country: IRN\n  sector: MIL\n  names: Test Group One\n  ambiguous: Test Group\n", "user/groups.txt:6", "is not listed under another key" },
            { "international.txt", "[IGOXYZ] Test Body\n  type: NGO\n  names: Test Body One\n", "user/international.txt:1", "must start with its type NGO" },
            { "countries.txt", "[XXA] Atlantis\n  names: Atlantis\n  parent: XXZ\n", "user/countries.txt:3", "parent 'XXZ' is not a country header" },
            { "countries.txt", "[XXA] Atlantis\n  names: Atlantis\n  iso2: US\n", "user/countries.txt:3", "iso2 'US' is also the code of [USA]" },

            // Rule 9: one name, one block, across files.
            { "countries.txt", "[XXA] Atlantis\n  names: Atlantis; Hezbollah\n", "user/countries.txt:2", "is also \"Hezbollah\" of [LBNUAFHEZ] Hezbollah at actors/groups.txt:" },

            // sectors.txt lines.
            { "sectors.txt", "sea people | XYZ\n", "user/sectors.txt:1", "'XYZ' is not a known sector code" },
            { "sectors.txt", "sea people\n", "user/sectors.txt:1", "found 1 field(s)" },
            { "sectors.txt", "sea people | CVL\nsea people | REF\n", "user/sectors.txt:2", "is listed twice (also user/sectors.txt:1)" },
            { "sectors.txt", "Hezbollah | UAF\n", "user/sectors.txt:1", "is also a name of [LBNUAFHEZ] Hezbollah" },
            { "sectors.txt", "tritons | MIL | implies XXZ\n", "user/sectors.txt:1", "'implies XXZ'" },

            // leaders.txt spells.
            { "leaders.txt", "[Test Person]\n  XXXGOV  2019-01-01..  king\n", "user/leaders.txt:2", "'XXX' is not a country code" },
            { "leaders.txt", "[Test Person]\n  IRNGOVQQQ  2019-01-01..  king\n", "user/leaders.txt:2", "'QQQ' is neither a sector code" },
            { "leaders.txt", "[Test Person]\n  IRNGOV  2019-05-01..2019-01-01  king\n", "user/leaders.txt:2", "spell ends (2019-01-01) before it starts (2019-05-01)" },
            { "leaders.txt", "[Test Person]\n  IRNGOV  2019-02-30..  king\n", "user/leaders.txt:2", "no such day" },
            { "leaders.txt", "[Test Person]\n  IRNGOV  2019-02..  king\n", "user/leaders.txt:2", "must be marked # approx" },
            { "leaders.txt", "[Test Person]\n  IRNGOV  2019-01-01..  king\n  IRNMIL  2010-01-01..2018-12-31  general\n", "user/leaders.txt:3", "not in chronological order" },
            { "leaders.txt", "[Test Person]\n  aliases: Trump\n  IRNGOV  2019-01-01..  king\n", "user/leaders.txt:2", "\"Trump\" names both [Donald Trump] and [Test Person]" },
            { "leaders.txt", "[Test Person]\n  aliases: Tester\n", "user/leaders.txt:1", "has no role spell" },
            { "leaders.txt", "  aliases: Tester\n", "user/leaders.txt:1", "line outside a person block" },
        };

        [Theory]
        [MemberData(nameof(Cases))]
        public void Invalid_entries_are_errors_with_file_and_line(string file, string text, string location, string fragment)
        {
            // Given the shipped files and one user file with a mistake
            // When they are compiled
            ActorDictionaryLoadResult result = CompileWith(file, text);

            // Then the mistake is reported where it is
            AssertError(result, location, fragment);
        }

        [Fact]
        public void Good_user_entries_compile()
        {
            // Given a well-formed user group (the control for the table above)
            ActorDictionaryLoadResult result = CompileWith("groups.txt", "[IRNMILXYA] Test Group\n  type: armed\n  country: IRN\n  sector: MIL\n  group: XYA\n  names: Test Group One\n");

            // Then it compiles
            Assert.Empty(result.Errors);
            Assert.NotNull(result.Dictionary);
        }
    }
}
