using System.ComponentModel;
using Casus.Serve;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Casus.Cli.Commands;

/// <summary>
/// <c>casus serve-bench</c>: starts the API on a free loopback port over a database and measures the main queries
/// end to end over HTTP (p50, p95, max), optionally on a copy of the database replicated N times.
/// </summary>
public sealed class ServeBenchCommand : AsyncCommand<ServeBenchCommand.Settings>
{
    /// <summary>Settings of <c>casus serve-bench</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>Database file.</summary>
        [CommandOption("--db <FILE>")]
        [Description("Event database made by 'casus ingest' (default casus.duckdb).")]
        public string Db { get; init; } = "casus.duckdb";

        /// <summary>Replication factor.</summary>
        [CommandOption("--copies <N>")]
        [Description("Measure on a temporary copy of the database with every row replicated N times (default 1: the database itself).")]
        public int Copies { get; init; } = 1;

        /// <summary>Runs per query.</summary>
        [CommandOption("--runs <N>")]
        [Description("Requests per query (default 50).")]
        public int Runs { get; init; } = 50;

        /// <inheritdoc />
        public override ValidationResult Validate() =>
            !File.Exists(Db) ? ValidationResult.Error($"--db '{Db}': no such file")
            : Copies < 1 || Runs < 1 ? ValidationResult.Error("--copies and --runs must be at least 1")
            : ValidationResult.Success();
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var diagnostics = new Diagnostics();
        var path = settings.Db;
        string? temporary = null;
        if (settings.Copies > 1)
        {
            temporary = Path.Combine(Path.GetTempPath(), $"casus-serve-bench-{Environment.ProcessId}.duckdb");
            var events = ServeBench.Replicate(settings.Db, temporary, settings.Copies);
            diagnostics.Info($"casus serve-bench: {settings.Db} replicated {settings.Copies} times: {events:N0} merged events");
            path = temporary;
        }
        try
        {
            await using var server = await DashboardServer.StartAsync(new ServeOptions { DbPath = path, Port = 0 }, cancellationToken);
            var results = await ServeBench.RunAsync(server.BaseAddress, path, settings.Runs, cancellationToken);
            Console.Out.WriteLine(ServeBench.Format(results));
            return ExitCodes.Ok;
        }
        finally
        {
            if (temporary is not null)
            {
                File.Delete(temporary);
                File.Delete(temporary + ".wal");
            }
        }
    }
}
