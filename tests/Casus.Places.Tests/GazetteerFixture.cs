using Casus.Syntax;

namespace Casus.Places.Tests;

/// <summary>The default gazetteer and the syntax pipeline, loaded once for all tests.</summary>
internal static class Shared
{
    private static readonly Lazy<Gazetteer> LazyGazetteer = new(Gazetteer.LoadDefault);
    private static readonly Lazy<SyntaxPipeline> LazyPipeline = new(SyntaxPipeline.LoadDefault);

    public static Gazetteer Gazetteer => LazyGazetteer.Value;

    public static PlaceRecognizer Recognizer { get; } = new(Gazetteer);

    public static SyntaxPipeline Pipeline => LazyPipeline.Value;

    /// <summary>Segments and parses <paramref name="text"/> into a place input with syntax.</summary>
    public static PlaceInput Parsed(string text, IReadOnlyList<string>? actorCountries = null, IReadOnlyList<TextSpan>? excluded = null)
    {
        var plain = PlaceInput.FromText(text);
        var syntax = new List<WordSyntax>(plain.Tokens.Count);
        var buffer = new SyntaxBuffer();
        var tokens = plain.Tokens.ToArray();
        foreach (var s in plain.Sentences)
        {
            Pipeline.Analyze(text, tokens.AsSpan(s.FirstToken, s.TokenCount), buffer);
            WordSyntax.AppendSentence(Pipeline, buffer, syntax);
        }
        return new PlaceInput
        {
            Text = text,
            Tokens = plain.Tokens,
            Sentences = plain.Sentences,
            Syntax = syntax,
            ActorCountries = actorCountries,
            ExcludedSpans = excluded,
        };
    }

    public static PlaceInput Plain(string text, IReadOnlyList<string>? actorCountries = null, IReadOnlyList<TextSpan>? excluded = null)
    {
        var plain = PlaceInput.FromText(text);
        return new PlaceInput
        {
            Text = text,
            Tokens = plain.Tokens,
            Sentences = plain.Sentences,
            ActorCountries = actorCountries,
            ExcludedSpans = excluded,
        };
    }
}
