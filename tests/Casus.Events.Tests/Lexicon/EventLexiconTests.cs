using Casus.Events.Lexicon;

namespace Casus.Events.Tests.Lexicon;

public static class EventLexiconTests
{
    /// <summary>The CAMEO codes the in-memory files below may use.</summary>
    private static readonly HashSet<string> Known =
        ["04", "17", "19", "191", "010", "020", "026", "046", "0831", "0871", "130", "142", "173", "174", "193", "195", "1381", "1384", "1421"];

    private static (EventLexicon? Lexicon, IReadOnlyList<LexiconError> Errors) ParseOne(string file, string text) =>
        EventLexicon.Parse([(file, text.ReplaceLineEndings("\n"))], Known.Contains);

    private static EventLexicon Valid(params (string File, string Text)[] files)
    {
        (EventLexicon? lexicon, IReadOnlyList<LexiconError> errors) =
            EventLexicon.Parse(files.Select(f => (f.File, f.Text.ReplaceLineEndings("\n"))), Known.Contains);
        Assert.True(lexicon is not null, "unexpected errors: " + string.Join(" | ", errors));
        return lexicon;
    }

    private static void AssertError(IReadOnlyList<LexiconError> errors, string location, string fragment) =>
        Assert.True(
            errors.Any(e => e.Source.ToString() == location && e.Message.Contains(fragment, StringComparison.Ordinal)),
            $"expected an error at {location} with \"{fragment}\"; errors: {string.Join(" | ", errors)}");

    /// <summary>A temporary user directory, deleted after the test.</summary>
    private sealed class UserDirectory : IDisposable
    {
        public UserDirectory(params (string File, string Text)[] files)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "casus-lexicon-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
            foreach ((string file, string text) in files)
            {
                File.WriteAllText(PathOf(file), text.ReplaceLineEndings("\n"));
            }
        }

        public string Path { get; }

        public string PathOf(string file) => System.IO.Path.Combine(Path, file);

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }

    public class Parse
    {
        [Theory]
        // verbs.txt
        [InlineData("verbs.txt", "abc  attack", "'abc' is not a CAMEO code")]
        [InlineData("verbs.txt", "19  attack", "'19' is a root code")]
        [InlineData("verbs.txt", "1950  fire", "unknown CAMEO code '1950'")]
        [InlineData("verbs.txt", "195", "missing the verb lemma")]
        [InlineData("verbs.txt", "195  +missile @at", "expected a verb lemma")]
        [InlineData("verbs.txt", "195  Fire +missile", "verb lemma 'Fire': must be lower case")]
        [InlineData("verbs.txt", "195  set_fire", "verb lemma 'set_fire': must be a single word")]
        [InlineData("verbs.txt", "195  fire +missile||rocket @at", "empty (stray '|')")]
        [InlineData("verbs.txt", "195  fire +car__bomb", "empty word (stray '_')")]
        [InlineData("verbs.txt", "195  fire +cease-", "stray '-'")]
        [InlineData("verbs.txt", "195  fire +missile=rocket", "unexpected character '='")]
        [InlineData("verbs.txt", "195  fire +", "empty '+' list")]
        [InlineData("verbs.txt", "195  fire +missile +rocket", "a second '+' list")]
        [InlineData("verbs.txt", "195  fire ~at", "'~at' is not ~PREPS:WORDS")]
        [InlineData("verbs.txt", "195  fire ~at:port:town", "is not ~PREPS:WORDS")]
        [InlineData("verbs.txt", "195  fire ~:port", "'~:port' has no prepositions")]
        [InlineData("verbs.txt", "195  fire @", "'@' has no prepositions")]
        [InlineData("verbs.txt", "195  fire @-|at", "'@-' cannot be combined")]
        [InlineData("verbs.txt", "195  fire @at @on", "a second '@' field")]
        [InlineData("verbs.txt", "195  fire +missile up", "unexpected field 'up'")]
        [InlineData("verbs.txt", "195  fire up_on", "particle 'up_on': must be a single word")]
        [InlineData("verbs.txt", "195\tfire", "tab character")]
        // nouns.txt
        [InlineData("nouns.txt", "046", "missing the noun")]
        [InlineData("nouns.txt", "046  talks +with", "takes no '+' list")]
        [InlineData("nouns.txt", "046  talks with", "unexpected field 'with'")]
        [InlineData("nouns.txt", "046  @with", "expected a noun")]
        [InlineData("nouns.txt", "04  talks", "'04' is a root code")]
        // complements.txt
        [InlineData("complements.txt", "threaten", "no PREFIX=CODE mappings")]
        [InlineData("complements.txt", "threaten  19=1384 ; 19=1381", "key 'threaten' maps '19' twice")]
        [InlineData("complements.txt", "threaten  *=130 ; *=020", "key 'threaten' maps '*' twice")]
        [InlineData("complements.txt", "threaten  19=1384 ;", "empty mapping")]
        [InlineData("complements.txt", "threaten  19:1384", "'19:1384' is not PREFIX=CODE")]
        [InlineData("complements.txt", "threaten  19=*", "only the default may be '*=*'")]
        [InlineData("complements.txt", "threaten  99=1384", "unknown CAMEO code '99'")]
        [InlineData("complements.txt", "threaten  19=19", "'19' is a root code")]
        [InlineData("complements.txt", "threaten  *=x", "'x' is not a CAMEO code")]
        [InlineData("complements.txt", "threaten|threaten  *=130", "key 'threaten' is listed twice")]
        [InlineData("complements.txt", "call_For  *=020", "must be lower case")]
        // exclusions.txt
        [InlineData("exclusions.txt", "195  fire +film", "exclusions take no code")]
        [InlineData("exclusions.txt", "N", "missing the noun after 'N'")]
        [InlineData("exclusions.txt", "N +attack", "expected a noun")]
        [InlineData("exclusions.txt", "shoot +film extra", "unexpected field 'extra'")]
        public void A_malformed_line_is_an_error_at_its_file_and_line(string file, string line, string fragment)
        {
            // Given a file whose second line is malformed
            string text = "# header\n" + line + "\n";

            // When it is parsed
            (EventLexicon? lexicon, IReadOnlyList<LexiconError> errors) = EventLexicon.Parse([("user/" + file, text)], Known.Contains);

            // Then there is no lexicon, and the error names the file and line and says what is wrong
            Assert.Null(lexicon);
            AssertError(errors, $"user/{file}:2", fragment);
            Assert.All(errors, e => Assert.Equal(2, e.Source.Line));
        }

        [Fact]
        public void Every_error_is_reported_not_just_the_first()
        {
            // Given a verbs.txt with three bad lines among good ones
            (EventLexicon? lexicon, IReadOnlyList<LexiconError> errors) = ParseOne("verbs.txt", """
                # verbs
                195  fire +missile @at
                1950 fire +rocket @at
                173  arrest
                195  Strike @on
                193  shoot ~at
                """);

            // Then each is reported with its line, in order
            Assert.Null(lexicon);
            Assert.Equal([3, 5, 6], errors.Select(e => e.Source.Line));
        }

        [Fact]
        public void The_same_pattern_with_two_codes_is_an_error()
        {
            // Given two lines that differ only in their code and in the order of their lists
            (EventLexicon? lexicon, IReadOnlyList<LexiconError> errors) = ParseOne("verbs.txt", """
                195  fire +missile|rocket ~from:ship|jet @at|on
                193  fire +rocket|missile ~from:jet|ship @on|at
                """);

            // Then the second is an error naming the first
            Assert.Null(lexicon);
            AssertError(errors, "verbs.txt:2", "same pattern as verbs.txt:1 with a different code (193 here, 195 there)");
            Assert.Single(errors);
        }

        [Fact]
        public void The_same_noun_pattern_with_two_codes_is_an_error()
        {
            // Given two noun lines that differ only in their code
            (_, IReadOnlyList<LexiconError> errors) = ParseOne("nouns.txt", "046  talks @with\n010  talks @with\n010  talks @on\n");

            // Then the second is an error; the third, with another preposition, is another pattern
            AssertError(errors, "nouns.txt:2", "same pattern as nouns.txt:1");
            Assert.Single(errors);
        }

        [Fact]
        public void An_exact_repeat_is_kept_once()
        {
            // Given a line written twice with the same code
            EventLexicon lexicon = Valid(("verbs.txt", "173  arrest\n173  arrest\n"));

            // Then it is one pattern
            Assert.Equal(1, lexicon.VerbPatternCount);
            Assert.Single(lexicon.Verbs("arrest"));
        }

        [Fact]
        public void Every_field_of_a_verb_pattern_is_read()
        {
            // Given a pattern with a particle, a + list, two ~ constraints and @ prepositions, and an intransitive one
            EventLexicon lexicon = Valid(("verbs.txt", """
                # comment line
                0871 call off +strike|hunger_strike ~with:union ~over|about:pay|wage @with|on_behalf_of   # trailing comment
                142  fast @-
                """));

            // When they are looked up
            VerbPattern call = Assert.Single(lexicon.Verbs("call"));
            VerbPattern fast = Assert.Single(lexicon.Verbs("fast"));

            // Then every field is there, multiword items split on '_', and @- is an empty list
            Assert.Equal("0871", call.Code);
            Assert.Equal("off", call.Particle);
            Assert.Equal([["strike"], ["hunger", "strike"]], call.Objects!.Select(o => o.Lemmas));
            Assert.Equal(2, call.Constraints.Length);
            Assert.Equal(["over", "about"], call.Constraints[1].Prepositions);
            Assert.Equal(["pay", "wage"], call.Constraints[1].Words.Select(w => w.ToString()));
            Assert.Equal(["with", "on_behalf_of"], call.TargetPrepositions!);
            Assert.Equal(new LexiconSource("verbs.txt", 2), call.Source);
            Assert.Equal(4, call.Specificity);
            Assert.Empty(fast.TargetPrepositions!);
            Assert.Null(fast.Objects);
            Assert.Equal(["0871", "142"], lexicon.Codes.Order());
        }

        [Fact]
        public void A_hyphenated_item_has_its_split_form_too()
        {
            // Given a + item, a ~ word and a noun with hyphens
            EventLexicon lexicon = Valid(
                ("verbs.txt", "0871 declare +cease-fire|anti-tank_mine ~in:gaza\n"),
                ("nouns.txt", "0871 cease-fire @with\n"));

            // Then each comes as written and as the tokenizer splits it
            VerbPattern declare = Assert.Single(lexicon.Verbs("declare"));
            Assert.Equal(
                [["cease-fire"], ["cease", "-", "fire"], ["anti-tank", "mine"], ["anti", "-", "tank", "mine"]],
                declare.Objects!.Select(o => o.Lemmas));

            // And the noun is found under the whole form and under its last split word, as one pattern (line)
            Assert.Equal(["cease-fire"], Assert.Single(lexicon.Nouns("cease-fire")).Noun.Lemmas);
            Assert.Equal(["cease", "-", "fire"], Assert.Single(lexicon.Nouns("fire")).Noun.Lemmas);
            Assert.Empty(lexicon.Nouns("cease"));
            Assert.Equal(1, lexicon.NounPatternCount);
        }

        [Fact]
        public void Complement_mappings_accumulate_over_lines_and_keys()
        {
            // Given a key group and a key on several lines, one of them with a default
            EventLexicon lexicon = Valid(("complements.txt", """
                # complements
                threaten|warn   19=1384 ; 191=1381
                threaten        *=130
                warn            17=130
                order           *=*
                """));

            // When the rules are looked up
            ComplementRule threaten = lexicon.Complement("threaten")!;
            ComplementRule warn = lexicon.Complement("warn")!;

            // Then each key has its own accumulated mappings, and its first line as source
            Assert.Equal(new Dictionary<string, string> { ["19"] = "1384", ["191"] = "1381" }, threaten.Prefixes);
            Assert.Equal("130", threaten.Default);
            Assert.Equal(3, warn.Prefixes.Count);
            Assert.Null(warn.Default);
            Assert.Equal(2, warn.Source.Line);
            Assert.True(lexicon.Complement("order")!.Transparent);
            Assert.Null(lexicon.Complement("promise"));
            Assert.Equal(["130", "1381", "1384"], lexicon.Codes.Order());
        }

        [Fact]
        public void A_prefix_mapped_again_on_a_later_line_is_an_error()
        {
            // Given a key that maps 19 on two lines
            (_, IReadOnlyList<LexiconError> errors) = ParseOne("complements.txt", "threaten|warn  19=1384\nthreaten  17=130 ; 19=1381\n");

            // Then the second line is an error naming the first
            AssertError(errors, "complements.txt:2", "key 'threaten' maps '19' twice (already '19=1384' at complements.txt:1)");
            Assert.Single(errors);
        }

        [Fact]
        public void Exclusions_are_verb_or_noun_patterns_without_a_code()
        {
            // Given a verb exclusion and a noun exclusion
            EventLexicon lexicon = Valid(("exclusions.txt", "shoot +film|music_video   # filming\nN heart_attack\nN strike ~at:heart|root\n"));

            // Then they are indexed by verb lemma and by the noun's last lemma, with an empty code
            VerbPattern shoot = Assert.Single(lexicon.VerbExclusions("shoot"));
            Assert.Equal(string.Empty, shoot.Code);
            Assert.Equal(["film", "music_video"], shoot.Objects!.Select(o => o.ToString()));
            Assert.Equal(["heart_attack"], lexicon.NounExclusions("attack").Select(p => p.Noun.ToString()));
            Assert.Single(lexicon.NounExclusions("strike"));
            Assert.Empty(lexicon.Verbs("shoot"));
            Assert.Empty(lexicon.Codes);
        }

        [Fact]
        public void A_file_with_another_name_is_an_error()
        {
            // Given a file that is not one of the four
            (_, IReadOnlyList<LexiconError> errors) = ParseOne("verb.txt", "173 arrest\n");

            // Then it is an error at line 0
            AssertError(errors, "verb.txt:0", "not an event dictionary file");
        }
    }

    public class Precedence
    {
        [Fact]
        public void Verbs_come_most_specific_first_then_longer_code_then_file_order()
        {
            // Given patterns for one verb with 0, 1 and 2 structural constraints
            EventLexicon lexicon = Valid(("verbs.txt", """
                193  fire @at|on
                195  fire +missile @at
                1381 fire +missile ~at:port
                193  fire +gun @at
                0831 fire +minister
                195  fire up +missile
                """));

            // When they are looked up
            // Then the order is: most constraints; among equals the longer code; then the line
            Assert.Equal([3, 6, 5, 2, 4, 1], lexicon.Verbs("fire").Select(p => p.Source.Line));
        }

        [Fact]
        public void Nouns_come_longer_first_then_constrained_then_file_order()
        {
            // Given nouns ending in "strike"
            EventLexicon lexicon = Valid(("nouns.txt", """
                195  strike @on|against
                173  strike ~by:police
                142  hunger_strike @against
                1421 hunger_strike ~for:resignation
                0871 strike ~at:heart
                """));

            // When they are looked up
            // Then hunger_strike (the longer item) leads, ~ lines before the rest, each group in file order
            Assert.Equal([4, 3, 2, 5, 1], lexicon.Nouns("strike").Select(p => p.Source.Line));
        }

        [Fact]
        public void A_later_file_overrides_the_same_pattern_of_an_earlier_one()
        {
            // Given a base file and a later file restating one pattern with another code and adding one
            EventLexicon lexicon = Valid(
                ("events/verbs.txt", "173  arrest\n195  fire +missile @at\n"),
                ("user/verbs.txt", "174  arrest\n193  fire +gun @at\n"),
                ("events/complements.txt", "threaten  19=1384 ; *=130\n"),
                ("user/complements.txt", "threaten  19=1381\n"));

            // Then the later pattern replaces the earlier, the others stay, and complement prefixes are replaced one by one
            VerbPattern arrest = Assert.Single(lexicon.Verbs("arrest"));
            Assert.Equal("174", arrest.Code);
            Assert.Equal("user/verbs.txt", arrest.Source.File);
            Assert.Equal(2, lexicon.Verbs("fire").Count);
            Assert.Equal(3, lexicon.VerbPatternCount);
            Assert.Equal("1381", lexicon.Complement("threaten")!.Map("190"));
            Assert.Equal("130", lexicon.Complement("threaten")!.Map("046"));
            Assert.DoesNotContain("173", lexicon.Codes);
        }
    }

    public class Lookups
    {
        private static readonly EventLexicon Lexicon = Valid(
            ("verbs.txt", "173  arrest\n195  fire +missile @at\n"),
            ("nouns.txt", "046  talks @with\n"),
            ("complements.txt", "call_for  04=026 ; *=020\n"),
            ("exclusions.txt", "shoot +film\nN heart_attack\n"));

        [Theory]
        [InlineData("arrest", 1)]
        [InlineData("Arrest", 1)]
        [InlineData("ARREST", 1)]
        [InlineData("fire", 1)]
        [InlineData("shoot", 0)]
        [InlineData("", 0)]
        public void Verbs_by_string_and_by_span_agree_and_ignore_case(string lemma, int count)
        {
            // Given a lemma as a string and as a slice of a longer text
            string text = "<" + lemma + ">";
            ReadOnlySpan<char> span = text.AsSpan(1, lemma.Length);

            // When both are looked up
            // Then they give the same list
            Assert.Equal(count, Lexicon.Verbs(lemma).Count);
            Assert.Same(Lexicon.Verbs(lemma), Lexicon.Verbs(span));
        }

        [Fact]
        public void Every_lookup_has_a_span_overload()
        {
            // Given spans cut from a sentence
            ReadOnlySpan<char> text = "talks shoot attack call_for";

            // Then each index answers without a string
            Assert.Single(Lexicon.Nouns(text[..5]));
            Assert.Single(Lexicon.VerbExclusions(text.Slice(6, 5)));
            Assert.Single(Lexicon.NounExclusions(text.Slice(12, 6)));
            Assert.Equal("026", Lexicon.Complement(text[19..])!.Map("046"));
            Assert.Null(Lexicon.Complement(text[..5]));
        }

        [Fact]
        public void Lookups_give_the_same_answers_on_many_threads()
        {
            // Given one lexicon shared by several threads
            // When each looks up the same keys many times
            int[] counts = new int[8];
            Parallel.For(0, counts.Length, t =>
            {
                for (int i = 0; i < 1000; i++)
                {
                    counts[t] += Lexicon.Verbs("fire").Count + Lexicon.Nouns("TALKS").Count + (Lexicon.Complement("call_for") is null ? 0 : 1);
                }
            });

            // Then every thread saw the same thing
            Assert.All(counts, c => Assert.Equal(3000, c));
        }
    }

    public class Load
    {
        [Fact]
        public void A_broken_user_file_reports_every_error_with_its_path_and_line()
        {
            // Given a user directory whose verbs.txt and complements.txt are broken in several ways
            using var user = new UserDirectory(
                ("verbs.txt", "# user verbs\n9999 fire +missile\n195  fire +missile||rocket\n195  fire +missile @at\n"),
                ("complements.txt", "threaten  19=1384 ; 19=1381\n"));

            // When the lexicon is loaded with it (codes starting with 9 are unknown)
            (EventLexicon? lexicon, IReadOnlyList<LexiconError> errors) = EventLexicon.Load(user.Path, code => code[0] != '9');

            // Then there is no lexicon, and each error names the user file and line
            Assert.Null(lexicon);
            AssertError(errors, user.PathOf("verbs.txt") + ":2", "unknown CAMEO code '9999'");
            AssertError(errors, user.PathOf("verbs.txt") + ":3", "empty (stray '|')");
            AssertError(errors, user.PathOf("complements.txt") + ":1", "maps '19' twice");
            Assert.Equal(3, errors.Count);
        }

        [Fact]
        public void A_user_file_is_layered_over_the_shipped_files()
        {
            // Given a user verbs.txt that recodes the shipped "173 arrest" and adds a verb
            using var user = new UserDirectory(("verbs.txt", "174  arrest\n0831 sack +minister\n"));

            // When the lexicon is loaded with it
            (EventLexicon? lexicon, IReadOnlyList<LexiconError> errors) = EventLexicon.Load(user.Path, _ => true);

            // Then the user's lines replace and add, the shipped rest stays
            Assert.Empty(errors);
            Assert.DoesNotContain(lexicon!.Verbs("arrest"), p => p.Code == "173" && p.Objects is null && p.Constraints.Length == 0 && p.TargetPrepositions is null);
            Assert.Contains(lexicon.Verbs("arrest"), p => p.Code == "174" && p.Source.File == user.PathOf("verbs.txt"));
            Assert.Contains(lexicon.Verbs("sack"), p => p.Code == "0831" && p.Source.File == user.PathOf("verbs.txt"));
            Assert.Equal(EventLexicon.LoadDefault().VerbPatternCount + 1, lexicon.VerbPatternCount);
        }

        [Fact]
        public void A_missing_directory_or_a_stray_file_is_an_error()
        {
            // Given a directory that does not exist, and one with a misspelt file name
            using var user = new UserDirectory(("verb.txt", "173 arrest\n"));
            string missing = user.PathOf("nowhere");

            // When each is loaded
            (EventLexicon? none, IReadOnlyList<LexiconError> missingErrors) = EventLexicon.Load(missing, _ => true);
            (EventLexicon? stray, IReadOnlyList<LexiconError> strayErrors) = EventLexicon.Load(user.Path, _ => true);

            // Then each is an error naming the path
            Assert.Null(none);
            AssertError(missingErrors, missing + ":0", "no such directory");
            Assert.Null(stray);
            AssertError(strayErrors, user.PathOf("verb.txt") + ":0", "not an event dictionary file");
        }
    }
}
