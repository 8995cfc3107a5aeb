using System;
using System.Runtime.CompilerServices;
using WasmMarshal.Allocation;
using WasmMarshal.Allocation.Algorithms;
using WasmMarshal.Allocators.Regions;

namespace WasmMarshal.Allocators;

/// <summary>
/// A heap managed natively by the host: a <see cref="TlsfHeap"/> whose metadata lives in .NET, over guest memory
/// obtained from an <see cref="IGuestRegionSource"/>. No header bytes are written into guest memory, and allocation
/// and free never call into the guest unless the heap must grow.
/// </summary>
public sealed class HostHeapAllocator : IGuestAllocator, IReportsStatistics, IManagesGuestMemory
{
    /// <summary>Every region obtained from the source, as given (before the heap rounds it to its granularity).</summary>
    private readonly System.Collections.Generic.List<(uint Start, uint Length)> _regions = new();

    private readonly TlsfHeap _heap = new();
    private readonly GuestMemory _memory;
    private readonly IGuestRegionSource _source;
    private readonly uint _minimumGrowth;

    /// <summary>Creates a heap that grows from <paramref name="source"/> in steps of at least <paramref name="minimumGrowth"/> bytes.</summary>
    public HostHeapAllocator(GuestMemory memory, IGuestRegionSource source, uint minimumGrowth = 64 * 1024)
    {
        _memory = memory;
        _source = source;
        _minimumGrowth = minimumGrowth;
    }

    /// <inheritdoc />
    public string Name => "host heap (" + _source.Name + ")";

    /// <summary>The algorithm, for inspection (blocks, validation).</summary>
    public TlsfHeap Heap => _heap;

    /// <summary>The region source.</summary>
    public IGuestRegionSource Source => _source;

    /// <inheritdoc />
    public uint Allocate(uint size, uint alignment)
    {
        if (alignment > TlsfHeap.MaxAlignment)
        {
            throw new GuestAllocationException(Name, size, alignment, "alignments above 64 KiB are not supported");
        }

        if (_heap.TryAllocate(size, Math.Max(alignment, 1u), out uint address))
        {
            return address;
        }

        return AllocateAfterGrowing(size, alignment);
    }

    /// <summary>
    /// Implemented here rather than inherited from the interface's default, so that a stub's frame calls it directly
    /// and inlines the common case. A failure names <paramref name="method"/> and <paramref name="parameter"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint Allocate(uint size, uint alignment, string method, string parameter) =>
        alignment <= TlsfHeap.MaxAlignment && _heap.TryAllocate(size, Math.Max(alignment, 1u), out uint address)
            ? address
            : StubAllocation.AllocateNamingFailures(this, size, alignment, method, parameter);

    /// <summary>
    /// Obtains a region large enough for the request and allocates from it. Kept out of <see cref="Allocate(uint, uint)"/>
    /// so that the per-call path carries none of the message formatting (whose stack buffer would be zeroed per call).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private uint AllocateAfterGrowing(uint size, uint alignment)
    {
        ulong need = (ulong)Math.Max(size, 1u) + alignment + TlsfHeap.Granularity * 2;
        if (need > int.MaxValue)
        {
            throw new GuestAllocationException(Name, size, alignment, "the size exceeds 2 GiB");
        }

        if (!_source.TryObtain((uint)Math.Max(need, _minimumGrowth), out uint start, out uint length))
        {
            throw new GuestAllocationException(Name, size, alignment, $"{_source.Name} has no more memory to give");
        }

        if ((ulong)start + length > _memory.Length)
        {
            throw new GuestAllocationException(Name, size, alignment,
                $"{_source.Name} returned 0x{start:X8} + {length} bytes, beyond the memory size of {_memory.Length} bytes");
        }

        _heap.AddRegion(start, length);
        _regions.Add((start, length));
        if (!_heap.TryAllocate(size, Math.Max(alignment, 1u), out uint address))
        {
            throw new GuestAllocationException(Name, size, alignment, "the new region was still too small");
        }

        return address;
    }

    /// <summary>
    /// <see cref="Free"/> that returns false instead of throwing for an address that is not a live block: a stub's
    /// frame releases its own buffers through it without an exception handler.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool TryFree(uint address) => address == 0 || _heap.TryFree(address);

    /// <inheritdoc />
    public void Free(uint address, uint size, uint alignment)
    {
        if (address != 0)
        {
            _heap.Free(address);
        }
    }

    /// <summary>
    /// C <c>realloc</c> semantics for the guest-import path: resizes in place when the neighbour allows, otherwise
    /// allocates, copies and frees. Returns 0 on failure, leaving the old block intact.
    /// </summary>
    public uint Reallocate(uint address, uint newSize, uint alignment = 8)
    {
        if (address == 0)
        {
            return TryAllocate(newSize, alignment);
        }

        if (!_heap.TryGetBlockSize(address, out uint oldSize))
        {
            throw new InvalidOperationException($"realloc of 0x{address:X8}, which the host heap did not allocate");
        }

        if (_heap.TryResizeInPlace(address, newSize))
        {
            return address;
        }

        uint moved = TryAllocate(newSize, alignment);
        if (moved == 0)
        {
            return 0;
        }

        // Allocation may have grown memory: take the view only now.
        var view = _memory.View();
        view.Bytes(address, Math.Min(oldSize, newSize), "host heap", "realloc")
            .CopyTo(view.Bytes(moved, Math.Min(oldSize, newSize), "host heap", "realloc"));
        _heap.Free(address);
        return moved;
    }

    /// <summary>Allocates, returning 0 instead of throwing when memory is exhausted (C <c>malloc</c> semantics).</summary>
    public uint TryAllocate(uint size, uint alignment)
    {
        try
        {
            return Allocate(size, alignment);
        }
        catch (GuestAllocationException)
        {
            return 0;
        }
    }

    /// <inheritdoc />
    public AllocatorStatistics GetStatistics() => _heap.GetStatistics();

    /// <inheritdoc />
    public bool Manages(uint address, uint length)
    {
        ulong end = (ulong)address + Math.Max(length, 1u);
        foreach (var (start, size) in _regions)
        {
            if (address < (ulong)start + size && end > start)
            {
                return true;
            }
        }

        return false;
    }
}
