using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using WasmMarshal.Allocation;
using WasmMarshal.Diagnostics;
using WasmMarshal.Extensions.Hosting;
using Xunit;
using Xunit.Abstractions;

namespace WebPlugins.Tests;

/// <summary>The sample as the tests run it: no console exporter (it would print every guest call).</summary>
public sealed class WebPluginsFactory : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseSetting("Telemetry:Console", "false");
}

/// <summary>
/// The sample through real HTTP on the in-memory test server: a bounded load of concurrent clients, every answer
/// checked against counts the test put into the text, a trapping plugin answered 500 meanwhile, and every argument
/// buffer back in the host heap afterwards.
/// </summary>
public sealed class WebPluginsTests : IClassFixture<WebPluginsFactory>
{
    private const int Clients = 8;
    private const int RequestsPerClient = 25;

    private readonly WebPluginsFactory _factory;
    private readonly ITestOutputHelper _output;

    public WebPluginsTests(WebPluginsFactory factory, ITestOutputHelper output)
    {
        _factory = factory;
        _output = output;
    }

    /// <summary>
    /// Three words per request, unique to the client and request, with counts 4 + request % 3, 3 and 1 (so the order is
    /// fixed without ties), shuffled into one text.
    /// </summary>
    private static (string Text, WordResult[] Expected) Request(int client, int request)
    {
        var expected = new[]
        {
            new WordResult($"a{client}x{request}", 4 + request % 3),
            new WordResult($"b{client}x{request}", 3),
            new WordResult($"c{client}x{request}", 1),
        };
        var words = expected.SelectMany(w => Enumerable.Repeat(w.Word, w.Count)).ToList();
        var random = new Random(client * 1000 + request);
        var text = string.Join(" ", words.OrderBy(_ => random.Next()).Select((w, i) => i % 2 == 0 ? w.ToUpperInvariant() : w));
        return (text, expected);
    }

    [Fact]
    public async Task Concurrent_clients_get_correct_answers_a_trapping_plugin_gets_500s_and_no_buffer_leaks()
    {
        var faultyStatuses = new List<HttpStatusCode>();
        var latencies = new List<double>();
        // Made here, one after the other: WebApplicationFactory starts its server on the first CreateClient, and clients
        // created concurrently race to start several servers (each with its own pools) behind one factory.
        var https = Enumerable.Range(0, Clients).Select(_ => _factory.CreateClient()).ToArray();
        var watch = Stopwatch.StartNew();
        var clients = Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
        {
            using var http = https[client];
            var mine = new List<double>();
            for (int request = 0; request < RequestsPerClient; request++)
            {
                var (text, expected) = Request(client, request);
                var started = Stopwatch.GetTimestamp();
                using var response = await http.PostAsync("/words?limit=5", new StringContent(text, Encoding.UTF8, "text/plain"));
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var words = await response.Content.ReadFromJsonAsync<WordResult[]>();
                Assert.Equal(expected, words);

                if (client == 0 && request % 5 == 0)
                {
                    using var faulty = await http.GetAsync("/faulty");
                    lock (faultyStatuses)
                    {
                        faultyStatuses.Add(faulty.StatusCode);
                    }

                    Assert.Contains("WasmTrapException", await faulty.Content.ReadAsStringAsync());
                }
            }

            lock (latencies)
            {
                latencies.AddRange(mine);
            }
        })).ToArray();
        await Task.WhenAll(clients);
        watch.Stop();

        Assert.Equal(Clients * RequestsPerClient, latencies.Count);
        Assert.Equal(RequestsPerClient / 5, faultyStatuses.Count);
        Assert.All(faultyStatuses, status => Assert.Equal(HttpStatusCode.InternalServerError, status));

        // Every instance of the pool, idle now: its host heap holds no argument buffer any more.
        var host = _factory.Services.GetRequiredKeyedService<WasmGuestHost>("words");
        Assert.Equal(0, host.Pool.RentedCount);
        Assert.Equal(0, host.Pool.Discarded); // the faulty plugin's traps did not touch this pool
        var leases = Enumerable.Range(0, host.Pool.MaxSize).Select(_ => host.Rent()).ToList();
        try
        {
            foreach (var lease in leases)
            {
                var statistics = ((IReportsStatistics)lease.Guest.Allocator).GetStatistics();
                Assert.Equal(0, statistics.LiveAllocations);
                Assert.Equal(0UL, statistics.BytesInUse);
            }

            long allocations = leases.Sum(l => ((IReportsStatistics)l.Guest.Allocator).GetStatistics().AllocationCount);
            // Every request went through these heaps: two buffers per TopWords call (the text and the return area).
            Assert.Equal(2L * Clients * RequestsPerClient, allocations);
        }
        finally
        {
            leases.ForEach(l => l.Dispose());
        }

        // The same through the allocator gauges, as an exporter sees them: every instance of the pool reads 0 bytes in
        // use (its last call released its buffers) after a peak above 0.
        var readings = ObserveAllocatorGauges("words");
        Assert.NotEmpty(readings.InUse);
        Assert.All(readings.InUse, bytes => Assert.Equal(0, bytes));
        Assert.Equal(readings.InUse.Count, readings.Peak.Count);
        Assert.All(readings.Peak, bytes => Assert.True(bytes > 0));

        latencies.Sort();
        _output.WriteLine($"WebPlugins load (test server, Debug, not a benchmark): {latencies.Count} requests from {Clients} clients " +
            $"in {watch.Elapsed.TotalSeconds:0.00} s ({latencies.Count / watch.Elapsed.TotalSeconds:0} req/s), " +
            $"p50 {WordLoad.Percentile(latencies, 0.50):0.00} ms, p99 {WordLoad.Percentile(latencies, 0.99):0.00} ms");
    }

    /// <summary>One reading of the allocator gauges for the guests named <paramref name="guest"/>, through a MeterListener.</summary>
    private static (List<long> InUse, List<long> Peak) ObserveAllocatorGauges(string guest)
    {
        var inUse = new List<long>();
        var peak = new List<long>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == WasmMarshalTelemetry.Name &&
                    instrument.Name is WasmMarshalTelemetry.AllocatorMemoryInUseInstrument or WasmMarshalTelemetry.AllocatorMemoryPeakInstrument)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == WasmMarshalTelemetry.GuestTag && (string?)tag.Value == guest)
                {
                    (instrument.Name == WasmMarshalTelemetry.AllocatorMemoryInUseInstrument ? inUse : peak).Add(value);
                }
            }
        });
        listener.Start();
        listener.RecordObservableInstruments();
        return (inUse, peak);
    }

    [Fact]
    public async Task The_load_mode_checks_every_answer_and_reports_latency_percentiles()
    {
        var clients = Enumerable.Range(0, 3).Select(_ => _factory.CreateClient()).ToArray();
        var report = await WordLoad.RunAsync(clients, requestsPerClient: 10, faultyEvery: 4);
        _output.WriteLine(report.ToString());
        Assert.Equal(30, report.Requests);
        Assert.Equal(0, report.Wrong);
        Assert.Equal(3, report.FaultyCalls); // requests 0, 4 and 8 of client 0
        Assert.Equal(3, report.FaultyAnswered500);
        Assert.InRange(report.P50Milliseconds, double.Epsilon, report.P99Milliseconds);
        Assert.True(report.RequestsPerSecond > 0);

        // The checker can fail: a client whose requests all miss the endpoint gets every answer counted wrong.
        using var astray = _factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost/nowhere/") });
        var missed = await WordLoad.RunAsync([astray], requestsPerClient: 3);
        Assert.Equal(3, missed.Wrong);
        Array.ForEach(clients, c => c.Dispose());
    }

    [Fact]
    public void Percentiles_are_nearest_rank()
    {
        double[] sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        Assert.Equal(5, WordLoad.Percentile(sorted, 0.50));
        Assert.Equal(10, WordLoad.Percentile(sorted, 0.99));
        Assert.Equal(1, WordLoad.Percentile(sorted, 0.01));
        Assert.Equal(7, WordLoad.Percentile([7], 0.99));
    }

    [Fact]
    public async Task The_metrics_endpoint_serves_the_wasmmarshal_instruments_as_prometheus_text()
    {
        using var http = _factory.CreateClient();
        using (var words = await http.PostAsync("/words?limit=1", new StringContent("b a b", Encoding.UTF8, "text/plain")))
        {
            Assert.Equal(HttpStatusCode.OK, words.StatusCode);
        }

        using (var faulty = await http.GetAsync("/faulty"))
        {
            Assert.Equal(HttpStatusCode.InternalServerError, faulty.StatusCode);
        }

        // The exporter caches a scrape for a moment; ask until it shows both calls.
        string text = "";
        for (int attempt = 0; attempt < 20 && !text.Contains("wasmmarshal_guest_failures_total", StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(attempt == 0 ? 0 : 200);
            text = await http.GetStringAsync("/metrics");
        }

        Assert.Contains("wasmmarshal_guest_calls_total{", text);
        Assert.Contains("wasmmarshal_method=\"ITextPlugin.TopWords\"", text);
        Assert.Contains("wasmmarshal_guest_call_duration_seconds_bucket{", text);
        Assert.Contains("wasmmarshal_guest_fuel_consumed_total{", text); // the words plugin runs with fuel
        Assert.Contains("wasmmarshal_allocator_memory_in_use_bytes{", text);
        Assert.Contains("wasmmarshal_pool_leases_total{", text);
        Assert.Contains("wasmmarshal_failure_kind=\"trap\"", text);
    }

    [Fact]
    public async Task The_health_endpoint_instantiates_the_plugin_and_calls_its_probe()
    {
        using var http = _factory.CreateClient();
        using var response = await http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
