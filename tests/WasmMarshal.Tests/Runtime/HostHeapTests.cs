using System;
using System.Collections.Generic;
using System.Linq;
using Wasmtime;
using WasmMarshal.Allocation;
using WasmMarshal.Allocators;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.Runtime;

/// <summary>The freestanding guest (guests/freestanding/host_heap_guest.c): no libc, heap imported from the host.</summary>
[WasmImport]
public partial interface IFreestandingGuest
{
    [WasmName("fnv1a32")]
    uint Fnv1a(string text);

    string ToUpper(string? text);

    string Greet(string name);

    long SumI32(ReadOnlySpan<int> values);

    int[] Squares(int n);

    int CallocZeroes(uint size);

    uint AlignedAddress(uint alignment, uint size);

    uint Deep(uint depth);

    uint DataAddress();
}

/// <summary>The Emscripten guest built with -sMALLOC=none (guests/emscripten/em_host_heap.c).</summary>
[WasmImport]
public partial interface IEmscriptenGuest
{
    string ToUpper(string? text);

    string Greet(string name);

    long SumI32(ReadOnlySpan<int> values);

    int[] Squares(int n);

    int GrowPages(int pages);
}

/// <summary>Guests without an allocator run on the host heap through env.malloc/free/calloc/realloc/aligned_alloc.</summary>
public sealed class HostHeapImportTests
{
    private static WasmGuest Freestanding(TrapPolicy policy = TrapPolicy.Poison) =>
        WasmGuest.Builder(TestGuests.MovingEngine, TestGuests.Load("host_heap_guest"))
            .WithHostHeapImports()
            .WithTrapPolicy(policy)
            .Instantiate();

    [Fact]
    public void A_freestanding_guest_allocates_everything_on_the_host_heap()
    {
        using var guest = Freestanding();
        var heap = Assert.IsType<HostHeapAllocator>(guest.GuestHeap);
        Assert.Same(heap, guest.Allocator);
        var plugin = guest.Import<IFreestandingGuest>();

        Assert.Equal("HELLO ✓", plugin.ToUpper("hello ✓"));
        Assert.Equal("Hello from freestanding C, Ada!", plugin.Greet("Ada"));
        Assert.Equal(Fnv.Hash32("abc"u8), plugin.Fnv1a("abc"));
        Assert.Equal(6, plugin.SumI32(new[] { 1, 2, 3 }));
        Assert.Equal(Enumerable.Range(0, 300).Select(i => i * i).ToArray(), plugin.Squares(300)); // 300 reallocs
        Assert.Equal(1, plugin.CallocZeroes(4096));
        foreach (uint alignment in new uint[] { 8, 64, 4096, 65536 })
        {
            Assert.Equal(0u, plugin.AlignedAddress(alignment, 100) % alignment);
        }

        heap.Heap.Validate();
        Assert.Equal(0, heap.GetStatistics().LiveAllocations);
        Assert.True(heap.GetStatistics().PeakBytesInUse >= 300 * sizeof(int), "squares grew one buffer to 1200 bytes");
    }

    [Fact]
    public void The_host_heap_starts_above_heap_base_and_never_touches_the_stack_or_data()
    {
        using var guest = Freestanding();
        var plugin = guest.Import<IFreestandingGuest>();
        uint heapBase = (uint)(int)guest.Instance.GetGlobal("__heap_base")!.GetValue()!;
        uint dataEnd = (uint)(int)guest.Instance.GetGlobal("__data_end")!.GetValue()!;
        Assert.True(plugin.DataAddress() >= 65536, "with --stack-first, data lies above the 64 KiB stack");
        Assert.True(plugin.DataAddress() < dataEnd);

        plugin.Squares(1000);
        var heap = (HostHeapAllocator)guest.GuestHeap;
        Assert.All(heap.Heap.Blocks(), block => Assert.True(block.Address >= heapBase));
        Assert.Equal(210u, plugin.Deep(20)); // 0 + 1 + ... + 20, from 21 stack frames below the data
    }

    [Fact]
    public void Overflowing_the_stack_first_layout_traps_instead_of_corrupting_data()
    {
        using var guest = Freestanding(TrapPolicy.Continue);
        var plugin = guest.Import<IFreestandingGuest>();
        var error = Assert.Throws<WasmTrapException>(() => plugin.Deep(200));
        Assert.Equal(TrapCode.MemoryOutOfBounds, error.Code);
        Assert.Equal("Hello from freestanding C, Bo!", plugin.Greet("Bo")); // static data intact
    }

    [Fact]
    public void A_double_free_from_the_guest_traps_with_a_clear_message()
    {
        const string wat = """
            (module
              (import "env" "malloc" (func $malloc (param i32) (result i32)))
              (import "env" "free" (func $free (param i32)))
              (memory (export "memory") 2)
              (global (export "__heap_base") i32 (i32.const 1024))
              (func (export "double_free")
                (local $p i32)
                (local.set $p (call $malloc (i32.const 32)))
                (call $free (local.get $p))
                (call $free (local.get $p))))
            """;
        using var module = Module.FromText(TestGuests.MovingEngine, "double-free", wat);
        using var guest = WasmGuest.Builder(TestGuests.MovingEngine, module).WithHostHeapImports().Instantiate();
        var thrown = Assert.ThrowsAny<WasmtimeException>(() => guest.Instance.GetAction("double_free")!.Invoke());
        Assert.Contains("not a live allocation", thrown.InnerException?.Message ?? thrown.Message);
    }

    [Fact]
    public void An_emscripten_guest_built_with_malloc_none_runs_on_the_host_heap_and_signals_growth()
    {
        using var guest = WasmGuest.Builder(TestGuests.MovingEngine, TestGuests.Load("em_host_heap")).WithHostHeapImports().Instantiate();
        var plugin = guest.Import<IEmscriptenGuest>();
        Assert.Equal("SHOUT ✓", plugin.ToUpper("shout ✓"));
        Assert.Equal("Hello from Emscripten, Ada!", plugin.Greet("Ada"));
        Assert.Equal(-3, plugin.SumI32(new[] { -1, -2 }));
        Assert.Equal(new[] { 0, 1, 4, 9 }, plugin.Squares(4));

        int grown = 0;
        guest.MemoryGrown += _ => grown++;
        int pagesBefore = (int)guest.Memory.Memory.GetSize();
        Assert.Equal(pagesBefore + 3, plugin.GrowPages(3));
        Assert.Equal(1, grown);
        Assert.True(guest.MemoryGrowthNotifications >= 1);

        var heap = (HostHeapAllocator)guest.GuestHeap;
        heap.Heap.Validate();
        Assert.Equal(0, heap.GetStatistics().LiveAllocations);
    }

    [Fact]
    public void A_guest_that_imports_malloc_gets_the_host_heap_without_being_asked()
    {
        using var guest = WasmGuest.Builder(TestGuests.MovingEngine, TestGuests.Load("host_heap_guest")).Instantiate();
        var heap = Assert.IsType<HostHeapAllocator>(guest.GuestHeap);
        var plugin = guest.Import<IFreestandingGuest>();
        long before = heap.GetStatistics().AllocationCount;

        Assert.Equal("Hello from freestanding C, Ada!", plugin.Greet("Ada")); // the guest mallocs its result
        Assert.Equal(Enumerable.Range(0, 50).Select(i => i * i).ToArray(), plugin.Squares(50));

        Assert.True(heap.GetStatistics().AllocationCount > before);
        Assert.Equal(0, heap.GetStatistics().LiveAllocations);
    }

    [Fact]
    public void A_configure_linker_callback_keeps_the_host_heap_imports_to_itself()
    {
        var thrown = Assert.ThrowsAny<Exception>(() =>
            WasmGuest.Builder(TestGuests.MovingEngine, TestGuests.Load("host_heap_guest"))
                .ConfigureLinker((_, _) => { })
                .Instantiate());
        Assert.Contains("malloc", thrown.Message);
    }
}
