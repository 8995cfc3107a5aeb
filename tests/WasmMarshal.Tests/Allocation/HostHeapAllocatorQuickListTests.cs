using System;
using System.Linq;
using Wasmtime;
using WasmMarshal.Allocation;
using WasmMarshal.Allocators;
using WasmMarshal.Allocators.Regions;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.Allocation;

/// <summary>
/// The host heap through <see cref="IGuestAllocator"/>, as stubs call it, with small freed blocks on the TLSF heap's
/// quick lists: they must never make the heap ask its source for more memory while coalescing would do, and a freed
/// block must still be rejected when freed again.
/// </summary>
public sealed class HostHeapAllocatorQuickListTests
{
    private const uint RegionStart = 0x1_0000;
    private const uint RegionSize = 4096;

    /// <summary>Hands out one region, then counts how often it is asked again and refuses.</summary>
    private sealed class OneRegion : IGuestRegionSource
    {
        public int Requests { get; private set; }

        public string Name => "one region";

        public bool TryObtain(uint minimumSize, out uint start, out uint size)
        {
            Requests++;
            (start, size) = Requests == 1 && minimumSize <= RegionSize ? (RegionStart, RegionSize) : (0u, 0u);
            return size != 0;
        }
    }

    private static (IGuestAllocator Heap, HostHeapAllocator Concrete, OneRegion Source, Store Store) Create()
    {
        var store = new Store(TestGuests.MovingEngine);
        var memory = new GuestMemory(new Memory(store, 2));
        var source = new OneRegion();
        var heap = new HostHeapAllocator(memory, source, minimumGrowth: RegionSize);
        return (heap, heap, source, store);
    }

    [Fact]
    public void Memory_freed_in_small_blocks_is_reused_whole_without_growing()
    {
        var (heap, concrete, source, store) = Create();
        using var _ = store;

        // Fill the region with 64 blocks of 8..120 bytes (exactly 4 KiB), free them all, then take it all at once.
        uint[] sizes = Enumerable.Range(0, 64).Select(i => (uint)(8 + (i % 8) * 16)).ToArray();
        Assert.Equal(RegionSize, (uint)sizes.Sum(s => (long)s));
        uint[] blocks = sizes.Select(size => heap.Allocate(size, 8)).ToArray();
        Assert.Equal(1, source.Requests);
        foreach (var (address, size) in blocks.Zip(sizes).Reverse())
        {
            heap.Free(address, size, 8);
        }

        Assert.Equal(RegionStart, heap.Allocate(RegionSize, 8));
        Assert.Equal(1, source.Requests);
        concrete.Heap.Validate();
        heap.Free(RegionStart, RegionSize, 8);
        Assert.Equal(0, concrete.GetStatistics().LiveAllocations);
        Assert.Equal((ulong)RegionSize, concrete.GetStatistics().LargestFreeBlock);
    }

    [Fact]
    public void A_pair_of_small_buffers_reuses_one_block_and_a_second_free_is_rejected()
    {
        var (heap, concrete, source, store) = Create();
        using var _ = store;
        uint first = heap.Allocate(64, 8);
        heap.Free(first, 64, 8);
        for (int i = 0; i < 100; i++)
        {
            uint again = heap.Allocate(64, 8);
            Assert.Equal(first, again);
            heap.Free(again, 64, 8);
        }

        Assert.Throws<InvalidOperationException>(() => heap.Free(first, 64, 8));
        Assert.Equal(0, concrete.GetStatistics().LiveAllocations);
        Assert.Equal(1, source.Requests);
        Assert.Equal(new[] { (RegionStart, RegionSize, true) }, concrete.Heap.Blocks().ToList());
    }
}
