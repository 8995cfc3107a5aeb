using System;
using System.ComponentModel;
using WasmMarshal.Allocation;

namespace WasmMarshal.Interop;

/// <summary>
/// What every call of one generated import stub shares: the guest, the allocator for the buffers the host passes in
/// (scratch), and the heap that owns the buffers the guest hands back. Created once in the stub's constructor.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class WasmImportContext
{
    private uint? _heapFloor;

    /// <summary>Created by generated stubs after the binder has checked the module.</summary>
    public WasmImportContext(WasmGuest guest, IGuestAllocator? scratch, IGuestAllocator? guestHeap)
    {
        Guest = guest ?? throw new ArgumentNullException(nameof(guest));
        Scratch = scratch;
        GuestHeap = guestHeap;
        Arena = scratch as Allocators.ArenaAllocator;
        HostHeap = scratch as Allocators.HostHeapAllocator;
    }

    /// <summary>The guest.</summary>
    public WasmGuest Guest { get; }

    /// <summary>The allocator of argument buffers and return areas; null for interfaces that pass none.</summary>
    public IGuestAllocator? Scratch { get; }

    /// <summary>
    /// <see cref="Scratch"/> when it is the arena itself (not a wrapper), which releases everything when its scope ends
    /// and does nothing on each free: a call's frame then frees nothing one by one, and opens and closes the scope
    /// inline. Null for any other allocator, wrappers included.
    /// </summary>
    internal Allocators.ArenaAllocator? Arena { get; }

    /// <summary>
    /// <see cref="Scratch"/> when it is the host heap itself (not a wrapper): a frame allocates and frees through it
    /// directly, and skips its scope, which is the interface's default and does nothing. Null otherwise.
    /// </summary>
    internal Allocators.HostHeapAllocator? HostHeap { get; }

    /// <summary>The heap that frees the strings and arrays the guest returns; null for interfaces that return none.</summary>
    public IGuestAllocator? GuestHeap { get; }

    /// <summary>
    /// The lowest address the guest's own heap can hand out: its exported <c>__heap_base</c> (else <c>__data_end</c>),
    /// or 0 when it exports neither. Below it lie the stack and static data, which no heap owns.
    /// </summary>
    internal uint HeapFloor => _heapFloor ??= ReadHeapFloor();

    private uint ReadHeapFloor() =>
        GuestHeap is IManagesGuestMemory ? 0 : Allocators.HeapFloor.Of(Guest).Address; // a host-managed heap knows its own blocks
}

/// <summary>A buffer passed to the guest as the two core values <c>(ptr, len)</c>; <c>(0, 0)</c> for null or empty.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct GuestSlice
{
    internal GuestSlice(uint address, uint length, uint byteCount)
    {
        Ptr = unchecked((int)address);
        Len = unchecked((int)length);
        ByteCount = byteCount;
    }

    /// <summary>The guest address, as the core i32.</summary>
    public int Ptr { get; }

    /// <summary>The length in the ABI's units (code units for strings, elements for spans), as the core i32.</summary>
    public int Len { get; }

    /// <summary>The size in bytes.</summary>
    public uint ByteCount { get; }

    internal uint Address => unchecked((uint)Ptr);
}
