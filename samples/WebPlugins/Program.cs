using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using WasmMarshal;
using WasmMarshal.Allocators;
using WasmMarshal.Diagnostics;
using WasmMarshal.Extensions.Hosting;
using WebPlugins;

// A plugin per request: every request scope rents one instance of the word-count plugin from a pool, calls it, and
// gives it back when the response is done. Run with `dotnet run --project samples/WebPlugins`, then
//   curl -X POST --data 'the cat and the dog' 'http://localhost:5000/words?limit=3'
//   curl http://localhost:5000/metrics
// `dotnet run --project samples/WebPlugins -c Release -- load [clients] [requests per client]` instead starts the
// app on a free loopback port, runs that load against it over HTTP, prints requests per second and p50/p99 latency,
// and exits (1 if any answer was wrong).
bool loadMode = args.Length > 0 && args[0] == "load";
int loadClients = loadMode && args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 8;
int loadRequests = loadMode && args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 500;
var builder = WebApplication.CreateBuilder(loadMode ? args[Math.Min(args.Length, 3)..] : args);
if (loadMode)
{
    builder.WebHost.UseUrls("http://127.0.0.1:0");
    builder.Logging.SetMinimumLevel(LogLevel.Warning); // no log line per request inside the measurement
}

// The WasmMarshal meter and activity source through OpenTelemetry: metrics scraped as Prometheus text at /metrics,
// and, unless Telemetry:Console is false (the tests and the load mode turn it off), metrics every 10 s and one trace
// line per guest call on the console.
bool consoleTelemetry = builder.Configuration.GetValue("Telemetry:Console", !loadMode);
builder.Services.AddOpenTelemetry()
    .ConfigureResource(resource => resource.AddService("WebPlugins"))
    .WithMetrics(metrics =>
    {
        metrics.AddMeter(WasmMarshalTelemetry.Name).AddPrometheusExporter();
        // The durations are in seconds; OpenTelemetry's default buckets (0 to 10 000) are made for milliseconds.
        double[] seconds = [0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
        metrics.AddView(WasmMarshalTelemetry.CallDurationInstrument, new ExplicitBucketHistogramConfiguration { Boundaries = seconds });
        metrics.AddView(WasmMarshalTelemetry.InstantiationDurationInstrument, new ExplicitBucketHistogramConfiguration { Boundaries = seconds });
        if (consoleTelemetry)
        {
            metrics.AddConsoleExporter((_, reader) => reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = 10_000);
        }
    })
    .WithTracing(tracing =>
    {
        // ASP.NET Core's own source too: each request's activity is then sampled, and its guest calls are its children
        // (the default sampler follows the parent, and drops every child of an unsampled request).
        tracing.AddSource(WasmMarshalTelemetry.Name, "Microsoft.AspNetCore");
        if (consoleTelemetry)
        {
            tracing.AddConsoleExporter();
        }
    });
builder.Services.AddSingleton<PluginLog>();
builder.Services.AddWasmGuest("words", options =>
{
    options.ModulePath = Path.Combine(AppContext.BaseDirectory, "plugins", "plugin_words.wasm");
    options.PoolSize = Math.Max(2, Environment.ProcessorCount);
    options.RentTimeout = TimeSpan.FromSeconds(10);
    options.Fuel = 200_000_000; // per request: a runaway plugin fails that request only
    // Arguments through a host heap inside the guest's memory, so that its statistics show every buffer came back.
    options.ConfigureGuest = (guest, services) => guest
        .Export<IPluginLog>(services.GetRequiredService<PluginLog>())
        .WithAllocator(GuestAllocatorSource.HostHeap(HostHeapRegion.GuestBlocks, 64 * 1024));
    options.HealthProbe = guest => guest.Import<ITextPlugin>().Name();
});
builder.Services.AddWasmImport<ITextPlugin>("words");
builder.Services.AddWasmGuest("faulty", options =>
{
    options.ModuleText = """(module (memory (export "memory") 1) (func (export "run") (result i32) unreachable))""";
    options.PoolSize = 2;
});
builder.Services.AddWasmImport<IFaultyPlugin>("faulty");
builder.Services.AddHealthChecks().AddWasmGuestCheck("words");

var app = builder.Build();

// A plugin that fails (trap, fuel, bad data) answers its own request with a 500; the pool discards that instance.
app.Use(async (context, next) =>
{
    try
    {
        await next(context);
    }
    catch (WasmCallException failure) when (!context.Response.HasStarted)
    {
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        await context.Response.WriteAsJsonAsync(new { error = failure.GetType().Name, method = failure.Method });
    }
});

app.MapPost("/words", async (HttpRequest request, ITextPlugin plugin, int? limit) =>
{
    using var reader = new StreamReader(request.Body);
    string text = await reader.ReadToEndAsync();
    return plugin.TopWords(text, limit ?? 10).Select(w => new WordResult(w.Text, w.Count)).ToArray();
});
app.MapGet("/faulty", (IFaultyPlugin plugin) => plugin.Run());
app.MapHealthChecks("/health");
app.MapPrometheusScrapingEndpoint(); // GET /metrics

if (!loadMode)
{
    app.Run();
    return 0;
}

await app.StartAsync();
string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = loadClients };
var clients = Enumerable.Range(0, loadClients).Select(_ => new HttpClient(handler, disposeHandler: false) { BaseAddress = new Uri(address + "/") }).ToArray();
// Warm-up, not measured: compiles the module (on first use) and fills the pool.
await WordLoad.RunAsync(clients, requestsPerClient: 20);
var report = await WordLoad.RunAsync(clients, loadRequests, faultyEvery: 50);
Console.WriteLine($"WebPlugins load over {address} ({Environment.ProcessorCount} cores): {report}");
await app.StopAsync();
return report.Wrong == 0 && report.FaultyAnswered500 == report.FaultyCalls ? 0 : 1;

/// <summary>The entry point, public for WebApplicationFactory in the tests.</summary>
public partial class Program;
