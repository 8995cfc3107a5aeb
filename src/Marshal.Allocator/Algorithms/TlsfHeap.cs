using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace WasmMarshal.Allocation.Algorithms;

/// <summary>
/// A two-level segregated-fit (TLSF) allocator over address ranges. Every piece of metadata lives in host arrays: the
/// managed memory itself holds zero header bytes, so the ranges can be a guest's linear memory. Allocation and free
/// are O(1) (two bitmap scans and list operations), free coalesces with both physical neighbours (see below for small
/// blocks), and any power-of-two alignment up to 64 KiB is supported.
/// </summary>
/// <remarks>
/// <para>
/// Small blocks (up to <see cref="QuickMaxBytes"/>) are cached: freeing one puts it, uncoalesced, on a LIFO quick list
/// of its exact size (at most <see cref="QuickListDepth"/> blocks per size), and the next allocation of that size
/// takes it back if its address has the requested alignment, so an allocate + free pair of a small buffer touches no
/// bitmap, free list or neighbour (tcache, in dlmalloc's terms). What "free coalesces" means is therefore: every
/// observation shows the coalesced state. <see cref="Blocks"/> reports each run of adjacent free and cached blocks as
/// one free block; <see cref="GetStatistics"/> and a <see cref="TryResizeInPlace"/> that would grow into a cached
/// neighbour coalesce the cached blocks first; and an allocation that finds no free block coalesces them and searches
/// again before it fails, so an allocation fails only when no free block of the coalesced heap is large enough. A
/// cached block is not a live allocation: freeing it again, resizing it or asking its size is rejected as for any
/// address that starts no live block. The cache holds at most 33,792 bytes (8 blocks of each of the 32 sizes).
/// </para>
/// <para>
/// Block sizes and addresses are multiples of <see cref="Granularity"/>. Separate regions never coalesce with each
/// other, unless a region is added exactly at the end of an existing one (memory.grow), which extends it.
/// Used blocks are found by address through a page table (<see cref="UsedBlockIndex"/>), which costs the host 32 KiB
/// for each 64 KiB page in which a block has ever been allocated. Not thread-safe.
/// </para>
/// </remarks>
public sealed class TlsfHeap
{
    /// <summary>The allocation granularity and minimum alignment, in bytes.</summary>
    public const uint Granularity = 1u << GranularityLog2;

    internal const int GranularityLog2 = 3;

    /// <summary>The largest supported alignment.</summary>
    public const uint MaxAlignment = 64 * 1024;

    private const int SecondLevelLog2 = 4;
    private const int SecondLevelCount = 1 << SecondLevelLog2;
    private const int FirstLevelShift = SecondLevelLog2 + GranularityLog2;
    private const uint SmallBlock = 1u << FirstLevelShift;
    private const int FirstLevelCount = 32 - FirstLevelShift + 1;
    private const int None = -1;

    /// <summary>The largest block size kept on a quick list when freed.</summary>
    internal const uint QuickMaxBytes = 256;

    /// <summary>How many freed blocks of one size a quick list keeps; further frees of that size coalesce at once.</summary>
    internal const int QuickListDepth = 8;

    private const int QuickClassCount = (int)(QuickMaxBytes >> GranularityLog2) + 1;

    // Quick list heads by size in granules (index 0 unused), linked through Node.NextFree; their lengths; their total.
    private readonly int[] _quickHeads = new int[QuickClassCount];
    private readonly int[] _quickDepths = new int[QuickClassCount];
    private int _cachedCount;

    private readonly int[] _heads = new int[FirstLevelCount * SecondLevelCount];
    private readonly uint[] _secondLevelBitmaps = new uint[FirstLevelCount];
    private readonly UsedBlockIndex _usedByAddress = new();
    private readonly List<int> _regionTails = new();
    private Node[] _nodes = new Node[64];
    private int _nodeCount;
    private int _recycledNodes = None;
    private uint _firstLevelBitmap;

    private ulong _bytesInUse;
    private ulong _peakBytesInUse;
    private long _allocationCount;
    private ulong _managedBytes;

    /// <summary>Creates an empty heap; add memory with <see cref="AddRegion"/>.</summary>
    public TlsfHeap()
    {
        Array.Fill(_heads, None);
        Array.Fill(_quickHeads, None);
    }

    /// <summary>Live allocations.</summary>
    public long LiveAllocations => _usedByAddress.Count - _cachedCount;

    /// <summary>Bytes in live blocks.</summary>
    public ulong BytesInUse => _bytesInUse;

    /// <summary>All bytes under management.</summary>
    public ulong ManagedBytes => _managedBytes;

    /// <summary>
    /// Adds <c>[start, start + size)</c> to the heap. Both are rounded inward to <see cref="Granularity"/>. A region that
    /// starts exactly where an earlier one ends extends it, so blocks can coalesce across the seam.
    /// </summary>
    public void AddRegion(uint start, uint size)
    {
        ulong alignedStart = AlignUp(start, Granularity);
        ulong end = ((ulong)start + size) & ~(ulong)(Granularity - 1);
        if (end > uint.MaxValue + 1ul)
        {
            throw new ArgumentOutOfRangeException(nameof(size), "The region extends past 4 GiB.");
        }

        if (end <= alignedStart)
        {
            return;
        }

        uint blockStart = (uint)alignedStart;
        uint blockSize = (uint)(end - alignedStart);
        _managedBytes += blockSize;
        _usedByAddress.Cover(end);

        for (int i = 0; i < _regionTails.Count; i++)
        {
            int tail = _regionTails[i];
            ref Node last = ref _nodes[tail];
            if ((ulong)last.Address + last.Size != blockStart)
            {
                continue;
            }

            if (last.IsFree)
            {
                RemoveFree(tail);
                _nodes[tail].Size += blockSize;
                InsertFree(tail);
            }
            else
            {
                int extension = NewNode(blockStart, blockSize);
                _nodes[extension].PrevPhysical = tail;
                ReplaceTail(tail, extension);
                _nodes[tail].NextPhysical = extension;
                InsertFree(extension);
            }

            return;
        }

        int node = NewNode(blockStart, blockSize);
        _nodes[node].TailOfRegion = _regionTails.Count;
        _regionTails.Add(node);
        InsertFree(node);
    }

    /// <summary>
    /// Allocates <paramref name="size"/> bytes aligned to <paramref name="alignment"/>; returns false when no free block
    /// is large enough (the caller may add a region and retry).
    /// </summary>
    public bool TryAllocate(uint size, uint alignment, out uint address)
    {
        // One compare catches both 0 (which wraps) and alignments above 64 KiB.
        if (alignment - 1 >= MaxAlignment || (alignment & (alignment - 1)) != 0)
        {
            ThrowBadAlignment(alignment);
        }

        if (size <= QuickMaxBytes)
        {
            // The most recently cached block of exactly this size, if its address has the alignment (any cached block
            // has up to the granularity). Index 0 of the quick lists (size 0) is always empty and falls through; the
            // size check above keeps the index within the lists.
            uint granules = (size + (Granularity - 1)) >> GranularityLog2;
            ref int head = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_quickHeads), (int)granules);
            int cached = head;
            if (cached != None && (_nodes[cached].Address & (alignment - 1)) == 0)
            {
                ref Node block = ref _nodes[cached];
                head = block.NextFree;
                Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_quickDepths), (int)granules)--;
                _cachedCount--;
                block.IsCached = false;
                _bytesInUse += block.Size;
                _peakBytesInUse = Math.Max(_peakBytesInUse, _bytesInUse);
                _allocationCount++;
                address = block.Address;
                return true;
            }
        }

        return TryAllocateFromFreeLists(size, alignment, out address);
    }

    private bool TryAllocateFromFreeLists(uint size, uint alignment, out uint address)
    {
        ulong blockSize = AlignUp(Math.Max(size, 1u), Granularity);
        ulong searchSize = alignment <= Granularity ? blockSize : blockSize + alignment - Granularity;
        if (searchSize > uint.MaxValue - SmallBlock)
        {
            address = 0;
            return false;
        }

        int node = FindFree((uint)searchSize);
        if (node == None)
        {
            // The good-fit search skips the request's own size class, whose blocks may be smaller than the request.
            // Before failing, scan that one class for a block that fits, so failure means no free block is large enough.
            node = FindInOwnClass((uint)searchSize);
            if (node == None)
            {
                // Cached blocks may coalesce into one large enough: this allocation fails only if the coalesced heap
                // has no block that fits.
                if (_cachedCount != 0)
                {
                    CoalesceCached();
                    return TryAllocateFromFreeLists(size, alignment, out address);
                }

                address = 0;
                return false;
            }
        }

        uint start = _nodes[node].Address;
        uint aligned = (uint)AlignUp(start, alignment);
        uint remainder = _nodes[node].Size - (uint)blockSize;
        if (aligned == start && remainder >= Granularity)
        {
            // Carve the block off the front: the free rest keeps its node, and its place in its free list unless it
            // drops to a smaller size class, so usually no list or bitmap changes (for example at the free end of a
            // region, whatever the size of the block carved).
            int rest = node;
            int oldClass = ClassOf(_nodes[rest].Size);
            int newClass = ClassOf(remainder);
            if (newClass != oldClass)
            {
                RemoveFree(rest, oldClass);
            }

            node = NewNode(start, (uint)blockSize);
            ref Node free = ref _nodes[rest];
            ref Node carved = ref _nodes[node];
            int prev = free.PrevPhysical;
            carved.PrevPhysical = prev;
            carved.NextPhysical = rest;
            if (prev != None)
            {
                _nodes[prev].NextPhysical = node;
            }

            free.PrevPhysical = node;
            free.Address = start + (uint)blockSize;
            free.Size = remainder;
            if (newClass != oldClass)
            {
                InsertFree(rest, newClass);
            }
        }
        else
        {
            RemoveFree(node);
            if (aligned != start)
            {
                // Give the leading gap back as its own free block; it is a multiple of the granularity, so never too small.
                int lead = node;
                node = SplitAt(lead, aligned - start);
                InsertFree(lead);
            }

            if (_nodes[node].Size - blockSize >= Granularity)
            {
                int tail = SplitAt(node, (uint)blockSize);
                InsertFree(tail);
            }
        }

        ref Node used = ref _nodes[node];
        used.IsFree = false;
        _usedByAddress.Add(used.Address, node);
        _bytesInUse += used.Size;
        _peakBytesInUse = Math.Max(_peakBytesInUse, _bytesInUse);
        _allocationCount++;
        address = used.Address;
        return true;
    }

    /// <summary>Frees the allocation at <paramref name="address"/>, coalescing with free neighbours.</summary>
    /// <exception cref="InvalidOperationException">The address is not a live allocation (double or foreign free).</exception>
    public void Free(uint address)
    {
        if (!TryFree(address))
        {
            ThrowNotLive(address, " (double free or foreign pointer)");
        }
    }

    /// <summary>
    /// <see cref="Free"/> that returns false, changing nothing, when <paramref name="address"/> is not a live allocation:
    /// for callers that must not throw on their cleanup path.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryFree(uint address)
    {
        int node = _usedByAddress.Find(address);
        if (node == None || _nodes[node].IsCached)
        {
            return false;
        }

        ref Node block = ref _nodes[node];
        uint size = block.Size;
        _bytesInUse -= size;
        if (size <= QuickMaxBytes)
        {
            // Cache it for the next allocation of this size: it stays in the address index (so a second free finds it
            // and is rejected as cached) and out of the free lists.
            uint granules = size >> GranularityLog2;
            ref int depth = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_quickDepths), (int)granules);
            if (depth < QuickListDepth)
            {
                ref int head = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_quickHeads), (int)granules);
                block.IsCached = true;
                block.NextFree = head;
                head = node;
                depth++;
                _cachedCount++;
                return true;
            }
        }

        _usedByAddress.Clear(address);
        ReleaseToFreeLists(node);
        return true;
    }

    /// <summary>Marks a block that is out of the address index free and coalesces it with its free neighbours.</summary>
    private void ReleaseToFreeLists(int node)
    {
        ref Node block = ref _nodes[node];
        int prev = block.PrevPhysical;
        int next = block.NextPhysical;
        if (next != None && (prev == None || !_nodes[prev].IsFree))
        {
            if (_nodes[next].IsFree)
            {
                // Only the free successor merges: it absorbs the block and keeps its node, and its place in its free
                // list unless it grows into a larger size class (the mirror of the carve in allocation).
                uint merged = _nodes[next].Size + block.Size;
                int oldClass = ClassOf(_nodes[next].Size);
                int newClass = ClassOf(merged);
                if (newClass != oldClass)
                {
                    RemoveFree(next, oldClass);
                }

                ref Node following = ref _nodes[next];
                following.Address = block.Address;
                following.Size = merged;
                following.PrevPhysical = prev;
                if (prev != None)
                {
                    _nodes[prev].NextPhysical = next;
                }

                block.NextFree = _recycledNodes;
                _recycledNodes = node;
                if (newClass != oldClass)
                {
                    InsertFree(next, newClass);
                }

                return;
            }
        }

        block.IsFree = true;
        node = MergeWithNext(MergeWithPrevious(node));
        InsertFree(node);
    }

    /// <summary>Empties the quick lists, coalescing every cached block as an ordinary free would have.</summary>
    private void CoalesceCached()
    {
        for (int granules = 1; granules < QuickClassCount && _cachedCount != 0; granules++)
        {
            int node = _quickHeads[granules];
            while (node != None)
            {
                int next = _nodes[node].NextFree;
                _nodes[node].IsCached = false;
                _nodes[node].NextFree = None;
                _usedByAddress.Clear(_nodes[node].Address);
                ReleaseToFreeLists(node);
                _cachedCount--;
                node = next;
            }

            _quickHeads[granules] = None;
            _quickDepths[granules] = 0;
        }
    }

    /// <summary>The size of the block holding the live allocation at <paramref name="address"/>.</summary>
    public bool TryGetBlockSize(uint address, out uint size)
    {
        int node = _usedByAddress.Find(address);
        if (node != None && !_nodes[node].IsCached)
        {
            size = _nodes[node].Size;
            return true;
        }

        size = 0;
        return false;
    }

    /// <summary>
    /// Resizes the allocation at <paramref name="address"/> without moving it: shrinking always succeeds, growing
    /// succeeds when the next block is free and large enough. Returns false when the caller must move the data.
    /// </summary>
    public bool TryResizeInPlace(uint address, uint newSize)
    {
        int node = _usedByAddress.Find(address);
        if (node == None || _nodes[node].IsCached)
        {
            ThrowNotLive(address, "");
        }

        ulong wanted = AlignUp(Math.Max(newSize, 1u), Granularity);
        uint current = _nodes[node].Size;
        if (wanted > current)
        {
            int next = _nodes[node].NextPhysical;
            if (next != None && (_nodes[next].IsCached || (_nodes[next].IsFree && NextIsCached(next))))
            {
                // Seen from outside, the neighbour is one free block with any cached blocks around it. A run of free
                // and cached blocks never has two free ones in a row, so a cached block, if any, is among its first
                // two: coalescing the cache then leaves the whole run as the one free neighbour.
                CoalesceCached();
                next = _nodes[node].NextPhysical;
            }

            if (next == None || !_nodes[next].IsFree || (ulong)current + _nodes[next].Size < wanted)
            {
                return false;
            }

            RemoveFree(next);
            _nodes[node].Size += _nodes[next].Size;
            Unlink(next);
            _bytesInUse += _nodes[node].Size - current;
        }

        if (_nodes[node].Size - wanted >= Granularity)
        {
            uint before = _nodes[node].Size;
            int tail = SplitAt(node, (uint)wanted);
            _nodes[tail].IsFree = true;
            _bytesInUse -= before - (uint)wanted;
            InsertFree(MergeWithNext(tail));
        }

        _peakBytesInUse = Math.Max(_peakBytesInUse, _bytesInUse);
        return true;
    }

    /// <summary>
    /// The current accounting. <see cref="AllocatorStatistics.LargestFreeBlock"/> scans one size class, after the quick
    /// lists are coalesced (at most <see cref="QuickListDepth"/> blocks per small size), so it is the coalesced truth.
    /// </summary>
    public AllocatorStatistics GetStatistics()
    {
        CoalesceCached();
        return new(
            _bytesInUse, _peakBytesInUse, LiveAllocations, _allocationCount,
            _managedBytes - _bytesInUse, LargestFreeBlock(), _managedBytes);
    }

    /// <summary>
    /// Every block in address order, for tests and memory maps, as coalesced: a run of adjacent free and cached blocks
    /// is one free block. Does not change the heap.
    /// </summary>
    public IEnumerable<(uint Address, uint Size, bool IsFree)> Blocks()
    {
        var heads = new List<int>();
        foreach (int tail in _regionTails)
        {
            int node = tail;
            while (_nodes[node].PrevPhysical != None)
            {
                node = _nodes[node].PrevPhysical;
            }

            heads.Add(node);
        }

        heads.Sort((a, b) => _nodes[a].Address.CompareTo(_nodes[b].Address));
        foreach (int head in heads)
        {
            for (int node = head; node != None; node = _nodes[node].NextPhysical)
            {
                Node block = _nodes[node];
                if (!block.IsFree && !block.IsCached)
                {
                    yield return (block.Address, block.Size, false);
                    continue;
                }

                uint start = block.Address;
                ulong size = block.Size;
                for (int next = block.NextPhysical; next != None && (_nodes[next].IsFree || _nodes[next].IsCached); next = _nodes[next].NextPhysical)
                {
                    size += _nodes[next].Size;
                    node = next;
                }

                yield return (start, (uint)size, true);
            }
        }
    }

    /// <summary>
    /// Checks every internal invariant (physical chains contiguous, no adjacent free blocks, free lists, quick lists and
    /// bitmaps consistent, accounting exact) and throws <see cref="InvalidOperationException"/> on the first violation.
    /// Does not coalesce the quick lists, so it checks the heap as it is. Meant for tests; O(blocks).
    /// </summary>
    public void Validate()
    {
        ulong used = 0, total = 0;
        int freeBlocks = 0, usedBlocks = 0, cachedBlocks = 0;
        for (int region = 0; region < _regionTails.Count; region++)
        {
            int tail = _regionTails[region];
            if (_nodes[tail].NextPhysical != None)
            {
                throw new InvalidOperationException("A region tail has a successor.");
            }

            if (_nodes[tail].TailOfRegion != region)
            {
                throw new InvalidOperationException($"The tail of region {region} records region {_nodes[tail].TailOfRegion}.");
            }

            for (int node = tail; node != None; node = _nodes[node].PrevPhysical)
            {
                ref Node n = ref _nodes[node];
                total += n.Size;
                if (n.Size == 0 || n.Size % Granularity != 0 || n.Address % Granularity != 0)
                {
                    throw new InvalidOperationException($"Block 0x{n.Address:X8} has size {n.Size}.");
                }

                int prev = n.PrevPhysical;
                if (prev != None)
                {
                    if ((ulong)_nodes[prev].Address + _nodes[prev].Size != n.Address || _nodes[prev].NextPhysical != node)
                    {
                        throw new InvalidOperationException($"Blocks before 0x{n.Address:X8} are not contiguous.");
                    }

                    if (_nodes[prev].IsFree && n.IsFree)
                    {
                        throw new InvalidOperationException($"Free blocks at 0x{_nodes[prev].Address:X8} and 0x{n.Address:X8} were not coalesced.");
                    }
                }

                if (n.IsFree && n.IsCached)
                {
                    throw new InvalidOperationException($"Block 0x{n.Address:X8} is both free and cached.");
                }

                if (n.IsCached)
                {
                    cachedBlocks++;
                    if (n.Size > QuickMaxBytes || !QuickListContains((int)(n.Size >> GranularityLog2), node))
                    {
                        throw new InvalidOperationException($"Cached block 0x{n.Address:X8} is not on the quick list of its size.");
                    }

                    if (_usedByAddress.Find(n.Address) != node)
                    {
                        throw new InvalidOperationException($"Cached block 0x{n.Address:X8} is not indexed.");
                    }
                }
                else if (n.IsFree)
                {
                    freeBlocks++;
                    Mapping(n.Size, out int fl, out int sl);
                    if (!ListContains(fl * SecondLevelCount + sl, node))
                    {
                        throw new InvalidOperationException($"Free block 0x{n.Address:X8} is not in its size class.");
                    }
                }
                else
                {
                    usedBlocks++;
                    used += n.Size;
                    if (_usedByAddress.Find(n.Address) != node)
                    {
                        throw new InvalidOperationException($"Used block 0x{n.Address:X8} is not indexed.");
                    }
                }
            }
        }

        int listed = 0;
        for (int fl = 0; fl < FirstLevelCount; fl++)
        {
            for (int sl = 0; sl < SecondLevelCount; sl++)
            {
                int count = 0;
                for (int node = _heads[fl * SecondLevelCount + sl]; node != None; node = _nodes[node].NextFree)
                {
                    count++;
                }

                bool bit = (_secondLevelBitmaps[fl] & (1u << sl)) != 0;
                if (bit != (count > 0))
                {
                    throw new InvalidOperationException($"Bitmap for class ({fl}, {sl}) disagrees with its list.");
                }

                listed += count;
            }

            if (((_firstLevelBitmap & (1u << fl)) != 0) != (_secondLevelBitmaps[fl] != 0))
            {
                throw new InvalidOperationException($"First-level bitmap bit {fl} is wrong.");
            }
        }

        int quickListed = 0;
        for (int granules = 0; granules < QuickClassCount; granules++)
        {
            int length = 0;
            for (int node = _quickHeads[granules]; node != None; node = _nodes[node].NextFree)
            {
                if (!_nodes[node].IsCached || _nodes[node].Size != granules << GranularityLog2 || ++length > QuickListDepth)
                {
                    throw new InvalidOperationException($"Quick list {granules * Granularity} holds 0x{_nodes[node].Address:X8} wrongly (size {_nodes[node].Size}, entry {length}).");
                }
            }

            if (length != _quickDepths[granules])
            {
                throw new InvalidOperationException($"Quick list {granules * Granularity} has {length} blocks, recorded {_quickDepths[granules]}.");
            }

            quickListed += length;
        }

        int indexed = _usedByAddress.CountSlots();
        if (listed != freeBlocks || quickListed != cachedBlocks || cachedBlocks != _cachedCount || usedBlocks + cachedBlocks != indexed
            || indexed != _usedByAddress.Count || used != _bytesInUse || total != _managedBytes)
        {
            throw new InvalidOperationException(
                $"Accounting mismatch: {listed} listed vs {freeBlocks} free blocks, {quickListed} quick-listed vs {cachedBlocks} cached (counted {_cachedCount}), {usedBlocks} used + {cachedBlocks} cached vs {indexed} indexed (counted {_usedByAddress.Count}), {used} vs {_bytesInUse} bytes in use, {total} vs {_managedBytes} managed.");
        }
    }

    private bool QuickListContains(int granules, int target)
    {
        for (int node = _quickHeads[granules]; node != None; node = _nodes[node].NextFree)
        {
            if (node == target)
            {
                return true;
            }
        }

        return false;
    }

    private bool NextIsCached(int node)
    {
        int next = _nodes[node].NextPhysical;
        return next != None && _nodes[next].IsCached;
    }

    private bool ListContains(int list, int target)
    {
        for (int node = _heads[list]; node != None; node = _nodes[node].NextFree)
        {
            if (node == target)
            {
                return true;
            }
        }

        return false;
    }

    private ulong LargestFreeBlock()
    {
        if (_firstLevelBitmap == 0)
        {
            return 0;
        }

        int fl = 31 - BitOperations.LeadingZeroCount(_firstLevelBitmap);
        int sl = 31 - BitOperations.LeadingZeroCount(_secondLevelBitmaps[fl]);
        uint largest = 0;
        for (int node = _heads[fl * SecondLevelCount + sl]; node != None; node = _nodes[node].NextFree)
        {
            largest = Math.Max(largest, _nodes[node].Size);
        }

        return largest;
    }

    /// <summary>Splits <paramref name="node"/> after <paramref name="offset"/> bytes; returns the new upper node.</summary>
    private int SplitAt(int node, uint offset)
    {
        int upper = NewNode(_nodes[node].Address + offset, _nodes[node].Size - offset);
        ref Node lower = ref _nodes[node];
        lower.Size = offset;
        int next = lower.NextPhysical;
        _nodes[upper].PrevPhysical = node;
        _nodes[upper].NextPhysical = next;
        _nodes[upper].IsFree = lower.IsFree;
        lower.NextPhysical = upper;
        if (next != None)
        {
            _nodes[next].PrevPhysical = upper;
        }
        else
        {
            ReplaceTail(node, upper);
        }

        return upper;
    }

    private int MergeWithPrevious(int node)
    {
        int prev = _nodes[node].PrevPhysical;
        if (prev == None || !_nodes[prev].IsFree)
        {
            return node;
        }

        RemoveFree(prev);
        _nodes[prev].Size += _nodes[node].Size;
        Unlink(node);
        return prev;
    }

    private int MergeWithNext(int node)
    {
        int next = _nodes[node].NextPhysical;
        if (next == None || !_nodes[next].IsFree)
        {
            return node;
        }

        RemoveFree(next);
        _nodes[node].Size += _nodes[next].Size;
        Unlink(next);
        return node;
    }

    /// <summary>Removes an absorbed node from the physical chain and recycles it.</summary>
    private void Unlink(int node)
    {
        int prev = _nodes[node].PrevPhysical;
        int next = _nodes[node].NextPhysical;
        _nodes[prev].NextPhysical = next;
        if (next != None)
        {
            _nodes[next].PrevPhysical = prev;
        }
        else
        {
            ReplaceTail(node, prev);
        }

        _nodes[node].NextFree = _recycledNodes;
        _recycledNodes = node;
    }

    private void ReplaceTail(int oldTail, int newTail)
    {
        int region = _nodes[oldTail].TailOfRegion;
        _regionTails[region] = newTail;
        _nodes[newTail].TailOfRegion = region;
    }

    private int NewNode(uint address, uint size)
    {
        int node;
        if (_recycledNodes != None)
        {
            node = _recycledNodes;
            _recycledNodes = _nodes[node].NextFree;
        }
        else
        {
            if (_nodeCount == _nodes.Length)
            {
                Array.Resize(ref _nodes, _nodes.Length * 2);
            }

            node = _nodeCount++;
        }

        _nodes[node] = new Node
        {
            Address = address,
            Size = size,
            PrevPhysical = None,
            NextPhysical = None,
            PrevFree = None,
            NextFree = None,
            TailOfRegion = None,
            IsFree = true,
        };
        return node;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Mapping(uint size, out int fl, out int sl)
    {
        if (size < SmallBlock)
        {
            fl = 0;
            sl = (int)(size / Granularity);
        }
        else
        {
            int log2 = 31 - BitOperations.LeadingZeroCount(size);
            sl = (int)(size >> (log2 - SecondLevelLog2)) ^ SecondLevelCount;
            fl = log2 - (FirstLevelShift - 1);
        }
    }

    /// <summary>The free-list index of the size class holding blocks of <paramref name="size"/> bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ClassOf(uint size)
    {
        Mapping(size, out int fl, out int sl);
        return fl * SecondLevelCount + sl;
    }

    /// <summary>The first free block in a class whose every block is at least <paramref name="size"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int FindFree(uint size)
    {
        if (size >= SmallBlock)
        {
            // Round up to the next class boundary so any block found is large enough (good fit, not first fit).
            int log2 = 31 - BitOperations.LeadingZeroCount(size);
            size += (1u << (log2 - SecondLevelLog2)) - 1;
        }

        Mapping(size, out int fl, out int sl);
        if (fl >= FirstLevelCount)
        {
            return None;
        }

        uint slMap = _secondLevelBitmaps[fl] & (~0u << sl);
        if (slMap == 0)
        {
            uint flMap = fl + 1 < 32 ? _firstLevelBitmap & (~0u << (fl + 1)) : 0;
            if (flMap == 0)
            {
                return None;
            }

            fl = BitOperations.TrailingZeroCount(flMap);
            slMap = _secondLevelBitmaps[fl];
        }

        sl = BitOperations.TrailingZeroCount(slMap);
        return _heads[fl * SecondLevelCount + sl];
    }

    private int FindInOwnClass(uint size)
    {
        Mapping(size, out int fl, out int sl);
        for (int node = _heads[fl * SecondLevelCount + sl]; node != None; node = _nodes[node].NextFree)
        {
            if (_nodes[node].Size >= size)
            {
                return node;
            }
        }

        return None;
    }

    private void InsertFree(int node) => InsertFree(node, ClassOf(_nodes[node].Size));

    /// <summary>Puts <paramref name="node"/> at the head of free list <paramref name="list"/>, which must be its class.</summary>
    private void InsertFree(int node, int list)
    {
        int fl = list >> SecondLevelLog2;
        int sl = list & (SecondLevelCount - 1);
        int head = _heads[list];
        ref Node n = ref _nodes[node];
        n.IsFree = true;
        n.PrevFree = None;
        n.NextFree = head;
        if (head != None)
        {
            _nodes[head].PrevFree = node;
        }

        _heads[list] = node;
        _firstLevelBitmap |= 1u << fl;
        _secondLevelBitmaps[fl] |= 1u << sl;
    }

    private void RemoveFree(int node) => RemoveFree(node, ClassOf(_nodes[node].Size));

    /// <summary>Takes <paramref name="node"/> out of free list <paramref name="list"/>, which must be its class.</summary>
    private void RemoveFree(int node, int list)
    {
        ref Node n = ref _nodes[node];
        int fl = list >> SecondLevelLog2;
        int sl = list & (SecondLevelCount - 1);
        if (n.PrevFree != None)
        {
            _nodes[n.PrevFree].NextFree = n.NextFree;
        }
        else
        {
            _heads[list] = n.NextFree;
        }

        if (n.NextFree != None)
        {
            _nodes[n.NextFree].PrevFree = n.PrevFree;
        }

        n.PrevFree = None;
        n.NextFree = None;
        if (_heads[list] == None)
        {
            _secondLevelBitmaps[fl] &= ~(1u << sl);
            if (_secondLevelBitmaps[fl] == 0)
            {
                _firstLevelBitmap &= ~(1u << fl);
            }
        }
    }

    // Throwing from a helper keeps the message formatting (and its stack buffer, zeroed on every call) out of the hot paths.
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowNotLive(uint address, string what) =>
        throw new InvalidOperationException($"0x{address:X8} is not a live allocation of this heap{what}.");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowBadAlignment(uint alignment) =>
        throw new ArgumentOutOfRangeException(nameof(alignment), alignment, "Alignment must be a power of two up to 64 KiB.");

    private static ulong AlignUp(ulong value, uint alignment) => (value + alignment - 1) & ~(ulong)(alignment - 1);

    private struct Node
    {
        public uint Address;
        public uint Size;
        public int PrevPhysical;
        public int NextPhysical;
        public int PrevFree;
        public int NextFree;

        /// <summary>This block's index in <c>_regionTails</c>, so replacing a tail needs no search; only meaningful on a tail.</summary>
        public int TailOfRegion;
        public bool IsFree;

        /// <summary>Freed but kept on a quick list: neither live nor in the free lists, still in the address index.</summary>
        public bool IsCached;
    }
}
