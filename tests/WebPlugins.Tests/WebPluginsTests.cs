using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using WasmMarshal.Allocation;
using WasmMarshal.Extensions.Hosting;
using Xunit;

namespace WebPlugins.Tests;

/// <summary>
/// The sample through real HTTP on the in-memory test server: a bounded load of concurrent clients, every answer
/// checked against counts the test put into the text, a trapping plugin answered 500 meanwhile, and every argument
/// buffer back in the host heap afterwards.
/// </summary>
public sealed class WebPluginsTests : IClassFixture<WebApplicationFactory<Program>>
{
    private const int Clients = 8;
    private const int RequestsPerClient = 25;

    private readonly WebApplicationFactory<Program> _factory;

    public WebPluginsTests(WebApplicationFactory<Program> factory) => _factory = factory;

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

        latencies.Sort();
        Console.WriteLine($"WebPlugins load: {latencies.Count} requests from {Clients} clients in {watch.Elapsed.TotalSeconds:0.00} s " +
            $"({latencies.Count / watch.Elapsed.TotalSeconds:0} req/s), p50 {latencies[latencies.Count / 2]:0.00} ms, " +
            $"p99 {latencies[(int)(latencies.Count * 0.99)]:0.00} ms");
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
