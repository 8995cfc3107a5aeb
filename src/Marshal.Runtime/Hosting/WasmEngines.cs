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

    /// <summary>
    /// How many bytes at the start of each linear memory a pooled slot keeps resident when its instance is disposed
    /// (with <see cref="Pooling"/>): Wasmtime resets them with <c>memset</c> (to the module's data image, or zero)
    /// instead of decommitting them, so that the next instance in the slot does not page-fault them back in on first
    /// touch; 128 KiB by default (Wasmtime's own default is 0: decommit everything). A fresh instance sees the same
    /// bytes either way (tested: memory, grown pages and data segments dirtied by one instance read as new in the next).
    /// </summary>
    /// <remarks>
    /// The first call on a fresh instance pays those page faults: its stack, the allocator's static state and the
    /// first heap pages are all first touches. Measured on the quickstart guest (docs/performance.md, Instantiation):
    /// the first string call of a fresh instance took about 8 µs against about 1 µs for the next; with 128 KiB (the
    /// guest's whole memory) kept resident, about 1.1 µs. The cost moves to disposal (a memset of up to this many
    /// bytes; measured about 1 to 2 µs for 128 KiB here), and each idle slot holds that much resident memory, so keep
    /// it to the memory a guest's first calls touch (stack, static data, the first heap pages).
    /// </remarks>
    public ulong KeepResidentBytes { get; init; } = 128 * 1024;

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

        // Memories never move: GuestMemory then keeps each memory's base for the instance's lifetime (see Create).
        var config = new Config().WithMemoryInitCopyOnWrite(options.CopyOnWriteMemoryInit).WithMemoryMayMove(false);
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
                .WithMaxUnusedWarmSlots(options.MaxUnusedWarmSlots)
                .WithLinearMemoryKeepResidentBytes((nuint)options.KeepResidentBytes);
            config.WithPoolingAllocationStrategy(pooling);
        }

        return config;
    }

    /// <summary>
    /// An engine for hosts that instantiate often: Wasmtime's pooling allocator (slots keeping the first
    /// <see cref="PluginEngineOptions.KeepResidentBytes"/> of memory resident) and copy-on-write memory initialisation,
    /// with the limits of <paramref name="options"/>. Pair it with <see cref="WasmGuestTemplate"/>.
    /// </summary>
    public static Engine ForPlugins(PluginEngineOptions? options = null) => Register(new Engine(PluginConfig(options)));

    /// <summary>
    /// An engine whose linear memories never move: <paramref name="configure"/> adjusts the configuration (fuel, epochs,
    /// limits, pooling), then <c>Config.WithMemoryMayMove(false)</c> is applied last, so that nothing can undo it.
    /// A guest on such an engine (or on <see cref="ForPlugins"/>) keeps its memory's base address for its lifetime:
    /// a view of memory then costs no native call, and only a bounds check that misses re-reads the length.
    /// </summary>
    /// <remarks>
    /// Growth that would need a move fails instead (<c>memory.grow</c> returns -1). Wasmtime's default reservation
    /// (4 GiB on 64-bit hosts) holds any 32-bit memory, so with default settings nothing that would have succeeded fails.
    /// An engine made any other way is treated as one whose memories may move: every view re-reads base and length.
    /// </remarks>
    public static Engine Create(Action<Config>? configure = null)
    {
        var config = new Config();
        configure?.Invoke(config);
        return Register(new Engine(config.WithMemoryMayMove(false)));
    }

    /// <summary>Whether <paramref name="engine"/> was made here, with memories that never move.</summary>
    internal static bool MemoryNeverMoves(Engine engine) => s_fixedMemoryEngines.TryGetValue(engine, out _);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Engine, object> s_fixedMemoryEngines = new();

    private static Engine Register(Engine engine)
    {
        s_fixedMemoryEngines.AddOrUpdate(engine, s_fixedMemoryEngines);
        return engine;
    }
}
