using System;
using System.Collections.Generic;
using System.Text;
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

    /// <summary>
    /// <c>wasmtime_func_t</c> and <c>wasmtime_instance_t</c> (wasmtime/extern.h, wasmtime/instance.h): both
    /// <c>{ uint64_t store_id; size_t __private; }</c>, 16 bytes.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct StoreItem : IEquatable<StoreItem>
    {
        public ulong StoreId;
        public nint Private;

        public readonly bool Equals(StoreItem other) => StoreId == other.StoreId && Private == other.Private;
    }

    /// <summary><c>wasmtime_extern_t</c>: a kind byte, then (8-aligned) the union whose function member is a <see cref="StoreItem"/>.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 32)]
    private struct ExternItem
    {
        [FieldOffset(0)] public byte Kind;
        [FieldOffset(8)] public StoreItem Item;
    }

    private const byte ExternFunc = 0; // WASMTIME_EXTERN_FUNC

    private static readonly bool s_hasEntryPoint;
    private static readonly Func<nint, bool, TrapException>? s_trapException;
    private static readonly Func<nint, WasmtimeException>? s_errorException;
    private static readonly FieldInfo? s_funcField = typeof(Function).GetField("func", BindingFlags.Instance | BindingFlags.NonPublic);

    // Wasmtime .NET's wasmtime_func_t, an internal type: named by a constant, which the trimmer and AOT compiler follow.
    [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.NonPublicFields)]
    private static readonly Type? s_externFuncType = Type.GetType("Wasmtime.ExternFunc, Wasmtime.Dotnet", throwOnError: false);

    // Whether reading the boxed wasmtime_func_t as StoreItem gave the same fields as reflection, on the first function.
    private static int s_layoutChecked;

    // Whether wasmtime_instance_export_get, given the instance handle read from Wasmtime .NET, found the very function
    // Wasmtime .NET's own lookup gives (checked on the first export): 0 not yet, 1 yes, -1 no (then never used).
    private static int s_lookupChecked;

    private static readonly FieldInfo? s_instanceField = typeof(Instance).GetField("instance", BindingFlags.Instance | BindingFlags.NonPublic);

    [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.NonPublicFields)]
    private static readonly Type? s_externInstanceType = Type.GetType("Wasmtime.ExternInstance, Wasmtime.Dotnet", throwOnError: false);

    static DirectExport()
    {
        const BindingFlags Statics = BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public;
        WasmtimeLibrary.EnsureResolver();
        if (!NativeLibrary.TryLoad(WasmtimeLibrary.Name, typeof(Function).Assembly, null, out nint library)
            || !NativeLibrary.TryGetExport(library, "wasmtime_func_call_unchecked", out _)
            || typeof(TrapException).GetMethod("FromOwnedTrap", Statics, [typeof(nint), typeof(bool)]) is not { } fromTrap
            || typeof(WasmtimeException).GetMethod("FromOwnedError", Statics, [typeof(nint)]) is not { } fromError
            || fromTrap.ReturnType != typeof(TrapException) || fromError.ReturnType != typeof(WasmtimeException)
            || s_funcField?.FieldType != s_externFuncType || !HasStoreItemShape(s_externFuncType, typeof(nint)))
        {
            return;
        }

        s_trapException = fromTrap.CreateDelegate<Func<nint, bool, TrapException>>();
        s_errorException = fromError.CreateDelegate<Func<nint, WasmtimeException>>();
        s_hasEntryPoint = true;
    }

    private readonly nint _context;
    private readonly StoreItem _func;
    private readonly SafeHandle _store;

    private DirectExport(WasmtimeStoreAccess store, StoreItem func)
    {
        _context = store.Context;
        _store = store.Handle;
        _func = func;
    }

    /// <summary>The exception Wasmtime .NET makes of an owned <c>wasmtime_error_t*</c> (which it frees).</summary>
    internal static WasmtimeException ErrorException(nint error) =>
        s_errorException is { } make ? make(error) : new WasmtimeException("Wasmtime reported an error (its message could not be read).");

    /// <summary>Whether the loaded Wasmtime .NET has everything the direct path needs.</summary>
    public static bool IsAvailable => s_hasEntryPoint && s_layoutChecked >= 0;

    /// <summary>
    /// The direct caller of <paramref name="name"/>, or null (the caller falls back to Wasmtime .NET) when the direct
    /// path is unavailable, the export is missing, or its type is not exactly <paramref name="parameters"/> →
    /// <paramref name="result"/> (null: no result).
    /// </summary>
    public static DirectExport? TryCreate(Wasmtime.Module module, Instance instance, NativeInstance native, string name,
        ReadOnlySpan<ValueKind> parameters, ValueKind? result)
    {
        // The type comes from the module (an instance exports exactly its module's exports), looked up once per module.
        if (!IsAvailable || native.Store is not { } store
            || !Allocators.ModuleExports.Of(module).Functions.TryGetValue(name, out var export)
            || !HasType(export.Parameters, export.Results, parameters, result))
        {
            return null;
        }

        // Fast: the C API's lookup by name, no Function object (about a quarter of Wasmtime .NET's typed lookup).
        if (s_lookupChecked > 0 && native.Instance is { } item && TryLookUp(store, item, name, out StoreItem found))
        {
            return new DirectExport(store, found);
        }

        if (instance.GetFunction(name) is not { } function || s_funcField!.GetValue(function) is not { } boxed)
        {
            return null;
        }

        // A boxed struct's fields start where a StrongBox<T>'s Value does: right after the method table pointer.
        StoreItem func = Unsafe.As<StrongBox<StoreItem>>(boxed).Value;
        if (s_layoutChecked == 0)
        {
            s_layoutChecked = SameAsReflection(boxed, s_externFuncType, func) ? 1 : -1;
            if (s_layoutChecked < 0)
            {
                return null;
            }
        }

        if (s_lookupChecked == 0)
        {
            s_lookupChecked = native.Instance is { } checkedItem && TryLookUp(store, checkedItem, name, out StoreItem same) && same.Equals(func) ? 1 : -1;
        }

        return new DirectExport(store, func);
    }

    /// <summary>The instance's <c>wasmtime_instance_t</c>, or null when this Wasmtime .NET lays it out differently.</summary>
    internal static StoreItem? ReadInstanceItem(Instance instance)
    {
        if (s_instanceField?.FieldType != s_externInstanceType || !HasStoreItemShape(s_externInstanceType, typeof(nuint))
            || s_instanceField!.GetValue(instance) is not { } boxed)
        {
            return null;
        }

        StoreItem item = Unsafe.As<StrongBox<StoreItem>>(boxed).Value;
        return SameAsReflection(boxed, s_externInstanceType, item) ? item : null;
    }

    private static bool TryLookUp(WasmtimeStoreAccess store, StoreItem instance, string name, out StoreItem func)
    {
        func = default;
        int length = Encoding.UTF8.GetByteCount(name);
        Span<byte> utf8 = length <= 256 ? stackalloc byte[256] : new byte[length];
        Encoding.UTF8.GetBytes(name, utf8);
        if (store.Handle.IsClosed)
        {
            return false;
        }

        ExternItem found;
        byte ok;
        fixed (byte* bytes = utf8)
        {
            ok = wasmtime_instance_export_get(store.Context, &instance, bytes, (nuint)length, &found);
        }

        GC.KeepAlive(store.Handle);
        if (ok == 0 || found.Kind != ExternFunc)
        {
            return false;
        }

        func = found.Item;
        return true;
    }

    internal static bool HasType(Function function, ReadOnlySpan<ValueKind> parameters, ValueKind? result) =>
        HasType(function.Parameters, function.Results, parameters, result);

    private static bool HasType(IReadOnlyList<ValueKind> actualParameters, IReadOnlyList<ValueKind> actualResults,
        ReadOnlySpan<ValueKind> parameters, ValueKind? result)
    {
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

    private static bool HasStoreItemShape(
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.NonPublicFields)] Type? type,
        Type privateType)
    {
        const BindingFlags Fields = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;
        return type is { IsValueType: true }
            && type.GetFields(Fields).Length == 2
            && type.GetField("store", Fields)?.FieldType == typeof(ulong)
            && type.GetField("__private", Fields)?.FieldType == privateType;
    }

    private static bool SameAsReflection(object boxed,
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.NonPublicFields)] Type? type,
        StoreItem item)
    {
        const BindingFlags Fields = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;
        if (type is null || boxed.GetType() != type || type.GetField("store", Fields)?.GetValue(boxed) is not ulong storeId)
        {
            return false;
        }

        nint handle = type.GetField("__private", Fields)?.GetValue(boxed) switch
        {
            nint signed => signed,
            nuint unsigned => (nint)unsigned,
            _ => 0,
        };
        return storeId == item.StoreId && handle == item.Private && handle != 0;
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

        StoreItem func = _func;
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
    private static extern nint wasmtime_func_call_unchecked(nint context, StoreItem* func, RawValue* values, nuint count, nint* trap);

    [DllImport(WasmtimeLibrary.Name, EntryPoint = "wasmtime_instance_export_get")]
    private static extern byte wasmtime_instance_export_get(nint context, StoreItem* instance, byte* name, nuint length, ExternItem* item);

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
