using System;
using WasmMarshal.Allocation;

namespace WasmMarshal.Allocators;

/// <summary>
/// Allocates through Rust-style exports <c>alloc(size, align) -&gt; ptr</c> and <c>dealloc(ptr, size, align)</c>, the
/// shape of <c>std::alloc::alloc</c>/<c>dealloc</c> with the <c>Layout</c> spelled out. Rust's allocator needs the size and
/// alignment back on free, which <see cref="IGuestAllocator.Free"/> always passes.
/// </summary>
/// <remarks>
/// A zero-sized layout is undefined behaviour for Rust's allocator, so sizes are rounded up to 1 in both directions:
/// a guest that returns an empty string must allocate it with size 1.
/// </remarks>
public sealed class RustAllocator : IGuestAllocator
{
    private readonly GuestMemory _memory;
    private readonly Func<int, int, int> _alloc;
    private readonly Action<int, int, int> _dealloc;

    /// <summary>Wraps the resolved exports. Prefer <see cref="GuestAllocatorSource.RustAlloc"/>.</summary>
    public RustAllocator(GuestMemory memory, Func<int, int, int> alloc, Action<int, int, int> dealloc, string name = "guest alloc/dealloc")
    {
        _memory = memory;
        _alloc = alloc;
        _dealloc = dealloc;
        Name = name;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The lowest address <c>alloc</c> may return (see <see cref="HeapFloor"/>); none by default.</summary>
    public HeapFloor Floor { get; init; }

    /// <inheritdoc />
    public uint Allocate(uint size, uint alignment)
    {
        if (size > int.MaxValue)
        {
            throw new GuestAllocationException(Name, size, alignment, "the size exceeds 2 GiB");
        }

        int result = _alloc((int)Math.Max(size, 1u), (int)Math.Max(alignment, 1u));
        return GuestAllocationCheck.Validate(Name, unchecked((uint)result), size, alignment, _memory, Floor, Math.Max(size, 1u));
    }

    /// <inheritdoc />
    public void Free(uint address, uint size, uint alignment)
    {
        if (address != 0)
        {
            _dealloc((int)address, (int)Math.Max(size, 1u), (int)Math.Max(alignment, 1u));
        }
    }
}
