using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace WasmMarshal.Inspection;

/// <summary>
/// Linear memory cut into regions that cover it without gaps or overlaps, from address 0 to the end of memory (or to
/// the declared maximum, with the ungrown pages): stack, data segments, static data, guest heap, host heap blocks,
/// arena chunks and free pages. Later layers win where they overlap earlier ones: allocator blocks over the guest heap
/// they were taken from, data segments over static data. <see cref="MemoryMapSvg"/> draws it.
/// </summary>
public sealed class MemoryMap
{
    private MemoryMap(string title, IReadOnlyList<string> notes, ulong memoryBytes, ulong extent,
        IReadOnlyList<MemoryRegion> regions, IReadOnlyList<MemoryMarker> markers)
    {
        Title = title;
        Notes = notes;
        MemoryBytes = memoryBytes;
        Extent = extent;
        Regions = regions;
        Markers = markers;
    }

    /// <summary>What is mapped.</summary>
    public string Title { get; }

    /// <summary>Facts shown under the title: limits, arrangement, where each address came from.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>The memory's size (initial for a module, current for an instance).</summary>
    public ulong MemoryBytes { get; }

    /// <summary>The end of the mapped range: the declared maximum when ungrown pages are shown, else <see cref="MemoryBytes"/>.</summary>
    public ulong Extent { get; }

    /// <summary>The regions in address order, covering <c>[0, Extent)</c> exactly.</summary>
    public IReadOnlyList<MemoryRegion> Regions { get; }

    /// <summary>Named addresses: the stack pointer, <c>__data_end</c>, <c>__heap_base</c>, the end of memory.</summary>
    public IReadOnlyList<MemoryMarker> Markers { get; }

    /// <summary>The map of a module as instantiated, before it runs: memory at its initial size.</summary>
    /// <param name="layout">The module's layout.</param>
    /// <param name="showUngrownPages">Whether to map the pages up to a declared maximum.</param>
    public static MemoryMap Of(ModuleLayout layout, bool showUngrownPages = true)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ulong memory = layout.Memory?.MinimumBytes ?? 0;
        var map = Build(layout, memory, showUngrownPages);
        return new MemoryMap($"{layout.Name}: linear memory at instantiation", NotesOf(layout, memory, "at instantiation"), memory,
            map.Extent, map.Regions.Finish(), MarkersOf(layout, memory, null));
    }

    /// <summary>The map of a running guest: memory at its current size, with its host heaps and arenas.</summary>
    /// <param name="layout">The instance's layout.</param>
    /// <param name="showUngrownPages">Whether to map the pages up to a declared maximum.</param>
    public static MemoryMap Of(InstanceLayout layout, bool showUngrownPages = true)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var map = Build(layout.Module, layout.MemoryBytes, showUngrownPages);
        var regions = map.Regions;
        foreach (var heap in layout.HostHeaps)
        {
            regions.Paint(heap.Blocks.Select(b => new MemoryRegion(new AddressRange(b.Address, (ulong)b.Address + b.Size),
                b.IsFree ? MemoryRegionKind.HostHeapFree : MemoryRegionKind.HostHeapUsed,
                b.IsFree ? "host heap: free" : "host heap: used")));
        }

        foreach (var arena in layout.Arenas)
        {
            regions.Paint(arena.Chunks.SelectMany(c => new[]
            {
                new MemoryRegion(new AddressRange(c.Start, (ulong)c.Start + c.BytesInUse), MemoryRegionKind.ArenaUsed, "arena: used"),
                new MemoryRegion(new AddressRange((ulong)c.Start + c.BytesInUse, (ulong)c.Start + c.Size), MemoryRegionKind.ArenaFree, "arena: free"),
            }));
        }

        var notes = NotesOf(layout.Module, layout.MemoryBytes, "now").ToList();
        notes.AddRange(layout.HostHeaps.Select(h =>
            $"{h.Name}: {h.Statistics.LiveAllocations} live allocations, {ByteSize.Format(h.Statistics.BytesInUse)} used of {ByteSize.Format(h.Statistics.ManagedBytes)}"));
        notes.AddRange(layout.Arenas.Select(a => $"{a.Name}: {a.Chunks.Count} chunks"));
        return new MemoryMap($"{layout.Module.Name}: linear memory of a running instance", notes, layout.MemoryBytes,
            map.Extent, regions.Finish(), MarkersOf(layout.Module, layout.MemoryBytes, layout.LiveStackPointer));
    }

    /// <summary>One line per region: addresses, size, kind and label.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.AppendLine(Title);
        foreach (var region in Regions)
        {
            text.AppendLine($"  0x{region.Range.Start:X8}-0x{region.Range.End:X8} {ByteSize.Format(region.Range.Size),10}  {region.Kind,-12} {region.Caption}");
        }

        return text.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => Describe();

    private static (ulong Extent, RegionPainter Regions) Build(ModuleLayout layout, ulong memory, bool showUngrownPages)
    {
        ulong extent = memory;
        if (showUngrownPages && layout.Memory?.MaximumBytes is { } maximum && maximum > memory)
        {
            extent = maximum;
        }

        var painter = new RegionPainter(new MemoryRegion(new AddressRange(0, extent), MemoryRegionKind.Free, "free"));
        if (extent > memory)
        {
            painter.Paint([new MemoryRegion(new AddressRange(memory, extent), MemoryRegionKind.Ungrown, "ungrown pages, up to the maximum")]);
        }

        if (layout.HeapBase is { } heapBase && heapBase.Value < memory)
        {
            var above = new AddressRange(heapBase.Value, memory);
            painter.Paint([layout.HeapOwner switch
            {
                GuestHeapOwner.Guest => new MemoryRegion(above, MemoryRegionKind.GuestHeap, "guest heap (its own allocator)"),
                _ => new MemoryRegion(above, MemoryRegionKind.Free, "free above __heap_base"),
            }]);
        }

        if (layout.Arrangement == MemoryArrangement.DataFirst && layout.StaticData is { } data && data.Start > 0)
        {
            painter.Paint([new MemoryRegion(new AddressRange(0, data.Start), MemoryRegionKind.Unused, "unused, below the data")]);
        }

        if (layout.Stack is { } stack)
        {
            painter.Paint([new MemoryRegion(stack, MemoryRegionKind.Stack, "stack (grows down)")]);
        }

        if (layout.StaticData is { } statics)
        {
            painter.Paint([new MemoryRegion(statics, MemoryRegionKind.StaticData, "static data, zero-initialised (.bss)")]);
        }

        painter.Paint(layout.DataSegments
            .Where(s => s is { IsActive: true, MemoryIndex: 0, Address: not null, Size: > 0 })
            .Select(s => new MemoryRegion(new AddressRange(s.Address!.Value, s.End!.Value), MemoryRegionKind.DataSegment, $"data segment[{s.Index}]")));
        return (extent, painter);
    }

    private static List<string> NotesOf(ModuleLayout layout, ulong memory, string when)
    {
        var notes = new List<string>
        {
            $"memory {when}: {ByteSize.Format(memory)}; declared {ModuleLayout.DescribeMemory(layout.Memory)}",
            $"arrangement: {layout.Arrangement}; heap owner: {layout.HeapOwner}",
        };
        if (layout.StackPointer is { } sp)
        {
            notes.Add($"__stack_pointer: {sp.Describe()}");
        }

        if (layout.HeapBase is { } heapBase)
        {
            notes.Add($"__heap_base: {heapBase.Describe()}");
        }

        return notes;
    }

    private static List<MemoryMarker> MarkersOf(ModuleLayout layout, ulong memory, ulong? liveStackPointer)
    {
        var markers = new List<MemoryMarker>();
        void Add(ulong? address, string label)
        {
            if (address is { } a)
            {
                markers.Add(new MemoryMarker(a, label));
            }
        }

        Add(layout.StackPointer?.Value, "__stack_pointer (initial)");
        Add(liveStackPointer, "__stack_pointer (live)");
        Add(layout.DataEnd?.Value, "__data_end");
        Add(layout.HeapBase?.Value, "__heap_base");
        Add(memory, "end of memory");
        return markers
            .GroupBy(m => m.Address)
            .Select(g => new MemoryMarker(g.Key, string.Join(" = ", g.Select(m => m.Label))))
            .OrderBy(m => m.Address)
            .ToList();
    }
}
