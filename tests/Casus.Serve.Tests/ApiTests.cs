using System.Net;
using System.Text.Json;
using Casus.Serve.Tests.Support;
using DuckDB.NET.Data;

namespace Casus.Serve.Tests;

[Collection(ServedStore.Name)]
public sealed class ApiTests(StoreFixture store)
{
    private HttpClient Http => store.Http;

    private long Scalar(string sql)
    {
        using var connection = new DuckDBConnection($"Data Source={store.DbPath};ACCESS_MODE=READ_ONLY");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [StoreFact]
    public async Task Health_counts_what_the_store_holds_and_binds_loopback()
    {
        // Given the fixture store, when /api/health is asked, then it reports the store's own counts.
        var health = await Http.Ok("api/health");
        Assert.Equal("ok", health.Str("status"));
        Assert.Equal(Scalar("SELECT count(*) FROM documents"), health.GetProperty("documents").GetInt64());
        Assert.Equal(Scalar("SELECT count(*) FROM mentions"), health.GetProperty("mentions").GetInt64());
        Assert.Equal(Scalar("SELECT count(*) FROM events"), health.GetProperty("events").GetInt64());
        Assert.True(health.GetProperty("merge_is_current").GetBoolean());
        Assert.Equal(296, health.GetProperty("documents").GetInt64()); // 295 Wikinews documents and the sample article
        Assert.Equal("127.0.0.1", store.BaseAddress.Host);
    }

    [StoreFact]
    public async Task Events_page_by_default_100_and_pages_do_not_overlap()
    {
        var first = await Http.Ok("api/events");
        var total = first.GetProperty("total").GetInt64();
        Assert.Equal(Scalar("SELECT count(*) FROM events"), total);
        Assert.Equal(100, first.GetProperty("limit").GetInt32());
        Assert.Equal(100, first.Items().Count());

        var a = (await Http.Ok("api/events?limit=30&offset=0")).Items().Select(e => e.Str("id")).ToList();
        var b = (await Http.Ok("api/events?limit=30&offset=30")).Items().Select(e => e.Str("id")).ToList();
        var both = (await Http.Ok("api/events?limit=60")).Items().Select(e => e.Str("id")).ToList();
        Assert.Equal(30, a.Count);
        Assert.Empty(a.Intersect(b));
        Assert.Equal(both, a.Concat(b).ToList());

        var all = await Http.Ok("api/events?limit=1000");
        Assert.Equal(Math.Min(1000, total), all.Items().Count());
        var past = await Http.Ok($"api/events?offset={total}");
        Assert.Empty(past.Items());
        Assert.Equal(total, past.GetProperty("total").GetInt64());
    }

    [StoreFact]
    public async Task Events_newest_first_and_sorted_by_goldstein_when_asked()
    {
        var dates = (await Http.Ok("api/events?limit=1000")).Items().Select(e => e.Str("date")).Where(d => d is not null).ToList();
        Assert.Equal(dates.OrderByDescending(d => d, StringComparer.Ordinal), dates);
        var scores = (await Http.Ok("api/events?limit=1000&sort=goldstein")).Items()
            .Select(e => e.GetProperty("goldstein")).Where(g => g.ValueKind == JsonValueKind.Number).Select(g => g.GetDouble()).ToList();
        Assert.Equal(scores.Order(), scores);
    }

    [StoreTheory]
    [InlineData("root=19", "root", "19")]
    [InlineData("quad_class=4", "quad_class", "4")]
    [InlineData("modality=claimed", "modality", "claimed")]
    [InlineData("plover=assault", "plover", "ASSAULT")]
    public async Task Events_filter_narrows_to_matching_events(string query, string field, string expected)
    {
        var all = (await Http.Ok("api/events?limit=1")).GetProperty("total").GetInt64();
        var page = await Http.Ok($"api/events?{query}&limit=1000");
        var items = page.Items().ToList();
        Assert.NotEmpty(items);
        Assert.True(page.GetProperty("total").GetInt64() < all, $"{query} did not narrow");
        Assert.All(items, e => Assert.Equal(expected, e.GetProperty(field).ValueKind == JsonValueKind.Number ? e.GetProperty(field).GetRawText() : e.Str(field)));
    }

    [StoreFact]
    public async Task Events_filter_by_country_dyad_actor_and_dates()
    {
        var irn = (await Http.Ok("api/events?country=irn&limit=1000")).Items().ToList();
        Assert.NotEmpty(irn);
        Assert.All(irn, e => Assert.True(Country(e, "source") == "IRN" || Country(e, "target") == "IRN"));

        var dyad = (await Http.Ok("api/events?dyad=IRN-USA&limit=1000")).Items().ToList();
        Assert.Contains(dyad, e => e.Str("root") == "19" && e.GetProperty("source").Str("code") == "IRNMIL");
        Assert.All(dyad, e => Assert.Equal(("IRN", "USA"), (Country(e, "source"), Country(e, "target"))));

        var actor = (await Http.Ok("api/events?actor=IRNMIL&limit=1000")).Items().ToList();
        Assert.All(actor, e => Assert.True(Code(e, "source")?.StartsWith("IRNMIL", StringComparison.Ordinal) == true || Code(e, "target")?.StartsWith("IRNMIL", StringComparison.Ordinal) == true));

        var week = await Http.Ok("api/events?from=2019-03-11&to=2019-03-17&limit=1000");
        Assert.Equal(Scalar("SELECT count(*) FROM events WHERE date BETWEEN DATE '2019-03-11' AND DATE '2019-03-17'"), week.GetProperty("total").GetInt64());
        Assert.All(week.Items(), e => Assert.InRange(e.Str("date")!, "2019-03-11", "2019-03-17"));

        static string? Country(JsonElement e, string side) => e.GetProperty(side).ValueKind == JsonValueKind.Null ? null : e.GetProperty(side).Str("country");
        static string? Code(JsonElement e, string side) => e.GetProperty(side).ValueKind == JsonValueKind.Null ? null : e.GetProperty(side).Str("code");
    }

    [StoreTheory]
    [InlineData("api/events?limit=1001", "limit")]
    [InlineData("api/events?limit=0", "limit")]
    [InlineData("api/events?limit=ten", "limit")]
    [InlineData("api/events?offset=-1", "offset")]
    [InlineData("api/events?from=2020-13-01", "from")]
    [InlineData("api/events?from=2020-02-01&to=2020-01-01", "from")]
    [InlineData("api/events?quad_class=5", "quad_class")]
    [InlineData("api/events?root=21", "root")]
    [InlineData("api/events?country=IR", "country")]
    [InlineData("api/events?dyad=IRN", "dyad")]
    [InlineData("api/events?modality=maybe", "modality")]
    [InlineData("api/events?bbox=1,2,3", "bbox")]
    [InlineData("api/events?bbox=0,80,10,70", "bbox")]
    [InlineData("api/events?sort=random", "sort")]
    [InlineData("api/events?quad=4", "quad")]
    [InlineData("api/events?root=19&root=18", "root")]
    [InlineData("api/events?actor=IRN'%20OR%201=1%20--", "actor")]
    [InlineData("api/series?by=year", "by")]
    [InlineData("api/dyads?limit=501", "limit")]
    [InlineData("api/dyads?level=person", "level")]
    [InlineData("api/dyads?domestic=perhaps", "domestic")]
    [InlineData("api/places?limit=5001", "limit")]
    [InlineData("api/summary?to=yesterday", "to")]
    [InlineData("api/alerts?by=decade", "by")]
    [InlineData("api/events/c195c97aaec772e7?verbose=1", "verbose")]
    public async Task Bad_parameters_answer_400_naming_the_parameter(string url, string parameter)
    {
        var (status, body) = await Http.GetJson(url);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(parameter, body.Str("parameter"));
        Assert.StartsWith(parameter + ":", body.Str("error"), StringComparison.Ordinal);
    }

    [StoreTheory]
    [InlineData("api/events/0000000000000000")]
    [InlineData("api/events/%27%3B%20DROP%20TABLE%20events%3B%20--")]
    [InlineData("api/documents/no-such-document")]
    [InlineData("api/documents/x%27%20OR%20%271%27%3D%271")]
    [InlineData("api/nothing-here")]
    public async Task Unknown_ids_and_paths_answer_404(string url)
    {
        var (status, body) = await Http.GetJson(url);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.False(string.IsNullOrEmpty(body.Str("error")));
    }

    [StoreFact]
    public async Task Sql_looking_values_are_data_not_sql()
    {
        var before = await Http.Ok("api/health");
        // Free-text place: passed as a parameter, so it matches no place rather than every row.
        var place = await Http.Ok("api/events?place=x%27%20OR%20%271%27%3D%271");
        Assert.Equal(0, place.GetProperty("total").GetInt64());
        var drop = await Http.Ok("api/events?place=%27%3B%20DROP%20TABLE%20events%3B%20--");
        Assert.Equal(0, drop.GetProperty("total").GetInt64());
        await Http.GetJson("api/documents/%27%3B%20DELETE%20FROM%20documents%3B%20--");
        var after = await Http.Ok("api/health");
        Assert.Equal(before.GetProperty("events").GetInt64(), after.GetProperty("events").GetInt64());
        Assert.Equal(before.GetProperty("documents").GetInt64(), after.GetProperty("documents").GetInt64());
    }

    [StoreFact]
    public async Task Event_by_mention_id_shows_its_reports_with_spans_into_the_sentence()
    {
        // Given the IRGC attack mention, when its event is asked for by the mention id,
        var detail = await Http.Ok($"api/events/{StoreFixture.IrgcMention}");
        var e = detail.GetProperty("event");
        Assert.Equal("IRNMIL", e.GetProperty("source").Str("code"));
        Assert.Equal("USA", e.GetProperty("target").Str("code"));
        Assert.Equal("19", e.Str("root"));
        Assert.InRange(e.Str("date")!, "2020-01-03", "2020-01-08"); // the article's week (the coder may date it from "Tuesday night")
        var mentions = detail.GetProperty("mentions").EnumerateArray().ToList();
        Assert.Equal(e.GetProperty("num_mentions").GetInt32(), mentions.Count);
        // then the reports include it, and source, target and trigger spans cut their own words out of the sentence.
        var m = Assert.Single(mentions, x => x.Str("id") == StoreFixture.IrgcMention);
        var sentence = m.Str("text")!;
        var at = m.GetProperty("text_span")[0].GetInt32();
        Assert.Equal("Islamic Revolutionary Guard Corps", Cut(sentence, at, m.GetProperty("source").GetProperty("span")));
        Assert.Equal("American", Cut(sentence, at, m.GetProperty("target").GetProperty("span")));
        Assert.Equal("attacked", Cut(sentence, at, m.GetProperty("trigger").GetProperty("span")));
        Assert.Equal("Iranian media", m.GetProperty("attributed_to").Str("text"));

        // and the event is also found by its own id.
        var again = await Http.Ok($"api/events/{e.Str("id")}");
        Assert.Equal(e.Str("id"), again.GetProperty("event").Str("id"));

        static string Cut(string sentence, int at, JsonElement span) => sentence[(span[0].GetInt32() - at)..(span[1].GetInt32() - at)];
    }

    [StoreFact]
    public async Task Document_has_its_text_and_every_mention_span_points_into_it()
    {
        var doc = await Http.Ok($"api/documents/{StoreFixture.SampleDocId}");
        Assert.Equal("2020-01-08", doc.Str("date"));
        Assert.StartsWith("Iran strikes US bases", doc.Str("title"), StringComparison.Ordinal);
        var text = doc.Str("text")!;
        var mentions = doc.GetProperty("mentions").EnumerateArray().ToList();
        Assert.Equal(doc.GetProperty("event_count").GetInt32(), mentions.Count);
        Assert.True(mentions.Count >= 20, $"{mentions.Count} mentions");
        foreach (var m in mentions)
        {
            var s = m.GetProperty("text_span");
            Assert.Equal(m.Str("text"), text[s[0].GetInt32()..s[1].GetInt32()]);
            var t = m.GetProperty("trigger").GetProperty("span");
            Assert.Equal(m.GetProperty("trigger").Str("text"), text[t[0].GetInt32()..t[1].GetInt32()]);
            foreach (var side in new[] { "source", "target" })
            {
                var a = m.GetProperty(side);
                if (a.ValueKind == JsonValueKind.Object && a.GetProperty("span").ValueKind == JsonValueKind.Array)
                {
                    Assert.Equal(a.Str("text"), text[a.GetProperty("span")[0].GetInt32()..a.GetProperty("span")[1].GetInt32()]);
                }
            }
            Assert.False(string.IsNullOrEmpty(m.Str("event_id")));
        }
        // A Wikinews document carries its title from the batch.
        var wiki = await Http.Ok("api/documents/wikinews-Magnitogorsk_apartment_building_collapses_after_explosion%2C_dozens_dead");
        Assert.Equal("Magnitogorsk apartment building collapses after explosion, dozens dead", wiki.Str("title"));
    }

    [StoreTheory]
    [InlineData("day", 1)]
    [InlineData("week", 7)]
    [InlineData("month", 0)]
    public async Task Series_covers_every_dated_event_in_contiguous_periods(string by, int step)
    {
        var series = await Http.Ok($"api/series?by={by}");
        Assert.Equal(by, series.Str("by"));
        var items = series.Items().ToList();
        Assert.Equal(Scalar("SELECT count(*) FROM events WHERE date IS NOT NULL"), items.Sum(i => i.GetProperty("events").GetInt64()));
        DateOnly? previous = null;
        foreach (var i in items)
        {
            var period = DateOnly.Parse(i.Str("period")!, System.Globalization.CultureInfo.InvariantCulture);
            var quads = i.GetProperty("quad1").GetInt64() + i.GetProperty("quad2").GetInt64() + i.GetProperty("quad3").GetInt64() + i.GetProperty("quad4").GetInt64();
            Assert.InRange(quads, 0, i.GetProperty("events").GetInt64()); // incidents have no quad class
            if (previous is { } p)
            {
                Assert.Equal(step == 0 ? p.AddMonths(1) : p.AddDays(step), period);
            }
            if (by == "week")
            {
                Assert.Equal(DayOfWeek.Monday, period.DayOfWeek);
            }
            previous = period;
        }
        Assert.Contains(items, i => i.GetProperty("events_per_1000_documents").ValueKind == JsonValueKind.Number);
        Assert.Equal(Scalar("SELECT count(*) FROM events WHERE date IS NOT NULL AND quad_class = 4"), items.Sum(i => i.GetProperty("quad4").GetInt64()));
    }

    [StoreFact]
    public async Task Series_for_a_country_is_a_share_of_all_events()
    {
        var items = (await Http.Ok("api/series?by=month&country=USA")).Items().ToList();
        Assert.NotEmpty(items);
        Assert.All(items.Where(i => i.GetProperty("events").GetInt64() > 0), i => Assert.InRange(i.GetProperty("share").GetDouble(), 0.0, 1.0));
        Assert.Contains(items, i => i.GetProperty("share").ValueKind == JsonValueKind.Number && i.GetProperty("share").GetDouble() < 1.0);
    }

    [StoreFact]
    public async Task Dyads_most_events_first_and_by_actor_has_the_irgc_attack()
    {
        var countries = (await Http.Ok("api/dyads")).Items().ToList();
        Assert.NotEmpty(countries);
        var counts = countries.Select(d => d.GetProperty("events").GetInt64()).ToList();
        Assert.Equal(counts.OrderDescending(), counts);
        var foreign = (await Http.Ok("api/dyads?domestic=false&limit=500")).Items().ToList();
        Assert.All(foreign, d => Assert.NotEqual(d.Str("source"), d.Str("target")));
        var actors = (await Http.Ok("api/dyads?level=actor&limit=500")).Items().ToList();
        Assert.Contains(actors, d => d.Str("source") == "IRNMIL" && d.Str("target") == "USA");
        Assert.Equal(Scalar("SELECT count(*) FROM events WHERE source_country IS NOT NULL AND target_country IS NOT NULL"),
            (await Http.Ok("api/dyads?limit=500")).Items().Sum(d => d.GetProperty("events").GetInt64()));
    }

    [StoreFact]
    public async Task Places_put_every_event_with_a_country_on_the_map()
    {
        var places = await Http.Ok("api/places?limit=5000");
        var items = places.Items().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, p =>
        {
            Assert.InRange(p.GetProperty("lat").GetDouble(), -90, 90);
            Assert.InRange(p.GetProperty("lon").GetDouble(), -180, 180);
        });
        Assert.Equal(Scalar("SELECT count(*) FROM events"), items.Sum(p => p.GetProperty("events").GetInt64()) + places.GetProperty("unplaced").GetInt64());
        var iran = Assert.Single(items, p => p.Str("country") == "IRN" && p.Str("precision") == "country");
        Assert.InRange(iran.GetProperty("lat").GetDouble(), 25, 40); // inside Iran
        Assert.InRange(iran.GetProperty("lon").GetDouble(), 44, 63);
    }

    [StoreFact]
    public async Task Summary_totals_agree_with_the_events_list()
    {
        var summary = await Http.Ok("api/summary");
        Assert.Equal(Scalar("SELECT count(*) FROM events"), summary.GetProperty("events").GetInt64());
        Assert.Equal(Scalar("SELECT count(*) FROM mentions"), summary.GetProperty("mentions").GetInt64());
        Assert.Equal(Scalar("SELECT count(DISTINCT doc_id) FROM mentions"), summary.GetProperty("documents").GetInt64());
        var quads = summary.GetProperty("by_quad_class").EnumerateObject().Sum(q => q.Value.GetInt64());
        Assert.Equal(Scalar("SELECT count(*) FROM events WHERE quad_class IS NOT NULL"), quads);
        var filtered = await Http.Ok("api/summary?quad_class=4");
        Assert.Equal((await Http.Ok("api/events?quad_class=4&limit=1")).GetProperty("total").GetInt64(), filtered.GetProperty("events").GetInt64());
        Assert.Contains(summary.GetProperty("by_country").EnumerateArray(), c => c.Str("country") == "USA");
    }

    [StoreFact]
    public async Task Alerts_answer_a_list_with_the_rule_behind_each()
    {
        var alerts = await Http.Ok("api/alerts?by=week");
        Assert.Equal("week", alerts.Str("by"));
        foreach (var a in alerts.Items())
        {
            Assert.False(string.IsNullOrEmpty(a.Str("message")));
            Assert.True(a.GetProperty("value").GetDouble() > a.GetProperty("threshold").GetDouble());
        }
    }

    [StoreFact]
    public async Task Dashboard_is_served_from_the_assembly_with_its_assets()
    {
        using var page = await Http.GetAsync("");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<title>Casus", html, StringComparison.Ordinal);
        var script = System.Text.RegularExpressions.Regex.Match(html, "src=\"\\./(assets/[^\"]+\\.js)\"").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(script), "index.html names no script bundle");
        using var js = await Http.GetAsync(script);
        Assert.Equal(HttpStatusCode.OK, js.StatusCode);
        Assert.Equal("text/javascript", js.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", js.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal); // nothing loaded from a CDN
        using var countries = await Http.GetAsync("countries.json");
        Assert.Equal(HttpStatusCode.OK, countries.StatusCode);
        using var missing = await Http.GetAsync("no/such/file.js");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
