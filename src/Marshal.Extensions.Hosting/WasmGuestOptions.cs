using System;
using Wasmtime;

namespace WasmMarshal.Extensions.Hosting;

/// <summary>
/// How one named guest is hosted: where its module comes from, its engine, its pool and the limits every lease starts
/// with. Configured with <see cref="WasmHostingServiceCollectionExtensions.AddWasmGuest"/> as named options.
/// </summary>
public sealed class WasmGuestOptions
{
    /// <summary>The path of the <c>.wasm</c> file; exactly one of this, <see cref="ModuleBytes"/> and <see cref="ModuleText"/>.</summary>
    public string? ModulePath { get; set; }

    /// <summary>The module's binary.</summary>
    public byte[]? ModuleBytes { get; set; }

    /// <summary>The module as WAT text.</summary>
    public string? ModuleText { get; set; }

    /// <summary>Changes the engine's configuration before the engine is created (fuel consumption is switched on for <see cref="Fuel"/>).</summary>
    public Action<Config>? ConfigureEngine { get; set; }

    /// <summary>Changes the builder of every instance (host exports, allocator, WASI, trap policy, ...); the name is set already.</summary>
    public Action<WasmGuestBuilder, IServiceProvider>? ConfigureGuest { get; set; }

    /// <summary>How many instances may exist at once (each a store of its own); the processor count by default.</summary>
    public int PoolSize { get; set; } = Environment.ProcessorCount;

    /// <summary>How long resolving a lease waits while every instance is rented; 30 seconds by default.</summary>
    public TimeSpan RentTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The fuel every lease starts with (the store's fuel is reset to it when the guest is rented), or null for no
    /// fuel limit. A guest that burns it all fails with <see cref="WasmFuelExhaustedException"/>.
    /// </summary>
    public ulong? Fuel { get; set; }

    /// <summary>
    /// The call the health check makes on a freshly instantiated guest; null to check instantiation only. Throwing
    /// (or a trap) makes the check unhealthy.
    /// </summary>
    public Action<WasmGuest>? HealthProbe { get; set; }

    internal void Validate(string name)
    {
        int sources = (ModulePath is null ? 0 : 1) + (ModuleBytes is null ? 0 : 1) + (ModuleText is null ? 0 : 1);
        if (sources != 1)
        {
            throw new InvalidOperationException($"WasmMarshal guest '{name}': set exactly one of ModulePath, ModuleBytes and ModuleText ({sources} are set).");
        }

        if (PoolSize < 1)
        {
            throw new InvalidOperationException($"WasmMarshal guest '{name}': PoolSize is {PoolSize}; a pool holds at least one guest.");
        }
    }
}
