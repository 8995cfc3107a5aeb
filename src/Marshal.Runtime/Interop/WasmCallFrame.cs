using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using Wasmtime;
using WasmMarshal.Allocation;
using WasmMarshal.Allocators;
using WasmMarshal.Marshalling;

namespace WasmMarshal.Interop;

/// <summary>
/// The per-call protocol of a generated import stub, so that the stub itself only names values: enter the guest
/// (disposed, poisoned, other thread, native stack), open the allocator scope, allocate and write each argument, read
/// and validate each result, then, in <c>finally</c>, release every buffer in reverse, keep what fails there, and leave.
/// </summary>
/// <remarks>
/// Every method takes its own fresh view of memory, so no view outlives an allocation or a guest call: the base may
/// move whenever the guest runs. A ref struct, so a frame cannot escape the call it belongs to.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public ref partial struct WasmCallFrame
{
    private readonly WasmImportContext _context;
    private readonly string _method;
    private readonly AllocationScope _scope;

    // This call's records are _buffers[_first .. _first + _count): the guest's stack of the buffers its open calls hold.
    private CallBuffers? _buffers;
    private int _first;
    private int _count;

    // Whether a record must be freed one by one even with an arena: a buffer the guest returned.
    private bool _holdsGuestBuffers;
    private Exception? _failure;

    // Telemetry (Diagnostics.WasmMarshalTelemetry): when the call started, or 0 when nobody listened as it did.
    private long _telemetryStart;

    /// <summary>
    /// Starts a call of <paramref name="method"/> (<c>Interface.Method</c>); pair with <see cref="Exit"/> in <c>finally</c>.
    /// A constructor rather than a factory so that the frame is built in the stub's own local: a returned frame would
    /// be copied, and the copy reads back stores just made, which the processor cannot forward (measured: a sixth of
    /// the arena struct call).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public WasmCallFrame(WasmImportContext context, string method)
    {
        var guest = context.Guest;
        guest.EnterCall(method);
        _context = context;
        _method = method;
        _buffers = guest.CallBuffers;
        _first = _buffers is null ? 0 : _buffers.Count;
        if (context.Arena is { } arena)
        {
            _scope = arena.EnterScope(); // a counter and a mark: cannot throw, so no handler here and the stub inlines this
        }
        else if (context.Scratch is { } scratch && context.HostHeap is null)
        {
            // (Not the host heap: its scope is the interface's default, which does nothing; HostHeapFramePathTests checks.)
            _scope = EnterScope(guest, scratch);
        }

        // Telemetry: one check of the instruments' Enabled flags per call; the timestamp and activity only when set.
        if (Diagnostics.WasmMarshalTelemetry.IsListeningToCalls)
        {
            _telemetryStart = Diagnostics.WasmMarshalTelemetry.StartCall(guest, method);
        }
    }

    /// <summary>Any other allocator's scope: one that throws must not leave the guest owned by this thread.</summary>
    private static AllocationScope EnterScope(WasmGuest guest, IGuestAllocator scratch)
    {
        try
        {
            return scratch.EnterScope();
        }
        catch
        {
            guest.ExitCall();
            throw;
        }
    }

    private readonly WasmGuest Guest => _context.Guest;

    private readonly GuestMemoryView View() => _context.Guest.Memory.View();

    private readonly IGuestAllocator Scratch =>
        _context.Scratch ?? throw new InvalidOperationException($"{_method}: the stub was bound without an allocator");

    // ---- Arguments: allocated from the scratch allocator, written through a fresh view, released by Exit ----

    /// <summary>A string as <c>(ptr, length in code units)</c>; <c>(0, 0)</c> for null. An empty string gets a real pointer.</summary>
    public GuestSlice InString<TCodec>(string? value, string parameter) where TCodec : IWasmStringCodec
    {
        if (value is null)
        {
            return default;
        }

        uint size = TCodec.GetByteCount(value, _method, parameter);
        uint address = AllocateScratch(size, TCodec.UnitSize, parameter);
        TCodec.Write(value, View().Bytes(address, size, _method, parameter));
        return new GuestSlice(address, size / TCodec.UnitSize, size);
    }

    /// <summary>A NUL-terminated UTF-8 string as one pointer; 0 for null.</summary>
    public int InCString(string? value, string parameter)
    {
        if (value is null)
        {
            return 0;
        }

        uint size = CStringMarshaller.GetByteCount(value, _method, parameter);
        uint address = AllocateScratch(size, 1, parameter);
        CStringMarshaller.Write(value, View().Bytes(address, size, _method, parameter));
        return unchecked((int)address);
    }

    /// <summary>An AssemblyScript String object, pinned until Exit unpins it through the scratch allocator; 0 for null.</summary>
    public int InAssemblyScriptString(string? value, string parameter)
    {
        if (value is null)
        {
            return 0;
        }

        uint size = AssemblyScriptStringMarshaller.GetByteCount(value, _method, parameter);
        uint address = AssemblyScriptStringMarshaller.AllocatePinned(Scratch, size, _method, parameter);
        Record(address, size, AssemblyScriptStringMarshaller.Alignment, guestOwned: false, parameter);
        AssemblyScriptStringMarshaller.Write(value, View().Bytes(address, size, _method, parameter));
        return unchecked((int)address);
    }

    /// <summary>A span or array as <c>(ptr, element count)</c>; <c>(0, 0)</c> when empty (or a null array), without allocating.</summary>
    public GuestSlice InSpan<T>(ReadOnlySpan<T> values, uint alignment, string parameter) where T : unmanaged
    {
        if (values.IsEmpty)
        {
            return default;
        }

        uint size = SpanMarshaller.GetByteCount<T>(values.Length, _method, parameter);
        uint address = AllocateScratch(size, alignment, parameter);
        SpanMarshaller.Write(values, View().Bytes(address, size, _method, parameter));
        return new GuestSlice(address, (uint)values.Length, size);
    }

    /// <summary>A copy of <paramref name="value"/> (a struct, or a scalar passed by reference) in guest memory.</summary>
    public int InValue<T>(in T value, uint alignment, string parameter) where T : unmanaged
    {
        uint address = AllocateScratch((uint)Unsafe.SizeOf<T>(), alignment, parameter);
        View().Write(address, in value, _method, parameter);
        return unchecked((int)address);
    }

    /// <summary>Zeroed room for an <c>out</c> value.</summary>
    public int OutValue<T>(uint alignment, string parameter) where T : unmanaged
    {
        uint size = (uint)Unsafe.SizeOf<T>();
        uint address = AllocateScratch(size, alignment, parameter);
        View().Bytes(address, size, _method, parameter).Clear();
        return unchecked((int)address);
    }

    /// <summary>The return area a result too large for one core value comes back through (the C ABI's sret pointer).</summary>
    public int ReturnArea(uint size, uint alignment) => unchecked((int)AllocateScratch(size, alignment, "return"));

    // ---- After the guest returned: copy back and results, each through a fresh view ----

    /// <summary>Copies a <c>Span&lt;T&gt;</c> argument back after the call.</summary>
    public readonly void CopyBack<T>(GuestSlice slice, Span<T> destination, string parameter) where T : unmanaged
    {
        if (slice.Ptr == 0)
        {
            return;
        }

        SpanMarshaller.ReadInto(View().Bytes(slice.Address, slice.ByteCount, _method, parameter), destination);
        WasmBoolFields<T>.Normalize(destination);
    }

    /// <summary>Reads a <c>ref</c> or <c>out</c> value back.</summary>
    public readonly T Read<T>(int address, string parameter) where T : unmanaged
    {
        T value = View().Read<T>(unchecked((uint)address), _method, parameter);
        WasmBoolFields<T>.Normalize(ref value);
        return value;
    }

    /// <summary>A struct returned through a return area.</summary>
    public readonly T ReturnValue<T>(int area) where T : unmanaged => Read<T>(area, "return");

    /// <summary>A string returned as a <c>(ptr, length)</c> pair in <paramref name="area"/>; a null pointer is an error.</summary>
    public string ReturnString<TCodec>(int area) where TCodec : IWasmStringCodec =>
        ReturnNullableString<TCodec>(area) ?? throw ReturnedNull("string");

    /// <summary>A string returned as a <c>(ptr, length)</c> pair in <paramref name="area"/>; a null pointer is null.</summary>
    public string? ReturnNullableString<TCodec>(int area) where TCodec : IWasmStringCodec
    {
        var view = View();
        ulong pair = view.Read<ulong>(unchecked((uint)area), _method, "return");
        uint address = unchecked((uint)pair);
        uint length = unchecked((uint)(pair >> 32));
        if (address == 0)
        {
            return null;
        }

        uint size = TCodec.UnitSize == 1 ? length : SpanMarshaller.GetGuestByteCount<char>(length, _method, "return");
        var bytes = view.Bytes(address, size, _method, "return");
        TakeReturned(address, size, TCodec.UnitSize);
        return TCodec.Read(bytes, _method, "return");
    }

    /// <summary>A NUL-terminated UTF-8 string returned as the core result; a null pointer is an error.</summary>
    public string ReturnCString(int address) => ReturnNullableCString(address) ?? throw ReturnedNull("string");

    /// <summary>A NUL-terminated UTF-8 string returned as the core result; a null pointer is null.</summary>
    public string? ReturnNullableCString(int address)
    {
        uint at = unchecked((uint)address);
        if (at == 0)
        {
            return null;
        }

        var bytes = View().NulTerminated(at, _method, "return");
        TakeReturned(at, (uint)bytes.Length + 1, 1);
        return Utf8Marshaller.Read(bytes, _method, "return");
    }

    /// <summary>An AssemblyScript string returned as the core result (left to the guest's collector); null is an error.</summary>
    public readonly string ReturnAssemblyScriptString(int address) =>
        ReturnNullableAssemblyScriptString(address) ?? throw ReturnedNull("string");

    /// <summary>An AssemblyScript string returned as the core result (left to the guest's collector).</summary>
    public readonly string? ReturnNullableAssemblyScriptString(int address) =>
        AssemblyScriptStringMarshaller.Read(View(), unchecked((uint)address), _method, "return");

    /// <summary>An array returned as a <c>(ptr, count)</c> pair in <paramref name="area"/>; a null pointer is an empty array.</summary>
    public T[] ReturnArray<T>(int area, uint alignment) where T : unmanaged =>
        ReturnNullableArray<T>(area, alignment) ?? Array.Empty<T>();

    /// <summary>An array returned as a <c>(ptr, count)</c> pair in <paramref name="area"/>; a null pointer is null.</summary>
    public T[]? ReturnNullableArray<T>(int area, uint alignment) where T : unmanaged
    {
        var view = View();
        ulong pair = view.Read<ulong>(unchecked((uint)area), _method, "return");
        uint address = unchecked((uint)pair);
        uint count = unchecked((uint)(pair >> 32));
        if (address == 0)
        {
            return count == 0
                ? null
                : throw new WasmGuestDataException(_method, "return", $"is a null pointer with an element count of {count}");
        }

        uint size = SpanMarshaller.GetGuestByteCount<T>(count, _method, "return");
        var bytes = view.Bytes(address, size, _method, "return");
        TakeReturned(address, size, alignment);
        var array = SpanMarshaller.ReadArray<T>(bytes);
        WasmBoolFields<T>.Normalize(array);
        return array;
    }

    // ---- Failure and cleanup ----

    /// <summary>
    /// An exception filter: records that the call failed (so cleanup failures do not replace it) and returns true only
    /// for Wasmtime's exceptions, which <see cref="Translate"/> turns into typed ones. Others propagate untouched.
    /// </summary>
    public bool Fails(Exception exception)
    {
        _failure = exception;
        return exception is WasmtimeException;
    }

    /// <summary>
    /// The typed exception for what Wasmtime threw out of the call; poisons the guest under <see cref="TrapPolicy.Poison"/>.
    /// Records the failure when <see cref="Fails"/> did not (stubs without buffers catch Wasmtime's exceptions directly),
    /// so that Exit and telemetry know the call failed.
    /// </summary>
    public Exception Translate(Exception exception)
    {
        var translated = exception is WasmtimeException wasmtime ? WasmCallException.FromWasmtime(wasmtime, _method, Guest) : exception;
        _failure ??= translated;
        return translated;
    }

    /// <summary>
    /// Releases every buffer of the call in reverse order, closes the allocator scope and leaves the guest. A release
    /// that fails does not stop the others: a trapped free poisons the guest (the call's result stays valid); any other
    /// failure is thrown as <see cref="WasmCleanupException"/> when the call succeeded, or kept in the call's exception
    /// (<see cref="WasmCleanupException.DataKey"/>) when it failed.
    /// </summary>
    public void Exit()
    {
        // Release collects every failure instead of throwing, so the guest is always left; no try/finally here, which
        // would keep this call's locals in memory and run the release as a funclet on every call.
        List<Exception>? failures = null;
        if (_context.Arena is { } arena && !_holdsGuestBuffers && arena.TryExitScopeInOneChunk(_scope))
        {
            // The arena's common case: its buffers go with the scope, and nothing here can fail.
            if (_count != 0)
            {
                _buffers!.PopTo(_first);
                _count = 0;
            }
        }
        else if (_context.HostHeap is { } hostHeap && !_holdsGuestBuffers)
        {
            // The host heap's common case: its own buffers back to it without a handler; what it refuses (which only
            // a heap corrupted from outside could) goes through Release, which reports it.
            if (_count != 0 && !TryFreeAll(hostHeap))
            {
                failures = Release();
            }
        }
        else if (_count != 0 || _context.Scratch is not null)
        {
            failures = Release();
        }

        Guest.ExitCall();

        // Telemetry: only for a call that started while someone listened.
        if (_telemetryStart != 0)
        {
            Diagnostics.WasmMarshalTelemetry.EndCall(Guest, _method, _telemetryStart, _failure, failures is not null);
        }

        if (failures is not null)
        {
            if (_failure is null)
            {
                throw new WasmCleanupException(_method, failures.ToArray());
            }

            _failure.Data[WasmCleanupException.DataKey] = failures.ToArray();
        }
    }

    /// <summary>
    /// Frees this call's buffers into the host heap, last first, and pops them; stops at the first one the heap refuses,
    /// leaving it and those below it to <see cref="Release"/>.
    /// </summary>
    private bool TryFreeAll(Allocators.HostHeapAllocator hostHeap)
    {
        var buffers = _buffers!;
        for (int i = _count - 1; i >= 0; i--)
        {
            if (!hostHeap.TryFree(buffers[_first + i].Address))
            {
                _count = i + 1;
                return false;
            }
        }

        buffers.PopTo(_first);
        _count = 0;
        return true;
    }

    private List<Exception>? Release()
    {
        List<Exception>? failures = null;
        try
        {
            if (_count != 0)
            {
                // An arena frees in bulk when its scope ends, so its buffers need no Free each (which does nothing).
                bool scratchFreesAtScopeExit = _context.Arena is not null;
                var buffers = _buffers!;
                for (int i = _count - 1; i >= 0; i--)
                {
                    ref CallBuffers.Record buffer = ref buffers[_first + i];
                    if ((buffer.GuestOwned || !scratchFreesAtScopeExit) && Free(ref buffer) is { } failure)
                    {
                        (failures ??= new()).Add(failure);
                    }
                }
            }

            if (_context.HostHeap is null)
            {
                _context.Scratch?.ExitScope(_scope); // (the host heap's scope was never entered: see the constructor)
            }
        }
        catch (Exception other)
        {
            // ExitScope's failure, or anything a release let through.
            (failures ??= new()).Add(other);
        }
        finally
        {
            if (_count != 0)
            {
                _buffers!.PopTo(_first);
                _count = 0;
            }
        }

        return failures;
    }

    /// <summary>
    /// Releases one buffer: a trapped free poisons the guest (the call's result stays valid) and returns null; any other
    /// failure is returned, to be reported once every buffer has had its turn.
    /// </summary>
    private readonly Exception? Free(ref CallBuffers.Record buffer)
    {
        var allocator = buffer.GuestOwned ? _context.GuestHeap : _context.Scratch;
        try
        {
            if (buffer.FreeExport is { } free)
            {
                free(unchecked((int)buffer.Address)); // [return: WasmFree]: the library's own deallocator
            }
            else
            {
                allocator!.Free(buffer.Address, buffer.Size, buffer.Alignment);
            }

            return null;
        }
        catch (WasmtimeException trapped)
        {
            Guest.PoisonAfterCleanup(WasmCallException.FromWasmtime(trapped, _method));
            return null;
        }
        catch (Exception other)
        {
            return new WasmCallException(_method,
                $"releasing the buffer of {Describe(buffer.Parameter)} at 0x{buffer.Address:X8} ({buffer.Size} bytes) through {(buffer.FreeExport is null ? allocator?.Name : "the export " + buffer.FreeName)} failed: {other.Message}", other);
        }
    }

    // ---- Internals ----

    private uint AllocateScratch(uint size, uint alignment, string parameter)
    {
        // The arena and the host heap by their classes, so that the common case is inlined whatever other allocators
        // this stub's call site has seen.
        uint address = _context.Arena is { } arena ? arena.Allocate(size, alignment, _method, parameter)
            : _context.HostHeap is { } hostHeap ? hostHeap.Allocate(size, alignment, _method, parameter)
            : Scratch.Allocate(size, alignment, _method, parameter);

        // Recorded even for the arena, which frees in bulk: a result that aliases it must be reported by parameter.
        Record(address, size, alignment, guestOwned: false, parameter);
        return address;
    }

    /// <summary>
    /// Accepts a buffer the guest returned, to be freed into the guest heap by Exit, once it is known to be the guest
    /// heap's own: not one of this call's host buffers (an argument handed back, the return area), not inside memory a
    /// host allocator manages, not static data below the heap. Freeing any of those would corrupt a heap silently.
    /// </summary>
    private void TakeReturned(uint address, uint size, uint alignment)
    {
        uint length = Math.Max(size, 1u);
        ulong end = (ulong)address + length;
        for (int i = 0; i < _count; i++)
        {
            ref readonly CallBuffers.Record buffer = ref At(i);
            if (!buffer.GuestOwned && address < (ulong)buffer.Address + Math.Max(buffer.Size, 1u) && end > buffer.Address)
            {
                throw Returned(address, $"lies inside the buffer the host passed for {Describe(buffer.Parameter)} (0x{buffer.Address:X8}, {buffer.Size} bytes): a result must be new memory from the guest's heap");
            }
        }

        var heap = _context.GuestHeap!;
        if (_context.Scratch is IManagesGuestMemory scratch && !ReferenceEquals(scratch, heap) && scratch.Manages(address, length))
        {
            throw Returned(address, $"lies inside memory that the host's {_context.Scratch.Name} manages, not the guest heap");
        }

        if (heap is IManagesGuestMemory managed)
        {
            if (!managed.Manages(address, length) || (heap is HostHeapAllocator host && !host.Heap.TryGetBlockSize(address, out _)))
            {
                throw Returned(address, $"is not a block that the guest heap ({heap.Name}) allocated");
            }
        }
        else if (address < _context.HeapFloor)
        {
            throw Returned(address, $"lies below the heap (__heap_base is 0x{_context.HeapFloor:X8}): static data or the stack, which no heap owns");
        }

        Record(address, size, alignment, guestOwned: true, "return");
    }

    private readonly WasmGuestDataException Returned(uint address, string why) =>
        new(_method, "return", $"points to 0x{address:X8}, which {why}; it is not freed");

    private readonly WasmGuestDataException ReturnedNull(string what) =>
        new(_method, "return", $"is a null pointer, but the C# type is a non-nullable {what}");

    private static string Describe(string parameter) => parameter == "return" ? "the return area" : $"parameter '{parameter}'";

    private void Record(uint address, uint size, uint alignment, bool guestOwned, string parameter, Action<int>? freeExport = null, string? freeName = null)
    {
        // The guest's first buffer creates its stack; a frame opened before then starts it at 0.
        var buffers = _buffers ?? CreateBuffers();
        ref CallBuffers.Record slot = ref buffers.Next();
        slot.Address = address;
        slot.Size = size;
        slot.Alignment = alignment;
        slot.GuestOwned = guestOwned;
        slot.Parameter = parameter;
        slot.FreeExport = freeExport;
        slot.FreeName = freeName;
        buffers.Count++;
        _count++;
        _holdsGuestBuffers |= guestOwned;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private CallBuffers CreateBuffers()
    {
        // Only a frame opened before the guest had a stack gets here, and then no frame below it holds a record.
        var buffers = Guest.CallBuffers ??= new CallBuffers();
        _buffers = buffers;
        _first = buffers.Count;
        return buffers;
    }

    private readonly ref CallBuffers.Record At(int index) => ref _buffers![_first + index];
}
