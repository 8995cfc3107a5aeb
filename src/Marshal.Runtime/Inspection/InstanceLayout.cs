using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using WasmMarshal.Allocation;
using WasmMarshal.Allocators;

namespace WasmMarshal.Inspection;

/// <summary>
/// A running guest's layout: its module's <see cref="ModuleLayout"/>, plus what has changed since instantiation: the
/// current memory size, the live values of the layout globals it exports, and the regions of every host heap and arena
/// WasmMarshal manages in its memory.
/// </summary>
public sealed class InstanceLayout
{
    private InstanceLayout(ModuleLayout module, ulong memoryBytes, IReadOnlyDictionary<string, ulong> liveGlobals,
        IReadOnlyList<HostHeapSnapshot> hostHeaps, IReadOnlyList<ArenaSnapshot> arenas)
    {
        Module = module;
        MemoryBytes = memoryBytes;
        LiveGlobals = liveGlobals;
        HostHeaps = hostHeaps;
        Arenas = arenas;
    }

    /// <summary>
    /// Captures <paramref name="guest"/>'s layout now. The guest's allocator and guest heap are included when they have
    /// been resolved (this does not resolve them); pass any other host heap or arena in <paramref name="allocators"/>.
    /// Tracking wrappers are looked through.
    /// </summary>
    /// <param name="guest">The instantiated guest.</param>
    /// <param name="module">The layout of the module <paramref name="guest"/> was instantiated from.</param>
    /// <param name="allocators">Further allocators working in this guest's memory.</param>
    public static InstanceLayout Capture(WasmGuest guest, ModuleLayout module, params IGuestAllocator[] allocators)
    {
        ArgumentNullException.ThrowIfNull(guest);
        ArgumentNullException.ThrowIfNull(module);
        var live = new Dictionary<string, ulong>();
        foreach (string name in new[] { "__stack_pointer", "__heap_base", "__data_end" })
        {
            switch (guest.Instance.GetGlobal(name)?.GetValue())
            {
                case int value:
                    live[name] = (uint)value;
                    break;
                case long value:
                    live[name] = (ulong)value;
                    break;
            }
        }

        var hostHeaps = new List<HostHeapSnapshot>();
        var arenas = new List<ArenaSnapshot>();
        var seen = new HashSet<IGuestAllocator>(ReferenceEqualityComparer.Instance);
        foreach (var candidate in guest.ResolvedAllocators().Concat(allocators))
        {
            var allocator = candidate;
            while (allocator is TrackingAllocator tracking)
            {
                allocator = tracking.Inner;
            }

            if (!seen.Add(allocator))
            {
                continue;
            }

            switch (allocator)
            {
                case HostHeapAllocator heap:
                    hostHeaps.Add(new HostHeapSnapshot(heap.Name, heap.Heap.Blocks().ToList(), heap.GetStatistics()));
                    break;
                case ArenaAllocator arena:
                    arenas.Add(new ArenaSnapshot(arena.Name, arena.Chunks()));
                    break;
            }
        }

        return new InstanceLayout(module, guest.Memory.Length, live, hostHeaps, arenas);
    }

    /// <summary>The module's static layout.</summary>
    public ModuleLayout Module { get; }

    /// <summary>The memory's size now, in bytes.</summary>
    public ulong MemoryBytes { get; }

    /// <summary>The memory's size now, in pages.</summary>
    public ulong MemoryPages => MemoryBytes / (Module.Memory?.PageSize ?? WasmMemoryType.DefaultPageSize);

    /// <summary>
    /// The exported layout globals read now (<c>__stack_pointer</c>, <c>__heap_base</c>, <c>__data_end</c>), by name.
    /// Toolchains rarely export <c>__stack_pointer</c>, so its live value is usually absent.
    /// </summary>
    public IReadOnlyDictionary<string, ulong> LiveGlobals { get; }

    /// <summary>The live stack pointer when exported, else null.</summary>
    public ulong? LiveStackPointer => LiveGlobals.TryGetValue("__stack_pointer", out var sp) ? sp : null;

    /// <summary>Every host heap in this memory.</summary>
    public IReadOnlyList<HostHeapSnapshot> HostHeaps { get; }

    /// <summary>Every arena in this memory.</summary>
    public IReadOnlyList<ArenaSnapshot> Arenas { get; }

    /// <summary>The module's report followed by the instance's.</summary>
    public string Describe()
    {
        var text = new StringBuilder(Module.Describe());
        text.AppendLine($"instance of {Module.Name}");
        text.AppendLine($"  memory now     {MemoryPages} pages ({ByteSize.Format(MemoryBytes)}), "
            + $"grown by {(long)MemoryPages - (long)(Module.Memory?.MinimumPages ?? 0)} pages since instantiation");
        foreach (var (name, value) in LiveGlobals)
        {
            text.AppendLine($"  {name,-14} 0x{value:X8} ({value}) live");
        }

        if (!LiveGlobals.ContainsKey("__stack_pointer"))
        {
            text.AppendLine("  __stack_pointer live value not readable: the global is not exported");
        }

        foreach (var heap in HostHeaps)
        {
            var s = heap.Statistics;
            text.AppendLine($"  {heap.Name}: {heap.Blocks.Count} blocks, {s.LiveAllocations} live allocations, "
                + $"{ByteSize.Format(s.BytesInUse)} used of {ByteSize.Format(s.ManagedBytes)}");
        }

        foreach (var arena in Arenas)
        {
            text.AppendLine($"  {arena.Name}: {arena.Chunks.Count} chunks, "
                + $"{ByteSize.Format((ulong)arena.Chunks.Sum(c => (long)c.BytesInUse))} used of {ByteSize.Format((ulong)arena.Chunks.Sum(c => (long)c.Size))}");
        }

        return text.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => Describe();
}
