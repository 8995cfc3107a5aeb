using System;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;
using Wasmtime;
using WasmMarshal.Interop;

namespace WasmMarshal;

/// <summary>
/// Reads a memory's base pointer and size by calling <c>wasmtime_memory_data</c> and <c>wasmtime_memory_data_size</c>
/// in the native library Wasmtime .NET itself loaded, through function pointers without a GC transition.
/// </summary>
/// <remarks>
/// <para>
/// Why: <see cref="Memory.GetPointer"/> and <see cref="Memory.GetLength"/> are ordinary P/Invokes with a full GC
/// transition each; a view took two of them and cost 27 to 35 ns, more than an arena allocation (docs/performance.md).
/// Both C functions only look the memory up in the store and return a field: they never block, call back or allocate,
/// which is what <see cref="SuppressGCTransitionAttribute"/> requires.
/// </para>
/// <para>
/// The C API needs the store's <c>wasmtime_context_t*</c> and the 16-byte <c>wasmtime_memory_t</c>, which
/// Wasmtime .NET keeps in non-public fields (<c>Store.contextHandle</c>, <c>Memory.memory</c>). They are read once,
/// when the accessor is made, in ways that work under NativeAOT and trimming (docs/aot.md): UnsafeAccessor for the
/// fields of public types, reflection on constant names for the two of internal types. If this Wasmtime .NET version
/// lays them out differently, <see cref="TryCreate"/> returns null and <see cref="GuestMemory"/> keeps using the
/// public API.
/// </para>
/// </remarks>
internal sealed unsafe class WasmtimeMemoryAccess
{
    /// <summary>
    /// <c>wasmtime_memory_t</c> (wasmtime/extern.h): <c>{ struct { uint64_t store_id; uint32_t __private1; };
    /// uint32_t __private2; }</c>, 24 bytes, the second private word after the inner struct's padding.
    /// </summary>
    [StructLayout(LayoutKind.Explicit, Size = 24)]
    private struct MemoryHandle
    {
        [FieldOffset(0)] public ulong StoreId;
        [FieldOffset(8)] public uint Private1;
        [FieldOffset(16)] public uint Private2;
    }

    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, MemoryHandle*, byte*> s_data;
    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, MemoryHandle*, nuint> s_dataSize;

    private readonly nint _context;
    private readonly MemoryHandle _handle;
    private readonly SafeHandle _store;

    static WasmtimeMemoryAccess()
    {
        // The same name Wasmtime .NET's [DllImport("wasmtime")] resolves, from the same assembly, so the same library.
        if (NativeLibrary.TryLoad("wasmtime", typeof(Memory).Assembly, null, out nint library)
            && NativeLibrary.TryGetExport(library, "wasmtime_memory_data", out nint data)
            && NativeLibrary.TryGetExport(library, "wasmtime_memory_data_size", out nint dataSize))
        {
            s_data = (delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, MemoryHandle*, byte*>)data;
            s_dataSize = (delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, MemoryHandle*, nuint>)dataSize;
        }
    }

    private WasmtimeMemoryAccess(nint context, MemoryHandle handle, SafeHandle store)
    {
        _context = context;
        _handle = handle;
        _store = store;
    }

    /// <summary>The accessor for <paramref name="memory"/>, or null when this Wasmtime .NET does not fit.</summary>
    public static WasmtimeMemoryAccess? TryCreate(Memory memory)
    {
        if (s_data == null || s_dataSize == null)
        {
            return null;
        }

        WasmtimeStoreAccess? store;
        try
        {
            store = WasmtimeStoreAccess.TryCreate(MemoryStore(memory));
        }
        catch (MissingFieldException)
        {
            // Another Wasmtime .NET version without these fields: the public API still works.
            return null;
        }

        // Memory.memory (type ExternMemory) has an internal type, which a .NET 8 UnsafeAccessor cannot name: it is read
        // by reflection on a constant name, which the trimmer and the AOT compiler see through (the field is kept, no
        // IL2075), and which works under NativeAOT.
        if (store is null || s_externMemoryField?.GetValue(memory) is not { } boxedExtern
            || !ReadExternMemory(boxedExtern, out MemoryHandle handle))
        {
            return null;
        }

        var access = new WasmtimeMemoryAccess(store.Context, handle, store.Handle);
        if (Volatile.Read(ref s_agreed))
        {
            return access;
        }

        // Trust the direct path only once it agrees with the public API on a memory: the layout it relies on is the
        // loaded Wasmtime .NET's, the same for every memory, so later memories (one per instance) skip the two P/Invokes.
        access.Read(out byte* data, out ulong size);
        if (data != (byte*)memory.GetPointer() || size != (ulong)memory.GetLength())
        {
            return null;
        }

        Volatile.Write(ref s_agreed, true);
        return access;
    }

    private static bool s_agreed;

    // Fields of public types: UnsafeAccessor, no reflection at all (resolved when first called; MissingFieldException
    // if this Wasmtime .NET has no such field).
    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "store")]
    private static extern ref Store MemoryStore(Memory memory);

    private const string ExternMemoryTypeName = "Wasmtime.ExternMemory, Wasmtime.Dotnet";
    private const BindingFlags InstanceFields = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;

    private static readonly FieldInfo? s_externMemoryField = typeof(Memory).GetField("memory", InstanceFields);

    [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.NonPublicFields)]
    private static readonly Type? s_externMemoryType = Type.GetType(ExternMemoryTypeName, throwOnError: false);

    /// <summary>
    /// The three fields of <c>ExternMemory</c>, looked up once (every instance's memory is read through them), or null
    /// when the type does not have exactly those three with the types of <c>wasmtime_memory_t</c>.
    /// </summary>
    private static readonly (FieldInfo Store, FieldInfo Private1, FieldInfo Private2)? s_externFields = ExternFields();

    private static (FieldInfo, FieldInfo, FieldInfo)? ExternFields()
    {
        Type? type = s_externMemoryType;
        return type is not null && type.GetFields(InstanceFields).Length == 3
            && type.GetField("store", InstanceFields) is { FieldType: var storeType } store && storeType == typeof(ulong)
            && type.GetField("__private1", InstanceFields) is { FieldType: var private1Type } private1 && private1Type == typeof(uint)
            && type.GetField("__private2", InstanceFields) is { FieldType: var private2Type } private2 && private2Type == typeof(uint)
            ? (store, private1, private2)
            : null;
    }

    /// <summary>
    /// Copies Wasmtime .NET's <c>ExternMemory</c> field by field into <see cref="MemoryHandle"/>, after checking it has
    /// exactly the three fields of <c>wasmtime_memory_t</c> with their types (Marshal.SizeOf and Marshal.OffsetOf,
    /// which the previous check used, need marshalling data that NativeAOT does not generate).
    /// </summary>
    private static bool ReadExternMemory(object boxedExtern, out MemoryHandle handle)
    {
        handle = default;
        if (s_externFields is not { } fields || boxedExtern.GetType() != s_externMemoryType
            || fields.Store.GetValue(boxedExtern) is not ulong storeId
            || fields.Private1.GetValue(boxedExtern) is not uint private1
            || fields.Private2.GetValue(boxedExtern) is not uint private2)
        {
            return false;
        }

        handle = new MemoryHandle { StoreId = storeId, Private1 = private1, Private2 = private2 };
        return true;
    }

    /// <summary>Both at once, for a view: one store check and one copy of the handle for the two calls.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Read(out byte* data, out ulong size)
    {
        EnsureStoreOpen();
        MemoryHandle handle = _handle;
        data = s_data(_context, &handle);
        size = s_dataSize(_context, &handle);
        GC.KeepAlive(_store);
    }

    /// <summary>The size of memory now, in bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong DataSize()
    {
        EnsureStoreOpen();
        MemoryHandle handle = _handle;
        ulong size = s_dataSize(_context, &handle);
        GC.KeepAlive(_store);
        return size;
    }

    /// <summary>A closed store has freed its context: calling the C API with it would read freed memory.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void EnsureStoreOpen()
    {
        if (_store.IsClosed)
        {
            ThrowStoreDisposed();
        }
    }

    private static void ThrowStoreDisposed() =>
        throw new ObjectDisposedException("Wasmtime.Store", "The guest's store has been disposed; its memory is gone.");
}
