using System;
using Wasmtime;
using WasmMarshal.Allocation;

namespace WasmMarshal.Allocators;

/// <summary>
/// Allocates through the guest's own exported <c>malloc</c> and <c>free</c> (names configurable). Each allocation
/// and each free is one call into the guest, which may grow memory.
/// </summary>
/// <remarks>
/// Besides the checks of <see cref="GuestAllocationCheck"/>, the allocator remembers the buffers it handed out that it
/// has not seen freed, and rejects a <c>malloc</c> result that overlaps one of them (a hostile or corrupted guest heap
/// handing out the same memory twice) with <see cref="GuestAllocationException"/>. Not remembered: results a host
/// function allocates for the guest (<c>Allocate(size, alignment, method, "return")</c> from a <c>[WasmExport]</c>
/// binder), because the guest owns and frees those itself; by the same rule, stub return areas, which generated code
/// allocates with the same parameter name. Buffers allocated inside a stub call and still unfreed when it ends
/// (<see cref="ExitScope"/>) are forgotten then, since the guest may have taken ownership of them. A decorator should
/// forward <see cref="Allocate(uint, uint, string, string)"/> (as <see cref="TrackingAllocator"/> does): one that
/// forwards only <see cref="Allocate(uint, uint)"/> makes host-function results look host-owned until the call ends.
/// </remarks>
public sealed class GuestMallocAllocator : IGuestAllocator
{
    private readonly Func<int, int> _malloc;
    private readonly Action<int> _free;
    private readonly Func<int, int, int>? _alignedAlloc;
    private readonly GuestMemory _memory;

    // Live buffers: address, size (at least 1) and allocation number. A handful per call, scanned linearly; the array
    // is reused, so steady-state calls allocate nothing on the .NET heap.
    private LiveRange[] _live = new LiveRange[8];
    private int _liveCount;
    private ulong _sequence;

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

    /// <summary>How many buffers this allocator handed out and has not seen freed (see the remarks on the class).</summary>
    public int LiveBuffers => _liveCount;

    /// <inheritdoc />
    public uint Allocate(uint size, uint alignment) => Allocate(size, alignment, track: true, null, null);

    /// <inheritdoc />
    public uint Allocate(uint size, uint alignment, string method, string parameter)
    {
        try
        {
            return Allocate(size, alignment, track: parameter != "return", method, parameter);
        }
        catch (GuestAllocationException e) when (e.Method is null)
        {
            throw e.For(method, parameter);
        }
    }

    private uint Allocate(uint size, uint alignment, bool track, string? method, string? parameter)
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

        uint address = GuestAllocationCheck.Validate(Name, (uint)result, size, alignment, _memory);
        ulong end = (ulong)address + Math.Max(size, 1u);
        for (int i = 0; i < _liveCount; i++)
        {
            ref readonly var live = ref _live[i];
            if (address < (ulong)live.Address + live.Size && live.Address < end)
            {
                // Not freed: in the guest's eyes this is (part of) the live buffer, which the host will free itself.
                string purpose = method is null ? "" : $" for {method} ({parameter})";
                throw new GuestAllocationException(Name, size, alignment,
                    $"it returned 0x{address:X8}{purpose}, which overlaps the live buffer at 0x{live.Address:X8} ({live.Size} bytes) that it handed out before and has not been freed");
            }
        }

        if (track)
        {
            if (_liveCount == _live.Length)
            {
                Array.Resize(ref _live, _live.Length * 2);
            }

            _live[_liveCount++] = new LiveRange(address, Math.Max(size, 1u), ++_sequence);
        }

        return address;
    }

    /// <inheritdoc />
    public void Free(uint address, uint size, uint alignment)
    {
        if (address == 0)
        {
            return;
        }

        for (int i = 0; i < _liveCount; i++)
        {
            if (_live[i].Address == address)
            {
                _live[i] = _live[--_liveCount];
                break;
            }
        }

        // Addresses not in the list are buffers the guest returned (or one the list forgot): the guest's free decides.
        _free((int)address);
    }

    /// <inheritdoc />
    public AllocationScope EnterScope() => new(_sequence);

    /// <inheritdoc />
    public void ExitScope(AllocationScope scope)
    {
        // A stub frees everything it allocated before its scope ends; what is still here was allocated during the call
        // for the guest to keep (a host function's result, through a wrapper that dropped the parameter name).
        int kept = 0;
        for (int i = 0; i < _liveCount; i++)
        {
            if (_live[i].Sequence <= scope.Mark)
            {
                _live[kept++] = _live[i];
            }
        }

        _liveCount = kept;
    }

    private readonly record struct LiveRange(uint Address, uint Size, ulong Sequence);
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
