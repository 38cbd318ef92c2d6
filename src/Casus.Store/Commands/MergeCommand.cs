using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Casus.Store.Commands;

/// <summary>
/// <c>casus merge</c>: rebuilds the merged events from the stored reports with the given settings (deterministic,
/// so merging again with earlier settings restores the earlier events and ids).
/// </summary>
public sealed class MergeCommand : Command<MergeCommand.Settings>
{
    /// <summary>Settings of <c>casus merge</c>.</summary>
    public sealed class Settings : StoreSettings
    {
        /// <summary>Date window.</summary>
        [CommandOption("--window <DAYS>")]
        [Description("Reports whose event dates are at most DAYS after the cluster's first merge (default 2).")]
        public int Window { get; init; } = MergeSettings.Default.WindowDays;

        /// <summary>CAMEO agreement.</summary>
        [CommandOption("--cameo <MATCH>")]
        [Description("root (default: same two-digit root), code3 (same three digits) or exact.")]
        public string Cameo { get; init; } = "root";

        /// <summary>Distance.</summary>
        [CommandOption("--max-km <KM>")]
        [Description("Places with coordinates within KM are the same place (default 50).")]
        public double MaxKm { get; init; } = MergeSettings.Default.MaxKm;

        /// <summary>Unknown place joins known.</summary>
        [CommandOption("--unknown-place")]
        [Description("Let a report without a place merge with reports that have one.")]
        public bool UnknownPlace { get; init; }

        /// <summary>Ignore modality.</summary>
        [CommandOption("--any-modality")]
        [Description("Merge across modality classes (asserted/negated/hypothetical).")]
        public bool AnyModality { get; init; }

        /// <inheritdoc />
        public override ValidationResult Validate()
        {
            if (Window < 0)
            {
                return ValidationResult.Error("--window must not be negative");
            }
            if (Cameo is not ("root" or "code3" or "exact"))
            {
                return ValidationResult.Error($"--cameo '{Cameo}': expected root, code3 or exact");
            }
            if (MaxKm < 0 || double.IsNaN(MaxKm))
            {
                return ValidationResult.Error("--max-km must not be negative");
            }
            return base.Validate();
        }

        internal MergeSettings ToMergeSettings() => new()
        {
            WindowDays = Window,
            Cameo = Cameo switch { "code3" => CameoMatch.Code3, "exact" => CameoMatch.Exact, _ => CameoMatch.Root },
            MaxKm = MaxKm,
            UnknownPlaceMatchesKnown = UnknownPlace,
            SameModality = !AnyModality,
        };
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var store = settings.OpenExisting(Console.Error);
        if (store is null)
        {
            return StoreExitCodes.Error;
        }
        var mergeSettings = settings.ToMergeSettings();
        var result = store.Merge(mergeSettings);
        using var output = settings.OpenOutput();
        output.Write(string.Create(CultureInfo.InvariantCulture,
            $"merge run {result.RunId}: {result.Mentions} reports into {result.Events} events in {result.Elapsed.TotalSeconds:F2} s; settings {mergeSettings.ToJson()}\n"));
        return StoreExitCodes.Ok;
    }
}
