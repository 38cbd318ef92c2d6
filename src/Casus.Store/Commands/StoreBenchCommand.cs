using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Casus.Store.Commands;

/// <summary><c>casus store-bench</c>: ingest speed, database size and query latency on replicated coder output.</summary>
public sealed class StoreBenchCommand : Command<StoreBenchCommand.Settings>
{
    /// <summary>Settings of <c>casus store-bench</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>Coder JSON Lines.</summary>
        [CommandArgument(0, "<EVENTS>")]
        [Description("Coder output (casus code, JSON Lines) to replicate.")]
        public string Events { get; init; } = "";

        /// <summary>Target mentions.</summary>
        [CommandOption("--mentions <N>")]
        [Description("Replicate to at least N mentions (default 100000).")]
        public int Mentions { get; init; } = 100_000;

        /// <summary>Timed runs per query.</summary>
        [CommandOption("--runs <N>")]
        [Description("Timed runs per query after one warm-up (default 30).")]
        public int Runs { get; init; } = 30;

        /// <summary>Database file.</summary>
        [CommandOption("--db <FILE>")]
        [Description("Database to create (replaced if present); default a temporary file, deleted afterwards.")]
        public string? Db { get; init; }

        /// <inheritdoc />
        public override ValidationResult Validate()
        {
            if (!File.Exists(Events))
            {
                return ValidationResult.Error($"'{Events}': no such file");
            }
            if (Mentions < 1 || Runs < 1)
            {
                return ValidationResult.Error("--mentions and --runs must be at least 1");
            }
            return ValidationResult.Success();
        }
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var db = settings.Db ?? Path.Combine(Path.GetTempPath(), $"casus-store-bench-{Environment.ProcessId}.duckdb");
        try
        {
            var result = StoreBench.Run(settings.Events, db, settings.Mentions, settings.Runs, Console.Error);
            var inv = CultureInfo.InvariantCulture;
            Console.Out.WriteLine(string.Create(inv,
                $"ingest: {result.Documents} documents, {result.Mentions} mentions in {result.IngestSeconds:F2} s = {result.DocumentsPerSecond:F0} documents/s, {result.MentionsPerSecond:F0} mentions/s"));
            Console.Out.WriteLine(string.Create(inv, $"merge: {result.Events} events in {result.MergeSeconds:F2} s; database {result.DatabaseBytes / 1048576.0:F1} MiB"));
            foreach (var q in result.Queries)
            {
                Console.Out.WriteLine(string.Create(inv, $"{q.Name}: p50 {q.P50Ms:F1} ms, p95 {q.P95Ms:F1} ms, {q.Rows} rows, {q.Runs} runs"));
            }
            return StoreExitCodes.Ok;
        }
        finally
        {
            if (settings.Db is null)
            {
                File.Delete(db);
                File.Delete(db + ".wal");
            }
        }
    }
}
