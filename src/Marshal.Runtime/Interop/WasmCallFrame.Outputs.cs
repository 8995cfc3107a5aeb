using System;
using WasmMarshal.Marshalling;

namespace WasmMarshal.Interop;

// Buffers sized by another parameter ([WasmCount], [WasmCapacity]): one bare pointer each, the count or the length
// cell being a parameter of its own, the way C libraries declare them.
public ref partial struct WasmCallFrame
{
    /// <summary>
    /// The first <paramref name="count"/> elements of a span, passed as one pointer (<c>[WasmCount]</c>). A zero count
    /// still gets a valid pointer: C libraries may give a null pointer a meaning of its own (zlib's <c>crc32</c> returns
    /// its initial value for one).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The count is negative or more than the span holds; names both parameters.</exception>
    public GuestSlice InCounted<T>(ReadOnlySpan<T> values, long count, uint alignment, string parameter, string countParameter)
        where T : unmanaged
    {
        int elements = CheckCount(values.Length, count, parameter, countParameter);
        uint size = SpanMarshaller.GetByteCount<T>(elements, _method, parameter);

        // At least one byte, so that the address is a real allocation and never 0.
        uint address = AllocateScratch(Math.Max(size, 1u), alignment, parameter);
        SpanMarshaller.Write(values[..elements], View().Bytes(address, size, _method, parameter));
        return new GuestSlice(address, (uint)elements, size);
    }

    /// <summary>An array counted by <paramref name="count"/>; a null array passes a null pointer, with a count of 0 only.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The count is negative or more than the array holds; names both parameters.</exception>
    public GuestSlice InCountedArray<T>(T[]? values, long count, uint alignment, string parameter, string countParameter)
        where T : unmanaged
    {
        if (values is null)
        {
            CheckCount(0, count, parameter, countParameter);
            return default;
        }

        return InCounted<T>(values, count, alignment, parameter, countParameter);
    }

    /// <summary>
    /// Room for <paramref name="capacity"/> elements that the guest writes into (<c>[WasmCapacity]</c>); nothing is
    /// copied in. Pair with <see cref="LengthCell"/> and <see cref="CopyBackReported{T}"/>.
    /// </summary>
    public GuestSlice OutCapacity<T>(int capacity, uint alignment, string parameter) where T : unmanaged
    {
        uint size = SpanMarshaller.GetByteCount<T>(capacity, _method, parameter);
        uint address = AllocateScratch(Math.Max(size, 1u), alignment, parameter);
        return new GuestSlice(address, (uint)capacity, size);
    }

    /// <summary>The 32-bit length cell of an output buffer, holding its capacity in elements when the guest is called.</summary>
    public int LengthCell(GuestSlice buffer, string lengthParameter)
    {
        uint address = AllocateScratch(sizeof(uint), sizeof(uint), lengthParameter);
        View().Write(address, (uint)buffer.Len, _method, lengthParameter);
        return unchecked((int)address);
    }

    /// <summary>
    /// Reads the length the guest reported in <paramref name="lengthCell"/> and copies exactly that many elements of
    /// <paramref name="buffer"/> into the start of <paramref name="destination"/>.
    /// </summary>
    /// <returns>The reported length, at most the capacity.</returns>
    /// <exception cref="WasmGuestDataException">The guest reported more than the capacity; nothing is copied.</exception>
    public readonly int CopyBackReported<T>(GuestSlice buffer, int lengthCell, Span<T> destination, string parameter, string lengthParameter)
        where T : unmanaged
    {
        uint reported = View().Read<uint>(unchecked((uint)lengthCell), _method, lengthParameter);
        uint capacity = unchecked((uint)buffer.Len);
        if (reported > capacity)
        {
            throw new WasmGuestDataException(_method, lengthParameter,
                $"reports {reported} elements written into parameter '{parameter}', whose capacity is {capacity}; nothing is copied back");
        }

        int length = (int)reported;
        if (length > 0)
        {
            uint bytes = (uint)(buffer.ByteCount / capacity * reported);
            var written = destination[..length];
            SpanMarshaller.ReadInto(View().Bytes(buffer.Address, bytes, _method, parameter), written);
            WasmBoolFields<T>.Normalize(written);
        }

        return length;
    }

    private readonly int CheckCount(int available, long count, string parameter, string countParameter)
    {
        if (count < 0 || count > available)
        {
            throw new ArgumentOutOfRangeException(countParameter, count,
                $"{_method}: '{countParameter}' is {count}, the element count of '{parameter}', which holds {available}; it must be from 0 to {available}");
        }

        return (int)count;
    }
}

// Fixed-size buffers ([WasmFixedLength]): one bare pointer to exactly as many elements as the C declaration fixes.
public ref partial struct WasmCallFrame
{
    /// <summary>The first <paramref name="length"/> elements of a span, passed as one pointer (<c>[WasmFixedLength]</c>).</summary>
    /// <exception cref="ArgumentException">The span holds fewer than <paramref name="length"/> elements; names the parameter.</exception>
    public GuestSlice InFixed<T>(ReadOnlySpan<T> values, int length, uint alignment, string parameter) where T : unmanaged
    {
        if (values.Length < length)
        {
            throw new ArgumentException(
                $"{_method}: '{parameter}' holds {values.Length} elements, but the function takes exactly {length} ([WasmFixedLength({length})])", parameter);
        }

        uint size = SpanMarshaller.GetByteCount<T>(length, _method, parameter);
        uint address = AllocateScratch(Math.Max(size, 1u), alignment, parameter);
        SpanMarshaller.Write(values[..length], View().Bytes(address, size, _method, parameter));
        return new GuestSlice(address, (uint)length, size);
    }

    /// <summary>A fixed-length array; a null array passes a null pointer.</summary>
    /// <exception cref="ArgumentException">The array holds fewer than <paramref name="length"/> elements; names the parameter.</exception>
    public GuestSlice InFixedArray<T>(T[]? values, int length, uint alignment, string parameter) where T : unmanaged =>
        values is null ? default : InFixed<T>(values, length, alignment, parameter);
}
