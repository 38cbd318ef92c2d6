using System.Diagnostics;
using System.Text.Json;
using Casus.Reading.Tests.Support;
using Casus.Serve;
using Casus.Store;

namespace Casus.Serve.Tests.Support;

/// <summary>
/// A temporary event store built the way a user builds one: the coder's JSON Lines for the sample article
/// (<c>samples/iran-strikes-2020-01-08.txt</c>, dated 2020-01-08) and the Wikinews batch
/// (<c>data/news/wikinews_2019_2020.jsonl</c>), imported with their document texts by Casus.Store, then served on a free
/// loopback port. The coder's output comes from <c>CASUS_SERVE_FIXTURES</c> (a directory holding
/// <c>sample.events.jsonl</c> and <c>wikinews.events.jsonl</c>) when set, else from running <c>./casus code</c>.
/// Shared data is read in place; only the temporary store is written.
/// </summary>
public sealed class StoreFixture : IAsyncLifetime
{
    public const string Sample = "samples/iran-strikes-2020-01-08.txt";
    public const string Wikinews = "data/news/wikinews_2019_2020.jsonl";
    public const string SampleDocId = "iran-strikes-2020-01-08.txt";

    /// <summary>The coder's mention id of "the IRGC had attacked multiple American bases" (IRNMIL → USA, 190).</summary>
    public const string IrgcMention = "c195c97aaec772e7";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "casus-serve-tests-" + Guid.NewGuid().ToString("N")[..12]);
    private DashboardServer? _server;

    public static bool Available => SharedData.Exists(Sample) && SharedData.Exists(Wikinews);

    public string DbPath => Path.Combine(_directory, "events.duckdb");

    public Uri BaseAddress => _server?.BaseAddress ?? throw new InvalidOperationException(SkipReason);

    public HttpClient Http { get; private set; } = new();

    public static string SkipReason => $"shared data '{Sample}' or '{Wikinews}' not found (looked in {SharedData.Root ?? "../shared"})";

    public async Task InitializeAsync()
    {
        if (!Available)
        {
            return;
        }
        Directory.CreateDirectory(_directory);
        var (sampleEvents, wikinewsEvents) = await CoderOutputAsync();
        var sampleDocs = Path.Combine(_directory, "sample.documents.jsonl");
        var text = await File.ReadAllTextAsync(SharedData.PathOf(Sample));
        var title = text.Split('\n').Select(l => l.Trim()).First(l => l.Length > 0).TrimStart('#', ' ');
        await File.WriteAllTextAsync(sampleDocs, JsonSerializer.Serialize(new { id = SampleDocId, date = "2020-01-08", title, text }) + "\n");
        using (var store = EventStore.Open(DbPath))
        {
            store.ImportEventsJsonl(sampleEvents, sampleDocs);
            store.ImportEventsJsonl(wikinewsEvents, SharedData.PathOf(Wikinews));
            store.Merge(MergeSettings.Default);
        }
        _server = await DashboardServer.StartAsync(new ServeOptions { DbPath = DbPath, Port = 0 });
        Http = new HttpClient { BaseAddress = _server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    /// <summary>The coder's output for the sample and the Wikinews batch.</summary>
    private async Task<(string Sample, string Wikinews)> CoderOutputAsync()
    {
        var given = Environment.GetEnvironmentVariable("CASUS_SERVE_FIXTURES");
        if (!string.IsNullOrEmpty(given))
        {
            var s = Path.Combine(given, "sample.events.jsonl");
            var w = Path.Combine(given, "wikinews.events.jsonl");
            if (!File.Exists(s) || !File.Exists(w))
            {
                throw new FileNotFoundException($"CASUS_SERVE_FIXTURES={given} must hold sample.events.jsonl and wikinews.events.jsonl");
            }
            return (s, w);
        }
        var sample = Path.Combine(_directory, "sample.events.jsonl");
        var wikinews = Path.Combine(_directory, "wikinews.events.jsonl");
        await CodeAsync(sample, "--date", "2020-01-08", SharedData.PathOf(Sample));
        await CodeAsync(wikinews, SharedData.PathOf(Wikinews));
        return (sample, wikinews);
    }

    private static async Task CodeAsync(string output, params string[] args)
    {
        var launcher = Path.Combine(RepoRoot(), "casus");
        var start = new ProcessStartInfo("bash") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(launcher);
        start.ArgumentList.Add("code");
        start.ArgumentList.Add("-o");
        start.ArgumentList.Add(output);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{launcher} code {string.Join(' ', args)}' exited {process.ExitCode}: {await stderr}");
        }
    }

    private static string RepoRoot()
    {
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Casus.slnx")))
            {
                return d.FullName;
            }
        }
        throw new InvalidOperationException($"no Casus.slnx above {AppContext.BaseDirectory}");
    }
}

/// <summary>One server for all tests that need the fixture store (built once: coding the batch takes seconds).</summary>
[CollectionDefinition(Name)]
public sealed class ServedStore : ICollectionFixture<StoreFixture>
{
    public const string Name = "served store";
}

/// <summary>A fact that is skipped, saying why, when the shared data the fixture store is built from is absent.</summary>
public sealed class StoreFactAttribute : FactAttribute
{
    public StoreFactAttribute()
    {
        if (!StoreFixture.Available)
        {
            Skip = StoreFixture.SkipReason;
        }
    }
}

/// <summary>A theory skipped like <see cref="StoreFactAttribute"/>.</summary>
public sealed class StoreTheoryAttribute : TheoryAttribute
{
    public StoreTheoryAttribute()
    {
        if (!StoreFixture.Available)
        {
            Skip = StoreFixture.SkipReason;
        }
    }
}
