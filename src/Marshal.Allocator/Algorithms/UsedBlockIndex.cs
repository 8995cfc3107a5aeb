using System;

namespace WasmMarshal.Allocation.Algorithms;

/// <summary>
/// Finds the used block that starts at an address, for <see cref="TlsfHeap"/>: a two-level page table with one slot per
/// granule, so a lookup is two array loads and no hashing. A page (64 KiB of address space, the WebAssembly page size)
/// gets its 32 KiB slot array the first time a used block starts in it and keeps it, so allocation churn never
/// reallocates; the page directory covers addresses up to the highest region end. Blocks freed onto the heap's quick
/// lists stay indexed (the heap tells them from live ones by their node), so a cached pair writes no slot.
/// </summary>
internal sealed class UsedBlockIndex
{
    private const int PageShift = 16;
    private const uint OffsetMask = (1u << PageShift) - 1;
    private const int GranuleShift = TlsfHeap.GranularityLog2;
    private const int SlotsPerPage = 1 << (PageShift - GranuleShift);

    // A slot holds node + 1, so the zeroes of a fresh page mean "no used block starts here".
    private int[]?[] _pages = [];
    private int _count;

    /// <summary>Used blocks indexed.</summary>
    public int Count => _count;

    /// <summary>Makes addresses below <paramref name="end"/> indexable.</summary>
    public void Cover(ulong end)
    {
        ulong pagesNeeded = (end + OffsetMask) >> PageShift;
        if (pagesNeeded > (ulong)_pages.Length)
        {
            Array.Resize(ref _pages, (int)pagesNeeded);
        }
    }

    /// <summary>Records that the used block <paramref name="node"/> starts at <paramref name="address"/>.</summary>
    public void Add(uint address, int node)
    {
        // Read the page, not a ref to its slot: a ref into an array of arrays costs a covariance check on every call.
        int[]? page = _pages[address >> PageShift];
        if (page is null)
        {
            page = new int[SlotsPerPage];
            _pages[address >> PageShift] = page;
        }

        page[(address & OffsetMask) >> GranuleShift] = node + 1;
        _count++;
    }

    /// <summary>The node of the used block starting at <paramref name="address"/>, or -1 when none starts there.</summary>
    public int Find(uint address)
    {
        uint pageNumber = address >> PageShift;
        int[]?[] pages = _pages;
        if (pageNumber >= (uint)pages.Length || (address & (TlsfHeap.Granularity - 1)) != 0)
        {
            return -1;
        }

        int[]? page = pages[pageNumber];
        return page is null ? -1 : page[(address & OffsetMask) >> GranuleShift] - 1;
    }

    /// <summary>Forgets the used block starting at <paramref name="address"/>, which <see cref="Find"/> has found.</summary>
    public void Clear(uint address)
    {
        _pages[address >> PageShift]![(address & OffsetMask) >> GranuleShift] = 0;
        _count--;
    }

    /// <summary>Counts the occupied slots by scanning every page, to check <see cref="Count"/>. O(pages); for validation.</summary>
    public int CountSlots()
    {
        int occupied = 0;
        foreach (int[]? page in _pages)
        {
            if (page is null)
            {
                continue;
            }

            foreach (int slot in page)
            {
                if (slot != 0)
                {
                    occupied++;
                }
            }
        }

        return occupied;
    }
}
