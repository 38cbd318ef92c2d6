using System.Diagnostics;
using Casus.Events.Coding;
using Casus.Events.Output;
using Casus.Reading;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Casus.Cli.Commands;

/// <summary>
/// <c>casus quotes</c>: the direct quotations of each document with their speaker resolved to an actor (and the
/// speaker's name and speech verb as written), as JSON Lines.
/// </summary>
public sealed class QuotesCommand : Command<CodingSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, CodingSettings settings, CancellationToken cancellationToken)
    {
        var diagnostics = new Diagnostics();
        var clock = Stopwatch.StartNew();
        var pipeline = settings.LoadPipeline();
        using var output = settings.Out is null ? Console.OpenStandardOutput() : File.Create(settings.Out);
        using var buffered = new BufferedStream(output, 1 << 16);
        long documents = 0, quotes = 0, attributed = 0;
        var source = DocumentReader.Read(settings.Inputs, settings.ReaderOptions(null), p => diagnostics.Problem(p.ToString()), new ReadSummary());
        var query = OrderedParallel.Map(source, settings.Threads ?? Environment.ProcessorCount, cancellationToken,
            () => (Worker: new CodingPipeline.Worker(), Events: new List<CodedEvent>()),
            (Document doc, (CodingPipeline.Worker Worker, List<CodedEvent> Events) state) =>
            {
                state.Events.Clear();
                var found = new List<Quote>();
                try
                {
                    pipeline.Code(doc.Id, doc.Text, doc.Date, state.Worker, state.Events, quotes: found);
                    return (Quotes: found, Error: (string?)null);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    return (Quotes: found, Error: $"{doc.Origin}: document '{doc.Id}' failed: {e.GetType().Name}: {e.Message}");
                }
            });
        foreach (var (found, error) in query)
        {
            if (error is not null)
            {
                diagnostics.Problem(error);
                continue;
            }
            documents++;
            foreach (var q in found)
            {
                EventWriter.WriteQuote(buffered, q);
                quotes++;
                attributed += q.Speech?.Speaker is null ? 0 : 1;
            }
        }
        buffered.Flush();
        diagnostics.Info($"casus quotes: {documents} documents, {quotes} quotations ({attributed} with an actor as speaker) in {clock.Elapsed.TotalSeconds:F2} s");
        return diagnostics.Problems > 0 ? ExitCodes.Partial : ExitCodes.Ok;
    }
}
