using Casus.Serve.Tests.Support;
using Xunit.Abstractions;

namespace Casus.Serve.Tests;

/// <summary>
/// The latency bench behind <c>casus serve-bench</c> on a small replicated store. Tests never depend on timing: this
/// checks that every main query runs and is measured; the figures come from <c>casus serve-bench</c> on real data.
/// </summary>
[Collection(ServedStore.Name)]
public sealed class BenchTests(StoreFixture store, ITestOutputHelper output)
{
    [StoreFact]
    public async Task The_bench_measures_every_main_query_on_a_replicated_store()
    {
        // Given the fixture store copied three times
        var path = Path.Combine(Path.GetDirectoryName(store.DbPath)!, "replicated.duckdb");
        var events = ServeBench.Replicate(store.DbPath, path, 3);
        Assert.True(events > 1_000, $"{events} events after replication");

        // When the bench runs against a server over it
        await using var server = await DashboardServer.StartAsync(new ServeOptions { DbPath = path, Port = 0 });
        var results = await ServeBench.RunAsync(server.BaseAddress, path, runs: 5);
        output.WriteLine($"{events:N0} merged events");
        output.WriteLine(ServeBench.Format(results));

        // Then each of the seven main queries has ordered percentiles
        Assert.Equal(7, results.Count);
        Assert.All(results, r => Assert.InRange(r.P50, 0, r.P95));
    }
}
