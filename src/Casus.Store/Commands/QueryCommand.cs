using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Casus.Store.Commands;

/// <summary><c>casus query</c>: stored events (or reports) matching a filter, as a table, CSV or JSON Lines.</summary>
public sealed class QueryCommand : Command<QueryCommand.Settings>
{
    /// <summary>Settings of <c>casus query</c>.</summary>
    public sealed class Settings : FilterSettings
    {
        /// <summary>Output format.</summary>
        [CommandOption("--format <FORMAT>")]
        [Description("table (default; aligned text when piped), csv (every column) or json (JSON Lines).")]
        public string Format { get; init; } = "table";

        /// <summary>Single reports instead of merged events.</summary>
        [CommandOption("--mentions")]
        [Description("List single reports (mentions) instead of merged events.")]
        public bool Mentions { get; init; }

        /// <summary>Row limit.</summary>
        [CommandOption("--limit <N>")]
        [Description("At most N rows (default 100; 0 for all).")]
        public int Limit { get; init; } = 100;

        /// <summary>Rows to skip.</summary>
        [CommandOption("--offset <N>")]
        [Description("Skip the first N rows.")]
        public int Offset { get; init; }

        /// <summary>Explain one merged event.</summary>
        [CommandOption("--explain <EVENT_ID>")]
        [Description("List the reports merged into the event EVENT_ID (ignores the filter).")]
        public string? Explain { get; init; }

        /// <inheritdoc />
        public override ValidationResult Validate()
        {
            if (RowOutput.FormatError(Format, "table", "csv", "json") is { } error)
            {
                return ValidationResult.Error(error);
            }
            if (Limit < 0 || Offset < 0)
            {
                return ValidationResult.Error("--limit and --offset must not be negative");
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
        var paging = new Paging(settings.Limit == 0 ? null : settings.Limit, settings.Offset);
        var filter = settings.ToFilter();
        using var output = settings.OpenOutput();
        if (settings.Explain is not null || settings.Mentions)
        {
            var mentions = settings.Explain is not null ? store.Explain(settings.Explain) : store.QueryMentions(filter, paging);
            if (settings.Explain is not null && mentions.Count == 0)
            {
                Console.Error.WriteLine($"casus: no merged event '{settings.Explain}' in '{settings.Db}'");
                return StoreExitCodes.Error;
            }
            RowOutput.Write(output, settings.Format, settings.Interactive, MentionHeaders, mentions.Select(MentionCells), mentions);
            return StoreExitCodes.Ok;
        }
        if (settings.Format == "csv")
        {
            store.EnsureMerged();
            using var command = store.EventsCommand(filter, paging);
            using var reader = command.ExecuteReader();
            TableWriter.WriteCsv(reader, output);
            return StoreExitCodes.Ok;
        }
        var events = store.Query(filter, paging);
        RowOutput.Write(output, settings.Format, settings.Interactive, EventHeaders, events.Select(EventCells), events);
        return StoreExitCodes.Ok;
    }

    private static readonly string[] EventHeaders =
        ["event_id", "date", "source", "target", "cameo", "plover", "quad", "goldstein", "place", "mentions", "sources", "articles"];

    private static string[] EventCells(EventRow e) =>
    [
        e.EventId, TableWriter.Cell(e.Date), e.SourceCode ?? "", e.TargetCode ?? "", e.Cameo ?? "", e.Plover ?? "",
        TableWriter.Cell(e.QuadClass), TableWriter.Cell(e.Goldstein), e.LocName ?? "",
        e.NumMentions.ToString(CultureInfo.InvariantCulture), e.NumSources.ToString(CultureInfo.InvariantCulture),
        e.NumArticles.ToString(CultureInfo.InvariantCulture),
    ];

    private static readonly string[] MentionHeaders =
        ["mention_id", "doc_id", "date", "source", "target", "cameo", "quad", "modality", "place", "text"];

    private static string[] MentionCells(MentionRow m) =>
    [
        m.MentionId, m.DocId, TableWriter.Cell(m.Date), m.SourceCode ?? "", m.TargetCode ?? "", m.Cameo ?? "",
        TableWriter.Cell(m.QuadClass), m.Modality ?? "", m.LocName ?? "", m.Text ?? "",
    ];
}
