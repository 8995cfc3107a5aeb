using System;
using System.Runtime.CompilerServices;

namespace WasmMarshal.Allocation.Algorithms;

/// <summary>
/// A bump allocator over one address range: allocation is an align-and-add, and everything allocated after a
/// <see cref="Mark"/> is released at once by <see cref="Reset"/>. No per-allocation metadata at all.
/// </summary>
public sealed class BumpArena
{
    private ulong _top;

    // The highest top before the last reset; the peak is this or the current top. Kept by Reset rather than by every
    // allocation, which a stub makes on each call.
    private ulong _peak;

    /// <summary>Manages <c>[start, start + size)</c>.</summary>
    public BumpArena(uint start, uint size)
    {
        Start = start;
        End = (ulong)start + size;
        _top = start;
        _peak = start;
    }

    /// <summary>The first address.</summary>
    public uint Start { get; }

    /// <summary>One past the last address.</summary>
    public ulong End { get; private set; }

    /// <summary>Bytes between <see cref="Start"/> and the current top, alignment padding included.</summary>
    public ulong BytesInUse => _top - Start;

    /// <summary>The highest top ever reached, minus <see cref="Start"/>.</summary>
    public ulong PeakBytesInUse => Math.Max(_peak, _top) - Start;

    /// <summary>The bytes still available above the top.</summary>
    public ulong FreeBytes => End - _top;

    /// <summary>The current top, to pass to <see cref="Reset"/>.</summary>
    public ulong Mark => _top;

    /// <summary>Allocates, or returns false when the range is exhausted.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryAllocate(uint size, uint alignment, out uint address)
    {
        ulong aligned = (_top + alignment - 1) & ~(ulong)(alignment - 1);
        ulong top = aligned + Math.Max(size, 1u);
        if (top > End)
        {
            address = 0;
            return false;
        }

        _top = top;

        address = (uint)aligned;
        return true;
    }

    /// <summary>Releases everything allocated since <paramref name="mark"/> was taken.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // once per stub call with an arena
    public void Reset(ulong mark)
    {
        if (!TryReset(mark))
        {
            ThrowForeignMark();
        }
    }

    /// <summary>Like <see cref="Reset"/>, but returns false (changing nothing) for a mark outside the live range.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryReset(ulong mark)
    {
        if (mark < Start || mark > _top)
        {
            return false;
        }

        if (_top > _peak)
        {
            _peak = _top;
        }

        _top = mark;
        return true;
    }

    private static void ThrowForeignMark() =>
        throw new ArgumentOutOfRangeException("mark", "The mark does not belong to this arena's live range.");

    /// <summary>Extends the range when memory right after it became available (for example after memory.grow).</summary>
    public void ExtendTo(ulong end)
    {
        if (end < End)
        {
            throw new ArgumentOutOfRangeException(nameof(end), "An arena cannot shrink.");
        }

        End = end;
    }
}
