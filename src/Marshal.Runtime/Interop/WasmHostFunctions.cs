using System;
using System.ComponentModel;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Wasmtime;

namespace WasmMarshal.Interop;

/// <summary>
/// Defines the host functions of generated binders (<c>[WasmExport]</c> interfaces and canonical host imports) through
/// <c>wasmtime_linker_define_func_unchecked</c> in the native library Wasmtime .NET loaded, with one static callback
/// that reads the arguments straight from Wasmtime's value buffer: what <c>Linker.DefineFunction</c> does, without
/// building a <c>Caller</c> on every call (two native calls with a GC transition each, to find the store context and
/// the <c>Store</c>) or going through the per-type converters.
/// </summary>
/// <remarks>
/// <para>
/// Why it is safe. The function is defined with the type its delegate has, kind by kind (only the four number kinds;
/// any other type takes Wasmtime .NET's path), so Wasmtime only ever calls it with a buffer of that shape, as it does
/// for Wasmtime .NET's own definitions. The callback catches every exception and hands it to Wasmtime .NET's own
/// <c>Function.HandleCallbackException</c>, which makes the trap and keeps the exception for the host-to-wasm
/// transition to rethrow as the inner exception: so a throwing implementation fails exactly as it does through
/// Wasmtime .NET. The body is kept alive by a GC handle that Wasmtime frees through the finalizer it calls when the
/// definition goes. A function that needs the guest and was defined without one (a template's define-once linker)
/// finds it as Wasmtime .NET does: the caller's store context, its data (Wasmtime .NET's handle to the
/// <see cref="Store"/>), then the store's data, a <see cref="WasmGuest"/>; only those two native calls are made
/// without a GC transition (they return a field and never call back).
/// </para>
/// <para>
/// When anything this relies on is missing from the loaded Wasmtime .NET, <see cref="IsAvailable"/> is false and
/// every <c>Define</c> goes through <see cref="Linker.DefineFunction(string, string, Action)"/> and its overloads.
/// </para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
[SkipLocalsInit]
public static unsafe partial class WasmHostFunctions
{
    /// <summary><c>wasmtime_val_raw_t</c>: a 16-byte union whose numbers sit at offset 0, little-endian.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 16)]
    internal struct RawValue
    {
        [FieldOffset(0)] public long Bits;
    }

    /// <summary><c>wasm_valtype_vec_t</c>: a size and a pointer to that many owned <c>wasm_valtype_t*</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct ValueTypeVector
    {
        public nuint Size;
        public nint* Data;
    }

    private static readonly FieldInfo? s_linkerHandle =
        typeof(Linker).GetField("handle", BindingFlags.Instance | BindingFlags.NonPublic);

    private static readonly Func<Exception, nint>? s_handleCallbackException;

    static WasmHostFunctions()
    {
        WasmtimeLibrary.EnsureResolver();
        if (typeof(Function).GetMethod("HandleCallbackException", BindingFlags.Static | BindingFlags.NonPublic, [typeof(Exception)])
                is { } handle && handle.ReturnType == typeof(nint)
            && typeof(SafeHandle).IsAssignableFrom(s_linkerHandle?.FieldType)
            && NativeLibrary.TryLoad(WasmtimeLibrary.Name, typeof(Function).Assembly, null, out nint library)
            && NativeLibrary.TryGetExport(library, "wasmtime_linker_define_func_unchecked", out _)
            && NativeLibrary.TryGetExport(library, "wasmtime_caller_context", out _)
            && NativeLibrary.TryGetExport(library, "wasmtime_context_get_data", out _))
        {
            s_handleCallbackException = handle.CreateDelegate<Func<Exception, nint>>();
        }
    }

    /// <summary>Whether host functions are defined directly (else through Wasmtime .NET's <c>DefineFunction</c>).</summary>
    public static bool IsAvailable => s_handleCallbackException is not null;

    /// <summary>
    /// Defines the function directly; false (nothing defined) when the direct path is unavailable or a type is not
    /// one of the four number kinds, for the caller to use Wasmtime .NET's overload instead.
    /// </summary>
    private static bool TryDefine(Linker linker, string module, string name, ReadOnlySpan<ValueKind> parameters, ValueKind? result,
        WasmGuest? guest, Func<HostFunction> create)
    {
        ArgumentNullException.ThrowIfNull(linker);
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(name);
        if (!IsAvailable || s_linkerHandle!.GetValue(linker) is not SafeHandle handle || handle.IsClosed
            || result == Unsupported || MemoryExtensions.Contains(MemoryMarshal.Cast<ValueKind, byte>(parameters), (byte)Unsupported))
        {
            return false;
        }

        var function = create();
        function.Guest = guest;
        nint type = FunctionType(parameters, result);
        bool added = false;
        nint error;
        try
        {
            handle.DangerousAddRef(ref added);
            byte[] moduleUtf8 = Encoding.UTF8.GetBytes(module);
            byte[] nameUtf8 = Encoding.UTF8.GetBytes(name);
            nint data = GCHandle.ToIntPtr(GCHandle.Alloc(function));
            fixed (byte* modulePtr = moduleUtf8, namePtr = nameUtf8)
            {
                // Wasmtime owns `data` from here: it calls Release when the definition goes, and on failure too.
                error = DefineUnchecked(handle.DangerousGetHandle(), modulePtr, (nuint)moduleUtf8.Length, namePtr, (nuint)nameUtf8.Length,
                    type, &Invoke, data, &Release);
            }
        }
        finally
        {
            FunctionTypeDelete(type);
            if (added)
            {
                handle.DangerousRelease();
            }
        }

        if (error != 0)
        {
            throw DirectExport.ErrorException(error);
        }

        return true;
    }

    private static nint FunctionType(ReadOnlySpan<ValueKind> parameters, ValueKind? result)
    {
        ValueTypeVector parameterTypes = Vector(parameters);
        ValueTypeVector resultTypes = result is { } kind ? Vector([kind]) : Vector([]);
        return FunctionTypeNew(&parameterTypes, &resultTypes); // takes both vectors' contents
    }

    private static ValueTypeVector Vector(ReadOnlySpan<ValueKind> kinds)
    {
        nint* types = stackalloc nint[Math.Max(kinds.Length, 1)];
        for (int i = 0; i < kinds.Length; i++)
        {
            types[i] = ValueTypeNew((byte)kinds[i]); // ValueKind's numbers are wasm_valkind_t's (I32 0 ... F64 3)
        }

        ValueTypeVector vector;
        ValueTypeVectorNew(&vector, (nuint)kinds.Length, types); // copies the pointers, takes the types
        return vector;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static nint Invoke(nint env, nint caller, RawValue* values, nuint count)
    {
        try
        {
            Unsafe.As<HostFunction>(GCHandle.FromIntPtr(env).Target!).Invoke(caller, values);
            return 0;
        }
        catch (Exception exception)
        {
            return s_handleCallbackException!(exception);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Release(nint env) => GCHandle.FromIntPtr(env).Free();

    /// <summary>A host function's body, with the guest it was defined for (null: the calling store's guest).</summary>
    private abstract class HostFunction
    {
        public WasmGuest? Guest;

        public abstract void Invoke(nint caller, RawValue* values);

        protected WasmGuest GuestOf(nint caller) => Guest ?? GuestOfStore(caller);

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static WasmGuest GuestOfStore(nint caller)
        {
            nint data = ContextData(CallerContext(caller));
            return data != 0 && GCHandle.FromIntPtr(data).Target is Store store && store.GetData() is WasmGuest guest
                ? guest
                : throw new InvalidOperationException(
                    "A host function defined once for a WasmGuestTemplate was called from a store the template did not create.");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Read<T>(RawValue* values, int index) where T : unmanaged => Unsafe.ReadUnaligned<T>(values + index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Write<T>(RawValue* values, T value) where T : unmanaged
    {
        values->Bits = 0;
        Unsafe.WriteUnaligned(values, value);
    }

    private const ValueKind Unsupported = DirectExport.Unsupported;


    [DllImport(WasmtimeLibrary.Name, EntryPoint = "wasmtime_linker_define_func_unchecked")]
    private static extern nint DefineUnchecked(nint linker, byte* module, nuint moduleLength, byte* name, nuint nameLength, nint type,
        delegate* unmanaged[Cdecl]<nint, nint, RawValue*, nuint, nint> callback, nint data, delegate* unmanaged[Cdecl]<nint, void> finalizer);

    [DllImport(WasmtimeLibrary.Name, EntryPoint = "wasm_valtype_new")]
    private static extern nint ValueTypeNew(byte kind);

    [DllImport(WasmtimeLibrary.Name, EntryPoint = "wasm_valtype_vec_new")]
    private static extern void ValueTypeVectorNew(ValueTypeVector* vector, nuint size, nint* types);

    [DllImport(WasmtimeLibrary.Name, EntryPoint = "wasm_functype_new")]
    private static extern nint FunctionTypeNew(ValueTypeVector* parameters, ValueTypeVector* results);

    [DllImport(WasmtimeLibrary.Name, EntryPoint = "wasm_functype_delete")]
    private static extern void FunctionTypeDelete(nint type);

    // Both return a field of the store and never block, allocate or call back: no GC transition needed.
    [DllImport(WasmtimeLibrary.Name, EntryPoint = "wasmtime_caller_context"), SuppressGCTransition]
    private static extern nint CallerContext(nint caller);

    [DllImport(WasmtimeLibrary.Name, EntryPoint = "wasmtime_context_get_data"), SuppressGCTransition]
    private static extern nint ContextData(nint context);
}
