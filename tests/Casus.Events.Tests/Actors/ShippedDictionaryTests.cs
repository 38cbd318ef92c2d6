using Casus.Events.Actors;
using Xunit.Abstractions;

namespace Casus.Events.Tests.Actors;

public class ShippedDictionaryTests(ITestOutputHelper output)
{
    [Fact]
    public void Shipped_dictionaries_load_with_zero_errors()
    {
        // Given the files embedded in the assembly
        // When they are loaded without a user directory
        ActorDictionaryLoadResult result = ActorDictionary.Load(null);

        // Then there is no error (each is printed, so a failure says what to fix)
        foreach (ActorDictionaryError error in result.Errors)
        {
            output.WriteLine(error.ToString());
        }

        Assert.Empty(result.Errors);
        Assert.NotNull(result.Dictionary);
        output.WriteLine($"{result.Dictionary.BlockCount} blocks, {result.Dictionary.PersonCount} people, {result.Dictionary.SectorPhraseCount} sector phrases, {result.Dictionary.NameCount} names");
    }
}
