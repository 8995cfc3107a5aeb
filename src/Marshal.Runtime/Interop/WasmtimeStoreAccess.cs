using System;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Wasmtime;

namespace WasmMarshal.Interop;

/// <summary>
/// What the C API needs of a Wasmtime .NET <see cref="Store"/>: its <c>wasmtime_context_t*</c> and the handle that owns
/// it (checked for closed before each native call and kept alive across it). Read once per store from non-public
/// fields, in ways that work under NativeAOT and trimming (docs/aot.md): UnsafeAccessor for the context field of the
/// public type, reflection on a constant name for the handle, whose type is internal.
/// </summary>
internal sealed class WasmtimeStoreAccess
{
    private static readonly FieldInfo? s_storeHandleField =
        typeof(Store).GetField("handle", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public);

    private WasmtimeStoreAccess(nint context, SafeHandle handle)
    {
        Context = context;
        Handle = handle;
    }

    /// <summary>The store's <c>wasmtime_context_t*</c>; valid while <see cref="Handle"/> is open.</summary>
    public nint Context { get; }

    /// <summary>The store's native handle.</summary>
    public SafeHandle Handle { get; }

    /// <summary>The access for <paramref name="store"/>, or null when this Wasmtime .NET lays its fields out differently.</summary>
    public static WasmtimeStoreAccess? TryCreate(Store store)
    {
        nint context;
        try
        {
            context = StoreContextHandle(store);
        }
        catch (MissingFieldException)
        {
            return null;
        }

        return context != 0 && s_storeHandleField?.GetValue(store) is SafeHandle { IsClosed: false } handle
            ? new WasmtimeStoreAccess(context, handle)
            : null;
    }

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "contextHandle")]
    private static extern ref nint StoreContextHandle(Store store);
}
