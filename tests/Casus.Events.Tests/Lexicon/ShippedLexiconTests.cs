using System.Text.RegularExpressions;
using Casus.Events.Lexicon;
using Casus.Reading.Tests.Support;
using Xunit.Abstractions;

namespace Casus.Events.Tests.Lexicon;

/// <summary>The event dictionaries shipped in the assembly: they load, their codes are CAMEO's, and key entries are there.</summary>
public class ShippedLexiconTests(ITestOutputHelper output)
{
    private const string CameoTable = "data/cameo/cameo_eventcodes.tsv";

    private static readonly EventLexicon Shipped = EventLexicon.LoadDefault();

    /// <summary>The <c>code</c> column of the shared CAMEO table.</summary>
    private static HashSet<string> CameoCodes() =>
        [.. File.ReadAllLines(SharedData.PathOf(CameoTable)).Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t')[0])];

    [Fact]
    public void The_shipped_files_load_with_zero_errors()
    {
        // Given the files embedded in the assembly
        // When they are loaded with the syntactic code check LoadDefault uses
        (EventLexicon? lexicon, IReadOnlyList<LexiconError> errors) = EventLexicon.Load(null, code => code.All(char.IsAsciiDigit));

        // Then there is no error (each is printed, so a failure says what to fix)
        foreach (LexiconError error in errors)
        {
            output.WriteLine("error: " + error);
        }

        Assert.Empty(errors);
        Assert.NotNull(lexicon);
        output.WriteLine($"{lexicon.VerbPatternCount} verb patterns, {lexicon.NounPatternCount} noun patterns, {lexicon.Codes.Count} codes");
        Assert.True(lexicon.VerbPatternCount > 2000, "verbs.txt lost lines");
        Assert.True(lexicon.NounPatternCount > 1000, "nouns.txt lost lines");
    }

    [SharedFileFact(CameoTable)]
    public void Every_shipped_code_is_a_cameo_code()
    {
        // Given CAMEO's event codes from the shared table
        HashSet<string> cameo = CameoCodes();

        // When the shipped files are loaded against it
        (EventLexicon? lexicon, IReadOnlyList<LexiconError> errors) = EventLexicon.Load(null, cameo.Contains);

        // Then no code (pattern code, complement prefix or result) is unknown, and no event is coded with a root code
        foreach (LexiconError error in errors)
        {
            output.WriteLine("error: " + error);
        }

        Assert.Empty(errors);
        Assert.NotNull(lexicon);
        Assert.Subset(cameo, lexicon.Codes.ToHashSet());
        Assert.DoesNotContain(lexicon.Codes, c => c.Length == 2);
    }

    [Fact]
    public void The_verbs_header_states_the_number_of_codes_it_uses()
    {
        // Given verbs.txt, whose header says how many distinct codes it uses (README section 8)
        (string file, string text) = EventLexicon.ShippedFiles().Single(f => f.File == "events/verbs.txt");
        Match stated = Regex.Match(text, @"Distinct CAMEO codes used in this file: (\d+)");
        Assert.True(stated.Success, "verbs.txt has no code count in its header");

        // When it is loaded alone
        (EventLexicon? lexicon, _) = EventLexicon.Parse([(file, text)], _ => true);

        // Then the count is right
        Assert.Equal(int.Parse(stated.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), lexicon!.Codes.Count);
    }

    [Fact]
    public void The_shipped_resources_are_found_by_name()
    {
        // Given the assembly's resources, named with "/" or "\" by MSBuild
        // When the shipped files are listed
        IReadOnlyList<(string File, string Text)> files = EventLexicon.ShippedFiles();

        // Then there is one per file, in the order of FileNames
        Assert.Equal(EventLexicon.FileNames.Select(f => "events/" + f), files.Select(f => f.File));
        Assert.All(files, f => Assert.NotEmpty(f.Text));
    }

    [Theory]
    [InlineData("fire", "195", "missile", "at")]
    [InlineData("fire", "195", "anti-tank_missile", "at")]
    [InlineData("fire", "195", "anti_-_tank_missile", "at")] // the split form of the hyphenated item
    [InlineData("fire", "175", "tear_gas", "into")]
    [InlineData("fire", "0831", "minister", "-")]
    [InlineData("arrest", "173", null, null)]
    [InlineData("ARREST", "173", null, null)]
    [InlineData("issue", "173", "arrest_warrant", "against")]
    public void Verb_patterns(string lemma, string code, string? item, string? preposition)
    {
        // Given the shipped lexicon
        // When the verb's patterns are looked up
        IReadOnlyList<VerbPattern> patterns = Shipped.Verbs(lemma);

        // Then one has this code, + item and @ preposition ("-" = @-, null = none)
        Assert.Contains(patterns, p => p.Code == code && HasObject(p, item) && HasTarget(p.TargetPrepositions, preposition));
    }

    [Theory]
    [InlineData("talks", "046", "talks", "with")]
    [InlineData("talks", "046", "peace_talks", "between")]
    [InlineData("ceasefire", "0871", "ceasefire", "with")]
    [InlineData("cease-fire", "0871", "cease-fire", "with")]
    [InlineData("fire", "0871", "cease_-_fire", "with")] // "cease - fire" as the tokenizer splits it
    [InlineData("strike", "1421", "hunger_strike", null)]
    [InlineData("strike", "195", "strike", "on")]
    public void Noun_patterns(string head, string code, string noun, string? preposition)
    {
        // Given the shipped lexicon
        // When the nouns ending in the head are looked up
        IReadOnlyList<NounPattern> patterns = Shipped.Nouns(head);

        // Then one is this noun with this code and @ preposition
        Assert.Contains(patterns, p => p.Code == code && p.Noun.ToString() == noun && HasTarget(p.TargetPrepositions, preposition));
    }

    [Theory]
    [InlineData("threaten", "190", "1384")]  // root 19 -> threaten with military force
    [InlineData("threaten", "195", "1384")]
    [InlineData("threaten", "191", "1381")]  // blockade
    [InlineData("threaten", "192", "1382")]  // occupation
    [InlineData("threaten", "1724", "1324")] // longest prefix wins over 172 and 17
    [InlineData("threaten", "0871", "130")]  // anything else: the default
    [InlineData("warn", "190", "1384")]      // KEY1|KEY2 lines apply to both keys
    [InlineData("call_for", "046", "026")]
    [InlineData("call_for", "190", "020")]
    [InlineData("order", "195", "195")]      // *=* is transparent
    [InlineData("try", "186", "185")]
    [InlineData("try", "190", null)]         // no prefix and no default: the rule does not apply
    [InlineData("hunger_strike", "1041", "1421")]
    public void Complement_rules(string key, string embedded, string? expected)
    {
        // Given the shipped lexicon
        // When the key's rule maps an embedded event's code
        ComplementRule? rule = Shipped.Complement(key);

        // Then the new code is as README section 5 says
        Assert.NotNull(rule);
        Assert.Equal(expected, rule.Map(embedded));
    }

    [Fact]
    public void Complement_mappings_accumulate_over_lines()
    {
        // Given "threaten|warn" mapped on five lines of complements.txt
        // When the rule is looked up
        ComplementRule rule = Shipped.Complement("threaten")!;

        // Then it holds every line's prefixes, the default, and the first line as its source
        Assert.Equal("130", rule.Default);
        Assert.False(rule.Transparent);
        Assert.Equal(5 + 7 + 10 + 6, rule.Prefixes.Count);
        Assert.True(Shipped.Complement("order")!.Transparent);
        Assert.Equal("events/complements.txt", rule.Source.File);
    }

    [Theory]
    [InlineData("shoot", null, "film")]
    [InlineData("fire", null, "employee")]
    [InlineData("hammer", "out", "deal")]
    public void Verb_exclusions(string lemma, string? particle, string item)
    {
        // Given the shipped lexicon
        // When the verb's exclusions are looked up
        IReadOnlyList<VerbPattern> patterns = Shipped.VerbExclusions(lemma);

        // Then one excludes this object, and exclusions have no code
        Assert.Contains(patterns, p => p.Particle == particle && HasObject(p, item));
        Assert.All(patterns, p => Assert.Equal(string.Empty, p.Code));
    }

    [Theory]
    [InlineData("attack", "heart_attack")]
    [InlineData("strike", "lightning_strike")]
    [InlineData("shooting", "shooting")]
    public void Noun_exclusions(string head, string noun)
    {
        // Given the shipped lexicon
        // When the noun exclusions for the head are looked up
        // Then this noun is among them
        Assert.Contains(Shipped.NounExclusions(head), p => p.Noun.ToString() == noun && p.Code.Length == 0);
    }

    [Fact]
    public void The_most_specific_verb_pattern_comes_first()
    {
        // Given the shipped "fire" patterns, of which "193 fire @at|on|into" is the only one without a + list
        IReadOnlyList<VerbPattern> patterns = Shipped.Verbs("fire");

        // Then it comes last, and the 4-digit codes lead the + patterns
        Assert.Equal("193", patterns[^1].Code);
        Assert.Null(patterns[^1].Objects);
        Assert.All(patterns.Take(patterns.Count - 1), p => Assert.NotNull(p.Objects));
        Assert.Equal(4, patterns[0].Code.Length);
    }

    [Fact]
    public void The_longer_noun_comes_first()
    {
        // Given the shipped nouns ending in "strike"
        IReadOnlyList<NounPattern> patterns = Shipped.Nouns("strike");

        // Then the multiword nouns come before "strike" alone, which has its ~ lines before the others
        int firstSingle = patterns.ToList().FindIndex(p => p.Noun.Lemmas.Length == 1);
        Assert.True(firstSingle > 0);
        Assert.All(patterns.Skip(firstSingle), p => Assert.Single(p.Noun.Lemmas));
        Assert.All(patterns.Take(firstSingle), p => Assert.True(p.Noun.Lemmas.Length > 1));
        List<NounPattern> single = [.. patterns.Skip(firstSingle)];
        int firstUnconstrained = single.FindIndex(p => p.Constraints.Length == 0);
        Assert.All(single.Skip(firstUnconstrained), p => Assert.Empty(p.Constraints));
        Assert.All(single.Take(firstUnconstrained), p => Assert.NotEmpty(p.Constraints));
    }

    private static bool HasObject(VerbPattern pattern, string? item) =>
        item is null ? pattern.Objects is null : pattern.Objects is not null && pattern.Objects.Any(o => o.ToString() == item);

    private static bool HasTarget(string[]? targets, string? preposition) => preposition switch
    {
        null => targets is null,
        "-" => targets is [],
        _ => targets is not null && targets.Contains(preposition),
    };
}
