using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using WasmMarshal.Allocation.Algorithms;
using Xunit;

namespace WasmMarshal.Tests.Allocation;

/// <summary>
/// The TLSF heap keeps small freed blocks on quick lists without coalescing them. These tests check that nothing
/// outside can tell: against a model that only knows the used ranges and the regions, <see cref="TlsfHeap.Blocks"/>
/// must be exactly the coalesced layout, an allocation of alignment up to 8 must succeed exactly when some gap is large
/// enough, statistics must report the largest gap, and a freed (cached) block must be rejected like any other non-live
/// address.
/// </summary>
public sealed class TlsfHeapQuickListTests
{
    private const uint RegionStart = 0x10000;

    /// <summary>One step: 0..4 small allocation, 5 any allocation, 6..8 free, 9 resize, 10 grow, 11 statistics.</summary>
    private static readonly Gen<(int Kind, uint Size, int AlignLog2, int Pick)> Step =
        Gen.Select(Gen.Int[0, 11], Gen.UInt[0, 4096], Gen.Int[0, 12], Gen.Int[0, int.MaxValue]);

    private static readonly Gen<(uint Start, uint Size, (int Kind, uint Size, int AlignLog2, int Pick)[] Steps)> Scenario =
        Gen.Select(Gen.UInt[0, 64], Gen.UInt[1, 32], Step.Array[1, 400])
            .Select(t => (RegionStart + t.Item1 * 8, t.Item2 * 512, t.Item3));

    [Fact]
    public void Every_observation_matches_a_model_of_used_ranges_after_every_step() =>
        Scenario.Sample(scenario => Run(scenario.Start, scenario.Size, scenario.Steps), iter: 1000);

    [Fact]
    public void Freeing_many_small_blocks_of_mixed_sizes_leaves_one_block_the_size_of_the_region() =>
        Gen.Select(Gen.UInt[1, 256].Array[1, 200], Gen.Int[0, int.MaxValue]).Sample(t =>
        {
            var (sizes, seed) = t;
            var heap = new TlsfHeap();
            uint total = (uint)sizes.Sum(s => (long)RoundUp(s));
            heap.AddRegion(RegionStart, total);
            var addresses = sizes.Select(s => Allocated(heap, s, 8)).ToList();
            Assert.False(heap.TryAllocate(1, 8, out _)); // the region is exactly full

            var random = new Random(seed);
            foreach (uint address in addresses.OrderBy(_ => random.Next()))
            {
                heap.Free(address);
                heap.Validate();
            }

            Assert.Equal(new[] { (RegionStart, total, true) }, heap.Blocks().ToList());
            Assert.Equal(0, heap.LiveAllocations);

            // The whole region in one block: only possible if every cached block is coalesced first.
            Assert.True(heap.TryAllocate(total, 8, out uint whole));
            Assert.Equal(RegionStart, whole);
            heap.Validate();
        }, iter: 500);

    [Fact]
    public void Statistics_report_the_coalesced_free_space()
    {
        var heap = new TlsfHeap();
        heap.AddRegion(RegionStart, 1024);
        uint[] blocks = Enumerable.Range(0, 16).Select(_ => Allocated(heap, 64, 8)).ToArray();
        foreach (uint address in blocks)
        {
            heap.Free(address);
        }

        var statistics = heap.GetStatistics();
        Assert.Equal(1024ul, statistics.LargestFreeBlock);
        Assert.Equal(1024ul, statistics.FreeBytes);
        Assert.Equal(0.0, statistics.Fragmentation);
        Assert.Equal(0, statistics.LiveAllocations);
        heap.Validate();
    }

    [Fact]
    public void A_freed_small_block_is_not_live_any_more()
    {
        var heap = new TlsfHeap();
        heap.AddRegion(RegionStart, 4096);
        uint address = Allocated(heap, 64, 8);
        uint neighbour = Allocated(heap, 64, 8);
        heap.Free(address);

        Assert.Equal(1, heap.LiveAllocations);
        Assert.Equal(64ul, heap.BytesInUse);
        Assert.False(heap.TryGetBlockSize(address, out _));
        Assert.Throws<InvalidOperationException>(() => heap.TryResizeInPlace(address, 32));
        var error = Assert.Throws<InvalidOperationException>(() => heap.Free(address));
        Assert.Contains($"0x{address:X8} is not a live allocation", error.Message);
        heap.Validate();

        // The next allocation of that size takes the same block back, and then it is live again.
        Assert.Equal(address, Allocated(heap, 60, 4));
        Assert.True(heap.TryGetBlockSize(address, out uint size));
        Assert.Equal(64u, size);
        heap.Free(address);
        heap.Free(neighbour);
        heap.Validate();
        Assert.Equal(new[] { (RegionStart, 4096u, true) }, heap.Blocks().ToList());
    }

    [Fact]
    public void A_cached_block_serves_a_larger_alignment_only_where_its_address_has_it()
    {
        var heap = new TlsfHeap();
        heap.AddRegion(RegionStart, 4096);
        uint aligned = Allocated(heap, 64, 64);
        uint misaligned = Allocated(heap, 64, 8);
        Assert.Equal(0u, aligned % 64);
        Assert.Equal(aligned + 64, misaligned);
        uint guard = Allocated(heap, 8, 8); // keeps the next block from touching the free tail

        heap.Free(aligned);
        Assert.Equal(aligned, Allocated(heap, 64, 64));
        heap.Free(aligned);
        heap.Free(misaligned); // now on top of the quick list, at an address that is 8 but not 128-aligned
        Assert.NotEqual(0u, misaligned % 128);
        uint wide = Allocated(heap, 64, 128);
        Assert.Equal(0u, wide % 128);
        Assert.NotEqual(misaligned, wide);
        heap.Validate();
        heap.Free(wide);
        heap.Free(guard);
        Assert.Equal(new[] { (RegionStart, 4096u, true) }, heap.Blocks().ToList());
    }

    [Fact]
    public void Growing_in_place_into_a_freed_small_neighbour_succeeds()
    {
        var heap = new TlsfHeap();
        heap.AddRegion(RegionStart, 4096);
        uint first = Allocated(heap, 64, 8);
        uint second = Allocated(heap, 64, 8);
        uint third = Allocated(heap, 64, 8);
        Assert.Equal(first + 64, second);
        heap.Free(second);

        Assert.True(heap.TryResizeInPlace(first, 128));
        Assert.True(heap.TryGetBlockSize(first, out uint size));
        Assert.Equal(128u, size);
        Assert.False(heap.TryResizeInPlace(first, 136)); // third is in the way
        heap.Validate();
        Assert.Equal(
            new[] { (first, 128u, false), (third, 64u, false), (third + 64, 4096 - 192u, true) },
            heap.Blocks().ToList());
    }

    [Fact]
    public void A_quick_list_keeps_at_most_its_depth_and_the_rest_coalesce_at_once()
    {
        var heap = new TlsfHeap();
        heap.AddRegion(RegionStart, 8192);

        // Every other 32-byte block, so the freed ones never touch each other or the free tail.
        uint[] blocks = Enumerable.Range(0, 64).Select(_ => Allocated(heap, 32, 8)).ToArray();
        for (int i = 0; i < blocks.Length; i += 2)
        {
            heap.Free(blocks[i]);
        }

        heap.Validate(); // checks each quick list's length against the depth
        Assert.Equal(32, heap.LiveAllocations);

        // A 40-byte request reuses none of the 32-byte holes, cached or not, and must come from the tail.
        uint tail = Allocated(heap, 40, 8);
        Assert.Equal(blocks[^1] + 32, tail);
    }

    private static uint Allocated(TlsfHeap heap, uint size, uint alignment)
    {
        Assert.True(heap.TryAllocate(size, alignment, out uint address), $"allocation of {size} bytes failed");
        return address;
    }

    private static uint RoundUp(uint size) => (Math.Max(size, 1u) + 7) & ~7u;

    private static void Run(uint start, uint size, (int Kind, uint Size, int AlignLog2, int Pick)[] steps)
    {
        var heap = new TlsfHeap();
        var used = new SortedDictionary<uint, uint>();
        var regions = new List<(uint Start, ulong End)> { (start, (ulong)start + size) };
        var freed = new List<uint>();
        heap.AddRegion(start, size);
        foreach (var (kind, requested, alignLog2, pick) in steps)
        {
            if (kind <= 5)
            {
                uint request = kind <= 4 ? requested % 300 : requested;
                uint alignment = kind <= 3 ? 1u << (alignLog2 % 4) : 1u << alignLog2;
                ulong blockSize = RoundUp(request);
                ulong largestGap = Gaps(used, regions).Select(g => g.Size).DefaultIfEmpty(0ul).Max();
                if (heap.TryAllocate(request, alignment, out uint address))
                {
                    Assert.Equal(0u, address % alignment);
                    Assert.True(heap.TryGetBlockSize(address, out uint blockSizeGiven));
                    Assert.Equal(blockSize, blockSizeGiven);
                    Assert.Contains(Gaps(used, regions), g => address >= g.Start && address + blockSize <= g.Start + g.Size);
                    used.Add(address, (uint)blockSize);
                    freed.Remove(address);
                }
                else
                {
                    // Alignment up to the granularity needs only a large enough gap; larger ones may need the slack.
                    ulong worstCase = alignment <= TlsfHeap.Granularity ? blockSize : blockSize + alignment - TlsfHeap.Granularity;
                    Assert.True(largestGap < worstCase, $"allocating {request} bytes (alignment {alignment}) failed beside a free gap of {largestGap}");
                }
            }
            else if (kind <= 8 && used.Count > 0)
            {
                uint address = used.Keys.ElementAt(pick % used.Count);
                heap.Free(address);
                used.Remove(address);
                freed.Add(address);
            }
            else if (kind == 9 && used.Count > 0)
            {
                uint address = used.Keys.ElementAt(pick % used.Count);
                ulong wanted = RoundUp(requested % 600);
                ulong room = NextUsedOrRegionEnd(used, regions, address) - address;
                bool resized = heap.TryResizeInPlace(address, requested % 600);
                Assert.Equal(wanted <= room, resized);
                if (resized)
                {
                    used[address] = (uint)wanted;
                }
            }
            else if (kind == 10)
            {
                uint growth = (uint)(pick % 16 + 1) * 512;
                ulong end = regions[^1].End;
                if (pick % 2 == 0)
                {
                    regions[^1] = (regions[^1].Start, end + growth);
                    heap.AddRegion((uint)end, growth);
                }
                else
                {
                    regions.Add(((uint)end + 4096, end + 4096 + growth));
                    heap.AddRegion((uint)end + 4096, growth);
                }
            }
            else if (kind == 11)
            {
                var statistics = heap.GetStatistics();
                Assert.Equal(Gaps(used, regions).Select(g => g.Size).DefaultIfEmpty(0ul).Max(), statistics.LargestFreeBlock);
                Assert.Equal(used.Count, statistics.LiveAllocations);
            }

            heap.Validate();
            Assert.Equal(Layout(used, regions), heap.Blocks().ToList());
            Assert.Equal(used.Count, heap.LiveAllocations);
            Assert.Equal((ulong)used.Values.Sum(v => (long)v), heap.BytesInUse);
            // The most recently freed blocks are the ones most likely still cached (an exception per step is the
            // expensive part of this test, so only the last one is freed again).
            foreach (uint address in freed.TakeLast(4))
            {
                Assert.False(heap.TryGetBlockSize(address, out _));
            }

            if (freed.Count > 0)
            {
                Assert.Throws<InvalidOperationException>(() => heap.Free(freed[^1]));
            }
        }

        // Freeing everything leaves exactly one free block per region.
        foreach (uint address in used.Keys.ToList())
        {
            heap.Free(address);
        }

        heap.Validate();
        Assert.Equal(regions.Select(r => (r.Start, (uint)(r.End - r.Start), true)).ToList(), heap.Blocks().ToList());
    }

    /// <summary>The free ranges between used blocks, per region, in address order.</summary>
    private static IEnumerable<(uint Start, ulong Size)> Gaps(SortedDictionary<uint, uint> used, List<(uint Start, ulong End)> regions) =>
        Layout(used, regions).Where(b => b.IsFree).Select(b => (b.Address, (ulong)b.Size));

    /// <summary>The blocks a fully coalesced heap has: each used range, and one free block for each gap between them.</summary>
    private static List<(uint Address, uint Size, bool IsFree)> Layout(SortedDictionary<uint, uint> used, List<(uint Start, ulong End)> regions)
    {
        var layout = new List<(uint, uint, bool)>();
        foreach (var (start, end) in regions)
        {
            ulong cursor = start;
            foreach (var (address, size) in used.Where(u => u.Key >= start && u.Key < end))
            {
                if (address > cursor)
                {
                    layout.Add(((uint)cursor, (uint)(address - cursor), true));
                }

                layout.Add((address, size, false));
                cursor = (ulong)address + size;
            }

            if (end > cursor)
            {
                layout.Add(((uint)cursor, (uint)(end - cursor), true));
            }
        }

        return layout;
    }

    private static ulong NextUsedOrRegionEnd(SortedDictionary<uint, uint> used, List<(uint Start, ulong End)> regions, uint address)
    {
        ulong regionEnd = regions.First(r => address >= r.Start && address < r.End).End;
        var next = used.Keys.Where(a => a > address && a < regionEnd).DefaultIfEmpty(0u).Min();
        return next == 0 ? regionEnd : next;
    }
}
