using System;
using Wasmtime;

namespace WasmMarshal;

/// <summary>
/// A guest's linear memory. Its base address can move whenever the guest runs (any call may grow memory), so it
/// hands out short-lived <see cref="GuestMemoryView"/>s instead of spans.
/// </summary>
public sealed class GuestMemory
{
    /// <summary>Wraps a Wasmtime memory.</summary>
    public GuestMemory(Memory memory)
    {
        Memory = memory ?? throw new ArgumentNullException(nameof(memory));
        if (memory.Is64Bit)
        {
            throw new NotSupportedException("WasmMarshal supports wasm32 memories only; this memory is 64-bit.");
        }

        _direct = WasmtimeMemoryAccess.TryCreate(memory);
    }

    /// <summary>The no-GC-transition path to the C API, or null to use the public <see cref="Wasmtime.Memory"/> API.</summary>
    private readonly WasmtimeMemoryAccess? _direct;

    /// <summary>
    /// Whether views and <see cref="Length"/> call <c>wasmtime_memory_data</c> and <c>wasmtime_memory_data_size</c>
    /// directly, without a GC transition (a few ns), rather than through <see cref="Memory.GetPointer"/> and
    /// <see cref="Memory.GetLength"/> (two P/Invokes with a transition each). False only when the loaded Wasmtime .NET
    /// does not have the internals this relies on.
    /// </summary>
    public bool UsesDirectNativeAccess => _direct is not null;

    /// <summary>The underlying Wasmtime memory.</summary>
    public Memory Memory { get; }

    /// <summary>The current size in bytes.</summary>
    public ulong Length => _direct is { } direct ? direct.DataSize() : (ulong)Memory.GetLength();

    /// <summary>
    /// Takes a view of memory as it is now. The view is invalid after any call into the guest (including the
    /// allocator) and after <see cref="Memory.Grow"/>: take a new one.
    /// </summary>
    public unsafe GuestMemoryView View()
    {
        if (_direct is { } direct)
        {
            direct.Read(out byte* data, out ulong size);
            return new(data, size);
        }

        return new((byte*)Memory.GetPointer(), (ulong)Memory.GetLength());
    }
}
