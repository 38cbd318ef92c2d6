using Casus.Store.Tests.Support;
using static Casus.Store.Tests.Support.Make;

namespace Casus.Store.Tests;

public class QueryTests : IDisposable
{
    private readonly TempStore _temp = new();

    public QueryTests()
    {
        // Five reports, each distinct from the others in some field; every one is its own merged event.
        _temp.Store.IngestBatch(
        [
            Pair(Doc("d1", "2020-01-08"),
                Event("q1", "d1", "2020-01-08", Irn, Usa, "195", location: Baghdad, text: "Iran fired missiles at US troops."),
                Event("q2", "d1", "2020-01-08", Usa, Irn, "112", plover: "ACCUSE", quad: 3, goldstein: -2, location: null, modality: "hypothetical", text: "The US may accuse Iran.")),
            Pair(Doc("d2", "2020-01-20"),
                Event("q3", "d2", "2020-01-20", Irq, Usa, "042", plover: "CONSULT", quad: 1, goldstein: 1.9, location: Basra, text: "Iraq hosted US envoys."),
                Event("q4", "d2", "2020-01-21", Usa, Irq, "0311", plover: "COOPERATE", quad: 1, goldstein: 5.2, location: IraqCountry, text: "The US pledged aid to Iraq.")),
            Pair(Doc("d3", "2020-02-03"),
                new StoredEvent { Id = "q5", DocId = "d3", Kind = "incident", Date = new DateOnly(2020, 2, 3), Cameo = "180", Root = "18", Plover = "ASSAULT", QuadClass = 4, Goldstein = -9, Modality = "asserted", Text = "A bomb exploded in Basra.", Location = Basra }),
        ]);
    }

    public void Dispose() => _temp.Dispose();

    private string[] Ids(EventFilter filter)
    {
        var events = _temp.Store.Query(filter, Paging.Unlimited).Select(e => e.Representative).Order().ToArray();
        var mentions = _temp.Store.QueryMentions(filter, Paging.Unlimited).Select(m => m.MentionId).Order().ToArray();
        // Events and mentions answer the same filter the same way here (one report per event).
        Assert.Equal(mentions, events);
        return events;
    }

    public static TheoryData<string, EventFilter, string[]> Filters => new()
    {
        { "all", EventFilter.All, ["q1", "q2", "q3", "q4", "q5"] },
        { "actor prefix", new EventFilter { Actor = "IRN" }, ["q1", "q2"] },
        { "actor full code", new EventFilter { Actor = "IRQGOV" }, ["q3", "q4"] },
        { "source", new EventFilter { Source = "USA" }, ["q2", "q4"] },
        { "target", new EventFilter { Target = "USAGOV" }, ["q1", "q3"] },
        { "country", new EventFilter { Country = "IRQ" }, ["q3", "q4"] },
        { "source country", new EventFilter { SourceCountry = "IRQ" }, ["q3"] },
        { "target country", new EventFilter { TargetCountry = "IRN" }, ["q2"] },
        { "dyad either way", new EventFilter { Dyad = ("USA", "IRN") }, ["q1", "q2"] },
        { "dyad directed", new EventFilter { Dyad = ("USA", "IRN"), DyadDirected = true }, ["q2"] },
        { "root", new EventFilter { Root = "19" }, ["q1"] },
        { "cameo prefix", new EventFilter { Cameo = "03" }, ["q4"] },
        { "quad class", new EventFilter { QuadClass = 4 }, ["q1", "q5"] },
        { "plover any case", new EventFilter { Plover = "consult" }, ["q3"] },
        { "place name", new EventFilter { Place = "basr" }, ["q3", "q5"] },
        { "place country", new EventFilter { PlaceCountry = "IRQ" }, ["q1", "q3", "q4", "q5"] },
        { "bounding box", new EventFilter { Box = new BoundingBox(29, 46, 32, 49) }, ["q3", "q5"] },
        { "date range", new EventFilter { From = new DateOnly(2020, 1, 9), To = new DateOnly(2020, 1, 31) }, ["q3", "q4"] },
        { "modality", new EventFilter { Modality = "hypothetical" }, ["q2"] },
        { "kind", new EventFilter { Kind = "incident" }, ["q5"] },
        { "text", new EventFilter { Text = "MISSILES" }, ["q1"] },
        { "combined", new EventFilter { Country = "USA", QuadClass = 1, From = new DateOnly(2020, 1, 21) }, ["q4"] },
        { "injection is a value", new EventFilter { Actor = "x' OR 1=1 --" }, [] },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public void EachFilterSelectsExactlyItsEvents(string name, EventFilter filter, string[] expected)
    {
        Assert.True(expected.SequenceEqual(Ids(filter)), name);
    }

    [Fact]
    public void PagingWalksTheResultsInDateOrder()
    {
        var page1 = _temp.Store.Query(EventFilter.All, new Paging(2, 0)).Select(e => e.Representative);
        var page2 = _temp.Store.Query(EventFilter.All, new Paging(2, 2)).Select(e => e.Representative);
        var page3 = _temp.Store.Query(EventFilter.All, new Paging(2, 4)).Select(e => e.Representative);
        Assert.Equal(["q1", "q2", "q3", "q4", "q5"], page1.Concat(page2).Concat(page3).Order());
        Assert.Equal(new DateOnly(2020, 1, 8), _temp.Store.Query(EventFilter.All, new Paging(1)).Single().Date);
        Assert.Single(page3);
    }

    [Fact]
    public void BoundingBoxesParseAndRejectNonsense()
    {
        Assert.True(BoundingBox.TryParse("29,46,32.5,49", out var box));
        Assert.Equal(new BoundingBox(29, 46, 32.5, 49), box);
        Assert.False(BoundingBox.TryParse("32,46,29,49", out _));
        Assert.False(BoundingBox.TryParse("29,46,32", out _));
        Assert.False(BoundingBox.TryParse("a,b,c,d", out _));
        Assert.False(BoundingBox.TryParse("-100,0,0,10", out _));
    }
}
