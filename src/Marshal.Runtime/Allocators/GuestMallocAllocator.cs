using System;
using Wasmtime;
using WasmMarshal.Allocation;

namespace WasmMarshal.Allocators;

/// <summary>
/// Allocates through the guest's own exported <c>malloc</c> and <c>free</c> (names configurable). Each allocation
/// and each free is one call into the guest, which may grow memory.
/// </summary>
public sealed class GuestMallocAllocator : IGuestAllocator
{
    private readonly Func<int, int> _malloc;
    private readonly Action<int> _free;
    private readonly Func<int, int, int>? _alignedAlloc;
    private readonly GuestMemory _memory;

    /// <summary>Wraps already-resolved guest functions. Prefer <see cref="GuestAllocatorSource.Malloc"/>.</summary>
    public GuestMallocAllocator(GuestMemory memory, Func<int, int> malloc, Action<int> free,
        Func<int, int, int>? alignedAlloc = null, string name = "guest malloc/free")
    {
        _memory = memory;
        _malloc = malloc;
        _free = free;
        _alignedAlloc = alignedAlloc;
        Name = name;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The alignment guest <c>malloc</c> guarantees; larger alignments need <c>aligned_alloc</c>. 8 on wasm32 C.</summary>
    public uint MallocAlignment { get; init; } = 8;

    /// <inheritdoc />
    public uint Allocate(uint size, uint alignment)
    {
        if (size > int.MaxValue)
        {
            throw new GuestAllocationException(Name, size, alignment, "the size exceeds 2 GiB");
        }

        // malloc(0) may legally return NULL, which would look like failure.
        int request = (int)Math.Max(size, 1u);
        int result;
        if (alignment > MallocAlignment)
        {
            if (_alignedAlloc is null)
            {
                throw new GuestAllocationException(Name, size, alignment,
                    $"the guest's malloc guarantees only {MallocAlignment}-byte alignment and the module exports no aligned_alloc");
            }

            result = _alignedAlloc((int)alignment, request);
        }
        else
        {
            result = _malloc(request);
        }

        return GuestAllocationCheck.Validate(Name, (uint)result, size, alignment, _memory);
    }

    /// <inheritdoc />
    public void Free(uint address, uint size, uint alignment)
    {
        if (address != 0)
        {
            _free((int)address);
        }
    }
}

/// <summary>Checks what an allocator returned before the host writes through it.</summary>
public static class GuestAllocationCheck
{
    /// <summary>Returns <paramref name="address"/> when it is non-zero, aligned and inside memory; throws otherwise.</summary>
    public static uint Validate(string allocator, uint address, uint size, uint alignment, GuestMemory memory)
    {
        if (address == 0)
        {
            throw new GuestAllocationException(allocator, size, alignment, "it returned 0 (out of memory)");
        }

        if (alignment > 1 && address % alignment != 0)
        {
            throw new GuestAllocationException(allocator, size, alignment, $"it returned the misaligned address 0x{address:X8}");
        }

        ulong length = memory.Length;
        if ((ulong)address + size > length)
        {
            throw new GuestAllocationException(allocator, size, alignment,
                $"it returned 0x{address:X8}, and {size} bytes from there exceed the memory size of {length} bytes");
        }

        return address;
    }
}
