using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using Wasmtime;

namespace WasmMarshal.Interop;

/// <summary>
/// Typed delegates for a guest's exported functions, as generated stubs and the guest allocators resolve them: the same
/// shape as Wasmtime .NET's <c>Instance.GetFunction&lt;...&gt;</c> / <c>GetAction&lt;...&gt;</c>, but calling
/// <c>wasmtime_func_call_unchecked</c> directly (see <see cref="DirectExport"/>), which skips the wrapper's per-call
/// work. Falls back to Wasmtime .NET's own delegate when this Wasmtime .NET does not have the internals the direct
/// path reads, or when the export's type is not exactly the requested one (the delegate is then whatever
/// <c>GetFunction</c> returns: null for a type mismatch, as there).
/// </summary>
/// <remarks>
/// Parameters and results are the four number types of core wasm (<see cref="int"/>, <see cref="long"/>,
/// <see cref="float"/>, <see cref="double"/>); anything else falls back to Wasmtime .NET.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class WasmExports
{
    /// <summary>Whether this process calls exports directly (false when the loaded Wasmtime .NET does not fit).</summary>
    public static bool UsesDirectCalls => DirectExport.IsAvailable;

    /// <summary>The core kind of a C# number type; <see cref="DirectExport.Unsupported"/> for any other.</summary>
    internal static ValueKind KindOf<T>() where T : unmanaged =>
        typeof(T) == typeof(int) ? ValueKind.Int32
        : typeof(T) == typeof(long) ? ValueKind.Int64
        : typeof(T) == typeof(float) ? ValueKind.Float32
        : typeof(T) == typeof(double) ? ValueKind.Float64
        : DirectExport.Unsupported;

    // For the untyped fallback of actions with more parameters than Wasmtime .NET's typed GetAction takes.
    private static ValueBox Box<T>(T value) where T : unmanaged =>
        // Each branch converted on its own: a conditional's natural type would turn every number into a double.
        typeof(T) == typeof(int) ? (ValueBox)Unsafe.As<T, int>(ref value)
        : typeof(T) == typeof(long) ? (ValueBox)Unsafe.As<T, long>(ref value)
        : typeof(T) == typeof(float) ? (ValueBox)Unsafe.As<T, float>(ref value)
        : typeof(T) == typeof(double) ? (ValueBox)Unsafe.As<T, double>(ref value)
        : throw new NotSupportedException($"{typeof(T)} is not a core wasm number type.");
}
