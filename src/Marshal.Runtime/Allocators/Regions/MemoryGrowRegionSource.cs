using System;
using Wasmtime;

namespace WasmMarshal.Allocators.Regions;

/// <summary>
/// Obtains whole pages with <c>memory.grow</c>, above everything the guest has. Safe for guests with no allocator of
/// their own, or whose allocator asks <c>memory.grow</c> for every page it takes (wasi-libc's sbrk), provided that
/// allocator has already claimed its initial range: wasi-libc's dlmalloc takes everything from <c>__heap_base</c> to
/// the end of memory on its first malloc, including pages the host grew before. Pass <c>beforeFirstGrow</c> to make
/// the guest allocate once first. Not safe beside an allocator that assumes it owns every page above its own break
/// pointer, such as Emscripten's <c>sbrk</c>: use <see cref="GuestBlockRegionSource"/> there.
/// </summary>
public sealed class MemoryGrowRegionSource : IGuestRegionSource
{
    private readonly Memory _memory;
    private Action? _beforeFirstGrow;

    /// <summary>
    /// Grows <paramref name="memory"/> in steps of at least <paramref name="minimumPages"/> pages, running
    /// <paramref name="beforeFirstGrow"/> once before the first growth.
    /// </summary>
    public MemoryGrowRegionSource(Memory memory, uint minimumPages = 1, Action? beforeFirstGrow = null)
    {
        _memory = memory;
        MinimumPages = Math.Max(minimumPages, 1);
        _beforeFirstGrow = beforeFirstGrow;
    }

    /// <summary>The smallest growth step, in 64 KiB pages.</summary>
    public uint MinimumPages { get; }

    /// <inheritdoc />
    public string Name => "memory.grow pages";

    /// <inheritdoc />
    public bool TryObtain(uint minimumSize, out uint start, out uint size)
    {
        if (_beforeFirstGrow is { } prime)
        {
            _beforeFirstGrow = null;
            prime();
        }

        // A memory of 0 pages grows from address 0, which is NULL to the guest: skip the first bytes, as
        // HeapBaseRegionSource does, and grow enough for them too.
        ulong skip = _memory.GetSize() == 0 ? HeapBaseRegionSource.LowestStart : 0;
        ulong pages = Math.Max(((ulong)minimumSize + skip + Memory.PageSize - 1) / Memory.PageSize, MinimumPages);
        try
        {
            long oldPages = _memory.Grow((long)pages);
            ulong begin = (ulong)oldPages * Memory.PageSize;
            ulong length = pages * Memory.PageSize;
            if (begin == 0)
            {
                begin = HeapBaseRegionSource.LowestStart;
                length -= HeapBaseRegionSource.LowestStart;
            }

            if (begin + length > uint.MaxValue + 1ul)
            {
                start = size = 0;
                return false;
            }

            start = (uint)begin;
            size = (uint)Math.Min(length, uint.MaxValue);
            return true;
        }
        catch (WasmtimeException)
        {
            // The memory's maximum, the store's limits or the engine refused the growth.
            start = size = 0;
            return false;
        }
    }
}
