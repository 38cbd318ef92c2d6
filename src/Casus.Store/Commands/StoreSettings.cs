using System.ComponentModel;
using System.Globalization;
using System.Text;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Casus.Store.Commands;

/// <summary>Exit codes of the store commands (the same as <c>casus</c>'s).</summary>
public static class StoreExitCodes
{
    /// <summary>Everything was processed.</summary>
    public const int Ok = 0;

    /// <summary>Finished, but some input was skipped (named on stderr).</summary>
    public const int Partial = 1;

    /// <summary>Bad usage or a fatal error.</summary>
    public const int Error = 2;
}

/// <summary>Registers the store commands on a <c>casus</c> command app.</summary>
public static class StoreCommands
{
    /// <summary>Adds <c>query</c>, <c>series</c>, <c>alerts</c>, <c>export</c>, <c>merge</c> and <c>store-bench</c>.</summary>
    public static void AddTo(IConfigurator config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.AddCommand<QueryCommand>("query")
            .WithDescription("Query stored events (merged, or single reports with --mentions): table, CSV or JSON Lines.")
            .WithExample("query", "--dyad", "USA,IRN", "--from", "2020-01-01", "--to", "2020-01-31");
        config.AddCommand<SeriesCommand>("series")
            .WithDescription("Time series per day, week or month: counts per quad class, Goldstein sum and mean, per 1,000 documents.")
            .WithExample("series", "--group", "country", "--by", "week", "--country", "IRN");
        config.AddCommand<AlertsCommand>("alerts")
            .WithDescription("Escalation alerts: conflict intensity against a trailing baseline, with the events behind each.")
            .WithExample("alerts", "--group", "dyad", "--baseline", "8", "--k", "2");
        config.AddCommand<ExportCommand>("export")
            .WithDescription("Export events as GDELT 2.0 TSV, PLOVER JSON Lines, CSV or Parquet.")
            .WithExample("export", "--format", "gdelt", "-o", "events.tsv");
        config.AddCommand<MergeCommand>("merge")
            .WithDescription("Re-merge reports into events with other settings, or explain a merged event.")
            .WithExample("merge", "--window", "3", "--cameo", "code3");
        config.AddCommand<StoreBenchCommand>("store-bench")
            .WithDescription("Measure ingest speed and query latency (p50, p95) on coder JSON Lines replicated to N mentions.")
            .WithExample("store-bench", "events.jsonl", "--mentions", "100000");
    }
}

/// <summary>Settings of every store command: the database file and where output goes.</summary>
public class StoreSettings : CommandSettings
{
    /// <summary>The database file.</summary>
    [CommandOption("--db <FILE>")]
    [Description("Event store (DuckDB file; default casus.duckdb).")]
    public string Db { get; init; } = "casus.duckdb";

    /// <summary>Write output here instead of stdout.</summary>
    [CommandOption("-o|--out <FILE>")]
    [Description("Write output to FILE instead of standard output.")]
    public string? Out { get; init; }

    /// <summary>Opens the existing store for reading and re-merging; null (with a message) when there is none.</summary>
    internal EventStore? OpenExisting(TextWriter error)
    {
        if (!File.Exists(Db))
        {
            error.WriteLine($"casus: no event store at '{Db}' (run casus ingest first, or give --db FILE)");
            return null;
        }
        return EventStore.Open(Db);
    }

    /// <summary>Standard output or <see cref="Out"/>, UTF-8 without BOM, '\n' line ends.</summary>
    internal TextWriter OpenOutput()
    {
        var stream = Out is null ? Console.OpenStandardOutput() : File.Create(Out);
        return new StreamWriter(stream, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
    }

    /// <summary>True when output is a terminal a person reads (tables get borders).</summary>
    internal bool Interactive => Out is null && !Console.IsOutputRedirected;
}

/// <summary>Settings of the commands that select events.</summary>
public class FilterSettings : StoreSettings
{
    /// <summary>Actor code prefix, either side.</summary>
    [CommandOption("--actor <CODE>")]
    [Description("Source or target actor code starts with CODE (IRN matches IRNMIL).")]
    public string? Actor { get; init; }

    /// <summary>Source actor code prefix.</summary>
    [CommandOption("--source <CODE>")]
    [Description("Source actor code starts with CODE.")]
    public string? Source { get; init; }

    /// <summary>Target actor code prefix.</summary>
    [CommandOption("--target <CODE>")]
    [Description("Target actor code starts with CODE.")]
    public string? Target { get; init; }

    /// <summary>Country, either side.</summary>
    [CommandOption("--country <ISO3>")]
    [Description("Source or target country.")]
    public string? Country { get; init; }

    /// <summary>Dyad A,B.</summary>
    [CommandOption("--dyad <A,B>")]
    [Description("Events between A and B (actor code prefixes or countries), either direction; --directed for A on B only.")]
    public string? Dyad { get; init; }

    /// <summary>Only A acting on B.</summary>
    [CommandOption("--directed")]
    [Description("With --dyad: only A acting on B.")]
    public bool Directed { get; init; }

    /// <summary>CAMEO root.</summary>
    [CommandOption("--root <RR>")]
    [Description("CAMEO root, two digits (e.g. 19).")]
    public string? Root { get; init; }

    /// <summary>CAMEO code prefix.</summary>
    [CommandOption("--cameo <CODE>")]
    [Description("CAMEO code starts with CODE (e.g. 19, 190, 1823).")]
    public string? Cameo { get; init; }

    /// <summary>Quad class.</summary>
    [CommandOption("--quad <1-4>")]
    [Description("Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.")]
    public int? Quad { get; init; }

    /// <summary>PLOVER type.</summary>
    [CommandOption("--plover <TYPE>")]
    [Description("PLOVER event type (e.g. ASSAULT).")]
    public string? Plover { get; init; }

    /// <summary>Place name.</summary>
    [CommandOption("--place <NAME>")]
    [Description("Place name contains NAME (case-insensitive).")]
    public string? Place { get; init; }

    /// <summary>Place country.</summary>
    [CommandOption("--place-country <ISO3>")]
    [Description("Country of the event's place.")]
    public string? PlaceCountry { get; init; }

    /// <summary>Bounding box.</summary>
    [CommandOption("--bbox <BOX>")]
    [Description("Place inside minLat,minLon,maxLat,maxLon.")]
    public string? Bbox { get; init; }

    /// <summary>First date.</summary>
    [CommandOption("--from <DATE>")]
    [Description("Event date on or after DATE (YYYY-MM-DD).")]
    public string? From { get; init; }

    /// <summary>Last date.</summary>
    [CommandOption("--to <DATE>")]
    [Description("Event date on or before DATE (YYYY-MM-DD).")]
    public string? To { get; init; }

    /// <summary>Modality.</summary>
    [CommandOption("--modality <M>")]
    [Description("asserted, negated, hypothetical, intended, threatened, denied or claimed.")]
    public string? Modality { get; init; }

    /// <summary>Kind.</summary>
    [CommandOption("--kind <KIND>")]
    [Description("event or incident.")]
    public string? Kind { get; init; }

    /// <summary>Text search.</summary>
    [CommandOption("--text <WORDS>")]
    [Description("Some report's sentence contains WORDS (case-insensitive).")]
    public string? Text { get; init; }

    private static readonly string[] Modalities = ["asserted", "negated", "hypothetical", "intended", "threatened", "denied", "claimed"];

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (Dyad is not null && Dyad.Split(',') is not [{ Length: > 0 }, { Length: > 0 }])
        {
            return ValidationResult.Error($"--dyad '{Dyad}': expected A,B (e.g. USA,IRN)");
        }
        if (Directed && Dyad is null)
        {
            return ValidationResult.Error("--directed needs --dyad");
        }
        if (Quad is < 1 or > 4)
        {
            return ValidationResult.Error($"--quad {Quad}: expected 1, 2, 3 or 4");
        }
        if (Bbox is not null && !BoundingBox.TryParse(Bbox, out _))
        {
            return ValidationResult.Error($"--bbox '{Bbox}': expected minLat,minLon,maxLat,maxLon within -90..90 and -180..180");
        }
        foreach (var (name, value) in new[] { ("--from", From), ("--to", To) })
        {
            if (value is not null && !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                return ValidationResult.Error($"{name} '{value}' is not an ISO date (YYYY-MM-DD)");
            }
        }
        if (Modality is not null && !Modalities.Contains(Modality))
        {
            return ValidationResult.Error($"--modality '{Modality}': expected one of {string.Join(", ", Modalities)}");
        }
        if (Kind is not (null or "event" or "incident"))
        {
            return ValidationResult.Error($"--kind '{Kind}': expected event or incident");
        }
        return ValidationResult.Success();
    }

    /// <summary>The filter these options describe.</summary>
    public EventFilter ToFilter()
    {
        static DateOnly? Date(string? s) => s is null ? null : DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        BoundingBox? box = null;
        if (Bbox is not null && BoundingBox.TryParse(Bbox, out var b))
        {
            box = b;
        }
        (string, string)? dyad = Dyad?.Split(',') is [var a, var c] ? (a, c) : null;
        return new EventFilter
        {
            Actor = Actor,
            Source = Source,
            Target = Target,
            Country = Country,
            Dyad = dyad,
            DyadDirected = Directed,
            Root = Root,
            Cameo = Cameo,
            QuadClass = Quad,
            Plover = Plover,
            Place = Place,
            PlaceCountry = PlaceCountry,
            Box = box,
            From = Date(From),
            To = Date(To),
            Modality = Modality,
            Kind = Kind,
            Text = Text,
        };
    }
}

/// <summary>Writes rows as a Spectre table (terminal), aligned text (pipe or file), CSV or JSON Lines.</summary>
internal static class RowOutput
{
    public static void Write(TextWriter output, string format, bool interactive, IReadOnlyList<string> headers, IEnumerable<string[]> rows, IEnumerable<object>? records)
    {
        switch (format)
        {
            case "csv":
                output.Write(string.Join(',', headers.Select(TableWriter.Csv)));
                output.Write('\n');
                foreach (var row in rows)
                {
                    output.Write(string.Join(',', row.Select(TableWriter.Csv)));
                    output.Write('\n');
                }
                break;
            case "json":
                foreach (var record in records ?? [])
                {
                    output.Write(System.Text.Json.JsonSerializer.Serialize(record, record.GetType(), MergeSettings.Json));
                    output.Write('\n');
                }
                break;
            default:
                if (interactive)
                {
                    var table = new Table().Border(TableBorder.Rounded);
                    foreach (var h in headers)
                    {
                        table.AddColumn(Markup.Escape(h));
                    }
                    foreach (var row in rows)
                    {
                        table.AddRow([.. row.Select(Markup.Escape)]);
                    }
                    var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
                    console.Write(table);
                }
                else
                {
                    WritePlain(output, headers, [.. rows]);
                }
                break;
        }
    }

    private static void WritePlain(TextWriter output, IReadOnlyList<string> headers, List<string[]> rows)
    {
        var widths = headers.Select(h => h.Length).ToArray();
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }
        void Line(IReadOnlyList<string> cells)
        {
            var sb = new StringBuilder();
            for (var i = 0; i < cells.Count; i++)
            {
                if (i > 0)
                {
                    sb.Append("  ");
                }
                sb.Append(i == cells.Count - 1 ? cells[i] : cells[i].PadRight(widths[i]));
            }
            output.Write(sb.ToString().TrimEnd());
            output.Write('\n');
        }
        Line(headers);
        foreach (var row in rows)
        {
            Line(row);
        }
    }

    public static string? FormatError(string format, params string[] allowed) =>
        allowed.Contains(format) ? null : $"--format '{format}': expected {string.Join(", ", allowed)}";
}
