using System.Globalization;
using Casus.Syntax;
using Casus.Text;

namespace Casus.Time.Tests;

/// <summary>Runs the finder over whole texts and renders mentions as "span=date/precision" for table tests.</summary>
internal static class Harness
{
    public static readonly Lazy<SyntaxPipeline> Syntax = new(SyntaxPipeline.LoadDefault);
    public static readonly Lazy<ClauseTree> Tree = new(() => new ClauseTree(Syntax.Value));

    public static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Finds the dates of every sentence of <paramref name="text"/>, surface only or with the parse.</summary>
    public static List<(DateMention Mention, int Sentence)> Find(string text, DateOnly? date, bool parse = false)
    {
        var segmentation = Segmenter.Default.Segment(text);
        var context = new DateContext(date);
        var finder = parse ? new DateFinder(Tree.Value) : DateFinder.Default;
        var buffer = new SyntaxBuffer();
        var result = new List<(DateMention, int)>();
        var output = new List<DateMention>();
        for (var s = 0; s < segmentation.Sentences.Count; s++)
        {
            var tokens = segmentation.TokensOf(segmentation.Sentences[s]);
            if (parse)
            {
                Syntax.Value.Analyze(text, tokens, buffer);
            }
            output.Clear();
            finder.Find(text, tokens, context, output, parse ? buffer : null);
            foreach (var m in output)
            {
                result.Add((m, s));
            }
        }
        return result;
    }

    public static string Render(string text, DateMention m) =>
        $"{text[m.Start..m.End]}={(m.Date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "?")}/{m.PrecisionName}";

    public static string RenderAll(string text, DateOnly? date, bool parse = false) =>
        string.Join(" | ", Find(text, date, parse).Select(x => Render(text, x.Mention)));
}
