using System;
using System.Collections.Generic;
using WasmMarshal.Allocation;

namespace WasmMarshal.Allocators.Regions;

/// <summary>
/// Reserves large blocks through the guest's own allocator (its <c>malloc</c>) and lets the host sub-allocate inside
/// them. Safe beside any guest allocator, because the guest's allocator itself considers those bytes taken. Blocks are
/// released back to the guest when the source is disposed.
/// </summary>
public sealed class GuestBlockRegionSource : IGuestRegionSource, IDisposable
{
    private readonly IGuestAllocator _guestAllocator;
    private readonly List<(uint Start, uint Size)> _blocks = new();

    /// <summary>Reserves blocks of at least <paramref name="blockSize"/> bytes from <paramref name="guestAllocator"/>.</summary>
    public GuestBlockRegionSource(IGuestAllocator guestAllocator, uint blockSize = 256 * 1024)
    {
        _guestAllocator = guestAllocator;
        BlockSize = blockSize;
    }

    /// <summary>The smallest block reserved at once.</summary>
    public uint BlockSize { get; }

    /// <inheritdoc />
    public string Name => "blocks from " + _guestAllocator.Name;

    /// <summary>The blocks reserved so far.</summary>
    public IReadOnlyList<(uint Start, uint Size)> Blocks => _blocks;

    /// <inheritdoc />
    public bool TryObtain(uint minimumSize, out uint start, out uint size)
    {
        // Geometric growth keeps the number of guest calls logarithmic in the heap size.
        ulong wanted = Math.Max(Math.Max(minimumSize, BlockSize), _blocks.Count == 0 ? 0 : (ulong)_blocks[^1].Size * 2);
        foreach (ulong attempt in new[] { wanted, Math.Max(minimumSize, BlockSize), minimumSize })
        {
            if (attempt == 0 || attempt > int.MaxValue)
            {
                continue;
            }

            try
            {
                size = (uint)attempt;
                start = _guestAllocator.Allocate(size, 8);
                _blocks.Add((start, size));
                return true;
            }
            catch (GuestAllocationException)
            {
                // Try a smaller block; the guest may still have room for just this request.
            }
        }

        start = size = 0;
        return false;
    }

    /// <summary>Gives every block back to the guest's allocator.</summary>
    public void Dispose()
    {
        foreach (var (start, size) in _blocks)
        {
            _guestAllocator.Free(start, size, 8);
        }

        _blocks.Clear();
    }
}
