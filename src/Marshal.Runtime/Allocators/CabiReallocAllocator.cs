using System;
using Wasmtime;
using WasmMarshal.Allocation;

namespace WasmMarshal.Allocators;

/// <summary>
/// Allocates through the Component Model's <c>cabi_realloc(old_ptr, old_size, align, new_size)</c>.
/// </summary>
/// <remarks>
/// The canonical ABI has no free: the guest reclaims memory itself (for example in <c>cabi_post_*</c>). So
/// <see cref="Free"/> does nothing, and a long-running host should prefer a guest that also exports <c>free</c>.
/// </remarks>
public sealed class CabiReallocAllocator : IGuestAllocator
{
    private readonly Func<int, int, int, int, int> _realloc;
    private readonly GuestMemory _memory;

    /// <summary>Wraps an already-resolved <c>cabi_realloc</c>. Prefer <see cref="GuestAllocatorSource.CabiRealloc"/>.</summary>
    public CabiReallocAllocator(GuestMemory memory, Func<int, int, int, int, int> realloc)
    {
        _memory = memory;
        _realloc = realloc;
    }

    /// <inheritdoc />
    public string Name => "guest cabi_realloc";

    /// <summary>The lowest address <c>cabi_realloc</c> may return (see <see cref="HeapFloor"/>); none by default.</summary>
    public HeapFloor Floor { get; init; }

    /// <inheritdoc />
    public uint Allocate(uint size, uint alignment)
    {
        if (size > int.MaxValue)
        {
            throw new GuestAllocationException(Name, size, alignment, "the size exceeds 2 GiB");
        }

        int result = _realloc(0, 0, (int)alignment, (int)Math.Max(size, 1u));
        return GuestAllocationCheck.Validate(Name, (uint)result, size, alignment, _memory, Floor, Math.Max(size, 1u));
    }

    /// <inheritdoc />
    public void Free(uint address, uint size, uint alignment)
    {
    }
}
