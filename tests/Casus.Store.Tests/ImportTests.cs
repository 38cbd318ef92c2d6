using Casus.Reading.Tests.Support;
using Casus.Store.Tests.Support;

namespace Casus.Store.Tests;

public class ImportTests
{
    private const string Line1 =
        """{"id":"c7def857389bee7f","doc_id":"doc-1","sentence":33,"date":"2019-01-04","source":null,"target":{"text":"terrorists","code":"RUSUAF","country":"RUS","sector":"UAF","span":[3620,3630],"entity":"terrorists"},"cameo":"190","root":"19","plover":"ASSAULT","quad_class":4,"goldstein":-10,"trigger":{"text":"killed","span":[3637,3643]},"text":"Three terrorists were killed.","text_span":[3579,3759],"modality":"asserted","attributed_to":{"text":"Iranian media","code":"IRNMED","country":"IRN","sector":"MED","span":[109,122],"entity":"Iran"},"confidence":0.378,"pattern":"events/verbs.txt:2329","coder":"casus 0.1.0","location":{"name":"Magnitogorsk","country":"RUS","admin1":"Chelyabinsk","lat":53.4186,"lon":59.0472,"geonameid":532288,"precision":"city","span":[10,22],"basis":"sentence"},"casualties":{"killed":3,"injured":{"value":12,"qualifier":"at_least"},"missing":null},"date_precision":"day","date_basis":"sentence","date_span":[40,46],"deployment":{"size":200},"tone":-2.5}""";

    private const string Line2 =
        """{"id":"bf5ceaca98592709","doc_id":"doc-2","sentence":3,"date":"2019-01-04","source":{"text":"House","code":"USALEG","country":"USA","sector":"LEG","span":[196,220],"entity":"House of Representatives"},"target":null,"cameo":"051","root":"05","plover":"SUPPORT","quad_class":1,"goldstein":3.4,"trigger":{"text":"voted","span":[271,276]},"text":"The House voted.","text_span":[173,323],"modality":"asserted","attributed_to":null,"confidence":0.378,"pattern":"events/verbs.txt:451","coder":"casus 0.1.0"}""";

    [Fact]
    public void EveryFieldOfACoderLineIsRead()
    {
        // Given a coder line with every field, including the new ones and an unknown one
        // When it is parsed
        var e = EventJson.ParseEvent(Line1);

        // Then each field lands in its place and the unknown one is kept verbatim
        Assert.Equal(("c7def857389bee7f", "doc-1", "event", 33), (e.Id, e.DocId, e.Kind, e.Sentence));
        Assert.Null(e.Source);
        Assert.Equal(new StoredActor("terrorists", "RUSUAF", "RUS", "UAF", "terrorists", new TextSpan(3620, 3630)), e.Target);
        Assert.Equal(("190", "19", "ASSAULT", 4, -10.0), (e.Cameo, e.Root, e.Plover, e.QuadClass, e.Goldstein));
        Assert.Equal(("killed", new TextSpan(3637, 3643)), (e.TriggerText, e.TriggerSpan));
        Assert.Equal("IRNMED", e.AttributedTo?.Code);
        Assert.Equal(new StoredLocation("Magnitogorsk", "RUS", "Chelyabinsk", 53.4186, 59.0472, 532288, "city", new TextSpan(10, 22), "sentence"), e.Location);
        Assert.Equal(new Casualties(Killed: 3, Injured: 12), e.Casualties);
        Assert.Equal("""{"killed":3,"injured":{"value":12,"qualifier":"at_least"},"missing":null}""", e.CasualtiesJson);
        Assert.Equal(("day", new TextSpan(40, 46), "sentence"), (e.DatePrecision, e.DateSpan, e.DateBasis));
        Assert.Equal("""{"deployment":{"size":200}}""", e.Deployment);
        Assert.Equal("""{"tone":-2.5}""", e.Extra);
    }

    [Theory]
    [InlineData("""{"doc_id":"d"}""", "missing \"id\"")]
    [InlineData("""{"id":"x"}""", "missing \"doc_id\"")]
    [InlineData("""{"id":"x","doc_id":"d","date":"04/01/2019"}""", "\"date\" '04/01/2019' is not a yyyy-MM-dd date")]
    [InlineData("""{"id":"x","doc_id":"d","quad_class":7}""", "\"quad_class\" 7 is not 1..4")]
    [InlineData("""{"id":"x","doc_id":"d","text_span":[5,2]}""", "\"text_span\" should be [start, end]")]
    [InlineData("""{"id":"x","doc_id":"d","source":"Iran"}""", "\"source\" should be an actor object or null")]
    [InlineData("""{"id":"x",""", "not JSON")]
    public void BadLinesSayWhatIsWrong(string line, string message)
    {
        var e = Assert.Throws<FormatException>(() => EventJson.ParseEvent(line));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void ImportingJsonLinesIsIdempotentAndReportsBadLinesWithFileAndLine()
    {
        // Given an events file with two good lines and a bad third line, and a documents file with one extra document
        using var temp = new TempStore();
        var events = temp.File("events.jsonl");
        File.WriteAllText(events, Line1 + "\n" + Line2 + "\n{\"id\":1}\n");
        var documents = temp.File("docs.jsonl");
        File.WriteAllText(documents,
            """{"id":"doc-1","date":"2019-01-04T10:00:00","title":"T1","url":"https://example.org/1","text":"Body one."}""" + "\n" +
            """{"id":"doc-3","date":"2019-01-05","title":"T3","text":"No events here."}""" + "\n");

        // When it is imported twice
        var problems = new List<string>();
        var first = temp.Store.ImportEventsJsonl(events, documents, problem: problems.Add);
        var second = temp.Store.ImportEventsJsonl(events, documents, problem: problems.Add);

        // Then the first import stores three documents (one known only by its events) and two mentions, the second
        // nothing, and the bad line is named with its file and line each time
        Assert.Equal((3L, 2L), (first.Documents, first.Mentions));
        Assert.Equal((0L, 3L), (second.Documents, second.Skipped));
        Assert.Equal(2, problems.Count);
        Assert.StartsWith(events + ":3: ", problems[0]);
        var stats = temp.Store.Stats();
        Assert.Equal((3L, 2L), (stats.Documents, stats.Mentions));
        Assert.Equal("RUS", temp.Store.QueryMentions(new EventFilter { PlaceCountry = "RUS" }).Single().LocCountry);

        // And without a problem callback a bad line stops the import with the same message
        var e = Assert.Throws<StoreInputException>(() => temp.Store.ImportEventsJsonl(events));
        Assert.StartsWith(events + ":3: ", e.Message);
    }

    [Fact]
    public void TheCodersGoldenOutputImportsWholly()
    {
        // Given the CLI's golden coder output (the JSON Lines contract of casus code)
        var golden = Path.Combine(Golden.Dir, "..", "..", "Casus.Cli.Tests", "Golden", "news.events.jsonl");
        using var temp = new TempStore();

        // When it is imported (bad lines would throw)
        var totals = temp.Store.ImportEventsJsonl(golden);

        // Then every line is a stored mention, with places and casualties where the coder found them
        Assert.Equal(File.ReadAllLines(golden).Count(l => l.Length > 0), (int)totals.Mentions);
        using var command = temp.Store.Command(
            "SELECT count(*) FILTER (WHERE loc_country IS NOT NULL), count(*) FILTER (WHERE killed IS NOT NULL OR deployment IS NOT NULL), count(*) FILTER (WHERE extra IS NOT NULL) FROM mentions");
        using var r = command.ExecuteReader();
        Assert.True(r.Read());
        Assert.True(Convert.ToInt64(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.True(Convert.ToInt64(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal(0L, Convert.ToInt64(r.GetValue(2), System.Globalization.CultureInfo.InvariantCulture));
    }

    [SharedFileFact("data/news/wikinews_2019_2020.jsonl")]
    public void TheSharedWikinewsDocumentsImportAsDenominators()
    {
        // Given the shared Wikinews documents and no events
        using var temp = new TempStore();
        var empty = temp.File("none.jsonl");
        File.WriteAllText(empty, "");

        // When they are imported
        var totals = temp.Store.ImportEventsJsonl(empty, SharedData.PathOf("data/news/wikinews_2019_2020.jsonl"));

        // Then every document is stored with its date, ready to normalise series
        Assert.True(totals.Documents > 250, $"{totals.Documents} documents");
        using var command = temp.Store.Command("SELECT count(*) FROM documents WHERE date IS NULL");
        Assert.Equal(0L, Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
    }
}
