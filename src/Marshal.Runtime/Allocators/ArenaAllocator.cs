using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using WasmMarshal.Allocation;
using WasmMarshal.Allocation.Algorithms;
using WasmMarshal.Allocators.Regions;

namespace WasmMarshal.Allocators;

/// <summary>
/// A per-call arena: allocation bumps a pointer, and everything a stub allocated is released at once when the call
/// ends (in <c>finally</c>, also after a trap). Chunks of guest memory come from an <see cref="IGuestRegionSource"/>
/// and are kept for the next call, so a steady workload calls into the guest only while the arena warms up.
/// </summary>
/// <remarks>
/// <see cref="Free"/> does nothing: memory returns at the end of the scope. Use <see cref="Scope"/> for temporaries
/// that outlive a single stub call.
/// </remarks>
public sealed class ArenaAllocator : IGuestAllocator, IReportsStatistics, IManagesGuestMemory
{
    private readonly List<BumpArena> _chunks = new();
    private readonly IGuestRegionSource _source;
    private readonly GuestMemory _memory;
    private readonly uint _chunkSize;
    private int _current;

    /// <summary><c>_chunks[_current]</c>, or null before the first chunk: the hot path reads it without the list.</summary>
    private BumpArena? _currentChunk;
    private int _depth;
    private long _allocationCount;
    private long _liveAllocations;

    /// <summary>Creates an arena whose chunks are at least <paramref name="chunkSize"/> bytes.</summary>
    public ArenaAllocator(GuestMemory memory, IGuestRegionSource source, uint chunkSize = 64 * 1024)
    {
        _memory = memory;
        _source = source;
        _chunkSize = chunkSize;
    }

    /// <inheritdoc />
    public string Name => "arena (" + _source.Name + ")";

    /// <summary>How many scopes are open.</summary>
    public int Depth => _depth;

    /// <inheritdoc />
    public uint Allocate(uint size, uint alignment) =>
        TryBumpCurrentChunk(size, alignment, out uint address) ? address : AllocateSlow(size, alignment);

    /// <summary>
    /// Implemented here rather than inherited from the interface's default: one interface dispatch per stub allocation
    /// instead of two. A failure names <paramref name="method"/> and <paramref name="parameter"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint Allocate(uint size, uint alignment, string method, string parameter) =>
        TryBumpCurrentChunk(size, alignment, out uint address) ? address : StubAllocation.AllocateNamingFailures(this, size, alignment, method, parameter);

    /// <summary>The common case, a bump in the current chunk, tried first and without the chunk list.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryBumpCurrentChunk(uint size, uint alignment, out uint address)
    {
        if (_depth != 0 && _currentChunk is { } current && current.TryAllocate(size, alignment, out address))
        {
            Count();
            return true;
        }

        address = 0;
        return false;
    }

    private uint AllocateSlow(uint size, uint alignment)
    {
        if (_depth == 0)
        {
            throw new InvalidOperationException(
                "The arena has no open scope, so nothing would ever free this allocation. Open one with ArenaAllocator.Scope().");
        }

        for (; _current < _chunks.Count; _current++)
        {
            if (_chunks[_current].TryAllocate(size, alignment, out uint address))
            {
                _currentChunk = _chunks[_current];
                Count();
                return address;
            }
        }

        // Past the last chunk: until a new one is added, there is no current chunk to bump or mark.
        _currentChunk = null;

        ulong need = (ulong)Math.Max(size, 1u) + alignment;
        ulong wanted = Math.Max(Math.Max(need, _chunkSize), _chunks.Count == 0 ? 0 : (_chunks[^1].End - _chunks[^1].Start) * 2);
        if (wanted > int.MaxValue || !_source.TryObtain((uint)wanted, out uint start, out uint length))
        {
            if (need > int.MaxValue || !_source.TryObtain((uint)need, out start, out length))
            {
                throw new GuestAllocationException(Name, size, alignment, $"{_source.Name} has no more memory to give");
            }
        }

        if ((ulong)start + length > _memory.Length)
        {
            throw new GuestAllocationException(Name, size, alignment, $"{_source.Name} returned a range beyond memory");
        }

        var chunk = new BumpArena(start, length);
        _chunks.Add(chunk);
        _current = _chunks.Count - 1;
        _currentChunk = chunk;
        if (!chunk.TryAllocate(size, alignment, out uint result))
        {
            throw new GuestAllocationException(Name, size, alignment, "the new chunk was still too small");
        }

        Count();
        return result;
    }

    /// <inheritdoc />
    public void Free(uint address, uint size, uint alignment)
    {
        // Arena memory returns when its scope ends.
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // with ExitScope, a stub's per-call pair: see docs/performance.md
    public AllocationScope EnterScope()
    {
        _depth++;
        ulong top = _currentChunk is { } current ? current.Mark : 0;
        return new AllocationScope(((ulong)(uint)_current << 32) | (top & 0xFFFF_FFFF) | (top > uint.MaxValue ? 1ul << 63 : 0));
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void ExitScope(AllocationScope scope)
    {
        if (!TryExitScopeInOneChunk(scope))
        {
            (int chunk, ulong top) = Decode(scope);
            ExitScopeAcrossChunks(chunk, top);
        }
    }

    /// <summary>
    /// Ends <paramref name="scope"/> when it is the common case, a call that stayed in the chunk it started in, and
    /// returns false (changing nothing) otherwise. Never throws, so a stub's frame can call it without a handler.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool TryExitScopeInOneChunk(AllocationScope scope)
    {
        (int chunk, ulong top) = Decode(scope);
        if (_depth != 0 && chunk == _current && top != 0 && _currentChunk is { } current && current.TryReset(top))
        {
            if (--_depth == 0)
            {
                _liveAllocations = 0;
            }

            return true;
        }

        return false;
    }

    /// <summary>The chunk index and top that <see cref="EnterScope"/> packed into the scope's mark.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (int Chunk, ulong Top) Decode(AllocationScope scope) =>
        ((int)((scope.Mark >> 32) & 0x7FFF_FFFF), (scope.Mark & 0xFFFF_FFFF) | ((scope.Mark >> 63) << 32));

    private void ExitScopeAcrossChunks(int chunk, ulong top)
    {
        if (_depth == 0)
        {
            throw new InvalidOperationException("ExitScope without a matching EnterScope.");
        }

        _depth--;
        for (int i = _chunks.Count - 1; i > chunk; i--)
        {
            _chunks[i].Reset(_chunks[i].Start);
        }

        if (chunk < _chunks.Count)
        {
            _chunks[chunk].Reset(top == 0 ? _chunks[chunk].Start : top);
        }

        _current = Math.Min(chunk, Math.Max(_chunks.Count - 1, 0));
        _currentChunk = _current < _chunks.Count ? _chunks[_current] : null;
        if (_depth == 0)
        {
            _liveAllocations = 0;
        }
    }

    /// <summary>
    /// Opens a scope for user code: everything allocated from this arena until the returned value is disposed is
    /// released then. <c>using var scratch = arena.Scope();</c>
    /// </summary>
    public ArenaScope Scope() => new(this, EnterScope());

    /// <summary>Every chunk obtained so far, in the order obtained, with the bytes in use now; for memory maps.</summary>
    public IReadOnlyList<(uint Start, uint Size, uint BytesInUse)> Chunks()
    {
        var chunks = new List<(uint, uint, uint)>(_chunks.Count);
        foreach (var chunk in _chunks)
        {
            chunks.Add((chunk.Start, (uint)(chunk.End - chunk.Start), (uint)chunk.BytesInUse));
        }

        return chunks;
    }

    /// <inheritdoc />
    public AllocatorStatistics GetStatistics()
    {
        ulong used = BytesInUse(), managed = 0, largest = 0;
        foreach (var chunk in _chunks)
        {
            managed += chunk.End - chunk.Start;
            largest = Math.Max(largest, chunk.FreeBytes);
        }

        ulong peak = 0;
        foreach (var chunk in _chunks)
        {
            peak += chunk.PeakBytesInUse;
        }

        // Each chunk knows its own high-water mark; their sum bounds the arena's peak from above.
        return new AllocatorStatistics(used, Math.Max(peak, used), _liveAllocations, _allocationCount, managed - used, largest, managed);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Count()
    {
        _allocationCount++;
        _liveAllocations++;
    }

    private ulong BytesInUse()
    {
        ulong used = 0;
        foreach (var chunk in _chunks)
        {
            used += chunk.BytesInUse;
        }

        return used;
    }

    /// <inheritdoc />
    public bool Manages(uint address, uint length)
    {
        ulong end = (ulong)address + System.Math.Max(length, 1u);
        foreach (var chunk in _chunks)
        {
            if (address < chunk.End && end > chunk.Start)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>An open arena scope; disposing it releases everything allocated in it.</summary>
public readonly struct ArenaScope : IDisposable
{
    private readonly ArenaAllocator _arena;
    private readonly AllocationScope _scope;

    internal ArenaScope(ArenaAllocator arena, AllocationScope scope)
    {
        _arena = arena;
        _scope = scope;
    }

    /// <summary>Allocates in the scope.</summary>
    public uint Allocate(uint size, uint alignment = 8) => _arena.Allocate(size, alignment);

    /// <summary>Releases the scope.</summary>
    public void Dispose() => _arena?.ExitScope(_scope);
}
