using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace NorthKoreaShadowWar.Cli.Explorer;

/// <summary>
/// The explorer's web server: Kestrel with a handful of minimal-API endpoints and the page's three files. Every
/// answer to a bad request is JSON with a message and status 4xx; an unexpected failure is a JSON 500 without details.
/// </summary>
internal sealed class ExplorerServer : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly WebApplication app;
    private readonly ExplorerRuns runs;

    private ExplorerServer(WebApplication app, ExplorerRuns runs, Uri url)
    {
        this.app = app;
        this.runs = runs;
        Url = url;
    }

    /// <summary>The address of the page, e.g. <c>http://127.0.0.1:5080/</c>.</summary>
    public Uri Url { get; }

    /// <summary>Starts listening; returns once the server accepts requests.</summary>
    /// <exception cref="IOException">The address cannot be bound (the port is in use).</exception>
    public static async Task<ExplorerServer> StartAsync(ExplorerOptions options, CancellationToken cancellation = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, QuietLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = ExplorerOptions.MaxRequestBodyBytes;
            kestrel.Limits.MaxConcurrentConnections = 64;
            kestrel.Listen(options.Address, options.Port);
        });
        var app = builder.Build();
        var runs = new ExplorerRuns(options);
        app.Use((context, next) => Guard(context, next, options));
        MapPage(app);
        app.MapGet("/api/scenarios", Answering(_ => Task.FromResult(runs.Scenarios())));
        app.MapGet("/api/scenario", Answering(context =>
            Task.FromResult(runs.Describe(context.Request.Query["file"].FirstOrDefault(), Blank(context.Request.Query["variant"].FirstOrDefault())))));
        app.MapPost("/api/run", Answering(async context => await runs.RunAsync(await ReadRequest(context), context.RequestAborted)));
        app.MapPost("/api/trace", Answering(async context => runs.Trace(await ReadRequest(context))));
        app.MapFallback(context => Write(context, 404, new { error = $"nothing at {context.Request.Path}" }));
        await app.StartAsync(cancellation);
        if (options.DefaultScenario is { } first) _ = Warm(runs, first, options.Evidence.Count > 0 ? options.Evidence[0].Name : null);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ExplorerServer(app, runs, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        runs.Dispose();
    }

    /// <summary>
    /// Runs the first scenario once in the background (and conditions it on the first evidence file given, which the
    /// page starts with), so that the page's first update finds it compiled, its result kept and the simulator's code
    /// already optimised. A problem is left for the page to report.
    /// </summary>
    private static async Task Warm(ExplorerRuns runs, string scenario, string? evidence)
    {
        try
        {
            await runs.RunAsync(new ExplorerRequest { Scenario = scenario }, CancellationToken.None);
            if (evidence is not null) await runs.RunAsync(new ExplorerRequest { Scenario = scenario, Evidence = evidence }, CancellationToken.None);
        }
        catch (ExplorerRequestException)
        {
            // The page shows the same message when it asks.
        }
    }

    private static void MapPage(WebApplication app)
    {
        foreach (var (route, resource, type) in new[]
                 {
                     ("/", "index.html", "text/html; charset=utf-8"),
                     ("/explorer.js", "explorer.js", "text/javascript; charset=utf-8"),
                     ("/explorer.css", "explorer.css", "text/css; charset=utf-8"),
                 })
        {
            app.MapGet(route, async context =>
            {
                await using var stream = typeof(ExplorerServer).Assembly.GetManifestResourceStream("explorer/" + resource)!;
                context.Response.ContentType = type;
                context.Response.Headers.CacheControl = "no-cache";
                await stream.CopyToAsync(context.Response.Body, context.RequestAborted);
            });
        }
    }

    /// <summary>
    /// Checks every request before it is served: the page sets a strict content policy; a server bound to loopback
    /// answers only requests addressed to a loopback name (so a web page elsewhere cannot reach it by rebinding its own
    /// name to 127.0.0.1); and failures are answered in JSON.
    /// </summary>
    private static async Task Guard(HttpContext context, RequestDelegate next, ExplorerOptions options)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        if (options.LoopbackOnly && context.Request.Host.Host is not ("127.0.0.1" or "localhost" or "[::1]" or "::1"))
        {
            await Write(context, 400, new { error = $"this explorer answers only requests to 127.0.0.1 or localhost, not to '{context.Request.Host.Host}'" });
            return;
        }
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e)
        {
            if (!context.Response.HasStarted) await Write(context, e.StatusCode, new { error = e.StatusCode == 413 ? $"the request is larger than {ExplorerOptions.MaxRequestBodyBytes / 1024} KiB" : e.Message });
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The page gave up on this request (a newer change replaced it); nobody reads the answer.
        }
        catch (Exception e)
        {
            await Console.Error.WriteLineAsync($"shadowwar serve: {context.Request.Method} {context.Request.Path} failed: {e.GetType().Name}: {e.Message}");
            if (!context.Response.HasStarted) await Write(context, 500, new { error = "the explorer failed on this request; the terminal running it shows why" });
        }
    }

    /// <summary>An endpoint that answers with what <paramref name="action"/> returns, or with the problem it reports.</summary>
    private static RequestDelegate Answering(Func<HttpContext, Task<object>> action) => context => Answer(context, action);

    private static async Task Answer(HttpContext context, Func<HttpContext, Task<object>> action)
    {
        object body;
        try
        {
            body = await action(context);
        }
        catch (ExplorerRequestException e)
        {
            await Write(context, e.StatusCode, new { error = e.Message, diagnostics = e.Diagnostics, field = e.Field });
            return;
        }
        await Write(context, 200, body);
    }

    private static async Task<ExplorerRequest> ReadRequest(HttpContext context)
    {
        if (!context.Request.HasJsonContentType())
            throw new ExplorerRequestException(415, "send the request as JSON (Content-Type: application/json)");
        try
        {
            return await JsonSerializer.DeserializeAsync<ExplorerRequest>(context.Request.Body, Json, context.RequestAborted)
                   ?? throw new ExplorerRequestException(400, "the request body is empty; send a JSON object");
        }
        catch (JsonException e)
        {
            throw new ExplorerRequestException(400, $"the request is not the JSON expected: {e.Message}");
        }
    }

    private static Task Write(HttpContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsJsonAsync(body, Json, context.RequestAborted);
    }

    private static string? Blank(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
