using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Casus.Store.Commands;

/// <summary>Options naming an interval and a grouping, shared by <c>series</c> and <c>alerts</c>.</summary>
public class PeriodSettings : FilterSettings
{
    /// <summary>Period length.</summary>
    [CommandOption("--by <PERIOD>")]
    [Description("day, week (default; ISO weeks from Monday) or month.")]
    public string By { get; init; } = "week";

    /// <summary>Grouping.</summary>
    [CommandOption("--group <GROUP>")]
    [Description("total, dyad (country dyad), country (either actor's), actor-dyad (actor codes) or place (place country); default total for series, country for alerts.")]
    public string? Group { get; init; }

    /// <summary>The grouping when --group is not given.</summary>
    protected virtual string DefaultGroup => "total";

    /// <summary>Output format.</summary>
    [CommandOption("--format <FORMAT>")]
    [Description("table (default; aligned text when piped), csv or json (JSON Lines).")]
    public string Format { get; init; } = "table";

    internal SeriesInterval Interval => By switch
    {
        "day" => SeriesInterval.Day,
        "month" => SeriesInterval.Month,
        _ => SeriesInterval.Week,
    };

    internal SeriesGroup GroupBy => (Group ?? DefaultGroup) switch
    {
        "dyad" => SeriesGroup.Dyad,
        "country" => SeriesGroup.Country,
        "actor-dyad" => SeriesGroup.ActorDyad,
        "place" => SeriesGroup.Place,
        _ => SeriesGroup.Total,
    };

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (By is not ("day" or "week" or "month"))
        {
            return ValidationResult.Error($"--by '{By}': expected day, week or month");
        }
        if (Group is not (null or "total" or "dyad" or "country" or "actor-dyad" or "place"))
        {
            return ValidationResult.Error($"--group '{Group}': expected total, dyad, country, actor-dyad or place");
        }
        if (RowOutput.FormatError(Format, "table", "csv", "json") is { } error)
        {
            return ValidationResult.Error(error);
        }
        return base.Validate();
    }
}

/// <summary>
/// <c>casus series</c>: counts per quad class, Goldstein sum and mean per period and series, normalised per 1,000
/// documents ingested with a date in that period.
/// </summary>
public sealed class SeriesCommand : Command<SeriesCommand.Settings>
{
    /// <summary>Settings of <c>casus series</c>.</summary>
    public sealed class Settings : PeriodSettings
    {
        /// <summary>Count single reports instead of merged events.</summary>
        [CommandOption("--mentions")]
        [Description("Count single reports (mentions) instead of merged events.")]
        public bool Mentions { get; init; }
    }

    private static readonly string[] Headers =
    [
        "period", "key", "events", "quad1", "quad2", "quad3", "quad4", "goldstein_sum", "goldstein_mean", "documents",
        "events_per_1k_docs", "conflict_per_1k_docs", "goldstein_per_1k_docs",
    ];

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var store = settings.OpenExisting(Console.Error);
        if (store is null)
        {
            return StoreExitCodes.Error;
        }
        var points = store.Series(new SeriesRequest
        {
            Interval = settings.Interval,
            GroupBy = settings.GroupBy,
            Level = settings.Mentions ? StoreLevel.Mentions : StoreLevel.Events,
            Filter = settings.ToFilter(),
        });
        using var output = settings.OpenOutput();
        RowOutput.Write(output, settings.Format, settings.Interactive, Headers, points.Select(Cells), points);
        return StoreExitCodes.Ok;
    }

    private static string[] Cells(SeriesPoint p)
    {
        static string N(double? x) => x is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) : "";
        return
        [
            TableWriter.Cell(p.Period), p.Key, TableWriter.Cell(p.Events), TableWriter.Cell(p.Quad1), TableWriter.Cell(p.Quad2),
            TableWriter.Cell(p.Quad3), TableWriter.Cell(p.Quad4), N(p.GoldsteinSum), N(p.GoldsteinMean), TableWriter.Cell(p.Documents),
            N(p.EventsPer1000Documents), N(p.ConflictPer1000Documents), N(p.GoldsteinSumPer1000Documents),
        ];
    }
}
