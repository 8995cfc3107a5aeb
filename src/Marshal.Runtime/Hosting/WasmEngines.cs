using System;
using Wasmtime;

namespace WasmMarshal.Hosting;

/// <summary>
/// Engine settings for a host that instantiates often (a plugin host, a sandbox per request), used by
/// <see cref="WasmEngines.ForPlugins"/>. The defaults suit small guests: a few hundred live instances of at most
/// 64 MiB of linear memory each.
/// </summary>
public sealed record PluginEngineOptions
{
    /// <summary>
    /// Whether instances come from Wasmtime's pooling allocator (memories, tables and instance state reserved up front
    /// and reused) instead of being mapped for each instance; true by default.
    /// </summary>
    public bool Pooling { get; init; } = true;

    /// <summary>How many instances (and linear memories, and tables) may be live at once with <see cref="Pooling"/>; 256 by default.</summary>
    public uint MaxInstances { get; init; } = 256;

    /// <summary>
    /// The most linear memory one instance may grow to with <see cref="Pooling"/> (64 MiB by default): a guest's
    /// <c>memory.grow</c> past it fails (returns -1), and a module whose minimum is larger cannot be instantiated.
    /// </summary>
    public ulong MaxMemoryBytes { get; init; } = 64UL * 1024 * 1024;

    /// <summary>
    /// Whether a module's data segments are mapped copy-on-write from an image made once per module, instead of being
    /// copied into each new memory; true by default (Wasmtime's default too, set explicitly so that it is visible).
    /// </summary>
    public bool CopyOnWriteMemoryInit { get; init; } = true;

    /// <summary>
    /// Idle pooled slots kept warm (their pages still mapped) for reuse by the next instance of the same module; 100
    /// by default. More trades memory for faster instantiation.
    /// </summary>
    public uint MaxUnusedWarmSlots { get; init; } = 100;

    /// <summary>The maximum wasm stack, as <see cref="WasmGuest.MaximumWasmStack"/> checks it; null leaves Wasmtime's 512 KiB.</summary>
    public int? MaxWasmStack { get; init; }
}

/// <summary>Engines configured for hosts; see <see cref="ForPlugins"/>.</summary>
public static class WasmEngines
{
    /// <summary>
    /// The configuration of <see cref="ForPlugins"/>, to adjust further (fuel, epochs) before creating the engine.
    /// </summary>
    public static Config PluginConfig(PluginEngineOptions? options = null)
    {
        options ??= new PluginEngineOptions();
        if (options.MaxInstances == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "MaxInstances must be at least 1.");
        }

        var config = new Config().WithMemoryInitCopyOnWrite(options.CopyOnWriteMemoryInit);
        if (options.MaxWasmStack is { } stack)
        {
            config.WithMaximumStackSize(stack);
        }

        if (options.Pooling)
        {
            // Wasmtime copies what it needs from the pooling configuration when it is applied.
            using var pooling = new PoolingAllocationConfig()
                .WithMaxCoreInstances(options.MaxInstances)
                .WithMaxMemories(options.MaxInstances)
                .WithMaxTables(options.MaxInstances)
                .WithMaxMemorySize((nuint)options.MaxMemoryBytes)
                .WithMaxUnusedWarmSlots(options.MaxUnusedWarmSlots);
            config.WithPoolingAllocationStrategy(pooling);
        }

        return config;
    }

    /// <summary>
    /// An engine for hosts that instantiate often: Wasmtime's pooling allocator and copy-on-write memory
    /// initialisation, with the limits of <paramref name="options"/>. Pair it with <see cref="WasmGuestTemplate"/>.
    /// </summary>
    public static Engine ForPlugins(PluginEngineOptions? options = null) => new(PluginConfig(options));
}
