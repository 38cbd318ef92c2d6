using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Casus.Store.Commands;

/// <summary><c>casus export</c>: merged events (or reports) as GDELT 2.0 TSV, PLOVER JSON Lines, CSV or Parquet.</summary>
public sealed class ExportCommand : Command<ExportCommand.Settings>
{
    /// <summary>Settings of <c>casus export</c>.</summary>
    public sealed class Settings : FilterSettings
    {
        /// <summary>Export format.</summary>
        [CommandOption("--format <FORMAT>")]
        [Description("gdelt (GDELT 2.0 event table, TSV; default), plover (JSON Lines), csv or parquet (needs -o).")]
        public string Format { get; init; } = "gdelt";

        /// <summary>Single reports instead of merged events.</summary>
        [CommandOption("--mentions")]
        [Description("With csv or parquet: export single reports (mentions) instead of merged events.")]
        public bool Mentions { get; init; }

        /// <inheritdoc />
        public override ValidationResult Validate()
        {
            if (RowOutput.FormatError(Format, "gdelt", "plover", "csv", "parquet") is { } error)
            {
                return ValidationResult.Error(error);
            }
            if (Format == "parquet" && Out is null)
            {
                return ValidationResult.Error("--format parquet writes a file: give -o FILE");
            }
            if (Mentions && Format is "gdelt" or "plover")
            {
                return ValidationResult.Error($"--mentions works with csv and parquet; {Format} exports merged events");
            }
            return base.Validate();
        }
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var store = settings.OpenExisting(Console.Error);
        if (store is null)
        {
            return StoreExitCodes.Error;
        }
        var filter = settings.ToFilter();
        var level = settings.Mentions ? StoreLevel.Mentions : StoreLevel.Events;
        int rows;
        if (settings.Format == "parquet")
        {
            rows = store.ExportParquet(settings.Out!, filter, level);
        }
        else
        {
            using var output = settings.OpenOutput();
            rows = settings.Format switch
            {
                "gdelt" => store.ExportGdelt(output, filter),
                "plover" => store.ExportPlover(output, filter),
                _ => store.ExportCsv(output, filter, level),
            };
        }
        Console.Error.WriteLine($"casus export: {rows} {(settings.Mentions ? "mentions" : "events")} as {settings.Format}");
        return StoreExitCodes.Ok;
    }
}
