using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using WasmMarshal.Allocation.Algorithms;
using Xunit;

namespace WasmMarshal.Tests.Allocation;

/// <summary>
/// Random alloc, free, resize and region-growth sequences against the TLSF heap, checked against a model of the live
/// set after every step. CsCheck prints the seed of any failure so it can be replayed.
/// </summary>
public sealed class TlsfHeapPropertyTests
{
    private const uint RegionStart = 0x10000;

    /// <summary>One step: 0..5 allocate, 6..8 free, 9 resize, 10 grow the region (contiguously or elsewhere).</summary>
    private static readonly Gen<(int Kind, uint Size, int AlignLog2, int Pick)> Step =
        Gen.Select(Gen.Int[0, 10], Gen.UInt[0, 4096], Gen.Int[0, 16], Gen.Int[0, int.MaxValue]);

    private static readonly Gen<(uint Start, uint Size, (int Kind, uint Size, int AlignLog2, int Pick)[] Steps)> Scenario =
        Gen.Select(Gen.UInt[1, 64], Gen.UInt[1, 256], Step.Array[1, 300])
            .Select(t => (RegionStart + t.Item1 * 8, t.Item2 * 1024, t.Item3));

    [Fact]
    public void Live_blocks_never_overlap_are_aligned_and_accounting_is_exact() =>
        Scenario.Sample(scenario => Run(scenario.Start, scenario.Size, scenario.Steps), iter: 2000);

    [Fact]
    public void Freeing_everything_coalesces_each_region_back_to_one_block() =>
        Scenario.Sample(scenario =>
        {
            var (heap, live, regions) = Run(scenario.Start, scenario.Size, scenario.Steps);
            foreach (var address in live.Keys.ToList())
            {
                heap.Free(address);
            }

            heap.Validate();
            var blocks = heap.Blocks().ToList();
            Assert.All(blocks, b => Assert.True(b.IsFree));
            Assert.Equal(regions, blocks.Count);
            Assert.Equal(heap.ManagedBytes, (ulong)blocks.Sum(b => (long)b.Size));
            if (regions == 1)
            {
                Assert.Equal(heap.ManagedBytes, heap.GetStatistics().LargestFreeBlock);
                Assert.Equal(0.0, heap.GetStatistics().Fragmentation);
            }

            Assert.Equal(0ul, heap.BytesInUse);
        }, iter: 1000);

    [Fact]
    public void Alignment_up_to_64_KiB_is_honoured()
    {
        var heap = new TlsfHeap();
        heap.AddRegion(8, 4 * 1024 * 1024);
        for (int log2 = 3; log2 <= 16; log2++)
        {
            uint alignment = 1u << log2;
            Assert.True(heap.TryAllocate(24, alignment, out uint address));
            Assert.Equal(0u, address % alignment);
        }

        heap.Validate();
    }

    [Fact]
    public void A_double_free_is_reported()
    {
        var heap = new TlsfHeap();
        heap.AddRegion(64, 4096);
        Assert.True(heap.TryAllocate(16, 8, out uint address));
        heap.Free(address);
        Assert.Throws<InvalidOperationException>(() => heap.Free(address));
    }

    [Fact]
    public void Any_address_that_does_not_start_a_live_block_is_rejected_and_changes_nothing() =>
        Gen.Select(Scenario, Gen.UInt.Array[1, 16], Gen.Int[0, int.MaxValue]).Sample(t =>
        {
            var ((start, size, steps), randomProbes, pick) = t;
            var (heap, live, _) = Run(start, size, steps);
            var probes = new List<uint>(randomProbes);
            if (live.Count > 0)
            {
                uint freed = live.Keys.ElementAt(pick % live.Count);
                heap.Free(freed);
                live.Remove(freed);
                probes.Add(freed); // double free
            }

            foreach (var (address, blockSize) in live)
            {
                probes.Add(address + 1); // misaligned, inside a live block
                probes.Add(address + 4);
                if (blockSize > TlsfHeap.Granularity)
                {
                    probes.Add(address + TlsfHeap.Granularity); // interior, granule-aligned
                }
            }

            var before = heap.Blocks().ToList();
            foreach (uint probe in probes.Where(p => !live.ContainsKey(p)))
            {
                var error = Assert.Throws<InvalidOperationException>(() => heap.Free(probe));
                Assert.Contains("not a live allocation", error.Message);
                Assert.Contains($"0x{probe:X8}", error.Message);
                Assert.Throws<InvalidOperationException>(() => heap.TryResizeInPlace(probe, 8));
                Assert.False(heap.TryGetBlockSize(probe, out _));
            }

            heap.Validate();
            Assert.Equal(before, heap.Blocks().ToList());
            Assert.Equal(live.Count, heap.LiveAllocations);
        }, iter: 500);

    [Fact]
    public void An_address_live_in_another_heap_is_rejected()
    {
        var first = new TlsfHeap();
        first.AddRegion(0x1_0000, 4096);
        var second = new TlsfHeap();
        second.AddRegion(0x2_0000, 4096);
        Assert.True(first.TryAllocate(64, 8, out uint foreign));
        Assert.True(second.TryAllocate(64, 8, out uint own));

        var error = Assert.Throws<InvalidOperationException>(() => second.Free(foreign));
        Assert.Contains("not a live allocation", error.Message);
        second.Validate();
        second.Free(own);
        first.Free(foreign);
        Assert.Equal(0, first.LiveAllocations + second.LiveAllocations);
    }

    [Fact]
    public void A_region_ending_at_4_GiB_allocates_and_frees_its_last_granule()
    {
        var heap = new TlsfHeap();
        heap.AddRegion(0xFFFF_0000, 0x1_0000);
        Assert.True(heap.TryAllocate(0x1_0000 - TlsfHeap.Granularity, 8, out uint low));
        Assert.True(heap.TryAllocate(TlsfHeap.Granularity, 8, out uint last));
        Assert.Equal(0xFFFF_FFF8u, last);
        heap.Validate();
        heap.Free(last);
        heap.Free(low);
        Assert.Throws<InvalidOperationException>(() => heap.Free(0xFFFF_FFF8));
        heap.Validate();
    }

    [Fact]
    public void Resizing_in_place_uses_the_free_neighbour_and_returns_the_tail()
    {
        var heap = new TlsfHeap();
        heap.AddRegion(64, 4096);
        Assert.True(heap.TryAllocate(100, 8, out uint a));
        Assert.True(heap.TryResizeInPlace(a, 1000));
        Assert.True(heap.TryGetBlockSize(a, out uint grown));
        Assert.Equal(1000u, grown);
        Assert.True(heap.TryResizeInPlace(a, 16));
        Assert.True(heap.TryAllocate(64, 8, out uint b));
        Assert.Equal(a + 16, b);
        Assert.False(heap.TryResizeInPlace(a, 1000)); // b is in the way now
        heap.Validate();
    }

    private static (TlsfHeap Heap, Dictionary<uint, uint> Live, int Regions) Run(
        uint start, uint size, (int Kind, uint Size, int AlignLog2, int Pick)[] steps)
    {
        var heap = new TlsfHeap();
        var live = new Dictionary<uint, uint>();
        heap.AddRegion(start, size);
        ulong regionEnd = start + size;
        int regions = 1;
        foreach (var (kind, requested, alignLog2, pick) in steps)
        {
            if (kind <= 5)
            {
                uint alignment = 1u << alignLog2;
                if (heap.TryAllocate(requested, alignment, out uint address))
                {
                    Assert.Equal(0u, address % alignment);
                    Assert.True(heap.TryGetBlockSize(address, out uint blockSize));
                    Assert.True(blockSize >= requested);
                    foreach (var (other, otherSize) in live)
                    {
                        Assert.False(address < other + otherSize && other < address + blockSize,
                            $"0x{address:X}+{blockSize} overlaps 0x{other:X}+{otherSize}");
                    }

                    live.Add(address, blockSize);
                }
                else
                {
                    ulong blockSize = ((ulong)Math.Max(requested, 1u) + 7) & ~7ul;
                    ulong worstCase = alignment <= TlsfHeap.Granularity ? blockSize : blockSize + alignment - TlsfHeap.Granularity;
                    Assert.True(heap.GetStatistics().LargestFreeBlock < worstCase,
                        "an allocation failed although a free block large enough for any alignment exists");
                }
            }
            else if (kind <= 8 && live.Count > 0)
            {
                uint address = live.Keys.ElementAt(pick % live.Count);
                heap.Free(address);
                live.Remove(address);
            }
            else if (kind == 9 && live.Count > 0)
            {
                uint address = live.Keys.ElementAt(pick % live.Count);
                if (heap.TryResizeInPlace(address, requested))
                {
                    Assert.True(heap.TryGetBlockSize(address, out uint resized));
                    Assert.True(resized >= requested);
                    live[address] = resized;
                }
            }
            else if (kind == 10)
            {
                // Grow: half the time exactly at the end (memory.grow), otherwise a separate region further up.
                uint growth = (uint)(pick % 64 + 1) * 1024;
                uint at = pick % 2 == 0 ? (uint)regionEnd : (uint)regionEnd + 4096;
                if (at != regionEnd)
                {
                    regions++;
                }

                heap.AddRegion(at, growth);
                regionEnd = (ulong)at + growth;
            }

            heap.Validate();
            Assert.Equal((ulong)live.Values.Sum(v => (long)v), heap.BytesInUse);
            Assert.Equal(live.Count, heap.LiveAllocations);
        }

        return (heap, live, regions);
    }
}
