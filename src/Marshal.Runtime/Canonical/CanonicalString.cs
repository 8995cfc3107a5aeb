using System;
using System.ComponentModel;
using System.Runtime.InteropServices;
using System.Text;
using WasmMarshal.Marshalling;

namespace WasmMarshal.Canonical;

/// <summary>
/// Strings across the canonical ABI: <c>(ptr, code units)</c> in UTF-8 or UTF-16 (the <c>string-encoding</c> option).
/// Lowering writes into a buffer from the guest's realloc, which the callee then owns; lifting checks the length limit,
/// the alignment, the bounds and the encoding before decoding (CanonicalABI.md <c>load_string_from_range</c>).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CanonicalString
{
    private static readonly UnicodeEncoding s_strictUtf16 = new(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Lowers <paramref name="value"/>: allocates its exact encoded size through <paramref name="realloc"/> (alignment 1
    /// for UTF-8, 2 for UTF-16), writes it, and returns the pointer and the length in code units. A .NET string with an
    /// unpaired surrogate is not a sequence of Unicode scalar values and is rejected with an <see cref="ArgumentException"/>.
    /// </summary>
    public static (uint Pointer, uint CodeUnits) Lower(string value, CanonicalStringEncoding encoding, CanonicalRealloc realloc,
        string method, string parameter)
    {
        ArgumentNullException.ThrowIfNull(value, parameter);
        if (encoding == CanonicalStringEncoding.Utf8)
        {
            uint bytes = Utf8Marshaller.GetByteCount(value, method, parameter);
            CheckLength(bytes, method, parameter);
            uint pointer = realloc.Allocate(1, bytes, method, parameter);
            Utf8Marshaller.Write(value, realloc.Memory.View().Bytes(pointer, bytes, method, parameter));
            return (pointer, bytes);
        }

        if (!IsWellFormedUtf16(value, out int badIndex))
        {
            throw new ArgumentException(
                $"{method}: parameter '{parameter}' contains an unpaired surrogate at index {badIndex} and is not a valid component-model string.",
                parameter);
        }

        uint byteLength = checked((uint)value.Length * 2);
        CheckLength(byteLength, method, parameter);
        uint address = realloc.Allocate(2, byteLength, method, parameter);
        MemoryMarshal.AsBytes(value.AsSpan()).CopyTo(realloc.Memory.View().Bytes(address, byteLength, method, parameter));
        return (address, (uint)value.Length);
    }

    /// <summary>Lifts the string at <c>(pointer, codeUnits)</c>, validating everything (see the class remarks).</summary>
    public static string Lift(GuestMemoryView view, uint pointer, uint codeUnits, CanonicalStringEncoding encoding,
        string method, string parameter)
    {
        if (encoding == CanonicalStringEncoding.Utf8)
        {
            if (codeUnits > CanonicalAbi.MaxStringByteLength)
            {
                throw TooLong(codeUnits, method, parameter);
            }

            return Utf8Marshaller.Read(view.Bytes(pointer, codeUnits, method, parameter), method, parameter);
        }

        ulong byteLength = (ulong)codeUnits * 2;
        if (byteLength > CanonicalAbi.MaxStringByteLength)
        {
            throw TooLong(byteLength, method, parameter);
        }

        if (!CanonicalAbi.IsAligned(pointer, 2))
        {
            throw new WasmGuestDataException(method, parameter, $"is a UTF-16 string at the odd address 0x{pointer:X8}; it must be 2-aligned");
        }

        var bytes = view.Bytes(pointer, (uint)byteLength, method, parameter);
        try
        {
            return s_strictUtf16.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            throw new WasmGuestDataException(method, parameter,
                $"is not valid UTF-16 (an unpaired surrogate at byte offset {ex.Index} of {bytes.Length})", ex);
        }
    }

    /// <summary>
    /// Lifts a string whose <c>(ptr, len)</c> pair is stored at <paramref name="at"/> (in a return area, a record or
    /// a list element), reading the pair bounds-checked first.
    /// </summary>
    public static string LiftStored(GuestMemoryView view, uint at, CanonicalStringEncoding encoding, string method, string parameter)
    {
        uint pointer = view.Read<uint>(at, method, parameter);
        uint units = view.Read<uint>(at + 4, method, parameter);
        return Lift(view, pointer, units, encoding, method, parameter);
    }

    private static void CheckLength(uint bytes, string method, string parameter)
    {
        if (bytes > CanonicalAbi.MaxStringByteLength)
        {
            throw new ArgumentException(
                $"{method}: parameter '{parameter}' encodes to {bytes} bytes, more than the canonical ABI's limit of {CanonicalAbi.MaxStringByteLength}.",
                parameter);
        }
    }

    private static WasmGuestDataException TooLong(ulong bytes, string method, string parameter) =>
        new(method, parameter, $"is a string of {bytes} bytes, more than the canonical ABI's limit of {CanonicalAbi.MaxStringByteLength}");

    private static bool IsWellFormedUtf16(string value, out int badIndex)
    {
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                badIndex = i;
                return false;
            }
        }

        badIndex = -1;
        return true;
    }
}
