using System;
using WasmMarshal.Allocation;
using WasmMarshal.Allocators;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.Reliability.RoundTwo;

/// <summary>What guests/freestanding/hostile_host_heap.c exports; its heap is the host heap (env.malloc/env.free).</summary>
[WasmImport]
public partial interface IHostileHostHeap
{
    string FreeArgThenCopy(string text);
    string EchoAlias(string text);
    string EchoStatic(string text);
    string EchoInterior(string text);
    string EchoCopy(string text);
}

/// <summary>
/// With the host heap as the guest's own heap, a guest that frees the host's argument, or returns memory that is not a
/// block of that heap, made the heap's <c>Free</c> throw <see cref="InvalidOperationException"/> out of the stub's
/// <c>finally</c>: the remaining frees and the arena's <c>ExitScope</c> were skipped (8 B leaked, arena depth stuck at 1).
/// Now every release runs, the scope closes, and the failure is typed and names the method.
/// </summary>
public sealed class HostHeapAsGuestHeapTests
{
    public enum Scratch
    {
        GuestHeap,
        Arena,
    }

    private static WasmGuest Create(Scratch scratch)
    {
        var builder = WasmGuest.Builder(TestGuests.MovingEngine, TestGuests.Load("hostile_host_heap"))
            .WithHostHeapImports();
        if (scratch == Scratch.Arena)
        {
            builder = builder.WithAllocator(GuestAllocatorSource.Arena(HostHeapRegion.MemoryGrow, 16 * 1024));
        }

        return builder.Instantiate();
    }

    private static HostHeapAllocator Heap(WasmGuest guest) => Assert.IsType<HostHeapAllocator>(guest.GuestHeap);

    [Fact]
    public void A_guest_that_frees_the_hosts_argument_gets_a_typed_cleanup_error_and_every_other_buffer_is_released()
    {
        using var guest = Create(Scratch.GuestHeap);
        var api = guest.Import<IHostileHostHeap>();
        Assert.Equal("warm", api.EchoCopy("warm"));
        long baseline = Heap(guest).Heap.LiveAllocations;

        var error = Assert.Throws<WasmCleanupException>(() => api.FreeArgThenCopy("hello"));
        Assert.Equal("IHostileHostHeap.FreeArgThenCopy", error.Method);
        Assert.Contains("parameter 'text'", error.Message);
        Assert.IsType<InvalidOperationException>(Assert.Single(error.Failures).InnerException);

        // The result block was freed before the argument's failing release, and nothing else is left behind.
        Assert.Equal(baseline, Heap(guest).Heap.LiveAllocations);
        Heap(guest).Heap.Validate();
        Assert.False(guest.IsPoisoned);
        Assert.Equal("still works", api.EchoCopy("still works"));
    }

    [Fact]
    public void On_an_arena_a_guest_freeing_the_hosts_argument_traps_and_the_arena_scope_still_closes()
    {
        using var guest = Create(Scratch.Arena);
        var api = guest.Import<IHostileHostHeap>();
        Assert.Equal("warm", api.EchoCopy("warm"));
        var arena = Assert.IsType<ArenaAllocator>(guest.Allocator);

        // The guest's free(arg) reaches the host heap with an arena address: the import throws, the guest traps.
        var error = Assert.Throws<WasmHostCallbackException>(() => api.FreeArgThenCopy("hello"));
        Assert.Equal("IHostileHostHeap.FreeArgThenCopy", error.Method);
        Assert.Equal(0, arena.Depth);
        Assert.Equal(0ul, arena.GetStatistics().BytesInUse);
        Heap(guest).Heap.Validate();
    }

    [Theory]
    [InlineData(Scratch.GuestHeap, "EchoAlias")]
    [InlineData(Scratch.GuestHeap, "EchoStatic")]
    [InlineData(Scratch.GuestHeap, "EchoInterior")]
    [InlineData(Scratch.Arena, "EchoAlias")]
    [InlineData(Scratch.Arena, "EchoStatic")]
    [InlineData(Scratch.Arena, "EchoInterior")]
    public void A_result_that_is_not_a_block_of_the_host_heap_is_rejected_and_not_freed(Scratch scratch, string method)
    {
        using var guest = Create(scratch);
        var api = guest.Import<IHostileHostHeap>();
        Assert.Equal("warm", api.EchoCopy("warm"));
        long baseline = Heap(guest).Heap.LiveAllocations;

        var error = Assert.Throws<WasmGuestDataException>(() => method switch
        {
            "EchoAlias" => api.EchoAlias("text"),
            "EchoStatic" => api.EchoStatic("text"),
            _ => api.EchoInterior("text"),
        });
        Assert.Equal("IHostileHostHeap." + method, error.Method);
        Assert.Equal("return", error.Parameter);

        // Only the interior case leaks, inside the guest: its block was allocated but is not what it returned.
        Assert.Equal(baseline + (method == "EchoInterior" ? 1 : 0), Heap(guest).Heap.LiveAllocations);
        Heap(guest).Heap.Validate();
        if (guest.Allocator is ArenaAllocator arena)
        {
            Assert.Equal(0, arena.Depth);
        }

        Assert.Equal("again", api.EchoCopy("again"));
    }
}
