using System;
using Wasmtime;
using WasmMarshal.Allocation;
using WasmMarshal.Allocators;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.Reliability;

[WasmImport]
public partial interface IHostileMalloc
{
    uint Take2(string a, string b);
}

/// <summary>The same export with an int span (alignment 4) as its second argument.</summary>
[WasmImport]
public partial interface IHostileMallocWords
{
    [WasmName("take2")]
    uint TakeWords(string a, ReadOnlySpan<int> words);
}

/// <summary>
/// A guest malloc that lies, and memory limits that make honest allocators fail. Each asserts the typed exception,
/// that the buffers allocated before the failure were freed, and that the guest is still usable (an allocation failure
/// is not a trap).
/// </summary>
/// <remarks>
/// <c>AllocatorTests.What_a_hostile_malloc_returns_is_checked_before_the_host_writes</c> checks the messages for a
/// call's first allocation; these fail the second one, after the first buffer exists.
/// </remarks>
public sealed class HostileAllocatorTests
{
    /// <summary>
    /// A bump allocator that tells the truth except once: the <c>at</c>-th malloc after <c>arm(at, result)</c> returns
    /// <c>result</c>, or for -1 the previous result again, or for -2 the previous result + 4. <c>live</c> counts
    /// honest mallocs minus frees.
    /// </summary>
    private const string LyingMallocWat = """
        (module
          (memory (export "memory") 1)
          (global $next (mut i32) (i32.const 1024))
          (global $calls (mut i32) (i32.const 0))
          (global $at (mut i32) (i32.const 0))
          (global $result (mut i32) (i32.const 0))
          (global $last (mut i32) (i32.const 0))
          (global $live (mut i32) (i32.const 0))
          (func (export "arm") (param $at i32) (param $result i32)
            (global.set $calls (i32.const 0))
            (global.set $at (local.get $at))
            (global.set $result (local.get $result)))
          (func (export "malloc") (param $size i32) (result i32) (local $r i32)
            (global.set $calls (i32.add (global.get $calls) (i32.const 1)))
            (if (i32.eq (global.get $calls) (global.get $at))
              (then
                (if (i32.eq (global.get $result) (i32.const -1)) (then (return (global.get $last))))
                (if (i32.eq (global.get $result) (i32.const -2)) (then (return (i32.add (global.get $last) (i32.const 4)))))
                (return (global.get $result))))
            (local.set $r (global.get $next))
            (global.set $next (i32.and (i32.add (i32.add (local.get $r) (local.get $size)) (i32.const 7)) (i32.const -8)))
            (global.set $last (local.get $r))
            (global.set $live (i32.add (global.get $live) (i32.const 1)))
            (local.get $r))
          (func (export "free") (param i32)
            (global.set $live (i32.sub (global.get $live) (i32.const 1))))
          (func (export "live") (result i32) (global.get $live))
          (func (export "take2") (param i32 i32 i32 i32) (result i32)
            (i32.add (local.get 1) (local.get 3))))
        """;

    private static readonly Lazy<Module> s_lyingMalloc = new(() => Module.FromText(TestGuests.MovingEngine, "lying-malloc", LyingMallocWat));

    [Theory]
    [InlineData(0, false, "it returned 0 (out of memory)")]
    [InlineData(unchecked((int)0xFFFF_FFF0), false, "it returned 0xFFFFFFF0, and 2 bytes from there exceed the memory size of 65536 bytes")]
    [InlineData(65535, false, "it returned 0x0000FFFF, and 2 bytes from there exceed the memory size of 65536 bytes")]
    [InlineData(1027, true, "it returned the misaligned address 0x00000403")]
    [InlineData(-1, false, "it returned 0x00000400 for IHostileMalloc.Take2 (b), which overlaps the live buffer at 0x00000400 (8 bytes)")]
    [InlineData(-2, false, "it returned 0x00000404 for IHostileMalloc.Take2 (b), which overlaps the live buffer at 0x00000400 (8 bytes)")]
    public void A_lying_malloc_on_the_second_argument_is_rejected_and_the_first_is_freed(int result, bool words, string reason)
    {
        using var guest = WasmGuest.Builder(TestGuests.MovingEngine, s_lyingMalloc.Value).Instantiate();
        var api = guest.Import<IHostileMalloc>();
        var arm = guest.Instance.GetAction<int, int>("arm")!;
        var live = guest.Instance.GetFunction<int>("live")!;
        var allocator = Assert.IsType<GuestMallocAllocator>(guest.Allocator);

        arm(2, result);
        var error = Assert.Throws<GuestAllocationException>(() =>
            words ? guest.Import<IHostileMallocWords>().TakeWords("abcdefgh", new[] { 1, 2 }) : api.Take2("abcdefgh", "ij"));
        Assert.Contains(reason, error.Message);
        Assert.Equal(words ? 8u : 2u, error.Size);
        Assert.Equal(0, live()); // "abcdefgh" was freed; the lie was never freed
        Assert.Equal(0, allocator.LiveBuffers);

        Assert.False(guest.IsPoisoned); // an allocation failure is not a trap
        arm(0, 0);
        Assert.Equal(3u, api.Take2("x", "yz"));
        Assert.Equal(0, live());
    }

    [Fact]
    public void The_overlap_check_forgets_freed_buffers()
    {
        using var guest = WasmGuest.Builder(TestGuests.MovingEngine, s_lyingMalloc.Value).Instantiate();
        var allocator = Assert.IsType<GuestMallocAllocator>(guest.Allocator);
        uint first = allocator.Allocate(16, 8);
        Assert.Equal(1, allocator.LiveBuffers);
        allocator.Free(first, 16, 8);
        Assert.Equal(0, allocator.LiveBuffers);

        // The lying malloc hands out the freed address again: legal now.
        guest.Instance.GetAction<int, int>("arm")!(1, -1);
        Assert.Equal(first, allocator.Allocate(16, 8));
        allocator.Free(first, 16, 8);
    }

    [Fact]
    public void Store_limits_stop_the_guest_growing_memory_and_the_host_carries_on()
    {
        using var hostile = HostileGuest.Create(configureStore: store => store.SetLimits(memorySize: 4 * 1024 * 1024));
        Assert.Equal(64, hostile.Api.GrowUntilFull());
        Assert.Equal(-1, hostile.Api.Grow(1));
        hostile.AssertStillWorks();
    }

    [Fact]
    public void Store_limits_make_the_guest_malloc_fail_with_a_typed_error_and_nothing_leaks()
    {
        using var hostile = HostileGuest.Create(configureStore: store => store.SetLimits(memorySize: 2 * 1024 * 1024));
        hostile.Api.Take("warm up");
        var baseline = hostile.Usage();

        var error = Assert.Throws<GuestAllocationException>(() => hostile.Api.Take2("first argument", new string('x', 3 * 1024 * 1024)));
        Assert.Equal("guest counted_malloc/counted_free", error.Allocator);
        Assert.Contains("it returned 0 (out of memory)", error.Message);
        Assert.Equal(3u * 1024 * 1024, error.Size);
        hostile.AssertBackTo(baseline);
        hostile.AssertStillWorks();

        // The guest's own mallocs fail the same way inside it; it frees what it got.
        Assert.InRange(hostile.Api.MallocUntilNull(64 * 1024), 10, 32);
        hostile.AssertBackTo(baseline);
    }

    [Theory]
    [InlineData(ScratchAllocator.HostHeap, "host heap (blocks from guest counted_malloc/counted_free)", "has no more memory to give")]
    [InlineData(ScratchAllocator.HostHeapOnGrownPages, "host heap (memory.grow pages)", "memory.grow pages has no more memory to give")]
    [InlineData(ScratchAllocator.Arena, "arena (blocks from guest counted_malloc/counted_free)", "has no more memory to give")]
    public void Store_limits_make_the_host_heap_growth_fail_with_a_typed_error_and_nothing_leaks(
        ScratchAllocator scratch, string allocator, string reason)
    {
        using var hostile = HostileGuest.Create(scratch, configureStore: store => store.SetLimits(memorySize: 2 * 1024 * 1024));
        hostile.Api.Take("warm up");
        var baseline = hostile.Usage();

        var error = Assert.Throws<GuestAllocationException>(() => hostile.Api.Take2("first argument", new string('x', 3 * 1024 * 1024)));
        Assert.Equal(allocator, error.Allocator);
        Assert.Contains(reason, error.Message);
        hostile.AssertBackTo(baseline);
        hostile.AssertStillWorks();
    }
}
