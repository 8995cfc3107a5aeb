using System;
using WasmMarshal.Allocation;
using WasmMarshal.Marshalling;

namespace WasmMarshal.Interop;

// Buffers a C library returns as one pointer: a NUL-terminated string or an array whose element count the guest stores
// in an out parameter, freed by the guest heap, by a named export of the library, or by nobody (static data).
public ref partial struct WasmCallFrame
{
    /// <summary>A NUL-terminated UTF-8 string returned as the core result, owned as <paramref name="owner"/> says; null is an error.</summary>
    public string ReturnCString(int address, ReturnedBuffer owner) =>
        ReturnNullableCString(address, owner) ?? throw ReturnedNull("string");

    /// <summary>A NUL-terminated UTF-8 string returned as the core result, owned as <paramref name="owner"/> says; a null pointer is null.</summary>
    public string? ReturnNullableCString(int address, ReturnedBuffer owner)
    {
        uint at = unchecked((uint)address);
        if (at == 0)
        {
            return null;
        }

        if (owner.Kind == 0)
        {
            return ReturnNullableCString(address);
        }

        if (!owner.IsBorrowed)
        {
            // Taken before it is read: a string that is not terminated inside memory, or not UTF-8, is still freed.
            TakeReturnedFreedBy(at, owner);
        }

        var bytes = View().NulTerminated(at, _method, "return");
        return Utf8Marshaller.Read(bytes, _method, "return");
    }

    /// <summary>
    /// An array returned as one pointer whose element count the guest stored in the out parameter
    /// <paramref name="countParameter"/> (<c>[return: WasmCount]</c>); a null pointer is an empty array.
    /// </summary>
    public T[] ReturnCountedArray<T>(int address, long count, uint alignment, string countParameter, ReturnedBuffer owner) where T : unmanaged =>
        ReturnNullableCountedArray<T>(address, count, alignment, countParameter, owner) ?? Array.Empty<T>();

    /// <summary>
    /// An array returned as one pointer whose element count the guest stored in the out parameter
    /// <paramref name="countParameter"/>; a null pointer is null (with any count: a failed C call often leaves it unset).
    /// </summary>
    /// <exception cref="WasmGuestDataException">
    /// The count is negative or larger than memory, or the buffer reaches past the end of memory; names the count
    /// parameter and the return value. A buffer in memory with a bad count is still freed.
    /// </exception>
    public T[]? ReturnNullableCountedArray<T>(int address, long count, uint alignment, string countParameter, ReturnedBuffer owner) where T : unmanaged
    {
        uint at = unchecked((uint)address);
        if (at == 0)
        {
            return null;
        }

        if (owner.Kind != 0 && !owner.IsBorrowed)
        {
            TakeReturnedFreedBy(at, owner);
        }

        var view = View();
        if (count < 0 || count > uint.MaxValue)
        {
            throw new WasmGuestDataException(_method, countParameter,
                $"reports {count} elements for the buffer returned at 0x{at:X8}; an element count is from 0 to {uint.MaxValue}");
        }

        uint size = SpanMarshaller.GetGuestByteCount<T>((uint)count, _method, countParameter);
        if ((ulong)at + size > view.Length)
        {
            throw new WasmGuestDataException(_method, countParameter,
                $"reports {count} elements ({size} bytes) for the buffer returned at 0x{at:X8}, which reaches past the end of memory ({view.Length} bytes)");
        }

        var bytes = view.Bytes(at, size, _method, "return");
        if (owner.Kind == 0)
        {
            TakeReturned(at, size, alignment);
        }

        var array = SpanMarshaller.ReadArray<T>(bytes);
        WasmBoolFields<T>.Normalize(array);
        return array;
    }

    /// <summary>
    /// Accepts a buffer to be freed through a named export when the call ends: inside memory, not one of this call's
    /// host buffers, not below the heap (static data, which no deallocator owns). The export is the library's own
    /// allocator's, so the guest heap is not asked whether it owns the block.
    /// </summary>
    private void TakeReturnedFreedBy(uint address, ReturnedBuffer owner)
    {
        if (address >= View().Length)
        {
            throw Returned(address, $"lies outside memory ({View().Length} bytes)");
        }

        for (int i = 0; i < _count; i++)
        {
            ref readonly CallBuffers.Record buffer = ref At(i);
            if (!buffer.GuestOwned && address >= buffer.Address && address < (ulong)buffer.Address + Math.Max(buffer.Size, 1u))
            {
                throw Returned(address, $"lies inside the buffer the host passed for {Describe(buffer.Parameter)} (0x{buffer.Address:X8}, {buffer.Size} bytes): a result must be new memory from the guest's heap");
            }
        }

        // Memory the host's allocator manages (an arena's chunks, the host heap's regions: this call's buffers and any
        // other) is no library allocator's to free.
        if (_context.Scratch is IManagesGuestMemory scratch && scratch.Manages(address, 1))
        {
            throw Returned(address, $"lies inside memory that the host's {_context.Scratch.Name} manages, which {owner.Export} does not own");
        }

        if (address < _context.HeapFloor)
        {
            throw Returned(address, $"lies below the heap (__heap_base is 0x{_context.HeapFloor:X8}): static data or the stack, which {owner.Export} does not own (mark static results [return: WasmBorrowed])");
        }

        Record(address, 0, 1, guestOwned: true, "return", owner.Free, owner.Export);
    }
}
