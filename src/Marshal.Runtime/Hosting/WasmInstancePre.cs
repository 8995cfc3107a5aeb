using System;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Wasmtime;
using Module = Wasmtime.Module;

namespace WasmMarshal.Hosting;

/// <summary>
/// Wasmtime's <c>InstancePre</c>: a module's imports resolved against a linker once
/// (<c>wasmtime_linker_instantiate_pre</c>), so that each instantiation (<c>wasmtime_instance_pre_instantiate</c>) skips
/// looking every import up by name and checking its type. Wasmtime .NET ships both functions in its native library
/// but does not bind them; this binds them in the library Wasmtime .NET itself loaded.
/// </summary>
/// <remarks>
/// <para>
/// Measured (Stopwatch, best of 5 × 3,000, this machine; docs/performance.md): 24 imports, pooling engine, 8.4 µs
/// through <see cref="Linker.Instantiate"/> against 4.1 µs pre-resolved; the 1-import quickstart guest 4.6 against 3.0 µs.
/// </para>
/// <para>
/// What it needs from Wasmtime .NET that is not public: the linker's and module's native handles, the store's
/// <c>wasmtime_context_t*</c> (<c>Store.contextHandle</c>), the internal <c>Instance(Store, ExternInstance)</c>
/// constructor, and the internal converters of an owned error or trap into the exceptions
/// <see cref="Linker.Instantiate"/> throws (so that a failure here is the same exception as there). Each is looked up
/// once; if any is missing (another Wasmtime .NET version, or a runtime without dynamic code), <see cref="TryCreate"/>
/// returns null and the template instantiates through the linker.
/// </para>
/// </remarks>
internal sealed unsafe class WasmInstancePre : IDisposable
{
    [StructLayout(LayoutKind.Sequential)]
    private struct ExternInstance
    {
        public ulong Store;
        public nuint Private;
    }

    private static readonly delegate* unmanaged[Cdecl]<nint, nint, nint*, nint> s_linkerInstantiatePre;
    private static readonly delegate* unmanaged[Cdecl]<nint, nint, ExternInstance*, nint*, nint> s_instantiate;
    private static readonly delegate* unmanaged[Cdecl]<nint, void> s_delete;
    private static readonly Func<Store, ulong, nuint, Instance>? s_newInstance;
    private static readonly Func<nint, WasmtimeException>? s_fromError;
    private static readonly Func<nint, bool, TrapException>? s_fromTrap;
    private static readonly FieldInfo? s_linkerHandle;
    private static readonly PropertyInfo? s_moduleHandle;
    private static readonly FieldInfo? s_storeContext;

    private readonly Linker _linker;
    private readonly Module _module;
    private nint _pre;

    // Everything below runs only with dynamic code (checked first) and falls back to Linker.Instantiate when a member
    // is missing, which is what trimming would cause: nothing here is required for correctness.
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Internal Wasmtime .NET types looked up by name; a trimmed-away type disables InstancePre.")]
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "Internal Wasmtime .NET fields looked up by name; a trimmed-away field disables InstancePre.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Guarded by RuntimeFeature.IsDynamicCodeSupported; without dynamic code InstancePre is off.")]
    static WasmInstancePre()
    {
        try
        {
            if (!RuntimeFeature.IsDynamicCodeSupported
                || !NativeLibrary.TryLoad("wasmtime", typeof(Linker).Assembly, null, out nint library)
                || !NativeLibrary.TryGetExport(library, "wasmtime_linker_instantiate_pre", out nint instantiatePre)
                || !NativeLibrary.TryGetExport(library, "wasmtime_instance_pre_instantiate", out nint instantiate)
                || !NativeLibrary.TryGetExport(library, "wasmtime_instance_pre_delete", out nint delete))
            {
                return;
            }

            const BindingFlags Instance = BindingFlags.NonPublic | BindingFlags.Instance;
            const BindingFlags Static = BindingFlags.NonPublic | BindingFlags.Static;
            var assembly = typeof(Linker).Assembly;
            var externType = assembly.GetType("Wasmtime.ExternInstance");
            var storeField = externType?.GetField("store");
            var privateField = externType?.GetField("__private");
            var constructor = externType is null ? null : typeof(Wasmtime.Instance).GetConstructor(Instance, [typeof(Store), externType]);
            var fromError = typeof(WasmtimeException).GetMethod("FromOwnedError", Static, [typeof(IntPtr)]);
            var fromTrap = typeof(TrapException).GetMethod("FromOwnedTrap", Static, [typeof(IntPtr), typeof(bool)]);
            var linkerHandle = typeof(Linker).GetField("handle", Instance);
            var moduleHandle = typeof(Module).GetProperty("NativeHandle", Instance);
            var storeContext = typeof(Store).GetField("contextHandle", Instance);
            if (externType is null || Marshal.SizeOf(externType) != sizeof(ExternInstance) || storeField?.FieldType != typeof(ulong)
                || privateField?.FieldType != typeof(nuint) || constructor is null || fromError is null || fromTrap is null
                || linkerHandle is null || !typeof(SafeHandle).IsAssignableFrom(linkerHandle.FieldType)
                || moduleHandle is null || !typeof(SafeHandle).IsAssignableFrom(moduleHandle.PropertyType)
                || storeContext?.FieldType != typeof(IntPtr))
            {
                return;
            }

            // new Instance(store, new ExternInstance { store = id, __private = index }), compiled once.
            var method = new DynamicMethod("NewInstance", typeof(Wasmtime.Instance), [typeof(Store), typeof(ulong), typeof(nuint)],
                typeof(Linker).Module, skipVisibility: true);
            var il = method.GetILGenerator();
            var local = il.DeclareLocal(externType);
            il.Emit(OpCodes.Ldloca_S, local);
            il.Emit(OpCodes.Initobj, externType);
            il.Emit(OpCodes.Ldloca_S, local);
            il.Emit(OpCodes.Ldarg_1);
            il.Emit(OpCodes.Stfld, storeField);
            il.Emit(OpCodes.Ldloca_S, local);
            il.Emit(OpCodes.Ldarg_2);
            il.Emit(OpCodes.Stfld, privateField);
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Ldloc_0);
            il.Emit(OpCodes.Newobj, constructor);
            il.Emit(OpCodes.Ret);

            s_newInstance = method.CreateDelegate<Func<Store, ulong, nuint, Instance>>();
            s_fromError = fromError.CreateDelegate<Func<nint, WasmtimeException>>();
            s_fromTrap = fromTrap.CreateDelegate<Func<nint, bool, TrapException>>();
            s_linkerHandle = linkerHandle;
            s_moduleHandle = moduleHandle;
            s_storeContext = storeContext;
            s_linkerInstantiatePre = (delegate* unmanaged[Cdecl]<nint, nint, nint*, nint>)instantiatePre;
            s_instantiate = (delegate* unmanaged[Cdecl]<nint, nint, ExternInstance*, nint*, nint>)instantiate;
            s_delete = (delegate* unmanaged[Cdecl]<nint, void>)delete;
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or NotSupportedException
            or MemberAccessException or TypeLoadException or InvalidProgramException)
        {
            s_newInstance = null;
        }
    }

    /// <summary>The store's <c>wasmtime_context_t*</c>; only called once the static constructor found the field.</summary>
    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "contextHandle")]
    private static extern ref nint StoreContext(Store store);

    private WasmInstancePre(Linker linker, Module module, nint pre)
    {
        _linker = linker;
        _module = module;
        _pre = pre;
    }

    /// <summary>Whether this Wasmtime .NET build lets InstancePre be bound.</summary>
    public static bool IsSupported => s_newInstance is not null;

    /// <summary>
    /// Resolves <paramref name="module"/>'s imports in <paramref name="linker"/> once, or returns null when InstancePre
    /// cannot be bound or the linker cannot supply the imports (instantiation through the linker then reports why).
    /// The linker must not change afterwards.
    /// </summary>
    public static WasmInstancePre? TryCreate(Linker linker, Module module)
    {
        if (!IsSupported)
        {
            return null;
        }

        var linkerHandle = (SafeHandle)s_linkerHandle!.GetValue(linker)!;
        var moduleHandle = (SafeHandle)s_moduleHandle!.GetValue(module)!;
        nint pre;
        nint error = s_linkerInstantiatePre(linkerHandle.DangerousGetHandle(), moduleHandle.DangerousGetHandle(), &pre);
        GC.KeepAlive(linker);
        GC.KeepAlive(module);
        if (error != 0)
        {
            _ = s_fromError!(error); // takes ownership of the error and frees it
            return null;
        }

        return new WasmInstancePre(linker, module, pre);
    }

    /// <summary>One instance in <paramref name="store"/>; throws what <see cref="Linker.Instantiate"/> would.</summary>
    public Instance Instantiate(Store store)
    {
        nint pre = _pre;
        ObjectDisposedException.ThrowIf(pre == 0, this);
        ExternInstance instance;
        nint trap;
        nint error = s_instantiate(pre, StoreContext(store), &instance, &trap);
        GC.KeepAlive(store);
        GC.KeepAlive(_linker);
        GC.KeepAlive(_module);
        if (error != 0)
        {
            throw s_fromError!(error);
        }

        if (trap != 0)
        {
            throw s_fromTrap!(trap, true);
        }

        return s_newInstance!(store, instance.Store, instance.Private);
    }

    public void Dispose()
    {
        nint pre = System.Threading.Interlocked.Exchange(ref _pre, 0);
        if (pre != 0)
        {
            s_delete(pre);
        }
    }
}
