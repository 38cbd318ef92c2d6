using Casus.Store.Tests.Support;
using static Casus.Store.Tests.Support.Make;

namespace Casus.Store.Tests;

public class MergeTests
{
    /// <summary>
    /// Three reports of one strike (two outlets, three articles, dates 0-2 days apart), and reports that must stay
    /// apart from it: another dyad, another root, beyond the window, another place.
    /// </summary>
    private static TempStore Seeded()
    {
        var temp = new TempStore();
        temp.Store.IngestBatch(
        [
            Pair(Doc("reuters-1", "2020-01-08", "Reuters"),
                Event("a1", "reuters-1", "2020-01-08", Irn, Usa, "195", location: Baghdad, sentence: 0),
                Event("x-dyad", "reuters-1", "2020-01-08", Irn, Irq, "195", location: Baghdad, sentence: 4)),
            Pair(Doc("reuters-2", "2020-01-09", "Reuters"),
                Event("a2", "reuters-2", "2020-01-09", Irn, Usa, "190", location: Baghdad, sentence: 5),
                Event("x-root", "reuters-2", "2020-01-09", Irn, Usa, "172", quad: 4, goldstein: -5, location: Baghdad, sentence: 6)),
            Pair(Doc("ap-1", "2020-01-10", "AP"),
                Event("a3", "ap-1", "2020-01-10", Irn, Usa, "195", location: Baghdad, sentence: 7),
                Event("x-place", "ap-1", "2020-01-10", Irn, Usa, "195", location: Basra, sentence: 8)),
            Pair(Doc("ap-2", "2020-01-14", "AP"),
                Event("x-late", "ap-2", "2020-01-14", Irn, Usa, "195", location: Baghdad, sentence: 9)),
        ]);
        return temp;
    }

    private static Dictionary<string, string> Clusters(EventStore store)
    {
        using var command = store.Command("SELECT mention_id, event_id FROM event_mentions");
        using var r = command.ExecuteReader();
        var map = new Dictionary<string, string>();
        while (r.Read())
        {
            map[r.GetString(0)] = r.GetString(1);
        }
        return map;
    }

    [Fact]
    public void ReportsOfOneEventMergeAndOthersStayApart()
    {
        // Given the seeded reports
        using var temp = Seeded();

        // When they are merged with the defaults (2 days, same root, same place)
        var result = temp.Store.Merge(MergeSettings.Default);
        var clusters = Clusters(temp.Store);

        // Then a1..a3 are one event; different dyad, root, place and date beyond the window stay apart
        Assert.Equal((5, 7), (result.Events, result.Mentions));
        Assert.Equal(clusters["a1"], clusters["a2"]);
        Assert.Equal(clusters["a1"], clusters["a3"]);
        foreach (var other in new[] { "x-dyad", "x-root", "x-place", "x-late" })
        {
            Assert.NotEqual(clusters["a1"], clusters[other]);
        }

        // And the merged event carries stable id, first and last report and GDELT-style counts
        var e = temp.Store.Query(new EventFilter { Root = "19", Place = "baghdad", Source = "IRN", Target = "USA" }).Single(r => r.NumMentions > 1);
        Assert.Equal(EventStore.EventIdOf("a1"), e.EventId);
        Assert.Equal(EventStore.GlobalIdOf(e.EventId), e.GlobalId);
        Assert.Equal((3, 2, 3), (e.NumMentions, e.NumSources, e.NumArticles));
        Assert.Equal((new DateOnly(2020, 1, 8), new DateOnly(2020, 1, 10)), (e.FirstReport!.Value, e.LastReport!.Value));
        Assert.Equal("195", e.Cameo);
        Assert.Equal("a1", e.Representative);
        Assert.True(e.IsRootEvent);

        // And it is explainable: the reports behind it, earliest first
        Assert.Equal(["a1", "a2", "a3"], temp.Store.Explain(e.EventId).Select(m => m.MentionId));
    }

    [Fact]
    public void MergingIsReversibleFromTheStoredMentions()
    {
        // Given the seeded reports merged with a 2-day window
        using var temp = Seeded();
        temp.Store.Merge(MergeSettings.Default);
        var wide = Clusters(temp.Store);

        // When merged again with a 0-day window, then with 2 days again
        temp.Store.Merge(MergeSettings.Default with { WindowDays = 0 });
        var narrow = Clusters(temp.Store);
        var run3 = temp.Store.Merge(MergeSettings.Default);
        var again = Clusters(temp.Store);

        // Then the 0-day merge splits the reports of different days, and the second 2-day merge restores every id
        Assert.NotEqual(narrow["a1"], narrow["a2"]);
        Assert.Equal(7, new HashSet<string>(narrow.Values).Count);
        Assert.Equal(wide, again);
        Assert.Equal(3, run3.RunId);
        Assert.Equal(MergeSettings.Default, temp.Store.LastMergeSettings());
    }

    [Fact]
    public void SettingsLoosenAndTightenTheClusters()
    {
        using var temp = Seeded();

        // Same three-digit code: 190 no longer merges with 195
        temp.Store.Merge(MergeSettings.Default with { Cameo = CameoMatch.Code3 });
        var code3 = Clusters(temp.Store);
        Assert.Equal(code3["a1"], code3["a3"]);
        Assert.NotEqual(code3["a1"], code3["a2"]);

        // 300 km covers Baghdad to Basra? No (about 450 km); 600 km does
        temp.Store.Merge(MergeSettings.Default with { MaxKm = 300 });
        Assert.NotEqual(Clusters(temp.Store)["a1"], Clusters(temp.Store)["x-place"]);
        temp.Store.Merge(MergeSettings.Default with { MaxKm = 600 });
        Assert.Equal(Clusters(temp.Store)["a1"], Clusters(temp.Store)["x-place"]);
    }

    [Fact]
    public void PlacesMatchByCountryLevelAndUnknownOnlyWhenAllowed()
    {
        // Given a city-level report, a country-level one, and one without a place, same dyad and day
        using var temp = new TempStore();
        temp.Store.IngestBatch(
        [
            Pair(Doc("d1", "2020-01-08"),
                Event("p1", "d1", "2020-01-08", Irn, Usa, location: BaghdadAirport),
                Event("p2", "d1", "2020-01-08", Irn, Usa, location: IraqCountry),
                Event("p3", "d1", "2020-01-08", Irn, Usa, location: null)),
        ]);

        // When merged with the defaults, then allowing unknown places to join
        temp.Store.Merge(MergeSettings.Default);
        var strict = Clusters(temp.Store);
        temp.Store.Merge(MergeSettings.Default with { UnknownPlaceMatchesKnown = true });
        var loose = Clusters(temp.Store);

        // Then the country-level place matches the airport in that country; the unknown place joins only when allowed
        Assert.Equal(strict["p1"], strict["p2"]);
        Assert.NotEqual(strict["p1"], strict["p3"]);
        Assert.Equal(loose["p1"], loose["p3"]);
    }

    [Fact]
    public void ModalityClassesStayApartUnlessAsked()
    {
        using var temp = new TempStore();
        temp.Store.IngestBatch(
        [
            Pair(Doc("d1", "2020-01-08"),
                Event("asserted", "d1", "2020-01-08", Irn, Usa, modality: "asserted"),
                Event("claimed", "d1", "2020-01-08", Irn, Usa, modality: "claimed"),
                Event("denied", "d1", "2020-01-08", Irn, Usa, modality: "denied")),
        ]);
        temp.Store.Merge(MergeSettings.Default);
        var strict = Clusters(temp.Store);
        Assert.Equal(strict["asserted"], strict["claimed"]);
        Assert.NotEqual(strict["asserted"], strict["denied"]);
        temp.Store.Merge(MergeSettings.Default with { SameModality = false });
        Assert.Single(new HashSet<string>(Clusters(temp.Store).Values));
    }

    [Fact]
    public void QueriesMergeAgainAfterAnIngest()
    {
        // Given a merged store that then receives a new report of the same event
        using var temp = Seeded();
        temp.Store.Merge(MergeSettings.Default with { WindowDays = 3 });
        Assert.True(temp.Store.Stats().MergeIsCurrent);
        temp.Store.IngestBatch([Pair(Doc("bbc-1", "2020-01-09", "BBC"), Event("a4", "bbc-1", "2020-01-09", Irn, Usa, "195", location: Baghdad))]);
        Assert.False(temp.Store.Stats().MergeIsCurrent);

        // When it is queried
        var e = temp.Store.Query(new EventFilter { Source = "IRN", Target = "USA", Place = "Baghdad" }).Single(r => r.EventId == EventStore.EventIdOf("a1"));

        // Then the merge ran again with the last settings (3 days) and counts the new report and source
        Assert.Equal((4, 3, 4), (e.NumMentions, e.NumSources, e.NumArticles));
        Assert.Equal(3, temp.Store.LastMergeSettings()!.WindowDays);
        Assert.True(temp.Store.Stats().MergeIsCurrent);
    }

    [Fact]
    public void SettingsRoundTripThroughJson()
    {
        var settings = new MergeSettings { WindowDays = 5, Cameo = CameoMatch.Exact, MaxKm = 12.5, UnknownPlaceMatchesKnown = true, SameModality = false };
        Assert.Equal("""{"window_days":5,"cameo":"exact","max_km":12.5,"unknown_place_matches_known":true,"same_modality":false}""", settings.ToJson());
        Assert.Equal(settings, MergeSettings.FromJson(settings.ToJson()));
    }

    [Fact]
    public void DistancesAreGreatCircle()
    {
        // Baghdad to Basra is about 450 km
        var km = EventStore.Kilometres(Baghdad.Lat!.Value, Baghdad.Lon!.Value, Basra.Lat!.Value, Basra.Lon!.Value);
        Assert.InRange(km, 440, 460);
    }
}
