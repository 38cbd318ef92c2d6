using Casus.Serve.Commands;

namespace Casus.Serve.Tests;

public sealed class ServeCommandTests
{
    [Theory]
    [InlineData("no-such.duckdb", 5080, "127.0.0.1", "--db 'no-such.duckdb': no such file")]
    [InlineData(null, 70000, "127.0.0.1", "--port 70000")]
    [InlineData(null, 5080, "example.org", "--host 'example.org'")]
    public void Bad_settings_are_refused_with_the_option_named(string? db, int port, string host, string message)
    {
        var file = Path.GetTempFileName();
        try
        {
            var settings = new ServeCommand.Settings { Db = db ?? file, Port = port, Host = host };
            var result = settings.Validate();
            Assert.False(result.Successful);
            Assert.StartsWith(message, result.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Defaults_bind_loopback_on_5080()
    {
        var settings = new ServeCommand.Settings();
        Assert.Equal("127.0.0.1", settings.Host);
        Assert.Equal(5080, settings.Port);
        Assert.Equal("casus.duckdb", settings.Db);
    }

    [Fact]
    public async Task Starting_on_a_missing_store_says_which_file()
    {
        var e = await Assert.ThrowsAsync<FileNotFoundException>(() => DashboardServer.StartAsync(new ServeOptions { DbPath = "/nonexistent/x.duckdb", Port = 0 }));
        Assert.Contains("/nonexistent/x.duckdb", e.Message, StringComparison.Ordinal);
    }
}
