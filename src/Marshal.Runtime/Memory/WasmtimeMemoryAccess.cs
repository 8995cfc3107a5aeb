using System;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Wasmtime;

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
/// Wasmtime .NET keeps in non-public fields (<c>Store.contextHandle</c>, <c>Memory.memory</c>). They are read once, by
/// reflection, when the accessor is made; if this Wasmtime .NET version lays them out differently,
/// <see cref="TryCreate"/> returns null and <see cref="GuestMemory"/> keeps using the public API.
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

        const BindingFlags instance = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;
        object? store = typeof(Memory).GetField("store", instance)?.GetValue(memory);
        object? extern_ = typeof(Memory).GetField("memory", instance)?.GetValue(memory);
        if (store is null || extern_ is null)
        {
            return null;
        }

        Type externType = extern_.GetType();
        if (Marshal.SizeOf(externType) != sizeof(MemoryHandle)
            || store.GetType().GetField("contextHandle", instance)?.GetValue(store) is not nint context
            || store.GetType().GetField("handle", instance)?.GetValue(store) is not SafeHandle storeHandle
            || externType.GetField("store", instance)?.GetValue(extern_) is not ulong storeId
            || externType.GetField("__private1", instance)?.GetValue(extern_) is not uint private1
            || externType.GetField("__private2", instance)?.GetValue(extern_) is not uint private2
            || Marshal.OffsetOf(externType, "__private2") != 16)
        {
            return null;
        }

        var access = new WasmtimeMemoryAccess(context, new MemoryHandle { StoreId = storeId, Private1 = private1, Private2 = private2 }, storeHandle);

        // Trust the direct path only if it agrees with the public API on this memory.
        access.Read(out byte* data, out ulong size);
        return data == (byte*)memory.GetPointer() && size == (ulong)memory.GetLength() ? access : null;
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
    private void EnsureStoreOpen()
    {
        if (_store.IsClosed)
        {
            ThrowStoreDisposed();
        }
    }

    private static void ThrowStoreDisposed() =>
        throw new ObjectDisposedException("Wasmtime.Store", "The guest's store has been disposed; its memory is gone.");
}
