using System;
using Wasmtime;

namespace WasmMarshal;

/// <summary>
/// A guest's linear memory. Its base address can move whenever the guest runs (any call may grow memory), so it
/// hands out short-lived <see cref="GuestMemoryView"/>s instead of spans.
/// </summary>
/// <remarks>
/// On an engine whose memories never move (<see cref="Hosting.WasmEngines.Create"/>, <see cref="Hosting.WasmEngines.ForPlugins"/>)
/// the base is read once and kept, and so is the last length seen. That is safe because a linear memory never
/// shrinks: a kept length can only be smaller than the real one, so a check against it never lets an access outside
/// memory through; a check that misses re-reads the length before it fails. So a view costs no native call there.
/// </remarks>
public sealed unsafe class GuestMemory
{
    /// <summary>Wraps a Wasmtime memory.</summary>
    public GuestMemory(Memory memory)
        : this(memory, baseNeverMoves: false)
    {
    }

    /// <summary>Wraps a Wasmtime memory; <paramref name="baseNeverMoves"/> only when its engine guarantees it.</summary>
    internal GuestMemory(Memory memory, bool baseNeverMoves)
    {
        Memory = memory ?? throw new ArgumentNullException(nameof(memory));
        if (memory.Is64Bit)
        {
            throw new NotSupportedException("WasmMarshal supports wasm32 memories only; this memory is 64-bit.");
        }

        _direct = WasmtimeMemoryAccess.TryCreate(memory);
        if (baseNeverMoves && _direct is { } direct)
        {
            direct.Read(out _fixedBase, out _knownLength);
            BaseNeverMoves = _fixedBase != null;
        }
    }

    /// <summary>The base address, kept when <see cref="BaseNeverMoves"/>.</summary>
    private readonly byte* _fixedBase;

    /// <summary>The length last read, when <see cref="BaseNeverMoves"/>: never more than the real length.</summary>
    private ulong _knownLength;

    /// <summary>
    /// Whether views use the base address read once (the engine guarantees memories never move) and the length last
    /// seen, with no native call.
    /// </summary>
    public bool BaseNeverMoves { get; }

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
    public GuestMemoryView View()
    {
        if (BaseNeverMoves)
        {
            _direct!.EnsureStoreOpen();
            return new(_fixedBase, _knownLength, this);
        }

        if (_direct is { } direct)
        {
            direct.Read(out byte* data, out ulong size);
            return new(data, size);
        }

        return new((byte*)Memory.GetPointer(), (ulong)Memory.GetLength());
    }

    /// <summary>
    /// Re-reads the length after a bounds check against the kept one missed (the guest or the host grew memory since);
    /// returns it. Also checks the base is still where it was, so a broken guarantee fails loudly instead of silently.
    /// </summary>
    internal ulong RefreshLength()
    {
        _direct!.Read(out byte* data, out ulong size);
        if (data != _fixedBase)
        {
            throw new InvalidOperationException(
                "The guest's memory moved, although its engine was made not to move memories (WasmEngines). Views of it are no longer safe.");
        }

        _knownLength = size;
        return size;
    }
}
