using System.Globalization;
using Casus.Cli.Commands;
using Casus.Serve.Commands;
using Casus.Store.Commands;
using Spectre.Console.Cli;

namespace Casus.Cli;

/// <summary>Entry point of the <c>casus</c> command.</summary>
public static class Program
{
    /// <summary>Runs the CLI and returns its exit code (see <see cref="ExitCodes"/>).</summary>
    public static int Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        return Run(args);
    }

    /// <summary>
    /// Runs a command line: usage errors and failures become a message on stderr and <see cref="ExitCodes.Error"/>.
    /// </summary>
    public static int Run(string[] args)
    {
        // Spectre.Console.Cli reads a lone "-" as an option; stand it in for standard input under another name.
        args = [.. args.Select(a => a == "-" ? Commands.InputSettings.StdinAlias : a)];
        // Ctrl-C cancels the running command between documents (committed ingest batches stay); a second Ctrl-C kills.
        using var interrupt = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            if (!interrupt.IsCancellationRequested)
            {
                e.Cancel = true;
                interrupt.Cancel();
            }
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return CreateApp().Run(args, interrupt.Token);
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C: commands stop between documents; what was written or committed (ingest batches) is kept.
            Console.Error.WriteLine("casus: interrupted; everything committed before the interruption is kept");
            return ExitCodes.Error;
        }
        catch (CommandAppException e)
        {
            Console.Error.WriteLine($"casus: {e.Message}");
            return ExitCodes.Error;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or InvalidOperationException)
        {
            Console.Error.WriteLine($"casus: {e.Message}");
            return ExitCodes.Error;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>The command tree, shared with the in-process tests.</summary>
    public static CommandApp CreateApp()
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("casus");
            config.SetApplicationVersion(typeof(Program).Assembly.GetName().Version?.ToString(3) ?? "0");
            config.PropagateExceptions();
            config.AddCommand<ParseCommand>("parse")
                .WithDescription("Tokenize, tag, lemmatize and parse documents; write CoNLL-U.")
                .WithExample("parse", "article.txt")
                .WithExample("parse", "--input-format", "conllu", "en_ewt-ud-test.conllu");
            config.AddCommand<CodeCommand>("code")
                .WithDescription("Code news documents into CAMEO/PLOVER events (JSON Lines or CSV).")
                .WithExample("code", "article.txt");
            config.AddCommand<QuotesCommand>("quotes")
                .WithDescription("Direct quotations with their speaker resolved to an actor (JSON Lines).")
                .WithExample("quotes", "article.txt");
            config.AddCommand<IngestCommand>("ingest")
                .WithDescription("Code documents and store them, their events and mentions in the event database; merge reports.")
                .WithExample("ingest", "../shared/data/news/wikinews_2019_2020.jsonl", "--db", "news.duckdb");
            StoreCommands.AddTo(config);
            ServeCommands.AddTo(config);
            config.AddCommand<ServeBenchCommand>("serve-bench")
                .WithDescription("Measure the API's main queries (p50, p95) over HTTP on a database, optionally replicated N times.")
                .WithExample("serve-bench", "--db", "news.duckdb", "--copies", "20");
            config.AddBranch("places", places =>
            {
                places.SetDescription("The gazetteer: add a full GeoNames dump as a layer.");
                places.AddCommand<PlacesImportCommand>("import")
                    .WithDescription("Compile a GeoNames dump (allCountries.txt format) into a gazetteer layer for --gazetteer.")
                    .WithExample("places", "import", "allCountries.txt", "--admin1", "admin1CodesASCII.txt", "-o", "world.gaz");
            });
            config.AddCommand<EvalCommand>("eval")
                .WithDescription("Score the event coder on the annotated development set (eval/events-dev.tsv).");
            config.AddCommand<BenchCommand>("bench")
                .WithDescription("Measure segmentation, tagging and parsing speed and model load time.")
                .WithExample("bench", "../shared/data/news/wikinews_2019_2020.jsonl");
        });
        return app;
    }
}

/// <summary>What the exit code of <c>casus</c> means.</summary>
public static class ExitCodes
{
    /// <summary>Everything was read and processed.</summary>
    public const int Ok = 0;

    /// <summary>The run finished, but some inputs, lines or documents were skipped (see stderr).</summary>
    public const int Partial = 1;

    /// <summary>Bad usage or a fatal error: nothing useful was produced.</summary>
    public const int Error = 2;
}
