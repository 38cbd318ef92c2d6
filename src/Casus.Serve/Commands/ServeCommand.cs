using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Casus.Serve.Commands;

/// <summary>Registers <c>casus serve</c> on a command app.</summary>
public static class ServeCommands
{
    /// <summary>Adds <c>serve</c>.</summary>
    public static void AddTo(IConfigurator config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.AddCommand<ServeCommand>("serve")
            .WithDescription("Serve the event store: JSON API and dashboard (timeline, map, dyads, events with their evidence) on 127.0.0.1.")
            .WithExample("serve", "--db", "casus.duckdb", "--port", "5080");
    }
}

/// <summary><c>casus serve</c>: the JSON API and dashboard over an event store, until Ctrl+C.</summary>
public sealed class ServeCommand : AsyncCommand<ServeCommand.Settings>
{
    /// <summary>Settings of <c>casus serve</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>The event store.</summary>
        [CommandOption("--db <FILE>")]
        [Description("Event store (DuckDB file written by casus ingest; default casus.duckdb).")]
        public string Db { get; init; } = "casus.duckdb";

        /// <summary>TCP port.</summary>
        [CommandOption("--port <N>")]
        [Description("Port to listen on (default 5080; 0 picks a free one).")]
        public int Port { get; init; } = 5080;

        /// <summary>Address to bind.</summary>
        [CommandOption("--host <ADDRESS>")]
        [Description("Address to bind (default 127.0.0.1, this machine only; 0.0.0.0 exposes the store to the network).")]
        public string Host { get; init; } = "127.0.0.1";

        /// <inheritdoc />
        public override ValidationResult Validate()
        {
            if (Port is < 0 or > 65535)
            {
                return ValidationResult.Error($"--port {Port}: expected 0..65535");
            }
            if (Host != "localhost" && !System.Net.IPAddress.TryParse(Host, out _))
            {
                return ValidationResult.Error($"--host '{Host}': expected an IP address or localhost");
            }
            if (!File.Exists(Db))
            {
                return ValidationResult.Error($"--db '{Db}': no such file (build a store with casus ingest)");
            }
            return ValidationResult.Success();
        }
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        void OnCancel(object? sender, ConsoleCancelEventArgs e)
        {
            e.Cancel = true; // stop cleanly instead of being killed
            stop.Cancel();
        }
        Console.CancelKeyPress += OnCancel;
        try
        {
            var options = new ServeOptions { DbPath = settings.Db, Port = settings.Port, Host = settings.Host };
            await DashboardServer.RunAsync(options, stop.Token, uri =>
                Console.Error.WriteLine($"casus serve: {Path.GetFullPath(settings.Db)} at {uri} (API at {uri}api/, Ctrl+C to stop)")).ConfigureAwait(false);
            return 0;
        }
        catch (IOException e)
        {
            // Kestrel reports a port in use as an IOException naming the address.
            Console.Error.WriteLine($"casus serve: {e.Message}");
            return 2;
        }
        finally
        {
            Console.CancelKeyPress -= OnCancel;
        }
    }
}
