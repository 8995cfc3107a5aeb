using System;
using WasmMarshal.Allocation;

namespace WasmMarshal.Allocators;

/// <summary>
/// Allocates through an AssemblyScript guest's garbage-collected runtime (asc <c>--exportRuntime</c>):
/// <c>__new(size, classId)</c> creates an object, <c>__pin</c> keeps the collector from freeing it while the host holds
/// it, and <see cref="Free"/> is <c>__unpin</c>, after which the collector reclaims it.
/// </summary>
/// <remarks>
/// <c>__new</c> may run a step of the incremental collector and grow memory, like any guest call. The runtime's
/// objects are 16-byte aligned; the object header (20 bytes) sits before the address, with the payload size at
/// <c>address - 4</c> and the class id at <c>address - 8</c>.
/// </remarks>
public sealed class AssemblyScriptAllocator : IGuestAllocator
{
    /// <summary>The class id of <c>ArrayBuffer</c>: plain bytes without managed references, used for scratch buffers.</summary>
    public const uint ArrayBufferClassId = 1;

    /// <summary>The class id of <c>String</c> (fixed by the AssemblyScript runtime; checked against asc 0.28.20 output).</summary>
    public const uint StringClassId = 2;

    /// <summary>The alignment of every object the runtime creates.</summary>
    public const uint ObjectAlignment = 16;

    private readonly GuestMemory _memory;
    private readonly Func<int, int, int> _new;
    private readonly Func<int, int> _pin;
    private readonly Action<int> _unpin;

    /// <summary>Wraps the resolved runtime exports. Prefer <see cref="GuestAllocatorSource.AssemblyScript"/>.</summary>
    public AssemblyScriptAllocator(GuestMemory memory, Func<int, int, int> newObject, Func<int, int> pin, Action<int> unpin)
    {
        _memory = memory;
        _new = newObject;
        _pin = pin;
        _unpin = unpin;
    }

    /// <inheritdoc />
    public string Name => "AssemblyScript __new/__pin/__unpin";

    /// <inheritdoc />
    public uint Allocate(uint size, uint alignment) => AllocateObject(size, alignment, ArrayBufferClassId, pin: true);

    /// <summary>
    /// Creates an object of class <paramref name="classId"/> with a <paramref name="size"/>-byte payload; pinned objects
    /// stay alive until <see cref="Free"/>, unpinned ones belong to the collector once the guest stops referencing them.
    /// </summary>
    public uint AllocateObject(uint size, uint alignment, uint classId, bool pin)
    {
        if (alignment > ObjectAlignment)
        {
            throw new GuestAllocationException(Name, size, alignment, $"AssemblyScript objects are only {ObjectAlignment}-byte aligned");
        }

        if (size > int.MaxValue)
        {
            throw new GuestAllocationException(Name, size, alignment, "the size exceeds 2 GiB");
        }

        uint address = GuestAllocationCheck.Validate(Name, unchecked((uint)_new((int)size, (int)classId)), size, alignment, _memory);
        if (pin)
        {
            _pin((int)address);
        }

        return address;
    }

    /// <summary>Unpins the object; the collector frees it when nothing in the guest references it.</summary>
    public void Free(uint address, uint size, uint alignment)
    {
        if (address != 0)
        {
            _unpin((int)address);
        }
    }
}
