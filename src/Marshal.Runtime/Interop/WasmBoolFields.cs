using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace WasmMarshal.Interop;

/// <summary>
/// Where the <c>bool</c>s lie inside <typeparamref name="T"/>, so that values read from the guest hold only 0 or 1 in
/// them: a guest may store any byte in a C <c>bool</c>, and a .NET <c>bool</c> holding 2 is neither <c>true</c> nor
/// <c>false</c> to <c>Equals</c>. Generated bindings register the offsets of every struct they use that contains one;
/// <c>bool</c> itself needs no registration. Values are normalised after they are copied out of guest memory, never
/// in it.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class WasmBoolFields<T> where T : unmanaged
{
    private static int[]? s_offsets;

    /// <summary>Registers the byte offsets of the <c>bool</c>s in <typeparamref name="T"/> (nested structs and fixed buffers flattened).</summary>
    public static void Register(params int[] offsets) => s_offsets ??= offsets;

    /// <summary>Normalises one value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Normalize(ref T value) => Normalize(MemoryMarshal.AsBytes(new Span<T>(ref value)));

    /// <summary>Normalises a run of values of <typeparamref name="T"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Normalize(Span<T> values) => Normalize(MemoryMarshal.AsBytes(values));

    private static void Normalize(Span<byte> bytes)
    {
        if (typeof(T) == typeof(bool))
        {
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = bytes[i] != 0 ? (byte)1 : (byte)0;
            }

            return;
        }

        if (s_offsets is not { } offsets)
        {
            return;
        }

        int stride = Unsafe.SizeOf<T>();
        for (int element = 0; element + stride <= bytes.Length; element += stride)
        {
            foreach (int offset in offsets)
            {
                ref byte b = ref bytes[element + offset];
                b = b != 0 ? (byte)1 : (byte)0;
            }
        }
    }
}
