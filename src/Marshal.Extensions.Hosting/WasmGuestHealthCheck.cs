using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace WasmMarshal.Extensions.Hosting;

/// <summary>
/// Instantiates the guest afresh, outside the pool (so that a full pool does not fail it and a probe cannot poison a
/// pooled instance), calls the probe, and reports the pool's counts as data.
/// </summary>
public sealed class WasmGuestHealthCheck : IHealthCheck
{
    private readonly WasmGuestHosts _hosts;
    private readonly string _name;

    /// <summary>Checks the guest <paramref name="name"/>.</summary>
    public WasmGuestHealthCheck(WasmGuestHosts hosts, string name)
    {
        _hosts = hosts ?? throw new ArgumentNullException(nameof(hosts));
        _name = name ?? throw new ArgumentNullException(nameof(name));
    }

    /// <inheritdoc/>
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        WasmGuestHost? host = null;
        try
        {
            host = _hosts.Get(_name);
            using (var guest = host.Instantiate())
            {
                host.Options.HealthProbe?.Invoke(guest);
            }

            return Task.FromResult(HealthCheckResult.Healthy($"WasmMarshal guest '{_name}' instantiates and answers its probe.", Data(host)));
        }
        catch (Exception failure)
        {
            return Task.FromResult(new HealthCheckResult(context.Registration.FailureStatus,
                $"WasmMarshal guest '{_name}': {failure.Message}", failure, host is null ? null : Data(host)));
        }
    }

    private static IReadOnlyDictionary<string, object> Data(WasmGuestHost host) => new Dictionary<string, object>
    {
        ["pool.size"] = host.Pool.MaxSize,
        ["pool.live"] = host.Pool.Count,
        ["pool.rented"] = host.Pool.RentedCount,
        ["pool.created"] = host.Pool.Created,
        ["pool.discarded"] = host.Pool.Discarded,
    };
}
