using System;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Wasmtime;

namespace WasmMarshal.Interop;

/// <summary>
/// One exported function called through <c>wasmtime_func_call_unchecked</c> in the native library Wasmtime .NET
/// loaded (<see cref="WasmtimeLibrary"/>), with the arguments in a stack buffer: what Wasmtime .NET's typed delegates do, without their closure, the
/// per-call store-context property, the converter and result-factory interface calls and the marshalling stub.
/// </summary>
/// <remarks>
/// <para>
/// Why it is safe. The call is the one Wasmtime .NET makes, with the same three inputs: the store's
/// <c>wasmtime_context_t*</c> and the function's 16-byte <c>wasmtime_func_t</c>, both read once from Wasmtime .NET's own
/// objects, and a buffer of <c>max(params, results)</c> 16-byte <c>wasmtime_val_raw_t</c>. "Unchecked" means the C API
/// trusts the buffer to match the function's type: <see cref="TryCreate"/> compares the type Wasmtime .NET reports
/// (<see cref="Function.Parameters"/>, <see cref="Function.Results"/>) with the delegate's, kind by kind, and refuses a
/// mismatch, so a buffer slot is never read as another type. The P/Invoke keeps its GC transition (the guest may run
/// long and may call host functions, which re-enter managed code). A closed store is refused before the call, as
/// Wasmtime .NET does, and the store's handle is kept alive across it. An error or trap becomes exactly the exception
/// Wasmtime .NET would throw (its own <c>WasmtimeException.FromOwnedError</c> and <c>TrapException.FromOwnedTrap</c>,
/// which also attach a host callback's exception as the inner exception), so everything above sees the same failures.
/// </para>
/// <para>
/// When anything this relies on is missing from the loaded Wasmtime .NET (the entry point, the non-public fields or
/// methods, or a field layout that differs), <see cref="IsAvailable"/> is false and <see cref="WasmExports"/> returns
/// Wasmtime .NET's delegates instead.
/// </para>
/// </remarks>
[SkipLocalsInit]
internal sealed unsafe partial class DirectExport
{
    /// <summary>A kind no core function has: what <see cref="WasmExports"/> asks for a type that is not a core number.</summary>
    internal const ValueKind Unsupported = (ValueKind)0xFF;

    /// <summary><c>wasmtime_val_raw_t</c> (wasmtime/val.h): a 16-byte union; numbers sit at offset 0, little-endian.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 16)]
    private struct RawValue
    {
        [FieldOffset(0)] public int I32;
        [FieldOffset(0)] public long I64;
        [FieldOffset(0)] public float F32;
        [FieldOffset(0)] public double F64;
    }

    /// <summary><c>wasmtime_func_t</c> (wasmtime/extern.h): <c>{ uint64_t store_id; void *__private; }</c>, 16 bytes.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct FuncHandle
    {
        public ulong StoreId;
        public nint Private;
    }

    private static readonly bool s_hasEntryPoint;
    private static readonly Func<nint, bool, TrapException>? s_trapException;
    private static readonly Func<nint, WasmtimeException>? s_errorException;
    private static readonly FieldInfo? s_funcField = typeof(Function).GetField("func", BindingFlags.Instance | BindingFlags.NonPublic);

    // Wasmtime .NET's wasmtime_func_t, an internal type: named by a constant, which the trimmer and AOT compiler follow.
    [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.NonPublicFields)]
    private static readonly Type? s_externFuncType = Type.GetType("Wasmtime.ExternFunc, Wasmtime.Dotnet", throwOnError: false);

    // Whether reading the boxed wasmtime_func_t as FuncHandle gave the same fields as reflection, on the first function.
    private static int s_layoutChecked;

    static DirectExport()
    {
        const BindingFlags Statics = BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public;
        WasmtimeLibrary.EnsureResolver();
        if (!NativeLibrary.TryLoad(WasmtimeLibrary.Name, typeof(Function).Assembly, null, out nint library)
            || !NativeLibrary.TryGetExport(library, "wasmtime_func_call_unchecked", out _)
            || typeof(TrapException).GetMethod("FromOwnedTrap", Statics, [typeof(nint), typeof(bool)]) is not { } fromTrap
            || typeof(WasmtimeException).GetMethod("FromOwnedError", Statics, [typeof(nint)]) is not { } fromError
            || fromTrap.ReturnType != typeof(TrapException) || fromError.ReturnType != typeof(WasmtimeException)
            || s_funcField?.FieldType != s_externFuncType || !HasFuncHandleShape(s_externFuncType))
        {
            return;
        }

        s_trapException = fromTrap.CreateDelegate<Func<nint, bool, TrapException>>();
        s_errorException = fromError.CreateDelegate<Func<nint, WasmtimeException>>();
        s_hasEntryPoint = true;
    }

    private readonly nint _context;
    private readonly FuncHandle _func;
    private readonly SafeHandle _store;

    private DirectExport(WasmtimeStoreAccess store, FuncHandle func)
    {
        _context = store.Context;
        _store = store.Handle;
        _func = func;
    }

    /// <summary>Whether the loaded Wasmtime .NET has everything the direct path needs.</summary>
    public static bool IsAvailable => s_hasEntryPoint && s_layoutChecked >= 0;

    /// <summary>
    /// The direct caller of <paramref name="name"/>, or null (the caller falls back to Wasmtime .NET) when the direct
    /// path is unavailable, the export is missing, or its type is not exactly <paramref name="parameters"/> →
    /// <paramref name="result"/> (null: no result).
    /// </summary>
    public static DirectExport? TryCreate(WasmGuest guest, string name, ReadOnlySpan<ValueKind> parameters, ValueKind? result)
    {
        if (!IsAvailable || guest.StoreAccess is not { } store || guest.Instance.GetFunction(name) is not { } function
            || !HasType(function, parameters, result))
        {
            return null;
        }

        object? boxed = s_funcField!.GetValue(function);
        if (boxed is null)
        {
            return null;
        }

        // A boxed struct's fields start where a StrongBox<T>'s Value does: right after the method table pointer.
        FuncHandle func = Unsafe.As<StrongBox<FuncHandle>>(boxed).Value;
        if (s_layoutChecked == 0)
        {
            s_layoutChecked = SameAsReflection(boxed, func) ? 1 : -1;
            if (s_layoutChecked < 0)
            {
                return null;
            }
        }

        return new DirectExport(store, func);
    }

    internal static bool HasType(Function function, ReadOnlySpan<ValueKind> parameters, ValueKind? result)
    {
        var actualParameters = function.Parameters;
        var actualResults = function.Results;
        if (actualParameters.Count != parameters.Length || actualResults.Count != (result is null ? 0 : 1)
            || (result is { } kind && actualResults[0] != kind))
        {
            return false;
        }

        for (int i = 0; i < parameters.Length; i++)
        {
            if (actualParameters[i] != parameters[i])
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasFuncHandleShape(
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.NonPublicFields)] Type? type)
    {
        const BindingFlags Fields = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;
        return type is { IsValueType: true }
            && type.GetFields(Fields).Length == 2
            && type.GetField("store", Fields)?.FieldType == typeof(ulong)
            && type.GetField("__private", Fields)?.FieldType == typeof(nint);
    }

    private static bool SameAsReflection(object boxed, FuncHandle func)
    {
        const BindingFlags Fields = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;
        var type = s_externFuncType!;
        return boxed.GetType() == type && type.GetField("store", Fields)?.GetValue(boxed) is ulong storeId && storeId == func.StoreId
            && type.GetField("__private", Fields)?.GetValue(boxed) is nint handle && handle == func.Private;
    }

    // Never inlined: callers (generated stubs) call inside try blocks, where the JIT on Unix cannot inline a P/Invoke
    // transition and falls back to a marshalling stub with helper calls, which costs more than this call saves.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Call(RawValue* values, nuint count)
    {
        if (_store.IsClosed)
        {
            ThrowStoreDisposed();
        }

        FuncHandle func = _func;
        nint trap = 0;
        nint error = wasmtime_func_call_unchecked(_context, &func, values, count, &trap);
        GC.KeepAlive(_store);
        if (error != 0 || trap != 0)
        {
            ThrowFailure(error, trap);
        }
    }

    // A DllImport with blittable pointer arguments, which the JIT calls with an inline transition. (A function pointer
    // from NativeLibrary.GetExport measured up to twice as slow in a stub with string results, through a runtime
    // helper on every return.) "wasmtime" resolves to the library Wasmtime .NET loaded: see WasmtimeLibrary.
    [DllImport(WasmtimeLibrary.Name, EntryPoint = "wasmtime_func_call_unchecked")]
    private static extern nint wasmtime_func_call_unchecked(nint context, FuncHandle* func, RawValue* values, nuint count, nint* trap);

    private static void ThrowFailure(nint error, nint trap)
    {
        if (error != 0)
        {
            throw s_errorException!(error);
        }

        throw s_trapException!(trap, true);
    }

    private static void ThrowStoreDisposed() => throw new ObjectDisposedException(typeof(Store).FullName);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store<T>(RawValue* slot, T value) where T : unmanaged
    {
        if (typeof(T) == typeof(int))
        {
            slot->I32 = Unsafe.As<T, int>(ref value);
        }
        else if (typeof(T) == typeof(long))
        {
            slot->I64 = Unsafe.As<T, long>(ref value);
        }
        else if (typeof(T) == typeof(float))
        {
            slot->F32 = Unsafe.As<T, float>(ref value);
        }
        else if (typeof(T) == typeof(double))
        {
            slot->F64 = Unsafe.As<T, double>(ref value);
        }
        else
        {
            throw new NotSupportedException($"{typeof(T)} is not a core wasm number type.");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Load<T>(RawValue* slot) where T : unmanaged
    {
        if (typeof(T) == typeof(int))
        {
            int value = slot->I32;
            return Unsafe.As<int, T>(ref value);
        }

        if (typeof(T) == typeof(long))
        {
            long value = slot->I64;
            return Unsafe.As<long, T>(ref value);
        }

        if (typeof(T) == typeof(float))
        {
            float value = slot->F32;
            return Unsafe.As<float, T>(ref value);
        }

        if (typeof(T) == typeof(double))
        {
            double value = slot->F64;
            return Unsafe.As<double, T>(ref value);
        }

        throw new NotSupportedException($"{typeof(T)} is not a core wasm number type.");
    }
}
