using Casus.Store.Tests.Support;
using static Casus.Store.Tests.Support.Make;

namespace Casus.Store.Tests;

public class SeriesTests
{
    [Fact]
    public void SeriesCountPerQuadAndNormalisePerThousandDocuments()
    {
        // Given week 1 (Mon 2020-01-06) with 4 documents and 3 events, week 2 with 2 documents and 1 event
        using var temp = new TempStore();
        temp.Store.IngestBatch(
        [
            Pair(Doc("w1a", "2020-01-06"), Event("e1", "w1a", "2020-01-06", Irn, Usa, "190", quad: 4, goldstein: -10, sentence: 1)),
            Pair(Doc("w1b", "2020-01-07"), Event("e2", "w1b", "2020-01-07", Usa, Irn, "111", quad: 3, goldstein: -2, sentence: 2)),
            Pair(Doc("w1c", "2020-01-12"), Event("e3", "w1c", "2020-01-12", Usa, Irq, "042", quad: 1, goldstein: 2, sentence: 3)),
            Pair(Doc("w1d", "2020-01-12")),
            Pair(Doc("w2a", "2020-01-13"), Event("e4", "w2a", "2020-01-13", Irn, Usa, "190", quad: 4, goldstein: -10, sentence: 4)),
            Pair(Doc("w2b", "2020-01-19")),
        ]);

        // When the weekly total series is computed
        var total = temp.Store.Series(new SeriesRequest());

        // Then each week counts its quad classes and Goldstein, and is normalised by that week's documents
        Assert.Equal(2, total.Count);
        var w1 = total[0];
        Assert.Equal((new DateOnly(2020, 1, 6), "all", 3L, 1L, 0L, 1L, 1L), (w1.Period, w1.Key, w1.Events, w1.Quad1, w1.Quad2, w1.Quad3, w1.Quad4));
        Assert.Equal((-10.0, -10 / 3.0, 4L), (w1.GoldsteinSum, w1.GoldsteinMean!.Value, w1.Documents));
        Assert.Equal((750.0, 500.0, -2500.0), (w1.EventsPer1000Documents!.Value, w1.ConflictPer1000Documents!.Value, w1.GoldsteinSumPer1000Documents!.Value));
        var w2 = total[1];
        Assert.Equal((new DateOnly(2020, 1, 13), 1L, 2L, 500.0), (w2.Period, w2.Events, w2.Documents, w2.EventsPer1000Documents!.Value));

        // And by country each event counts for both of its countries; by dyad for its direction
        var countries = temp.Store.Series(new SeriesRequest { GroupBy = SeriesGroup.Country });
        Assert.Equal(3L, countries.Single(p => p.Period == w1.Period && p.Key == "USA").Events);
        Assert.Equal(2L, countries.Single(p => p.Period == w1.Period && p.Key == "IRN").Events);
        Assert.Equal(1L, countries.Single(p => p.Period == w1.Period && p.Key == "IRQ").Events);
        var dyads = temp.Store.Series(new SeriesRequest { GroupBy = SeriesGroup.Dyad, Interval = SeriesInterval.Month });
        Assert.Equal(2L, dyads.Single(p => p.Key == "IRN>USA").Events);
        Assert.Equal(new DateOnly(2020, 1, 1), dyads[0].Period);
        Assert.Equal(6L, dyads[0].Documents);

        // And the filter narrows what is counted, not the denominator
        var daily = temp.Store.Series(new SeriesRequest { Interval = SeriesInterval.Day, Filter = new EventFilter { Root = "19" } });
        Assert.Equal([new DateOnly(2020, 1, 6), new DateOnly(2020, 1, 13)], daily.Select(p => p.Period));
        Assert.Equal(1000.0, daily[0].EventsPer1000Documents);
    }
}

public class AlertTests
{
    private static readonly DateOnly Monday = new(2020, 1, 6);

    /// <summary>Ten weeks of IRN-on-USA conflict: <paramref name="perWeek"/>[w] events in week w, each with its own document.</summary>
    private static TempStore Weeks(params int[] perWeek)
    {
        var temp = new TempStore();
        var batch = new List<(StoredDocument, IReadOnlyList<StoredEvent>)>();
        for (var w = 0; w < perWeek.Length; w++)
        {
            for (var i = 0; i < perWeek[w]; i++)
            {
                var day = Monday.AddDays(7 * w + i % 5).ToString("yyyy-MM-dd");
                var id = $"w{w}-{i}";
                // Sentences differ per report so no two reports merge: each is its own event (different places).
                var place = new StoredLocation("Town " + i, "USA", Lat: 30 + i, Lon: -90, GeonameId: 1000 + i, Precision: "city");
                batch.Add(Pair(Doc("doc-" + id, day), Event(id, "doc-" + id, day, Irn, Usa, "190", location: place)));
            }
        }
        temp.Store.IngestBatch(batch);
        return temp;
    }

    [Fact]
    public void ASpikeAboveTheBaselineAlertsWithItsEvidence()
    {
        // Given eight weeks of 1-2 conflict events and a ninth with 9
        using var temp = Weeks(1, 2, 1, 2, 1, 2, 1, 2, 9);

        // When alerts are computed with the stated rule (mean + 2 sd of 8 weeks, at least 3 events)
        var settings = new AlertSettings { GroupBy = SeriesGroup.Dyad };
        var alert = Assert.Single(temp.Store.Alerts(settings));

        // Then the ninth week alerts for the dyad, with its threshold, rule and the events and reports behind it
        Assert.Equal(("IRN>USA", Monday.AddDays(56), Monday.AddDays(62)), (alert.Key, alert.PeriodStart, alert.PeriodEnd));
        Assert.Equal((9.0, 9, 1.5, 0.5, 2.5), (alert.Value, alert.Events, alert.BaselineMean, alert.BaselineSd, alert.Threshold));
        Assert.Equal("conflict events (quad 3-4) per week > mean + 2 sd of the previous 8 weeks, with at least 3 conflict events", alert.Rule);
        Assert.Equal(9, alert.EventIds.Count);
        Assert.Equal(Enumerable.Range(0, 9).Select(i => $"w8-{i}").Order(), alert.MentionIds.Order());
        Assert.Equal(Enumerable.Range(0, 9).Select(i => $"doc-w8-{i}").Order(), alert.DocIds);
        Assert.Equal(alert.EventIds.Order(), Enumerable.Range(0, 9).Select(i => EventStore.EventIdOf($"w8-{i}")).Order());

        // And by country both sides alert
        Assert.Equal(["IRN", "USA"], temp.Store.Alerts(settings with { GroupBy = SeriesGroup.Country }).Select(a => a.Key));
    }

    [Fact]
    public void AReadOnlyStoreAnswersQueriesSeriesAndAlerts()
    {
        // Given a merged store closed by its writer
        using var temp = Weeks(1, 2, 1, 2, 1, 2, 1, 2, 9);
        temp.Store.Merge(MergeSettings.Default);
        temp.Store.Dispose();

        // When a reader (another process, such as casus serve) opens it read-only
        using var reader = EventStore.OpenReadOnly(temp.DbPath);

        // Then it answers without writing
        Assert.True(reader.ReadOnly);
        Assert.Single(reader.Alerts(new AlertSettings { GroupBy = SeriesGroup.Dyad }));
        Assert.Equal(9, reader.Series(new SeriesRequest()).Count);
        Assert.Equal(21, reader.Query(EventFilter.All, Paging.Unlimited).Count);
        Assert.Throws<InvalidOperationException>(() => reader.Merge(MergeSettings.Default));
    }

    [Fact]
    public void FlatDataDoesNotAlert()
    {
        using var temp = Weeks(3, 3, 3, 3, 3, 3, 3, 3, 3, 3);
        Assert.Empty(temp.Store.Alerts(new AlertSettings()));
        Assert.Empty(temp.Store.Alerts(new AlertSettings { Measure = AlertMeasure.NegativeGoldstein }));
    }

    [Fact]
    public void TheThresholdAndMinimumAreTheStatedOnes()
    {
        // A rise from 2 to 3 a week after a constant baseline exceeds mean + k sd (sd 0) and meets the minimum of 3
        using var rise = Weeks(2, 2, 2, 2, 2, 2, 2, 2, 3);
        var alert = Assert.Single(rise.Store.Alerts(new AlertSettings { GroupBy = SeriesGroup.Total }));
        Assert.Equal((3.0, 2.0, 0.0, 2.0), (alert.Value, alert.BaselineMean, alert.BaselineSd, alert.Threshold));

        // With a minimum of 4 events it does not alert; with too short a history nothing is judged
        Assert.Empty(rise.Store.Alerts(new AlertSettings { GroupBy = SeriesGroup.Total, MinEvents = 4 }));
        Assert.Empty(rise.Store.Alerts(new AlertSettings { GroupBy = SeriesGroup.Total, BaselinePeriods = 9 }));

        // Negative Goldstein measures magnitude: 3 events of -10 against 2 of -10
        var goldstein = Assert.Single(rise.Store.Alerts(new AlertSettings { GroupBy = SeriesGroup.Total, Measure = AlertMeasure.NegativeGoldstein }));
        Assert.Equal((30.0, 20.0), (goldstein.Value, goldstein.Threshold));
    }

    [Fact]
    public void QuietWeeksCountAsZeroInTheBaseline()
    {
        // Given one event in week 0, nothing for seven weeks, then 3 events
        using var temp = Weeks(1, 0, 0, 0, 0, 0, 0, 0, 3);
        var alert = Assert.Single(temp.Store.Alerts(new AlertSettings { GroupBy = SeriesGroup.Total }));
        Assert.Equal(0.125, alert.BaselineMean);
    }
}
