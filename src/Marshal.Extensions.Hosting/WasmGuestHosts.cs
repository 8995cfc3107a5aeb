using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.Extensions.Options;

namespace WasmMarshal.Extensions.Hosting;

/// <summary>
/// Every guest registered with <see cref="WasmHostingServiceCollectionExtensions.AddWasmGuest"/>, by name, each
/// created (module compiled, pool made) on first use. A singleton: the container disposes it, and with it every
/// guest, when it is disposed (on host shutdown).
/// </summary>
public sealed class WasmGuestHosts : IDisposable
{
    private readonly IOptionsMonitor<WasmGuestOptions> _options;
    private readonly IServiceProvider _services;
    private readonly HashSet<string> _registered;
    private readonly ConcurrentDictionary<string, Lazy<WasmGuestHost>> _hosts = new(StringComparer.Ordinal);
    private volatile bool _disposed;

    /// <summary>Created by the container.</summary>
    public WasmGuestHosts(IOptionsMonitor<WasmGuestOptions> options, IServiceProvider services, IEnumerable<WasmGuestRegistration> registrations)
    {
        _options = options;
        _services = services;
        _registered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var registration in registrations)
        {
            _registered.Add(registration.Name);
        }
    }

    /// <summary>The names of the registered guests.</summary>
    public IReadOnlyCollection<string> Names => _registered;

    /// <summary>The guest registered as <paramref name="name"/>, created on first use.</summary>
    /// <exception cref="InvalidOperationException">No guest has that name, or its options are invalid.</exception>
    /// <exception cref="ObjectDisposedException">The container is being disposed.</exception>
    public WasmGuestHost Get(string name)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_registered.Contains(name))
        {
            throw new InvalidOperationException($"No WasmMarshal guest is registered as '{name}': call services.AddWasmGuest(\"{name}\", ...).");
        }

        var host = _hosts.GetOrAdd(name, n => new Lazy<WasmGuestHost>(() => new WasmGuestHost(n, _options.Get(n), _services))).Value;
        if (_disposed)
        {
            host.Dispose();
            throw new ObjectDisposedException(nameof(WasmGuestHosts));
        }

        return host;
    }

    /// <summary>Disposes every guest created so far.</summary>
    public void Dispose()
    {
        _disposed = true;
        foreach (var host in _hosts.Values)
        {
            if (host.IsValueCreated)
            {
                host.Value.Dispose();
            }
        }

        _hosts.Clear();
    }
}

/// <summary>Marks a name as registered; one per <see cref="WasmHostingServiceCollectionExtensions.AddWasmGuest"/> call.</summary>
public sealed class WasmGuestRegistration
{
    internal WasmGuestRegistration(string name) => Name = name;

    /// <summary>The guest's name.</summary>
    public string Name { get; }
}
