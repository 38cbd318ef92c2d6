using System.Globalization;
using Casus.Store.Tests.Support;
using static Casus.Store.Tests.Support.Make;

namespace Casus.Store.Tests;

public class ExportTests : IDisposable
{
    private readonly TempStore _temp = new();

    public ExportTests()
    {
        // One event reported twice (two outlets) with a place and casualties, and one negated statement.
        var strike = Event("s1", "reuters-1", "2020-01-08", Irn, Usa, "195", location: BaghdadAirport, sentence: 0,
            text: "Iran fired missiles at the Ain al-Asad air base, officials said.") with
        { Casualties = new Casualties(Killed: 0, Injured: 11) };
        _temp.Store.IngestBatch(
        [
            Pair(Doc("reuters-1", "2020-01-08", "Reuters"), strike,
                Event("s2", "reuters-1", "2020-01-08", Usa, Irn, "112", plover: "ACCUSE", quad: 3, goldstein: -2, modality: "negated", sentence: 5,
                    text: "The US did not blame Iran.")),
            Pair(Doc("ap-1", "2020-01-09", "AP"), strike with { Id = "s3", DocId = "ap-1", Sentence = 4, Casualties = new Casualties(Killed: 0, Injured: 34) }),
        ]);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void GdeltTableHasTheCodebookColumnsAndOneRowPerEvent()
    {
        // When the events are exported as the GDELT 2.0 event table
        var output = new StringWriter();
        var count = _temp.Store.ExportGdelt(output, new EventFilter { Root = "19" });

        // Then the header has the 61 codebook columns and the row is the golden one
        Assert.Equal(1, count);
        var lines = output.ToString().Split('\n');
        Assert.Equal(61, lines[0].Split('\t').Length);
        Assert.Equal(61, lines[1].Split('\t').Length);
        Assert.Equal("GLOBALEVENTID", lines[0].Split('\t')[0]);
        Assert.Equal("SOURCEURL", lines[0].Split('\t')[60]);
        Golden.Assert(output.ToString(), "gdelt.tsv");
    }

    [Fact]
    public void PloverJsonIsTheGoldenOne()
    {
        var output = new StringWriter();
        Assert.Equal(2, _temp.Store.ExportPlover(output));
        Golden.Assert(output.ToString(), "plover.jsonl");
    }

    [Fact]
    public void CsvHasAHeaderAndQuotesWhatNeedsIt()
    {
        var events = new StringWriter();
        Assert.Equal(2, _temp.Store.ExportCsv(events));
        var lines = events.ToString().Split('\n');
        Assert.StartsWith("event_id,global_id,kind,date,", lines[0]);
        Assert.Equal(4, lines.Length);

        var mentions = new StringWriter();
        Assert.Equal(3, _temp.Store.ExportCsv(mentions, level: StoreLevel.Mentions));
        Assert.Contains("\"Iran fired missiles at the Ain al-Asad air base, officials said.\"", mentions.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("mention_id,doc_id,kind,", mentions.ToString());
    }

    [Fact]
    public void ParquetIsReadableBackByDuckDb()
    {
        // When events and mentions are exported to Parquet (a quote in the path too)
        var events = _temp.File("events o'clock.parquet");
        var mentions = _temp.File("mentions.parquet");
        Assert.Equal(2, _temp.Store.ExportParquet(events));
        Assert.Equal(1, _temp.Store.ExportParquet(mentions, new EventFilter { Modality = "negated" }, StoreLevel.Mentions));

        // Then DuckDB reads them back with the same rows
        using var command = _temp.Store.Command("SELECT CAST(sum(num_mentions) AS BIGINT), count(*) FROM read_parquet($p)", ("p", events));
        using (var r = command.ExecuteReader())
        {
            Assert.True(r.Read());
            Assert.Equal((3L, 2L), (Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt64(r.GetValue(1), CultureInfo.InvariantCulture)));
        }
        using var back = _temp.Store.Command("SELECT mention_id, report_date FROM read_parquet($p)", ("p", mentions));
        using var m = back.ExecuteReader();
        Assert.True(m.Read());
        Assert.Equal(("s2", new DateOnly(2020, 1, 8)), (m.GetString(0), m.GetFieldValue<DateOnly>(1)));
    }
}
