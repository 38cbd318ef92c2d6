using System.Diagnostics;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Casus.Serve.Tests.Support;

/// <summary>
/// Headless Chromium from Debian (<c>apt-get install -y chromium chromium-driver</c>) driven through chromedriver;
/// nothing is downloaded. Paths can be overridden with CASUS_CHROMIUM and CASUS_CHROMEDRIVER. When Chromium is absent
/// the browser tests fail saying how to install it, unless CASUS_SKIP_BROWSER=1 opts out (then they are skipped).
/// </summary>
internal static class Browser
{
    public static string Chromium => Environment.GetEnvironmentVariable("CASUS_CHROMIUM") is { Length: > 0 } c ? c : "/usr/bin/chromium";

    public static string Driver => Environment.GetEnvironmentVariable("CASUS_CHROMEDRIVER") is { Length: > 0 } d ? d : "/usr/bin/chromedriver";

    public static bool Installed => File.Exists(Chromium) && File.Exists(Driver);

    public static bool OptedOut => Environment.GetEnvironmentVariable("CASUS_SKIP_BROWSER") == "1";

    /// <summary>Where screenshots go: the test output directory.</summary>
    public static string ScreenshotDirectory => Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static ChromeDriver Start(int width = 1440, int height = 2200)
    {
        if (!Installed)
        {
            throw new InvalidOperationException(
                $"Chromium ({Chromium}) or chromedriver ({Driver}) is not installed: run 'apt-get install -y chromium chromium-driver' " +
                "(or set CASUS_CHROMIUM/CASUS_CHROMEDRIVER), or set CASUS_SKIP_BROWSER=1 to skip the browser tests.");
        }
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Driver)!, Path.GetFileName(Driver));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = Chromium };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", $"--window-size={width},{height}",
            "--force-device-scale-factor=1", "--lang=en-US", "--no-first-run", "--disable-extensions");
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    /// <summary>Waits until <paramref name="condition"/> holds, failing with <paramref name="what"/> after the timeout.</summary>
    public static T Until<T>(IWebDriver driver, Func<IWebDriver, T?> condition, string what, double seconds = 20)
    {
        var clock = Stopwatch.StartNew();
        Exception? last = null;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            try
            {
                var value = condition(driver);
                if (value is not null && (value is not bool b || b))
                {
                    return value;
                }
            }
            catch (WebDriverException e)
            {
                last = e;
            }
            Thread.Sleep(100);
        }
        var error = driver.FindElements(By.Id("error")).FirstOrDefault()?.Text;
        throw new TimeoutException($"timed out after {seconds} s waiting for {what}{(string.IsNullOrEmpty(error) ? "" : $"; the page says: {error}")}", last);
    }

    /// <summary>Waits until the dashboard has loaded every view for the current filters.</summary>
    public static void WaitReady(IWebDriver driver) =>
        Until(driver, d => d.FindElement(By.TagName("body")).GetAttribute("data-state") == "ready", "the dashboard to load (body[data-state=ready])");

    public static string Save(ITakesScreenshot driver, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var path = Path.Combine(ScreenshotDirectory, name);
        driver.GetScreenshot().SaveAsFile(path);
        return path;
    }
}

/// <summary>A browser test: needs the shared data; skipped only when CASUS_SKIP_BROWSER=1 and Chromium is absent.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!StoreFixture.Available)
        {
            Skip = StoreFixture.SkipReason;
        }
        else if (!Browser.Installed && Browser.OptedOut)
        {
            Skip = $"CASUS_SKIP_BROWSER=1 and Chromium is not installed ({Browser.Chromium})";
        }
    }
}
