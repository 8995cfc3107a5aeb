using System;
using WasmMarshal.Allocation;
using WasmMarshal.Allocators;

namespace WasmMarshal.Marshalling;

/// <summary>
/// AssemblyScript strings (<see cref="WasmStringEncoding.AssemblyScript"/>): one pointer to UTF-16 code units inside
/// an object of the guest's garbage-collected runtime, whose payload size in bytes is the u32 at <c>ptr - 4</c>.
/// Unpaired surrogates are rejected in both directions, as for <see cref="Utf16Marshaller"/>.
/// </summary>
public static class AssemblyScriptStringMarshaller
{
    /// <summary>The alignment generated stubs pass when they release a string (the unit size).</summary>
    public const uint Alignment = 2;

    /// <summary>The payload size in bytes (two per code unit); rejects unpaired surrogates.</summary>
    public static uint GetByteCount(string value, string method, string parameter) =>
        Utf16Marshaller.GetByteCount(value, method, parameter);

    /// <summary>Copies the code units of <paramref name="value"/> into the payload.</summary>
    public static void Write(string value, Span<byte> destination) => Utf16Marshaller.Write(value, destination);

    /// <summary>
    /// Creates a String object for an argument, pinned until the stub releases it through <paramref name="allocator"/>,
    /// which must be the guest's <see cref="AssemblyScriptAllocator"/>.
    /// </summary>
    public static uint AllocatePinned(IGuestAllocator allocator, uint byteCount, string method, string parameter) =>
        Runtime(allocator, byteCount, method, parameter).AllocateObject(byteCount, Alignment, AssemblyScriptAllocator.StringClassId, pin: true);

    /// <summary>Creates an unpinned String object that a host function returns to the guest, which then owns it.</summary>
    public static uint AllocateForGuest(IGuestAllocator guestHeap, uint byteCount, string method, string parameter) =>
        Runtime(guestHeap, byteCount, method, parameter).AllocateObject(byteCount, Alignment, AssemblyScriptAllocator.StringClassId, pin: false);

    /// <summary>Reads the String at <paramref name="address"/>, or null for a null pointer.</summary>
    public static string? Read(GuestMemoryView view, uint address, string method, string parameter)
    {
        if (address == 0)
        {
            return null;
        }

        if (address < 4)
        {
            throw new WasmGuestDataException(method, parameter,
                $"is the pointer 0x{address:X8}, which leaves no room for the AssemblyScript size header at ptr - 4");
        }

        uint byteCount = view.Read<uint>(address - 4, method, parameter);
        if (byteCount % 2 != 0)
        {
            throw new WasmGuestDataException(method, parameter,
                $"is not an AssemblyScript string: the size header at 0x{address - 4:X8} says {byteCount} bytes, an odd number of UTF-16 bytes");
        }

        return Utf16Marshaller.Read(view.Bytes(address, byteCount, method, parameter), method, parameter);
    }

    private static AssemblyScriptAllocator Runtime(IGuestAllocator allocator, uint byteCount, string method, string parameter)
    {
        return allocator as AssemblyScriptAllocator ?? throw new GuestAllocationException(allocator.Name, byteCount, Alignment,
            $"{method}: '{parameter}' is an AssemblyScript string, which only the guest's own runtime can create; use " +
            "GuestAllocatorSource.AssemblyScript() (the guest must be built with asc --exportRuntime to export __new, __pin and __unpin)");
    }
}
