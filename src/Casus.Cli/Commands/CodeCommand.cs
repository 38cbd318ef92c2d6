using System.ComponentModel;
using System.Diagnostics;
using Casus.Events.Coding;
using Casus.Events.Output;
using Casus.Reading;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Casus.Cli.Commands;

/// <summary><c>casus code</c>: news documents in, coded events out (JSON Lines or CSV).</summary>
public sealed class CodeCommand : Command<CodeCommand.Settings>
{
    /// <summary>Settings of <c>casus code</c>.</summary>
    public sealed class Settings : CodingSettings
    {
        /// <summary>Output format.</summary>
        [CommandOption("--format <FORMAT>")]
        [Description("jsonl (default) or csv.")]
        public string Format { get; init; } = "jsonl";

        /// <summary>Which modalities to output.</summary>
        [CommandOption("--modality <WHICH>")]
        [Description("default: asserted and claimed events beyond bare statements (010); all: also negated, hypothetical and 010 ones.")]
        public string Modality { get; init; } = "default";

        /// <summary>Explain actor matching on stderr.</summary>
        [CommandOption("--explain")]
        [Description("Write each sentence's actor mentions to stderr (single-threaded), to see why events were or were not coded.")]
        public bool Explain { get; init; }

        /// <inheritdoc />
        public override ValidationResult Validate()
        {
            if (Format is not ("jsonl" or "csv"))
            {
                return ValidationResult.Error($"--format '{Format}': expected jsonl or csv");
            }
            if (Modality is not ("default" or "all"))
            {
                return ValidationResult.Error($"--modality '{Modality}': expected default or all");
            }
            return base.Validate();
        }
    }

    /// <summary>The version string written into every record.</summary>
    internal static string CoderVersion() =>
        $"casus {typeof(CodeCommand).Assembly.GetName().Version?.ToString(3)} / dictionaries {Versions.Dictionaries}";

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var diagnostics = new Diagnostics();
        var clock = Stopwatch.StartNew();
        var pipeline = settings.LoadPipeline();
        var coder = pipeline.Coder.Version;
        var all = settings.Modality == "all";
        using var output = settings.Out is null ? Console.OpenStandardOutput() : File.Create(settings.Out);
        using var buffered = new BufferedStream(output, 1 << 16);
        var csv = settings.Format == "csv" ? new StreamWriter(buffered, new System.Text.UTF8Encoding(false)) { NewLine = "\n" } : null;
        csv?.Write(EventWriter.CsvHeader + "\n");
        long documents = 0, sentences = 0, events = 0;
        var summary = new ReadSummary();
        var source = DocumentReader.Read(settings.Inputs, settings.ReaderOptions(null), p => diagnostics.Problem(p.ToString()), summary);
        var threads = settings.Explain ? 1 : settings.Threads ?? Environment.ProcessorCount;
        var query = OrderedParallel.Map(source, threads, cancellationToken, () => (Worker: new CodingPipeline.Worker(), Events: new List<CodedEvent>()),
            (Document doc, (CodingPipeline.Worker Worker, List<CodedEvent> Events) state) =>
            {
                var (worker, list) = state;
                list.Clear();
                try
                {
                    var count = pipeline.Code(doc.Id, doc.Text, doc.Date, worker, list, settings.Explain ? Console.Error : null);
                    return (Doc: doc, Sentences: count, Events: list.Where(e => all || e.InDefaultOutput).ToArray(), Error: (string?)null);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A bug on one document must not lose the batch: report it with the document and go on.
                    return (Doc: doc, Sentences: 0, Events: Array.Empty<CodedEvent>(), Error: $"{doc.Origin}: document '{doc.Id}' failed: {e.GetType().Name}: {e.Message}");
                }
            });

        void Run(Action<string>? progress)
        {
            foreach (var (doc, count, coded, error) in query)
            {
                if (error is not null)
                {
                    diagnostics.Problem(error);
                    continue;
                }
                documents++;
                sentences += count;
                foreach (var e in coded)
                {
                    if (csv is not null)
                    {
                        EventWriter.WriteCsv(csv, e, coder);
                    }
                    else
                    {
                        EventWriter.WriteJson(buffered, e, coder);
                    }
                    events++;
                }
                progress?.Invoke($"{documents} documents, {sentences} sentences, {events} events");
            }
        }

        if (diagnostics.Interactive)
        {
            diagnostics.Console.Status().Start("coding", ctx => Run(s => ctx.Status(s)));
        }
        else
        {
            Run(null);
        }
        csv?.Flush();
        buffered.Flush();
        var seconds = clock.Elapsed.TotalSeconds;
        diagnostics.Info($"casus code: {documents} documents, {sentences} sentences, {events} events in {seconds:F2} s ({sentences / Math.Max(seconds, 1e-9):F0} sentences/s)");
        return diagnostics.Problems > 0 ? ExitCodes.Partial : ExitCodes.Ok;
    }
}

/// <summary>
/// Version of the shipped actor and event dictionaries: a hash of their text, so records say which dictionaries
/// coded them.
/// </summary>
internal static class Versions
{
    private static readonly Lazy<string> Hash = new(() =>
    {
        var h = 14695981039346656037UL;
        foreach (var source in Events.Actors.ActorDictionary.ShippedSources())
        {
            h = Syntax.Model.FeatureHash.Mix(h ^ Syntax.Model.FeatureHash.OfText(source.Text, normalize: false));
        }
        foreach (var (_, text) in Events.Lexicon.EventLexicon.ShippedFiles())
        {
            h = Syntax.Model.FeatureHash.Mix(h ^ Syntax.Model.FeatureHash.OfText(text, normalize: false));
        }
        return h.ToString("x16")[..8];
    });

    public static string Dictionaries => Hash.Value;
}
