using System.Text.Json;
using Casus.Store.Commands;
using Casus.Store.Tests.Support;
using Spectre.Console.Cli;
using static Casus.Store.Tests.Support.Make;

namespace Casus.Store.Tests;

public class CommandTests : IDisposable
{
    private readonly TempStore _temp = new();

    public CommandTests()
    {
        _temp.Store.IngestBatch(
        [
            Pair(Doc("d1", "2020-01-08", "Reuters"),
                Event("c1", "d1", "2020-01-08", Irn, Usa, "195", location: Baghdad, text: "Iran fired missiles, officials said."),
                Event("c2", "d1", "2020-01-08", Usa, Irn, "112", plover: "ACCUSE", quad: 3, goldstein: -2)),
            Pair(Doc("d2", "2020-01-09", "AP"), Event("c3", "d2", "2020-01-09", Irn, Usa, "190", location: Baghdad)),
        ]);
        // The commands open the file themselves, as another run would.
        _temp.Store.Dispose();
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>Runs a store command in-process the way casus does: usage errors become exit code 2.</summary>
    private (int Exit, string Output) Run(params string[] args)
    {
        var output = _temp.File("out-" + Guid.NewGuid().ToString("N"));
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.PropagateExceptions();
            StoreCommands.AddTo(config);
        });
        int exit;
        try
        {
            exit = app.Run([.. args, "--db", _temp.DbPath, "-o", output]);
        }
        catch (CommandAppException)
        {
            exit = StoreExitCodes.Error;
        }
        return (exit, File.Exists(output) ? File.ReadAllText(output) : "");
    }

    [Fact]
    public void QueryWritesMergedEventsAsJsonLines()
    {
        var (exit, output) = Run("query", "--dyad", "IRN,USA", "--directed", "--format", "json");
        Assert.Equal(0, exit);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var json = JsonDocument.Parse(line);
        Assert.Equal(EventStore.EventIdOf("c1"), json.RootElement.GetProperty("event_id").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("num_mentions").GetInt32());
        Assert.Equal("2020-01-08", json.RootElement.GetProperty("date").GetString());
    }

    [Fact]
    public void QueryWritesAlignedTextWhenPipedAndCsvWithEveryColumn()
    {
        var (exit, table) = Run("query", "--quad", "4");
        Assert.Equal(0, exit);
        var lines = table.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("event_id          date        source  target  cameo", lines[0]);
        Assert.Equal(lines[0].IndexOf("date", StringComparison.Ordinal), lines[1].IndexOf("2020-01-08", StringComparison.Ordinal));

        var (_, csv) = Run("query", "--format", "csv", "--mentions", "--text", "officials");
        Assert.Equal(2, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("\"Iran fired missiles, officials said.\"", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void QueryExplainsAMergedEvent()
    {
        var (exit, output) = Run("query", "--explain", EventStore.EventIdOf("c1"), "--format", "csv");
        Assert.Equal(0, exit);
        Assert.Equal(["mention_id", "c1", "c3"], output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')[0]));
        Assert.Equal(2, Run("query", "--explain", "0000000000000000").Exit);
    }

    [Fact]
    public void SeriesAndAlertsWriteTheirColumns()
    {
        var (exit, series) = Run("series", "--group", "dyad", "--by", "day", "--format", "csv");
        Assert.Equal(0, exit);
        var lines = series.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("period,key,events,quad1,quad2,quad3,quad4,goldstein_sum,goldstein_mean,documents,events_per_1k_docs,conflict_per_1k_docs,goldstein_per_1k_docs", lines[0]);
        Assert.Contains("2020-01-08,IRN>USA,1,0,0,0,1,-10,-10,1,1000,1000,-10000", lines);

        var (alertsExit, alerts) = Run("alerts", "--format", "csv", "--baseline", "1", "--min-events", "1");
        Assert.Equal(0, alertsExit);
        Assert.StartsWith("period,key,value,events,baseline_mean,baseline_sd,threshold,event_ids,doc_ids\n", alerts);
    }

    [Fact]
    public void ExportWritesEachFormat()
    {
        Assert.StartsWith("GLOBALEVENTID\tSQLDATE\t", Run("export").Output);
        Assert.Equal(2, Run("export", "--format", "plover").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.StartsWith("mention_id,", Run("export", "--format", "csv", "--mentions").Output);
        var (exit, parquet) = Run("export", "--format", "parquet");
        Assert.Equal(0, exit);
        Assert.StartsWith("PAR1", parquet);
    }

    [Fact]
    public void MergeRebuildsWithTheGivenSettings()
    {
        var (exit, output) = Run("merge", "--window", "0");
        Assert.Equal(0, exit);
        Assert.Contains("3 reports into 3 events", output, StringComparison.Ordinal);
        Assert.Contains("\"window_days\":0", output, StringComparison.Ordinal);
        Assert.Contains("3 reports into 2 events", Run("merge").Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("query", "--format", "xml")]
    [InlineData("query", "--bbox", "1,2,3")]
    [InlineData("query", "--from", "08/01/2020")]
    [InlineData("query", "--quad", "5")]
    [InlineData("query", "--dyad", "USA")]
    [InlineData("query", "--directed")]
    [InlineData("series", "--by", "year")]
    [InlineData("alerts", "--measure", "tone")]
    [InlineData("export", "--format", "plover", "--mentions")]
    [InlineData("merge", "--cameo", "two")]
    public void BadUsageExitsWithTwo(params string[] args)
    {
        Assert.Equal(StoreExitCodes.Error, Run(args).Exit);
    }

    [Fact]
    public void AMissingDatabaseIsAnError()
    {
        var app = new CommandApp();
        app.Configure(config => StoreCommands.AddTo(config));
        Assert.Equal(StoreExitCodes.Error, app.Run(["query", "--db", _temp.File("none.duckdb")]));
        Assert.False(File.Exists(_temp.File("none.duckdb")));
    }
}
