using Casus.Events.Actors;
using Casus.Text;
using Xunit.Abstractions;

namespace Casus.Events.Tests.Actors;

public class ShippedNamesTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_shipped_name_matches_itself()
    {
        // Given every name of every shipped block and person, each set in a neutral sentence
        var failures = new List<string>();
        foreach (ActorDictionarySource source in ActorDictionary.ShippedSources())
        {
            var errors = new List<ActorDictionaryError>();
            if (source.FileName == "leaders.txt")
            {
                foreach (RawPerson person in DictionaryParser.ParseLeaders(source, errors))
                {
                    foreach (RawName name in person.Names)
                    {
                        // People may share a name (Soe Win); the date picks one, so any person will do.
                        Check(source, name, null, failures);
                    }
                }
            }
            else if (source.FileName != "sectors.txt")
            {
                var file = (DictionaryFile)ActorDictionary.FileNames.ToList().IndexOf(source.FileName);
                foreach (RawBlock block in DictionaryParser.ParseBlocks(file, source, errors))
                {
                    foreach (RawName name in block.Names)
                    {
                        Check(source, name, block.CanonicalName, failures);
                    }
                }
            }

            Assert.Empty(errors);
        }

        // Then each comes back as its own entry over exactly its span: no name is shadowed or cut by the tokenizer,
        // except the known rule 9 conflicts, where one block takes the other's name
        foreach (string failure in failures)
        {
            output.WriteLine(failure);
        }

        Assert.Equal(DictionaryValidator.KnownConflicts.Count, failures.Count);
    }

    private static void Check(ActorDictionarySource source, RawName name, string? entity, List<string> failures)
    {
        string text = "we saw " + name.Form.Text + " there";
        Token[] tokens = [.. Segmenter.Default.Segment(text).Tokens];
        var mentions = new List<ActorMention>();
        ActorTestData.Matcher.Match(text, tokens, new DateOnly(2020, 1, 8), mentions);
        int start = "we saw ".Length;
        int end = start + name.Form.Text.Length;
        if (!mentions.Exists(m => m.Start == start && m.End == end && (entity is null ? m.Kind == ActorMentionKind.Person : m.Entity == entity)))
        {
            failures.Add($"{source.DisplayName}:{name.Line} \"{name.Raw}\" of {entity ?? "a person"} -> {string.Join("; ", mentions.Select(m => $"\"{text[m.Start..m.End]}\" {m.Code} {m.Entity}"))}");
        }
    }
}
