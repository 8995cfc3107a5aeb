using System.Collections.Generic;
using System.Linq;
using WasmMarshal.Allocation;
using WasmMarshal.Allocators;
using WasmMarshal.Inspection;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.Inspection;

/// <summary>InstanceLayout and its memory map on running guests: memory growth, host heap blocks and arena chunks.</summary>
public sealed class InstanceLayoutTests
{
    private static MemoryRegion RegionAt(MemoryMap map, ulong address) => map.Regions.Single(r => r.Range.Contains(address));

    [Fact]
    public void Host_heap_blocks_and_grown_pages_show_up_in_a_stack_first_guest()
    {
        var facts = ObjdumpFacts.Load("host_heap_guest");
        var layout = ModuleLayout.FromFile(TestGuests.PathOf("host_heap_guest"));
        using var guest = WasmGuest.Builder(TestGuests.MovingEngine, TestGuests.Load("host_heap_guest"))
            .WithHostHeapImports()
            .Instantiate();
        var heap = Assert.IsType<HostHeapAllocator>(guest.GuestHeap);
        uint freed = heap.Allocate(100, 16);
        uint kept = heap.Allocate(5000, 16);
        heap.Free(freed, 100, 16);
        ulong beforeGrowth = guest.Memory.Length;
        guest.Memory.Memory.Grow(2);

        var instance = InstanceLayout.Capture(guest, layout);
        var map = MemoryMap.Of(instance);

        Assert.Equal(beforeGrowth / 65536 + 2, instance.MemoryPages);
        Assert.Equal(facts.ExportedGlobalValue("__heap_base"), instance.LiveGlobals["__heap_base"]);
        Assert.Null(instance.LiveStackPointer);
        var snapshot = Assert.Single(instance.HostHeaps);
        Assert.Contains(snapshot.Blocks, b => b.Address == kept && !b.IsFree && b.Size >= 5000);
        // The heap took [__heap_base, end of the initial memory) as its first region, so it starts at __heap_base.
        Assert.Equal(instance.LiveGlobals["__heap_base"], snapshot.Blocks.Min(b => b.Address));

        Assert.Equal(MemoryRegionKind.HostHeapUsed, RegionAt(map, kept).Kind);
        Assert.Equal(MemoryRegionKind.HostHeapFree, RegionAt(map, freed).Kind);
        Assert.Equal(MemoryRegionKind.Stack, RegionAt(map, 0).Kind);
        // The heap took everything up to the end of memory when it first allocated; the two pages grown since belong to
        // nobody.
        Assert.Equal(beforeGrowth, snapshot.Blocks.Max(b => (ulong)b.Address + b.Size));
        var grown = RegionAt(map, beforeGrowth);
        Assert.Equal((new AddressRange(beforeGrowth, beforeGrowth + 2 * 65536), MemoryRegionKind.Free), (grown.Range, grown.Kind));
        Assert.Equal(instance.MemoryBytes, map.Extent);
    }

    [Fact]
    public void Arena_chunks_and_a_tracked_host_heap_show_up_inside_the_guest_heap_of_a_wasi_guest()
    {
        var layout = ModuleLayout.FromFile(TestGuests.PathOf("quickstart"));
        using var guest = WasmGuest.Builder(TestGuests.MovingEngine, TestGuests.Load("quickstart"))
            .ConfigureLinker((linker, _) => linker.DefineFunction("env", "log", (int _, int _) => { }))
            .WithAllocator(GuestAllocatorSource.Arena(HostHeapRegion.GuestBlocks, 16 * 1024))
            .Instantiate();
        var arena = Assert.IsType<ArenaAllocator>(guest.Allocator);
        var tracked = GuestAllocatorSource.Tracking(GuestAllocatorSource.HostHeap(HostHeapRegion.GuestBlocks, 64 * 1024))
            .TryCreate(guest, new List<BindingMismatch>())!;
        uint hostBlock = tracked.Allocate(3000, 8);
        using var scope = arena.Scope();
        uint first = scope.Allocate(1000);
        uint second = scope.Allocate(300);

        var instance = InstanceLayout.Capture(guest, layout, tracked);
        var map = MemoryMap.Of(instance);

        var chunk = Assert.Single(Assert.Single(instance.Arenas).Chunks);
        Assert.Equal(second + 300 - chunk.Start, chunk.BytesInUse);
        Assert.Equal(first, chunk.Start);
        Assert.Single(instance.HostHeaps);
        ulong heapBase = layout.HeapBase!.Value;
        Assert.All(new[] { first, second, hostBlock }, a => Assert.True(a >= heapBase, $"0x{a:X} is below __heap_base"));

        var used = RegionAt(map, first);
        Assert.Equal((MemoryRegionKind.ArenaUsed, new AddressRange(chunk.Start, (ulong)chunk.Start + chunk.BytesInUse)), (used.Kind, used.Range));
        Assert.Equal(new AddressRange(used.Range.End, (ulong)chunk.Start + chunk.Size), RegionAt(map, used.Range.End).Range);
        Assert.Equal(MemoryRegionKind.ArenaFree, RegionAt(map, used.Range.End).Kind);
        Assert.Equal(MemoryRegionKind.HostHeapUsed, RegionAt(map, hostBlock).Kind);
        // dlmalloc keeps its own bookkeeping between the blocks it handed out: that is guest heap.
        Assert.Equal(MemoryRegionKind.GuestHeap, RegionAt(map, heapBase).Kind);
        Assert.Contains("arena (blocks from", instance.Describe(), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("quickstart", false)]
    [InlineData("as_greeter", false)]
    [InlineData("rust_greeter", true)]
    public void Where_each_guest_allocator_starts_relative_to_heap_base(string name, bool growsBeforeFirstBlock)
    {
        // wasi-libc's dlmalloc and AssemblyScript's TLSF start at __heap_base (TLSF after its ~1.5 KiB root); Rust's
        // std allocator on wasm32-unknown-unknown takes every region with memory.grow, so the initial pages above
        // __heap_base stay unused.
        var layout = ModuleLayout.FromFile(TestGuests.PathOf(name));
        using var guest = WasmGuest.Builder(TestGuests.MovingEngine, TestGuests.Load(name))
            .ConfigureLinker((linker, _) => linker.DefineUnknownImportsAsTraps(TestGuests.Load(name)))
            .Instantiate();

        uint first = guest.GuestHeap.Allocate(16, 8);
        var instance = InstanceLayout.Capture(guest, layout);

        Assert.True(first >= layout.HeapBase!.Value, $"0x{first:X} is below __heap_base 0x{layout.HeapBase.Value:X}");
        if (growsBeforeFirstBlock)
        {
            Assert.Equal(layout.Memory!.MinimumPages + 1, instance.MemoryPages);
            Assert.True(first >= layout.Memory.MinimumBytes, $"0x{first:X} is inside the initial memory");
        }
        else
        {
            Assert.Equal(layout.Memory!.MinimumPages, instance.MemoryPages);
            Assert.InRange(first, layout.HeapBase.Value, layout.HeapBase.Value + 2048);
        }
    }

    [Fact]
    public void An_exported_stack_pointer_is_read_live_and_marked_on_the_map()
    {
        // WAT only for the minimal case: no toolchain here exports __stack_pointer. push opens a 48-byte frame and
        // leaves it open, as if the guest were paused inside a call.
        byte[] bytes = Wasmtime.Module.ConvertText("""
            (module
              (memory (export "memory") 1)
              (global $__stack_pointer (export "__stack_pointer") (mut i32) (i32.const 0x8000))
              (func (export "push")
                (global.set $__stack_pointer (i32.sub (global.get $__stack_pointer) (i32.const 48)))))
            """);
        using var module = Wasmtime.Module.FromBytes(TestGuests.MovingEngine, "sp", bytes);
        var layout = ModuleLayout.FromBytes(bytes);
        using var guest = WasmGuest.Builder(TestGuests.MovingEngine, module).Instantiate();
        guest.Instance.GetAction("push")!();

        var instance = InstanceLayout.Capture(guest, layout);

        Assert.Equal((0x8000ul, LayoutEvidence.ExportedGlobal), (layout.StackPointer!.Value, layout.StackPointer.Evidence));
        Assert.Equal(0x8000ul - 48, instance.LiveStackPointer);
        Assert.Contains(MemoryMap.Of(instance).Markers, m => m.Address == 0x8000 - 48 && m.Label == "__stack_pointer (live)");
    }

    [Fact]
    public void An_emscripten_instance_maps_ungrown_pages_up_to_its_maximum()
    {
        var facts = ObjdumpFacts.Load("em_host_heap");
        var layout = ModuleLayout.FromFile(TestGuests.PathOf("em_host_heap"));
        using var guest = WasmGuest.Builder(TestGuests.MovingEngine, TestGuests.Load("em_host_heap"))
            .WithHostHeapImports()
            .Instantiate();
        uint block = guest.GuestHeap.Allocate(256, 16);

        var map = MemoryMap.Of(InstanceLayout.Capture(guest, layout));

        Assert.Equal(facts.Memories[0].Max!.Value * 65536, map.Extent);
        Assert.Equal(MemoryRegionKind.Ungrown, map.Regions[^1].Kind);
        Assert.Equal(guest.Memory.Length, map.Regions[^1].Range.Start);
        Assert.Equal(MemoryRegionKind.HostHeapUsed, RegionAt(map, block).Kind);
        Assert.Equal(guest.Memory.Length, MemoryMap.Of(InstanceLayout.Capture(guest, layout), showUngrownPages: false).Extent);
    }
}
