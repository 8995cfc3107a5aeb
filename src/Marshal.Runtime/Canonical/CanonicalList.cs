using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace WasmMarshal.Canonical;

/// <summary>
/// Lists across the canonical ABI: <c>(ptr, element count)</c>, elements laid out at their canonical size and
/// alignment. Lowering copies into a buffer from the guest's realloc, which the callee owns afterwards; lifting checks
/// the byte-length limit, the alignment and the bounds (CanonicalABI.md <c>load_list_from_range</c>) before reading.
/// </summary>
/// <remarks>
/// The scalar overloads take the canonical layout as the .NET layout of the element type (little-endian, which
/// wasm and every .NET platform Wasmtime runs on are): <c>byte</c>, <c>uint</c>, <c>double</c> and so on. Lists of
/// strings, records or variants are walked element by element with <see cref="CheckRange"/> and the stored lifts.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CanonicalList
{
    /// <summary>Lowers a list of scalars; returns the pointer and the element count.</summary>
    public static unsafe (uint Pointer, uint Count) Lower<T>(ReadOnlySpan<T> items, uint alignment, CanonicalRealloc realloc,
        string method, string parameter) where T : unmanaged
    {
        ulong byteLength = (ulong)items.Length * (ulong)sizeof(T);
        if (byteLength > CanonicalAbi.MaxListByteLength)
        {
            throw new ArgumentException(
                $"{method}: parameter '{parameter}' is {byteLength} bytes, more than the canonical ABI's list limit of {CanonicalAbi.MaxListByteLength}.",
                parameter);
        }

        uint pointer = realloc.Allocate(alignment, (uint)byteLength, method, parameter);
        MemoryMarshal.AsBytes(items).CopyTo(realloc.Memory.View().Bytes(pointer, (uint)byteLength, method, parameter));
        return (pointer, (uint)items.Length);
    }

    /// <summary>
    /// Allocates room for <paramref name="count"/> elements of <paramref name="elementSize"/> bytes (for lists of
    /// strings or records the caller then stores element by element); returns the pointer.
    /// </summary>
    public static uint Allocate(uint count, uint elementSize, uint alignment, CanonicalRealloc realloc, string method, string parameter)
    {
        ulong byteLength = (ulong)count * elementSize;
        if (byteLength > CanonicalAbi.MaxListByteLength)
        {
            throw new ArgumentException(
                $"{method}: parameter '{parameter}' is {byteLength} bytes, more than the canonical ABI's list limit of {CanonicalAbi.MaxListByteLength}.",
                parameter);
        }

        return realloc.Allocate(alignment, (uint)byteLength, method, parameter);
    }

    /// <summary>
    /// Checks that <paramref name="count"/> elements of <paramref name="elementSize"/> bytes at
    /// <paramref name="pointer"/> are within the limit, aligned and inside memory; returns the byte length.
    /// </summary>
    public static uint CheckRange(GuestMemoryView view, uint pointer, uint count, uint elementSize, uint alignment,
        string method, string parameter)
    {
        ulong byteLength = (ulong)count * elementSize;
        if (byteLength > CanonicalAbi.MaxListByteLength)
        {
            throw new WasmGuestDataException(method, parameter,
                $"is a list of {count} elements ({byteLength} bytes), more than the canonical ABI's limit of {CanonicalAbi.MaxListByteLength} bytes");
        }

        if (!CanonicalAbi.IsAligned(pointer, alignment))
        {
            throw new WasmGuestDataException(method, parameter,
                $"is a list at the misaligned address 0x{pointer:X8}; its elements need {alignment}-byte alignment");
        }

        if (!view.Contains(pointer, byteLength))
        {
            throw new WasmGuestMemoryException(method, parameter, pointer, byteLength, view.Length);
        }

        return (uint)byteLength;
    }

    /// <summary>The elements in guest memory, checked; valid only until the guest runs again.</summary>
    public static unsafe ReadOnlySpan<T> View<T>(GuestMemoryView view, uint pointer, uint count, uint alignment,
        string method, string parameter) where T : unmanaged
    {
        uint byteLength = CheckRange(view, pointer, count, (uint)sizeof(T), alignment, method, parameter);
        return MemoryMarshal.Cast<byte, T>(view.Bytes(pointer, byteLength, method, parameter));
    }

    /// <summary>Lifts a list of scalars into a new array.</summary>
    public static T[] Lift<T>(GuestMemoryView view, uint pointer, uint count, uint alignment, string method, string parameter)
        where T : unmanaged
    {
        var elements = View<T>(view, pointer, count, alignment, method, parameter);
        if (elements.IsEmpty)
        {
            return Array.Empty<T>();
        }

        T[] result = GC.AllocateUninitializedArray<T>(elements.Length);
        elements.CopyTo(result);
        return result;
    }

    /// <summary>Lifts a list of scalars whose <c>(ptr, count)</c> pair is stored at <paramref name="at"/>.</summary>
    public static T[] LiftStored<T>(GuestMemoryView view, uint at, uint alignment, string method, string parameter)
        where T : unmanaged =>
        Lift<T>(view, view.Read<uint>(at, method, parameter), view.Read<uint>(at + 4, method, parameter), alignment, method, parameter);

    /// <summary>Stores a <c>(ptr, len)</c> pair (a string or list) at <paramref name="at"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StorePair(GuestMemoryView view, uint at, uint pointer, uint length, string method, string parameter)
    {
        view.Write(at, pointer, method, parameter);
        view.Write(at + 4, length, method, parameter);
    }
}
