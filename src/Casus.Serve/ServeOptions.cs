namespace Casus.Serve;

/// <summary>Where <c>casus serve</c> reads and listens.</summary>
public sealed record ServeOptions
{
    /// <summary>The DuckDB event store (written by Casus.Store); it must exist.</summary>
    public required string DbPath { get; init; }

    /// <summary>TCP port; 0 picks a free one (see <see cref="DashboardServer.BaseAddress"/>).</summary>
    public int Port { get; init; } = 5080;

    /// <summary>Address to bind: loopback by default, so the store is not exposed to the network unless asked.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>Open connections to the store kept for concurrent requests (DuckDB connections are not thread-safe).</summary>
    public int Connections { get; init; } = Math.Max(2, Environment.ProcessorCount * 2);
}
