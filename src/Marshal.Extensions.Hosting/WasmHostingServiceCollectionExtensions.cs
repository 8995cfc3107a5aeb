using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using WasmMarshal.Pooling;

namespace WasmMarshal.Extensions.Hosting;

/// <summary>Registers WasmMarshal guests, their imports and their health checks.</summary>
public static class WasmHostingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the guest <paramref name="name"/>: its options (a named <see cref="WasmGuestOptions"/>), a
    /// <see cref="WasmGuestHost"/> keyed by the name (singleton, created on first use), and a <see cref="WasmGuestLease"/>
    /// keyed by the name and scoped: one instance rented per scope, given back when the scope ends.
    /// </summary>
    public static IServiceCollection AddWasmGuest(this IServiceCollection services, string name, Action<WasmGuestOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions();
        services.Configure(name, configure);
        services.AddSingleton(new WasmGuestRegistration(name));
        services.TryAddSingleton<WasmGuestHosts>();
        services.AddKeyedSingleton<WasmGuestHost>(name, static (provider, key) => provider.GetRequiredService<WasmGuestHosts>().Get((string)key!));
        services.AddKeyedScoped<WasmGuestLease>(name, static (provider, key) => provider.GetRequiredKeyedService<WasmGuestHost>(key).Rent());
        return services;
    }

    /// <summary>
    /// Registers the <c>[WasmImport]</c> interface <typeparamref name="T"/> as scoped, bound to the scope's lease of the
    /// guest <paramref name="name"/> (every import of one guest in one scope shares that lease). Use it from one thread
    /// at a time, and not after the scope ends.
    /// </summary>
    public static IServiceCollection AddWasmImport<T>(this IServiceCollection services, string name) where T : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);
        services.AddScoped<T>(provider => provider.GetRequiredKeyedService<WasmGuestLease>(name).Import<T>());
        return services;
    }

    /// <summary>
    /// Adds a health check named <c>wasm:</c><paramref name="name"/> that instantiates the guest afresh (outside the
    /// pool) and calls its <see cref="WasmGuestOptions.HealthProbe"/>: healthy when both succeed.
    /// </summary>
    public static IHealthChecksBuilder AddWasmGuestCheck(this IHealthChecksBuilder builder, string name,
        HealthStatus failureStatus = HealthStatus.Unhealthy)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        return builder.Add(new HealthCheckRegistration("wasm:" + name,
            provider => new WasmGuestHealthCheck(provider.GetRequiredService<WasmGuestHosts>(), name), failureStatus, ["wasm"]));
    }
}
