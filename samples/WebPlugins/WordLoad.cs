using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace WebPlugins;

/// <summary>
/// A bounded load on the word-count endpoint: each client sends a fixed number of requests one after the other, all
/// clients at once, and every answer is compared with the counts the request's text was built with. Used by the
/// sample's <c>load</c> mode (over loopback HTTP) and by its tests (over the test server).
/// </summary>
public static class WordLoad
{
    /// <summary>
    /// Three words unique to the client and request, with counts 4 + request % 3, 3 and 1 (so the order is fixed without
    /// ties), shuffled into one text with every other word in upper case (the plugin folds case).
    /// </summary>
    public static (string Text, WordResult[] Expected) Request(int client, int request)
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

    /// <summary>
    /// Runs <paramref name="requestsPerClient"/> requests on each client concurrently; client 0 also calls the trapping
    /// plugin before every <paramref name="faultyEvery"/>-th request (0: never). Latency is per word-count request,
    /// from sending it to having read and parsed its answer.
    /// </summary>
    public static async Task<LoadReport> RunAsync(IReadOnlyList<HttpClient> clients, int requestsPerClient, int faultyEvery = 0,
        CancellationToken cancellationToken = default)
    {
        var latencies = new double[clients.Count][];
        int wrong = 0, faultyCalls = 0, faultyAnswered500 = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select((http, client) => Task.Run(async () =>
        {
            var mine = new double[requestsPerClient];
            for (int request = 0; request < requestsPerClient; request++)
            {
                if (faultyEvery > 0 && client == 0 && request % faultyEvery == 0)
                {
                    using var faulty = await http.GetAsync("faulty", cancellationToken);
                    Interlocked.Increment(ref faultyCalls);
                    if (faulty.StatusCode == HttpStatusCode.InternalServerError)
                    {
                        Interlocked.Increment(ref faultyAnswered500);
                    }
                }

                var (text, expected) = Request(client, request);
                long started = Stopwatch.GetTimestamp();
                using var response = await http.PostAsync("words?limit=5", new StringContent(text, Encoding.UTF8, "text/plain"), cancellationToken);
                var words = response.IsSuccessStatusCode
                    ? await response.Content.ReadFromJsonAsync<WordResult[]>(cancellationToken)
                    : null;
                mine[request] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (words is null || !words.SequenceEqual(expected))
                {
                    Interlocked.Increment(ref wrong);
                }
            }

            latencies[client] = mine;
        }, cancellationToken)));
        watch.Stop();

        var sorted = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadReport(clients.Count, requestsPerClient, wrong, faultyCalls, faultyAnswered500, watch.Elapsed,
            Percentile(sorted, 0.50), Percentile(sorted, 0.99));
    }

    /// <summary>The nearest-rank percentile of sorted values: the smallest value at least <paramref name="fraction"/> of them do not exceed.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double fraction) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Count) - 1, 0, sorted.Count - 1)];
}

/// <summary>What a <see cref="WordLoad"/> run measured.</summary>
/// <param name="Clients">Concurrent clients.</param>
/// <param name="RequestsPerClient">Word-count requests each client sent.</param>
/// <param name="Wrong">Answers that were not a 200 with exactly the expected words and counts.</param>
/// <param name="FaultyCalls">Calls of the trapping plugin.</param>
/// <param name="FaultyAnswered500">Those answered with a 500.</param>
/// <param name="Elapsed">Wall time of the whole run.</param>
/// <param name="P50Milliseconds">Median word-count latency.</param>
/// <param name="P99Milliseconds">99th percentile word-count latency.</param>
public sealed record LoadReport(int Clients, int RequestsPerClient, int Wrong, int FaultyCalls, int FaultyAnswered500,
    TimeSpan Elapsed, double P50Milliseconds, double P99Milliseconds)
{
    /// <summary>Word-count requests sent in all.</summary>
    public int Requests => Clients * RequestsPerClient;

    /// <summary>Word-count requests per second of wall time (the trapping plugin's calls take part of that time).</summary>
    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Requests} requests from {Clients} clients in {Elapsed.TotalSeconds:0.00} s: {RequestsPerSecond:0} requests/s, " +
        $"p50 {P50Milliseconds:0.000} ms, p99 {P99Milliseconds:0.000} ms; {Wrong} wrong; " +
        $"trapping plugin {FaultyAnswered500}/{FaultyCalls} answered 500";
}
