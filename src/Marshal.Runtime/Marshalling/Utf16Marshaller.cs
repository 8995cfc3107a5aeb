using System;
using System.Runtime.InteropServices;
using System.Text;

namespace WasmMarshal.Marshalling;

/// <summary>
/// UTF-16 little-endian strings as <c>(ptr, code unit count)</c>. Unpaired surrogates are rejected in both
/// directions, the same policy as UTF-8.
/// </summary>
public static class Utf16Marshaller
{
    /// <summary>The encoded size in bytes (two per code unit); rejects unpaired surrogates.</summary>
    public static uint GetByteCount(string value, string method, string parameter)
    {
        int bad = FindUnpairedSurrogate(value.AsSpan());
        if (bad >= 0)
        {
            throw new ArgumentException(
                $"{method}: parameter '{parameter}' contains an unpaired surrogate at index {bad} and is not valid UTF-16.",
                parameter);
        }

        return checked((uint)value.Length * 2);
    }

    /// <summary>Copies the code units of <paramref name="value"/> into <paramref name="destination"/>.</summary>
    public static void Write(string value, Span<byte> destination) =>
        MemoryMarshal.AsBytes(value.AsSpan()).CopyTo(destination);

    /// <summary>Decodes guest code units, throwing <see cref="WasmGuestDataException"/> on unpaired surrogates.</summary>
    public static string Read(ReadOnlySpan<byte> bytes, string method, string parameter)
    {
        ReadOnlySpan<char> units = MemoryMarshal.Cast<byte, char>(bytes);
        int bad = FindUnpairedSurrogate(units);
        if (bad >= 0)
        {
            throw new WasmGuestDataException(method, parameter,
                $"is not valid UTF-16 (unpaired surrogate 0x{(int)units[bad]:X4} at code unit {bad} of {units.Length})");
        }

        return new string(units);
    }

    private static int FindUnpairedSurrogate(ReadOnlySpan<char> units)
    {
        for (int i = 0; i < units.Length; i++)
        {
            char c = units[i];
            if (!char.IsSurrogate(c))
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < units.Length && char.IsLowSurrogate(units[i + 1]))
            {
                i++;
                continue;
            }

            return i;
        }

        return -1;
    }
}
