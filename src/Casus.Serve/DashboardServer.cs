using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Casus.Serve.Api;
using Casus.Serve.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Casus.Serve;

/// <summary>
/// <c>casus serve</c>: the JSON API (see <c>API.md</c>) and the dashboard over one event store, in one ASP.NET Core
/// process bound to loopback by default. Start with <see cref="StartAsync"/> (tests: port 0 and
/// <see cref="BaseAddress"/>) or run until cancelled with <see cref="RunAsync"/>.
/// </summary>
public sealed class DashboardServer : IAsyncDisposable
{
    /// <summary>JSON as the API writes it: snake_case, like the coder's records.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    private readonly WebApplication _app;
    private readonly StoreReader _reader;

    private DashboardServer(WebApplication app, StoreReader reader, Uri baseAddress)
    {
        _app = app;
        _reader = reader;
        BaseAddress = baseAddress;
    }

    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:5080/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Completes when the server has stopped.</summary>
    public Task Completion => _app.WaitForShutdownAsync();

    /// <summary>Serves until <paramref name="cancellationToken"/> is cancelled.</summary>
    public static async Task RunAsync(ServeOptions options, CancellationToken cancellationToken, Action<Uri>? started = null)
    {
        await using var server = await StartAsync(options, cancellationToken).ConfigureAwait(false);
        started?.Invoke(server.BaseAddress);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // asked to stop
        }
    }

    /// <summary>
    /// Opens the store (bringing its merged events up to date first when it can write), binds and starts serving.
    /// Throws <see cref="FileNotFoundException"/> when there is no store at <see cref="ServeOptions.DbPath"/> and
    /// <see cref="ArgumentException"/> for a host that is not an IP address or <c>localhost</c>.
    /// </summary>
    public static async Task<DashboardServer> StartAsync(ServeOptions options, CancellationToken cancellationToken = default, ILoggerProvider? logging = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!File.Exists(options.DbPath))
        {
            throw new FileNotFoundException($"no event store at '{options.DbPath}' (build one with casus ingest)", options.DbPath);
        }
        if (options.Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Port, "port must be 0..65535");
        }
        IPAddress? address = null;
        if (options.Host != "localhost" && !IPAddress.TryParse(options.Host, out address))
        {
            throw new ArgumentException($"host '{options.Host}' is not an IP address or localhost", nameof(options));
        }
        BringMergeUpToDate(options.DbPath);

        var assets = WebAssets.Load();
        var countries = assets.TryGet("countries.json", out var table) ? CountryPoints.Parse(table.Content, "countries.json (embedded)") : CountryPoints.Empty;
        var reader = new StoreReader(options.DbPath, countries);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "Casus.Serve", Args = [] });
        builder.Logging.ClearProviders();
        if (logging is not null)
        {
            builder.Logging.AddProvider(logging);
        }
        builder.WebHost.ConfigureKestrel(k =>
        {
            if (address is null)
            {
                k.ListenLocalhost(options.Port);
            }
            else
            {
                k.Listen(address, options.Port);
            }
            k.AddServerHeader = false;
        });
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonOptions.PropertyNamingPolicy;
            o.SerializerOptions.DefaultIgnoreCondition = JsonOptions.DefaultIgnoreCondition;
        });
        var app = builder.Build();
        Map(app, reader, assets, options.DbPath);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            reader.Dispose();
            throw;
        }
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var uri = new Uri(bound.EndsWith('/') ? bound : bound + "/");
        return new DashboardServer(app, reader, uri);
    }

    /// <summary>Stops serving and closes the store.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _reader.Dispose();
    }

    /// <summary>
    /// Merged events are derived from mentions; after an ingest they are stale until a merge. Serving is read-only,
    /// so the merge happens here, once, when the file can be opened for writing; when another process holds it, the
    /// events are served as its last merge left them.
    /// </summary>
    private static void BringMergeUpToDate(string path)
    {
        Casus.Store.EventStore store;
        try
        {
            store = Casus.Store.EventStore.Open(path);
        }
        catch (Exception e) when (e is DuckDB.NET.Data.DuckDBException or IOException)
        {
            return;
        }
        using (store)
        {
            store.EnsureMerged();
        }
    }

    private static void Map(WebApplication app, StoreReader reader, WebAssets assets, string dbPath)
    {
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context).ConfigureAwait(false);
            }
            catch (Exception e) when (!context.Response.HasStarted && e is not OperationCanceledException)
            {
                // A bug must answer as JSON with its message rather than as an empty 500.
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                await context.Response.WriteAsJsonAsync(new ErrorJson($"internal error: {e.GetType().Name}: {e.Message}", null), JsonOptions).ConfigureAwait(false);
            }
        });
        var api = app.MapGroup("/api");
        api.MapGet("/health", (HttpContext c) => Answer(c, q =>
        {
            var (documents, mentions, events, current) = reader.Counts();
            var version = typeof(DashboardServer).Assembly.GetName().Version?.ToString(3) ?? "0";
            return new HealthJson("ok", Path.GetFileName(dbPath), documents, mentions, events, current, version);
        }));
        api.MapGet("/summary", (HttpContext c) => Answer(c, q =>
        {
            var filter = ApiFilter.Read(q);
            return q.Finish() is null ? reader.Summary(filter) : null;
        }));
        api.MapGet("/events", (HttpContext c) => Answer(c, q =>
        {
            var filter = ApiFilter.Read(q);
            var limit = q.Int("limit", 100, 1, 1000);
            var offset = q.Int("offset", 0, 0, int.MaxValue);
            var sort = q.OneOf("sort", ["date", "-date", "goldstein", "-goldstein", "-mentions"], "-date") switch
            {
                "date" => EventSort.DateAscending,
                "goldstein" => EventSort.GoldsteinAscending,
                "-goldstein" => EventSort.GoldsteinDescending,
                "-mentions" => EventSort.MentionsDescending,
                _ => EventSort.DateDescending,
            };
            return q.Finish() is null ? reader.Events(filter, sort, limit, offset) : null;
        }));
        api.MapGet("/events/{id}", (HttpContext c, string id) => Answer(c, q =>
            q.Finish() is null ? (object?)reader.Event(id) ?? ApiError.NotFound("event or mention", id) : null));
        api.MapGet("/documents/{id}", (HttpContext c, string id) => Answer(c, q =>
            q.Finish() is null ? (object?)reader.Document(id) ?? ApiError.NotFound("document", id) : null));
        api.MapGet("/series", (HttpContext c) => Answer(c, q =>
        {
            var filter = ApiFilter.Read(q);
            var by = q.OneOf("by", ["day", "week", "month"], "week") switch
            {
                "day" => SeriesInterval.Day,
                "month" => SeriesInterval.Month,
                _ => SeriesInterval.Week,
            };
            if (by == SeriesInterval.Day && filter.From is { } f && filter.To is { } t && t.DayNumber - f.DayNumber > 3660)
            {
                q.Fail("by", "day over more than ten years: use week or month");
            }
            return q.Finish() is null ? reader.Series(filter, by) : null;
        }));
        api.MapGet("/dyads", (HttpContext c) => Answer(c, q =>
        {
            var filter = ApiFilter.Read(q);
            var level = q.OneOf("level", ["country", "actor"], "country");
            var domestic = q.Bool("domestic", true);
            var limit = q.Int("limit", 50, 1, 500);
            return q.Finish() is null ? reader.Dyads(filter, level == "actor", domestic, limit) : null;
        }));
        api.MapGet("/places", (HttpContext c) => Answer(c, q =>
        {
            var filter = ApiFilter.Read(q);
            var limit = q.Int("limit", 500, 1, 5000);
            return q.Finish() is null ? reader.Places(filter, limit) : null;
        }));
        api.MapGet("/alerts", (HttpContext c) => Answer(c, q =>
        {
            var filter = ApiFilter.Read(q);
            var by = q.OneOf("by", ["day", "week", "month"], "week") switch
            {
                "day" => SeriesInterval.Day,
                "month" => SeriesInterval.Month,
                _ => SeriesInterval.Week,
            };
            var group = q.OneOf("group", ["country", "dyad", "actor_dyad", "place", "total"], "country") switch
            {
                "dyad" => Casus.Store.SeriesGroup.Dyad,
                "actor_dyad" => Casus.Store.SeriesGroup.ActorDyad,
                "place" => Casus.Store.SeriesGroup.Place,
                "total" => Casus.Store.SeriesGroup.Total,
                _ => Casus.Store.SeriesGroup.Country,
            };
            var measure = q.OneOf("measure", ["conflict", "goldstein"], "conflict") == "goldstein" ? Casus.Store.AlertMeasure.NegativeGoldstein : Casus.Store.AlertMeasure.ConflictCount;
            var limit = q.Int("limit", 20, 1, 500);
            return q.Finish() is null ? reader.Alerts(filter, by, group, measure, limit) : null;
        }));

        app.MapGet("/{**path}", (HttpContext c, string? path) =>
        {
            if (!assets.TryGet(path ?? "", out var asset))
            {
                if (path?.StartsWith("api/", StringComparison.Ordinal) == true)
                {
                    return Results.Json(new ErrorJson($"no API endpoint {c.Request.Method} /{path}", null), JsonOptions, statusCode: 404);
                }
                if (!assets.HasDashboard && string.IsNullOrEmpty(path))
                {
                    return Results.Text("The dashboard was not built into this casus (built with CasusSkipWeb=true); the API is at /api/.", "text/plain", statusCode: 404);
                }
                return Results.NotFound();
            }
            var headers = c.Response.Headers;
            headers.ETag = asset.ETag;
            // Vite names bundles by content hash: cache them for good; revalidate the page and the country table.
            headers.CacheControl = path?.StartsWith("assets/", StringComparison.Ordinal) == true ? "public, max-age=31536000, immutable" : "no-cache";
            headers.XContentTypeOptions = "nosniff";
            if (c.Request.Headers.IfNoneMatch == asset.ETag)
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }
            return Results.Bytes(asset.Content, asset.ContentType);
        });
    }

    /// <summary>Runs a handler over the query; a null result means the reader recorded a 400.</summary>
    private static IResult Answer(HttpContext context, Func<QueryReader, object?> handler)
    {
        var q = new QueryReader(context.Request.Query);
        var result = handler(q);
        var error = q.Error ?? result as ApiError;
        if (error is not null)
        {
            return Results.Json(new ErrorJson(error.Message, error.Parameter), JsonOptions, statusCode: error.Status);
        }
        Debug.Assert(result is not null, "a handler returns null only after recording an error");
        return Results.Json(result, JsonOptions);
    }
}
