using System;
using System.ComponentModel;

namespace WasmMarshal.Canonical;

/// <summary>
/// The guest's <c>realloc(old_ptr, old_size, align, new_size) -&gt; ptr</c> (<c>cabi_realloc</c> or
/// <c>cm32p2_realloc</c>) as canonical-ABI lowering uses it: every argument buffer the callee will own (strings, lists,
/// spilled parameters) and every result a host import hands back comes from here, never from a host heap or arena.
/// </summary>
/// <remarks>
/// As in CanonicalABI.md, the returned pointer must be aligned and <c>ptr + size</c> must lie inside memory; anything
/// else is the guest handing back garbage and becomes a <see cref="WasmGuestDataException"/> naming the method and the
/// parameter the buffer was for. There is no free: a buffer lowered into the guest belongs to the guest from then on.
/// Unlike <see cref="Allocators.CabiReallocAllocator"/> (an <see cref="Allocation.IGuestAllocator"/> for the C-like
/// ABI) sizes are passed exactly, including 0, as the canonical ABI does.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class CanonicalRealloc
{
    private readonly Func<int, int, int, int, int> _realloc;

    /// <summary>Wraps an already-resolved realloc export of <paramref name="memory"/>'s module.</summary>
    public CanonicalRealloc(GuestMemory memory, Func<int, int, int, int, int> realloc, string exportName)
    {
        Memory = memory ?? throw new ArgumentNullException(nameof(memory));
        _realloc = realloc ?? throw new ArgumentNullException(nameof(realloc));
        ExportName = exportName;
    }

    /// <summary>The memory the buffers are in.</summary>
    public GuestMemory Memory { get; }

    /// <summary>The export called, for messages.</summary>
    public string ExportName { get; }

    /// <summary>
    /// <c>realloc(0, 0, alignment, size)</c>, checked. The guest may grow memory: take a new
    /// <see cref="GuestMemory.View"/> after this returns.
    /// </summary>
    public uint Allocate(uint alignment, uint size, string method, string parameter)
    {
        if (size > int.MaxValue)
        {
            throw new ArgumentException($"{method}: parameter '{parameter}' needs {size} bytes, more than a wasm32 realloc can be asked for.", parameter);
        }

        uint address = (uint)_realloc(0, 0, (int)alignment, (int)size);
        if (!CanonicalAbi.IsAligned(address, alignment))
        {
            throw new WasmGuestDataException(method, parameter,
                $"got the misaligned address 0x{address:X8} from {ExportName}(0, 0, {alignment}, {size}); it must be {alignment}-aligned");
        }

        if (!Memory.View().Contains(address, size)) // no native call where the base never moves (GuestMemory)
        {
            ulong length = Memory.Length;
            throw new WasmGuestDataException(method, parameter,
                $"got 0x{address:X8} from {ExportName}(0, 0, {alignment}, {size}), and {size} bytes from there exceed the memory size of {length} bytes");
        }

        return address;
    }
}
