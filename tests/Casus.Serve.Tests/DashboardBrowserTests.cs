using System.Globalization;
using Casus.Serve.Tests.Support;
using OpenQA.Selenium;
using Xunit.Abstractions;

namespace Casus.Serve.Tests;

/// <summary>
/// The dashboard in real headless Chromium over the sample article and the Wikinews batch: what a person sees.
/// Screenshots are kept in the test output directory (<c>screenshots/</c>).
/// </summary>
[Collection(ServedStore.Name)]
public sealed class DashboardBrowserTests(StoreFixture store, ITestOutputHelper output)
{
    [BrowserFact]
    public async Task A_person_sees_totals_timeline_map_network_and_the_evidence_of_the_irgc_attack()
    {
        var summary = await store.Http.Ok("api/summary");
        var irgcDate = (await store.Http.Ok($"api/events/{StoreFixture.IrgcMention}")).GetProperty("event").Str("date")!;
        var totalEvents = summary.GetProperty("events").GetInt64();
        using var driver = Browser.Start();
        driver.Navigate().GoToUrl(store.BaseAddress);
        Browser.WaitReady(driver);

        // Totals in the header are the store's.
        Assert.Equal(totalEvents.ToString("N0", CultureInfo.InvariantCulture), driver.FindElement(By.Id("total-events")).Text);
        Assert.Equal(summary.GetProperty("documents").GetInt64().ToString("N0", CultureInfo.InvariantCulture), driver.FindElement(By.Id("total-documents")).Text);
        Assert.Equal($"{summary.Str("first_date")} – {summary.Str("last_date")}", driver.FindElement(By.Id("total-dates")).Text);

        // The timeline draws bars on both sides of the axis, the map has markers on drawn countries, the network has nodes.
        var bars = driver.FindElements(By.CssSelector("#timeline rect.bar"));
        Assert.True(bars.Count >= 20, $"{bars.Count} timeline bars");
        Assert.NotEmpty(driver.FindElements(By.CssSelector("#timeline rect.bar.q4")));
        Assert.NotEmpty(driver.FindElements(By.CssSelector("#timeline rect.bar.q1")));
        Assert.True(driver.FindElements(By.CssSelector("#map path.country")).Count > 100, "the world map has no countries");
        var markers = driver.FindElements(By.CssSelector("#map circle.marker"));
        Assert.True(markers.Count >= 10, $"{markers.Count} map markers");
        Assert.Contains(markers, m => m.GetAttribute("data-country") == "IRN" && double.Parse(m.GetAttribute("r") ?? "0", CultureInfo.InvariantCulture) > 2);
        Assert.True(driver.FindElements(By.CssSelector("#network g.node")).Count >= 5, "the dyad network has too few nodes");
        Assert.Equal(25, driver.FindElements(By.CssSelector("#events tbody tr.event")).Count);
        Assert.Contains($"of {totalEvents.ToString("N0", CultureInfo.InvariantCulture)}", driver.FindElement(By.Id("page-info")).Text, StringComparison.Ordinal);
        output.WriteLine($"overview screenshot: {Browser.Save(driver, "dashboard.png")}");

        // Filters change the table: Iran as a country, then root 19 (fight).
        Choose(driver, "country", "IRN");
        Browser.WaitReady(driver);
        var iranTotal = PageTotal(driver);
        Assert.True(iranTotal < totalEvents, "the country filter did not narrow the table");
        Choose(driver, "root", "19");
        Browser.WaitReady(driver);
        Assert.True(PageTotal(driver) < iranTotal, "the root filter did not narrow the table");
        var rows = driver.FindElements(By.CssSelector("#events tbody tr.event"));
        Assert.All(rows, r => Assert.Equal("19", r.GetAttribute("data-root")));
        Assert.Contains("country=IRN", driver.Url, StringComparison.Ordinal);

        // The table lists the IRGC attack (IRNMIL -> USA, root 19); clicking it shows its evidence, highlighted.
        var irgc = Assert.Single(rows, r => r.GetAttribute("data-source") == "IRNMIL" && r.GetAttribute("data-target") == "USA");
        Assert.StartsWith(irgcDate, irgc.Text, StringComparison.Ordinal);
        irgc.Click();
        var panel = Browser.Until(driver, d => d.FindElements(By.CssSelector("#detail:not([hidden]) article.report")).FirstOrDefault(), "the evidence panel");
        var report = driver.FindElements(By.CssSelector("#detail article.report")).First(a => a.GetAttribute("data-mention") == StoreFixture.IrgcMention);
        var evidence = report.FindElement(By.CssSelector("blockquote.evidence"));
        Assert.StartsWith("Iranian media reported Tuesday night", evidence.Text, StringComparison.Ordinal);
        Assert.Equal("Islamic Revolutionary Guard Corps", evidence.FindElement(By.CssSelector("mark.source")).Text);
        Assert.Equal("American", evidence.FindElement(By.CssSelector("mark.target")).Text);
        Assert.Equal("attacked", evidence.FindElement(By.CssSelector("mark.trigger")).Text);
        var codes = driver.FindElement(By.CssSelector("#detail dl.codes")).Text;
        Assert.Contains("IRNMIL", codes, StringComparison.Ordinal);
        Assert.Contains("PLOVER ASSAULT", codes, StringComparison.Ordinal);
        Assert.Contains("-10.0", codes, StringComparison.Ordinal);
        Assert.True(panel.Displayed);
        output.WriteLine($"evidence screenshot: {Browser.Save(driver, "dashboard-evidence.png")}");

        // The whole document opens with the event's words marked in place.
        report.FindElement(By.CssSelector("a.open-doc")).Click();
        var focus = Browser.Until(driver, d => d.FindElements(By.CssSelector("#detail .document-text mark.trigger.focus")).FirstOrDefault(), "the document view");
        Assert.Equal("attacked", focus.Text);
        Assert.Contains("Iran strikes US bases", driver.FindElement(By.CssSelector("#detail h2")).Text, StringComparison.Ordinal);

        // Clearing the filters brings every event back.
        driver.FindElement(By.Id("detail-close")).Click();
        driver.FindElement(By.Id("reset")).Click();
        Browser.WaitReady(driver);
        Assert.Equal(totalEvents, PageTotal(driver));
    }

    [BrowserFact]
    public void A_shared_link_opens_with_its_filters_and_event()
    {
        using var driver = Browser.Start(1280, 1000);
        driver.Navigate().GoToUrl(new Uri(store.BaseAddress, $"#quad_class=4&event={StoreFixture.IrgcMention}"));
        Browser.WaitReady(driver);
        Assert.Equal("4", driver.FindElement(By.CssSelector("select[name=quad_class]")).GetDomProperty("value"));
        Assert.All(driver.FindElements(By.CssSelector("#events tbody tr.event")), r => Assert.Equal("4", r.GetAttribute("data-quad")));
        var trigger = Browser.Until(driver, d => d.FindElements(By.CssSelector("#detail:not([hidden]) blockquote.evidence mark.trigger")).FirstOrDefault(), "the event named in the link");
        Assert.Equal("attacked", trigger.Text);
    }

    /// <summary>Picks an option of a filter drop-down the way a person does: open it and click the option.</summary>
    private static void Choose(IWebDriver driver, string name, string value)
    {
        var select = driver.FindElement(By.CssSelector($"select[name={name}]"));
        select.Click();
        select.FindElement(By.CssSelector($"option[value='{value}']")).Click();
    }

    private static long PageTotal(IWebDriver driver)
    {
        var text = driver.FindElement(By.Id("page-info")).Text; // "1–25 of 808"
        return long.Parse(text[(text.LastIndexOf(' ') + 1)..], NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
    }
}
