using System;
using System.Collections.Generic;

namespace WasmMarshal.Inspection;

/// <summary>
/// Finds the stack pointer of a module whose names were stripped: every toolchain that keeps a stack in linear memory
/// (clang/lld, rustc, Emscripten, AssemblyScript's shadow stack) opens a frame with
/// <c>global.get $sp; i32.const N; i32.sub</c>, and Emscripten's <c>stackAlloc</c> with <c>global.get $sp;
/// local.get $n; i32.sub</c>. This counts those byte patterns per global across the code section.
/// It is a heuristic over raw bytes, so callers only trust it for a mutable i32 global.
/// </summary>
internal static class StackPointerScan
{
    private const byte GlobalGet = 0x23, LocalGet = 0x20, I32Const = 0x41, I32Sub = 0x6B;

    /// <summary>How many frame prologues decrement each global.</summary>
    public static Dictionary<uint, int> CountPrologues(ReadOnlySpan<byte> code)
    {
        var counts = new Dictionary<uint, int>();
        for (int i = 0; i + 4 < code.Length; i++)
        {
            if (code[i] != GlobalGet)
            {
                continue;
            }

            int p = i + 1;
            if (!TryLeb(code, ref p, out ulong global) || p >= code.Length || (code[p] != I32Const && code[p] != LocalGet))
            {
                continue;
            }

            p++;
            if (!TryLeb(code, ref p, out _) || p >= code.Length || code[p] != I32Sub || global > uint.MaxValue)
            {
                continue;
            }

            counts[(uint)global] = counts.GetValueOrDefault((uint)global) + 1;
        }

        return counts;
    }

    private static bool TryLeb(ReadOnlySpan<byte> code, ref int position, out ulong value)
    {
        value = 0;
        for (int shift = 0; shift < 35 && position < code.Length; shift += 7)
        {
            byte b = code[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return true;
            }
        }

        return false;
    }
}
