using System;
using System.Threading;
using Wasmtime;
using WasmMarshal.Pooling;

namespace WasmMarshal.Extensions.Hosting;

/// <summary>
/// One named guest as the container holds it: the compiled module on its engine, and the pool its leases come from.
/// Created on first use by <see cref="WasmGuestHosts"/>, disposed with the container (so on host shutdown).
/// </summary>
public sealed class WasmGuestHost : IDisposable
{
    private readonly WasmGuestOptions _options;
    private readonly IServiceProvider _services;

    internal WasmGuestHost(string name, WasmGuestOptions options, IServiceProvider services)
    {
        options.Validate(name);
        Name = name;
        _options = options;
        _services = services;
        var config = new Config();
        if (options.Fuel is not null)
        {
            config.WithFuelConsumption(true);
        }

        options.ConfigureEngine?.Invoke(config);
        Engine = new Engine(config);
        try
        {
            Module = options.ModulePath is { } path ? Module.FromFile(Engine, path)
                : options.ModuleText is { } text ? Module.FromText(Engine, name, text)
                : Module.FromBytes(Engine, name, options.ModuleBytes!);
        }
        catch
        {
            Engine.Dispose();
            throw;
        }

        Pool = new WasmGuestPool(Instantiate, options.PoolSize) { Name = name };
    }

    /// <summary>The guest's name: in the container (the options' name), in metrics and traces.</summary>
    public string Name { get; }

    /// <summary>The engine the module is compiled for.</summary>
    public Engine Engine { get; }

    /// <summary>The compiled module, shared by every instance.</summary>
    public Module Module { get; }

    /// <summary>The pool the scoped leases come from.</summary>
    public WasmGuestPool Pool { get; }

    /// <summary>Instantiates a new guest, not pooled: the caller disposes it.</summary>
    public WasmGuest Instantiate()
    {
        var builder = WasmGuest.Builder(Engine, Module).WithName(Name);
        if (_options.Fuel is { } fuel)
        {
            // Before instantiation: a start function or _initialize burns fuel too, and a new store has none.
            builder.ConfigureLinker((_, store) => store.Fuel = fuel);
        }

        _options.ConfigureGuest?.Invoke(builder, _services);
        var guest = builder.Instantiate();
        Refuel(guest);
        return guest;
    }

    /// <summary>Rents a guest for one scope, waiting at most the configured timeout, with its fuel reset.</summary>
    /// <exception cref="TimeoutException">Every guest stayed rented for the whole timeout.</exception>
    public WasmGuestLease Rent(CancellationToken cancellationToken = default)
    {
        var lease = Pool.Rent(_options.RentTimeout, cancellationToken);
        Refuel(lease.Guest);
        return lease;
    }

    private void Refuel(WasmGuest guest)
    {
        if (_options.Fuel is { } fuel)
        {
            guest.Store.Fuel = fuel;
        }
    }

    /// <summary>The options the guest was configured with.</summary>
    internal WasmGuestOptions Options => _options;

    /// <summary>Disposes the pool (idle guests now, rented ones when their lease ends), the module and the engine.</summary>
    public void Dispose()
    {
        Pool.Dispose();
        Module.Dispose();
        Engine.Dispose();
    }
}
