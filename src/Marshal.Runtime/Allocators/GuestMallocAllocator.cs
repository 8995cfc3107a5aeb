using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Wasmtime;
using WasmMarshal.Allocation;

namespace WasmMarshal.Allocators;

/// <summary>
/// Allocates through the guest's own exported <c>malloc</c> and <c>free</c> (names configurable). Each allocation
/// and each free is one call into the guest, which may grow memory.
/// </summary>
/// <remarks>
/// Besides the checks of <see cref="GuestAllocationCheck"/>, the allocator remembers the buffers it handed out that it
/// has not seen freed, and rejects a <c>malloc</c> result that overlaps one of them, or one that another
/// <see cref="GuestMallocAllocator"/> over the same <see cref="GuestMemory"/> handed out (a hostile or corrupted guest
/// heap handing out the same memory twice), with <see cref="GuestAllocationException"/>. Not remembered: results a host
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

    // The live buffers of every GuestMallocAllocator over this memory: a stub's scratch allocator and the guest heap
    // that allocates host-function results are often two instances (one wrapped in a TrackingAllocator, say), and a
    // result must not overlap an argument whichever of them handed it out.
    private static readonly ConditionalWeakTable<GuestMemory, LiveBufferSet> s_liveByMemory = new();
    private readonly LiveBufferSet _live;

    // This allocator's entries in the shared set: a number, not a reference, so entries hold no GC references (storing
    // one costs a write barrier per allocation) and keep no allocator alive.
    private static int s_lastOwnerId;
    private readonly int _ownerId = Interlocked.Increment(ref s_lastOwnerId);

    /// <summary>Wraps already-resolved guest functions. Prefer <see cref="GuestAllocatorSource.Malloc"/>.</summary>
    public GuestMallocAllocator(GuestMemory memory, Func<int, int> malloc, Action<int> free,
        Func<int, int, int>? alignedAlloc = null, string name = "guest malloc/free")
    {
        _memory = memory;
        _malloc = malloc;
        _free = free;
        _alignedAlloc = alignedAlloc;
        Name = name;
        _live = s_liveByMemory.GetValue(memory, _ => new LiveBufferSet());
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The lowest address <c>malloc</c> may return (see <see cref="HeapFloor"/>); none by default.</summary>
    public HeapFloor Floor { get; init; }

    /// <summary>The alignment guest <c>malloc</c> guarantees; larger alignments need <c>aligned_alloc</c>. 8 on wasm32 C.</summary>
    public uint MallocAlignment { get; init; } = 8;

    /// <summary>How many buffers this allocator handed out and has not seen freed (see the remarks on the class).</summary>
    public int LiveBuffers => _live.CountOwnedBy(_ownerId);

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

        uint address = GuestAllocationCheck.Validate(Name, (uint)result, size, alignment, _memory, Floor, (uint)request);
        if (_live.FindOverlap(address, Math.Max(size, 1u)) is int overlapping)
        {
            var live = _live[overlapping];
            // Not freed: in the guest's eyes this is (part of) the live buffer, which the host will free itself.
            string purpose = method is null ? "" : $" for {method} ({parameter})";
            throw new GuestAllocationException(Name, size, alignment,
                $"it returned 0x{address:X8}{purpose}, which overlaps the live buffer at 0x{live.Address:X8} ({live.Size} bytes) that it handed out before and has not been freed");
        }

        if (track)
        {
            _live.Add(address, Math.Max(size, 1u), _ownerId);
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

        _live.Remove(address);

        // Addresses not in the list are buffers the guest returned (or one the list forgot): the guest's free decides.
        _free((int)address);
    }

    /// <inheritdoc />
    public AllocationScope EnterScope() => new(_live.Sequence);

    /// <inheritdoc />
    public void ExitScope(AllocationScope scope) =>
        // A stub frees everything it allocated before its scope ends; what is still here was allocated during the call
        // for the guest to keep (a host function's result, through a wrapper that dropped the parameter name).
        _live.ForgetNewerThan(scope.Mark, _ownerId);

    private readonly record struct LiveRange(uint Address, uint Size, ulong Sequence, int Owner);

    /// <summary>
    /// Live buffers: address, size (at least 1), allocation number and the allocator that handed it out. A handful per
    /// call, scanned linearly; the array is reused, so steady-state calls allocate nothing on the .NET heap.
    /// </summary>
    private sealed class LiveBufferSet
    {
        // Empty until the first allocation: one set is made per instance when its allocator is resolved, and an
        // instance that never passes a buffer should not pay for the array.
        private LiveRange[] _ranges = [];
        private int _count;

        public ulong Sequence { get; private set; }

        public LiveRange this[int index] => _ranges[index];

        public int CountOwnedBy(int owner)
        {
            int count = 0;
            for (int i = 0; i < _count; i++)
            {
                if (_ranges[i].Owner == owner)
                {
                    count++;
                }
            }

            return count;
        }

        /// <summary>The index of a live buffer overlapping the range, or null.</summary>
        public int? FindOverlap(uint address, uint size)
        {
            ulong end = (ulong)address + size;
            for (int i = 0; i < _count; i++)
            {
                ref readonly var live = ref _ranges[i];
                if (address < (ulong)live.Address + live.Size && live.Address < end)
                {
                    return i;
                }
            }

            return null;
        }

        public void Add(uint address, uint size, int owner)
        {
            if (_count == _ranges.Length)
            {
                Array.Resize(ref _ranges, Math.Max(8, _ranges.Length * 2));
            }

            _ranges[_count++] = new LiveRange(address, size, ++Sequence, owner);
        }

        /// <summary>Forgets the buffer at <paramref name="address"/>, whichever allocator handed it out: it is free memory now.</summary>
        public void Remove(uint address)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_ranges[i].Address == address)
                {
                    _ranges[i] = _ranges[--_count];
                    return;
                }
            }
        }

        public void ForgetNewerThan(ulong mark, int owner)
        {
            int kept = 0;
            for (int i = 0; i < _count; i++)
            {
                if (_ranges[i].Sequence <= mark || _ranges[i].Owner != owner)
                {
                    _ranges[kept++] = _ranges[i];
                }
            }

            _count = kept;
        }
    }
}

/// <summary>
/// The lowest address a guest's heap can hand out, read from the module's exported <c>__heap_base</c> (or, without it,
/// <c>__data_end</c>): below it lie static data and, in lld's default layout, the stack. <see cref="Address"/> 0 when
/// the module exports neither (Emscripten, AssemblyScript, hand-written modules), and nothing is checked.
/// </summary>
/// <param name="Address">The first address the heap may use.</param>
/// <param name="Symbol">The global it was read from, for messages.</param>
public readonly record struct HeapFloor(uint Address, string Symbol)
{
    private static readonly string[] s_symbols = ["__heap_base", "__data_end"];

    /// <summary>Reads the floor from <paramref name="instance"/>'s exported globals; <c>default</c> when it exports neither.</summary>
    public static HeapFloor Read(Instance instance)
    {
        foreach (string symbol in s_symbols)
        {
            if (instance.GetGlobal(symbol)?.GetValue() is int value && value > 0)
            {
                return new HeapFloor((uint)value, symbol);
            }
        }

        return default;
    }

    /// <summary>
    /// The floor of <paramref name="guest"/>: read from its instance once per module when every instance must have
    /// the same one, else from this instance (<see cref="Read"/>).
    /// </summary>
    /// <remarks>
    /// The same for every instance when the module imports no global and the floor's globals are immutable: the
    /// initializer of such a global is a constant expression that can refer to nothing but constants (and imported
    /// globals, of which there are none), so every instance computes the same value.
    /// </remarks>
    internal static HeapFloor Of(WasmGuest guest)
    {
        var exports = ModuleExports.Of(guest.Module);
        if (exports.FixedHeapFloor is { } known)
        {
            return known.Value;
        }

        var floor = Read(guest.Instance);
        if (exports.GlobalsAreFixed)
        {
            exports.FixedHeapFloor = new StrongBox<HeapFloor>(floor);
        }

        return floor;
    }
}

/// <summary>Checks what an allocator returned before the host writes through it.</summary>
public static class GuestAllocationCheck
{
    /// <summary>Returns <paramref name="address"/> when it is non-zero, aligned and inside memory; throws otherwise.</summary>
    public static uint Validate(string allocator, uint address, uint size, uint alignment, GuestMemory memory) =>
        Validate(allocator, address, size, alignment, memory, default, size);

    /// <summary>
    /// Returns <paramref name="address"/> when it is non-zero, aligned, not below <paramref name="floor"/>, and
    /// <paramref name="requested"/> bytes from it (what the allocator was asked for, at least <paramref name="size"/>)
    /// lie inside memory; throws <see cref="GuestAllocationException"/> otherwise.
    /// </summary>
    public static uint Validate(string allocator, uint address, uint size, uint alignment, GuestMemory memory, HeapFloor floor, uint requested)
    {
        if (address == 0)
        {
            throw new GuestAllocationException(allocator, size, alignment, "it returned 0 (out of memory)");
        }

        if (alignment > 1 && address % alignment != 0)
        {
            throw new GuestAllocationException(allocator, size, alignment, $"it returned the misaligned address 0x{address:X8}");
        }

        if (address < floor.Address)
        {
            // Static data or the stack: writing there would corrupt the guest, and freeing it would corrupt its heap.
            throw new GuestAllocationException(allocator, size, alignment,
                $"it returned 0x{address:X8}, which lies below {floor.Symbol} (0x{floor.Address:X8}), in static data or the stack, not in its heap");
        }

        ulong bytes = Math.Max(size, requested);
        if (!memory.View().Contains(address, bytes)) // no native call where the base never moves (GuestMemory)
        {
            ulong length = memory.Length;
            throw new GuestAllocationException(allocator, size, alignment,
                $"it returned 0x{address:X8}, and {bytes} {(bytes == 1 ? "byte from there exceeds" : "bytes from there exceed")} the memory size of {length} bytes");
        }

        return address;
    }
}
