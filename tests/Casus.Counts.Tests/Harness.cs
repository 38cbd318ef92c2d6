using Casus.Syntax;
using Casus.Text;
using Casus.Time;

namespace Casus.Counts.Tests;

/// <summary>Runs the finder over whole texts and renders counts as "kind=value/qualifier/unit" for table tests.</summary>
internal static class Harness
{
    public static readonly Lazy<SyntaxPipeline> Syntax = new(SyntaxPipeline.LoadDefault);
    public static readonly Lazy<ClauseTree> Tree = new(() => new ClauseTree(Syntax.Value));
    public static readonly Lazy<CountFinder> ParsedFinder = new(() => new CountFinder(CountLexicon.Default, Tree.Value));

    public static List<CountMention> Find(string text)
    {
        var segmentation = Segmenter.Default.Segment(text);
        var result = new List<CountMention>();
        foreach (var sentence in segmentation.Sentences)
        {
            CountFinder.Default.Find(text, segmentation.TokensOf(sentence), result);
        }
        return result;
    }

    public static string Render(string text, CountMention m) =>
        $"{m.KindName}={m.Value}/{m.QualifierName}" + (m.UnitText(text) is { } unit ? "/" + unit : "");

    public static string RenderAll(string text) => string.Join(" | ", Find(text).Select(m => Render(text, m)));

    /// <summary>One parsed sentence with its counts, for attachment tests.</summary>
    public sealed record Parsed(string Text, SyntaxBuffer Buffer, List<CountMention> Counts)
    {
        public int Word(string form)
        {
            for (var i = 0; i < Buffer.Count; i++)
            {
                if (Buffer.Form(i).SequenceEqual(form))
                {
                    return i;
                }
            }
            throw new InvalidOperationException($"no word '{form}'");
        }
    }

    /// <summary>Parses the sentence of <paramref name="text"/> that holds <paramref name="part"/> and finds its counts with the parse.</summary>
    public static Parsed Parse(string text, string part)
    {
        var segmentation = Segmenter.Default.Segment(text);
        foreach (var sentence in segmentation.Sentences)
        {
            if (!text.Substring(sentence.Start, sentence.Length).ReplaceLineEndings(" ").Contains(part, StringComparison.Ordinal))
            {
                continue;
            }
            var buffer = new SyntaxBuffer();
            var tokens = segmentation.TokensOf(sentence);
            Syntax.Value.Analyze(text, tokens, buffer);
            var counts = new List<CountMention>();
            ParsedFinder.Value.Find(text, tokens, counts, buffer);
            return new Parsed(text, buffer, counts);
        }
        throw new InvalidOperationException($"no sentence holds '{part}'");
    }
}
