using Casus.Events.Actors;
using Casus.Text;

namespace Casus.Events.Tests.Actors;

/// <summary>The shipped dictionary, loaded once for all tests (it is immutable), and helpers to run the matcher.</summary>
internal static class ActorTestData
{
    private static readonly Lazy<ActorDictionary> Shared = new(ActorDictionary.LoadDefault);

    public static ActorDictionary Dictionary => Shared.Value;

    public static ActorMatcher Matcher { get; } = new(Dictionary);

    /// <summary>Segments a text and matches every sentence; token indexes stay sentence-relative.</summary>
    public static List<(ActorMention Mention, string Text)> Match(string text, DateOnly? date)
    {
        Segmentation segmentation = Segmenter.Default.Segment(text);
        var all = new List<(ActorMention, string)>();
        var mentions = new List<ActorMention>();
        foreach (Sentence sentence in segmentation.Sentences)
        {
            mentions.Clear();
            Matcher.Match(text, segmentation.TokensOf(sentence), date, mentions);
            foreach (ActorMention mention in mentions)
            {
                all.Add((mention, text[mention.Start..mention.End]));
            }
        }

        return all;
    }

    /// <summary>One line per mention: <c>"span" CODE kind confidence</c>.</summary>
    public static string Describe((ActorMention Mention, string Text) m) =>
        $"\"{m.Text}\" {m.Mention.Code} ({m.Mention.Country ?? "-"}/{m.Mention.Sector ?? "-"}) {m.Mention.Kind} {m.Mention.Confidence:0.00} [{m.Mention.Entity}]";
}
