using Casus.Events.Actors;
using Casus.Reading.Tests.Support;
using Xunit.Abstractions;

namespace Casus.Events.Tests.Actors;

public class ShippedDictionaryTests(ITestOutputHelper output)
{
    private const string ActorTypes = "data/cameo/cameo_actor_types.tsv";

    [Fact]
    public void Shipped_dictionaries_load_with_zero_errors()
    {
        // Given the files embedded in the assembly
        // When they are loaded without a user directory
        ActorDictionaryLoadResult result = ActorDictionary.Load(null);

        // Then there is no error (each is printed, so a failure says what to fix), only the listed known conflicts
        foreach (ActorDictionaryError error in result.Errors)
        {
            output.WriteLine("error: " + error);
        }

        foreach (ActorDictionaryError warning in result.Warnings)
        {
            output.WriteLine("warning: " + warning);
        }

        Assert.Empty(result.Errors);
        Assert.NotNull(result.Dictionary);
        output.WriteLine($"{result.Dictionary.BlockCount} blocks, {result.Dictionary.PersonCount} people, {result.Dictionary.SectorPhraseCount} sector phrases, {result.Dictionary.NameCount} names");
        Assert.Equal(250 + 174 + 218 + 25, result.Dictionary.BlockCount);
    }

    [Fact]
    public void Every_known_conflict_still_occurs()
    {
        // Given the conflicts the loader lets through as warnings
        // When the shipped files are loaded
        ActorDictionaryLoadResult result = ActorDictionary.Load(null);

        // Then each is still there: once the files are fixed, the exemption must go too
        Assert.Equal(DictionaryValidator.KnownConflicts.Count, result.Warnings.Count);
        foreach ((string name, string first, string second) in DictionaryValidator.KnownConflicts)
        {
            Assert.Contains(result.Warnings, w => w.Message.Contains($"[{first}]", StringComparison.Ordinal) && w.Message.Contains($"[{second}]", StringComparison.Ordinal) && w.Message.Contains(name, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public void The_shipped_resources_are_found_by_name()
    {
        // Given the assembly's resources, named with "/" or "\" by MSBuild
        // When the shipped sources are listed
        IReadOnlyList<ActorDictionarySource> sources = ActorDictionary.ShippedSources();

        // Then there is one per file, in the order of FileNames
        Assert.Equal(ActorDictionary.FileNames, sources.Select(s => s.FileName));
        Assert.All(sources, s => Assert.StartsWith("actors/", s.DisplayName, StringComparison.Ordinal));
    }

    [SharedFileFact(ActorTypes)]
    public void The_sector_table_matches_the_cameo_actor_types()
    {
        // Given CAMEO's actor types from the shared data
        string[] codes = [.. File.ReadAllLines(SharedData.PathOf(ActorTypes)).Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t')[0])];

        // Then the loader's table is the same codes plus REL
        Assert.Equal([.. codes, "REL"], ActorCodes.Sectors);
    }
}
