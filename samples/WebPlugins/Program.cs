using System;
using System.IO;
using System.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WasmMarshal;
using WasmMarshal.Allocators;
using WasmMarshal.Extensions.Hosting;
using WebPlugins;

// A plugin per request: every request scope rents one instance of the word-count plugin from a pool, calls it, and
// gives it back when the response is done. Run with `dotnet run --project samples/WebPlugins`, then
//   curl -X POST --data 'the cat and the dog' 'http://localhost:5000/words?limit=3'
var builder = WebApplication.CreateBuilder(args);
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

app.Run();

/// <summary>The entry point, public for WebApplicationFactory in the tests.</summary>
public partial class Program;
