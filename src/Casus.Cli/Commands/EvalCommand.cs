using System.ComponentModel;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Casus.Events.Coding;
using Casus.Reading;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Casus.Cli.Commands;

/// <summary>
/// <c>casus eval</c>: scores the coder on the annotated development set (<c>eval/events-dev.tsv</c>): category
/// recall, source/target country accuracy and precision. Sentence texts are read from the news file by offset.
/// </summary>
public sealed class EvalCommand : Command<EvalCommand.Settings>
{
    /// <summary>Settings of <c>casus eval</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>Annotation file.</summary>
        [CommandOption("--set <FILE>")]
        [Description("Annotated events (default: eval/events-dev.tsv in the repository).")]
        public string? Set { get; init; }

        /// <summary>News file the annotations point into.</summary>
        [CommandOption("--news <FILE>")]
        [Description("The JSON Lines news file the offsets refer to (default: ../shared/data/news/wikinews_2019_2020.jsonl).")]
        public string? News { get; init; }

        /// <summary>Print each disagreement.</summary>
        [CommandOption("--errors")]
        [Description("List every missed and spurious event.")]
        public bool Errors { get; init; }

        /// <summary>Models directory.</summary>
        [CommandOption("--models <DIR>")]
        public string? Models { get; init; }
    }

    private sealed record Gold(string DocId, int Start, int End, string Sha, string? Source, string Cameo, string? Target, string Modality, int Line);

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var diagnostics = new Diagnostics();
        var home = Environment.GetEnvironmentVariable("CASUS_HOME") ?? Directory.GetCurrentDirectory();
        var setPath = settings.Set ?? Path.Combine(home, "eval", "events-dev.tsv");
        var newsPath = settings.News ?? Path.GetFullPath(Path.Combine(home, "..", "shared", "data", "news", "wikinews_2019_2020.jsonl"));
        foreach (var path in new[] { setPath, newsPath })
        {
            if (!File.Exists(path))
            {
                diagnostics.Problem($"{path}: not found");
                return ExitCodes.Error;
            }
        }
        var gold = ReadGold(setPath, diagnostics);
        var ids = gold.Select(g => g.DocId).ToHashSet();
        var documents = DocumentReader.Read([newsPath], new ReaderOptions(), p => diagnostics.Problem(p.ToString()))
            .Where(d => ids.Contains(d.Id)).ToDictionary(d => d.Id);
        var pipeline = CodingPipeline.Load(Cli.Models.Load(settings.Models), null, CodeCommand.CoderVersion());
        var worker = new CodingPipeline.Worker();
        var predicted = new Dictionary<string, List<CodedEvent>>();
        foreach (var (id, doc) in documents)
        {
            var list = new List<CodedEvent>();
            pipeline.Code(doc.Id, doc.Text, doc.Date, worker, list);
            predicted[id] = list;
        }

        int expected = 0, found = 0, sourceRight = 0, targetRight = 0, dyadRight = 0, system = 0, correct = 0, sentences = 0;
        var output = Console.Out;
        foreach (var group in gold.GroupBy(g => (g.DocId, g.Start, g.End)))
        {
            var first = group.First();
            if (!documents.TryGetValue(first.DocId, out var doc))
            {
                diagnostics.Problem($"{setPath}:{first.Line}: document '{first.DocId}' is not in {newsPath}");
                continue;
            }
            if (first.End > doc.Text.Length || Sha(doc.Text[first.Start..first.End]) != first.Sha)
            {
                diagnostics.Problem($"{setPath}:{first.Line}: offsets {first.Start}-{first.End} do not give the annotated sentence (checksum differs)");
                continue;
            }
            sentences++;
            var wanted = group.Where(g => g.Cameo != "-" && g.Modality is not ("negated" or "hypothetical")).ToList();
            var got = predicted[first.DocId]
                .Where(e => e.TriggerStart >= first.Start && e.TriggerStart < first.End && e.InDefaultOutput && !e.IsIncident)
                .ToList();
            expected += wanted.Count;
            system += got.Count;
            var used = new bool[got.Count];
            foreach (var g in wanted)
            {
                var match = -1;
                for (var i = 0; i < got.Count; i++)
                {
                    if (!used[i] && got[i].Root == g.Cameo[..2] && (match < 0 || Score(got[i], g) > Score(got[match], g)))
                    {
                        match = i;
                    }
                }
                if (match < 0)
                {
                    if (settings.Errors)
                    {
                        output.WriteLine($"missed   {g.DocId}:{g.Start}  {g.Source ?? "---"} {g.Cameo} {g.Target ?? "---"}  | {doc.Text[g.Start..g.End]}");
                    }
                    continue;
                }
                used[match] = true;
                found++;
                correct++;
                var e = got[match];
                var s = Country(g.Source) == e.Source?.Country;
                var t = Country(g.Target) == e.Target?.Country;
                sourceRight += s ? 1 : 0;
                targetRight += t ? 1 : 0;
                dyadRight += s && t ? 1 : 0;
                if (settings.Errors && !(s && t))
                {
                    output.WriteLine($"actors   {g.DocId}:{g.Start}  gold {g.Source ?? "---"} {g.Cameo} {g.Target ?? "---"}  got {e.Source?.Code ?? "---"} {e.Cameo} {e.Target?.Code ?? "---"}");
                }
            }
            if (settings.Errors)
            {
                for (var i = 0; i < got.Count; i++)
                {
                    if (!used[i])
                    {
                        output.WriteLine($"spurious {first.DocId}:{first.Start}  {got[i].Source?.Code ?? "---"} {got[i].Cameo} {got[i].Target?.Code ?? "---"} ({got[i].TriggerText}, {got[i].Pattern})");
                    }
                }
            }
        }
        double Pct(int a, int b) => b == 0 ? 0 : 100.0 * a / b;
        output.WriteLine($"sentences {sentences}, gold events {expected}, coded events {system}");
        output.WriteLine($"category (root) recall            {Pct(found, expected),6:F1}%  ({found}/{expected})");
        output.WriteLine($"precision (root matches gold)     {Pct(correct, system),6:F1}%  ({correct}/{system})");
        output.WriteLine($"source country right, of matched  {Pct(sourceRight, found),6:F1}%");
        output.WriteLine($"target country right, of matched  {Pct(targetRight, found),6:F1}%");
        output.WriteLine($"root + source + target right      {Pct(dyadRight, expected),6:F1}% of gold events");
        return diagnostics.Problems > 0 ? ExitCodes.Partial : ExitCodes.Ok;
    }

    private static int Score(CodedEvent e, Gold g) =>
        (Country(g.Source) == e.Source?.Country ? 1 : 0) + (Country(g.Target) == e.Target?.Country ? 1 : 0) + (e.Cameo == g.Cameo ? 1 : 0);

    /// <summary>The country part of a CAMEO actor code: IGO/NGO/MNC/IMG or the first three letters.</summary>
    private static string? Country(string? code) => code is null || code.Length < 3 ? null : code[..3];

    private static string Sha(string text) =>
        Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(text)))[..8];

    private static List<Gold> ReadGold(string path, Diagnostics diagnostics)
    {
        var rows = new List<Gold>();
        var lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (line.Length == 0 || line[0] == '#' || line.StartsWith("doc_id\t", StringComparison.Ordinal))
            {
                continue;
            }
            var f = line.Split('\t');
            if (f.Length < 8 || !int.TryParse(f[1], CultureInfo.InvariantCulture, out var start) || !int.TryParse(f[2], CultureInfo.InvariantCulture, out var end))
            {
                diagnostics.Problem($"{path}:{lineNo}: expected doc_id, start, end, sha1_8, source, cameo, target, modality");
                continue;
            }
            rows.Add(new Gold(f[0], start, end, f[3], f[4] is "-" or "---" ? null : f[4], f[5], f[6] is "-" or "---" ? null : f[6], f[7], lineNo));
        }
        return rows;
    }
}
