using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Casus.Store.Commands;

/// <summary>
/// <c>casus alerts</c>: periods whose conflict intensity exceeds the trailing baseline mean + k·sd, each with the
/// merged events, reports and documents behind it.
/// </summary>
public sealed class AlertsCommand : Command<AlertsCommand.Settings>
{
    /// <summary>Settings of <c>casus alerts</c>.</summary>
    public sealed class Settings : PeriodSettings
    {
        /// <inheritdoc />
        protected override string DefaultGroup => "country";

        /// <summary>Measure.</summary>
        [CommandOption("--measure <M>")]
        [Description("conflict (default: number of quad 3-4 events) or goldstein (sum of negative Goldstein magnitudes).")]
        public string Measure { get; init; } = "conflict";

        /// <summary>Baseline length.</summary>
        [CommandOption("--baseline <N>")]
        [Description("Trailing periods in the baseline (default 8).")]
        public int Baseline { get; init; } = 8;

        /// <summary>Standard deviations.</summary>
        [CommandOption("-k|--sd <K>")]
        [Description("Alert above baseline mean + K standard deviations (default 2).")]
        public double K { get; init; } = 2;

        /// <summary>Minimum events.</summary>
        [CommandOption("--min-events <N>")]
        [Description("At least N conflict events in the period (default 3).")]
        public int MinEvents { get; init; } = 3;

        /// <inheritdoc />
        public override ValidationResult Validate()
        {
            if (Measure is not ("conflict" or "goldstein"))
            {
                return ValidationResult.Error($"--measure '{Measure}': expected conflict or goldstein");
            }
            if (Baseline < 1 || MinEvents < 0 || K < 0 || double.IsNaN(K))
            {
                return ValidationResult.Error("--baseline must be at least 1, --k and --min-events not negative");
            }
            return base.Validate();
        }
    }

    private static readonly string[] Headers =
        ["period", "key", "value", "events", "baseline_mean", "baseline_sd", "threshold", "event_ids", "doc_ids"];

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var store = settings.OpenExisting(Console.Error);
        if (store is null)
        {
            return StoreExitCodes.Error;
        }
        var alertSettings = new AlertSettings
        {
            Interval = settings.Interval,
            GroupBy = settings.GroupBy,
            Measure = settings.Measure == "goldstein" ? AlertMeasure.NegativeGoldstein : AlertMeasure.ConflictCount,
            BaselinePeriods = settings.Baseline,
            K = settings.K,
            MinEvents = settings.MinEvents,
            Filter = settings.ToFilter(),
        };
        var alerts = store.Alerts(alertSettings);
        Console.Error.WriteLine($"casus alerts: {alerts.Count} alerts; rule: {alertSettings.Rule}");
        using var output = settings.OpenOutput();
        RowOutput.Write(output, settings.Format, settings.Interactive, Headers, alerts.Select(Cells), alerts);
        return StoreExitCodes.Ok;
    }

    private static string[] Cells(Alert a)
    {
        static string N(double x) => x.ToString("0.###", CultureInfo.InvariantCulture);
        return
        [
            TableWriter.Cell(a.PeriodStart), a.Key, N(a.Value), TableWriter.Cell(a.Events), N(a.BaselineMean), N(a.BaselineSd),
            N(a.Threshold), string.Join(' ', a.EventIds), string.Join(' ', a.DocIds),
        ];
    }
}
