using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace WasmMarshal.Marshalling;

/// <summary>Spans and arrays of unmanaged elements as <c>(ptr, element count)</c>.</summary>
public static class SpanMarshaller
{
    /// <summary>The size in bytes of <paramref name="count"/> elements, which must fit in wasm32's address space.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint GetByteCount<T>(int count, string method, string parameter) where T : unmanaged
    {
        ulong bytes = (ulong)(uint)count * (ulong)Unsafe.SizeOf<T>();
        if (bytes > uint.MaxValue)
        {
            throw new ArgumentException(
                $"{method}: parameter '{parameter}' has {count} elements ({bytes} bytes), more than a wasm32 memory can hold.",
                parameter);
        }

        return (uint)bytes;
    }

    /// <summary>The size in bytes of <paramref name="count"/> elements coming from the guest; rejects overflow.</summary>
    public static uint GetGuestByteCount<T>(uint count, string method, string parameter) where T : unmanaged
    {
        ulong bytes = (ulong)count * (ulong)Unsafe.SizeOf<T>();
        if (bytes > int.MaxValue)
        {
            throw new WasmGuestDataException(method, parameter,
                $"has an element count of {count} ({bytes} bytes), larger than any wasm32 memory a .NET span can address");
        }

        return (uint)bytes;
    }

    /// <summary>Copies <paramref name="source"/> into guest bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Write<T>(ReadOnlySpan<T> source, Span<byte> destination) where T : unmanaged =>
        MemoryMarshal.AsBytes(source).CopyTo(destination);

    /// <summary>Copies guest bytes back into <paramref name="destination"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ReadInto<T>(ReadOnlySpan<byte> source, Span<T> destination) where T : unmanaged =>
        source.CopyTo(MemoryMarshal.AsBytes(destination));

    /// <summary>A new array holding the elements in guest bytes.</summary>
    public static T[] ReadArray<T>(ReadOnlySpan<byte> source) where T : unmanaged
    {
        if (source.IsEmpty)
        {
            return Array.Empty<T>();
        }

        var result = GC.AllocateUninitializedArray<T>(source.Length / Unsafe.SizeOf<T>());
        source.CopyTo(MemoryMarshal.AsBytes(result.AsSpan()));
        return result;
    }
}
