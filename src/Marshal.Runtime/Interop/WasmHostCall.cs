using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using WasmMarshal.Marshalling;

namespace WasmMarshal.Interop;

/// <summary>
/// The per-call protocol of a generated <c>[WasmExport]</c> function (the guest calls the host): read and check every
/// pointer the guest passes, then write results back into guest memory the guest owns. Every method takes its own
/// fresh view, because the implementation or the allocator may re-enter the guest and grow its memory.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly ref struct WasmHostCall
{
    private readonly WasmGuest _guest;
    private readonly string _method;

    /// <summary>Starts reading the arguments of <paramref name="method"/> (<c>Interface.Method</c>).</summary>
    public WasmHostCall(WasmGuest guest, string method)
    {
        _guest = guest;
        _method = method;
    }

    private GuestMemoryView View() => _guest.Memory.View();

    // ---- Arguments from the guest ----

    /// <summary>A <c>(ptr, length)</c> string; a null pointer is an error.</summary>
    public string String<TCodec>(int ptr, int length, string parameter) where TCodec : IWasmStringCodec =>
        NullableString<TCodec>(ptr, length, parameter) ?? throw PassedNull(parameter);

    /// <summary>A <c>(ptr, length)</c> string; a null pointer is null.</summary>
    public string? NullableString<TCodec>(int ptr, int length, string parameter) where TCodec : IWasmStringCodec
    {
        if (ptr == 0)
        {
            return null;
        }

        uint units = unchecked((uint)length);
        uint size = TCodec.UnitSize == 1 ? units : SpanMarshaller.GetGuestByteCount<char>(units, _method, parameter);
        return TCodec.Read(View().Bytes(unchecked((uint)ptr), size, _method, parameter), _method, parameter);
    }

    /// <summary>A NUL-terminated UTF-8 string; a null pointer is an error.</summary>
    public string CString(int ptr, string parameter) => NullableCString(ptr, parameter) ?? throw PassedNull(parameter);

    /// <summary>A NUL-terminated UTF-8 string; a null pointer is null.</summary>
    public string? NullableCString(int ptr, string parameter) =>
        CStringMarshaller.Read(View(), unchecked((uint)ptr), _method, parameter);

    /// <summary>An AssemblyScript string; a null pointer is an error.</summary>
    public string AssemblyScriptString(int ptr, string parameter) =>
        NullableAssemblyScriptString(ptr, parameter) ?? throw PassedNull(parameter);

    /// <summary>An AssemblyScript string; a null pointer is null.</summary>
    public string? NullableAssemblyScriptString(int ptr, string parameter) =>
        AssemblyScriptStringMarshaller.Read(View(), unchecked((uint)ptr), _method, parameter);

    /// <summary>A value behind a pointer (a struct, or a scalar passed by <c>in</c>/<c>ref</c>).</summary>
    public T Read<T>(int ptr, string parameter) where T : unmanaged
    {
        var value = View().Read<T>(unchecked((uint)ptr), _method, parameter);
        WasmBoolFields<T>.Normalize(ref value);
        return value;
    }

    /// <summary>Checks an <c>out</c> pointer before the implementation runs, so a bad one fails before any effect.</summary>
    public void CheckOut<T>(int ptr, string parameter) where T : unmanaged =>
        View().Bytes(unchecked((uint)ptr), (uint)Unsafe.SizeOf<T>(), _method, parameter);

    /// <summary>A <c>(ptr, count)</c> sequence as a new array; a null pointer with count 0 is an empty array.</summary>
    public T[] Array<T>(int ptr, int count, string parameter) where T : unmanaged =>
        NullableArray<T>(ptr, count, parameter) ?? System.Array.Empty<T>();

    /// <summary>A <c>(ptr, count)</c> sequence as a new array; a null pointer with count 0 is null.</summary>
    public T[]? NullableArray<T>(int ptr, int count, string parameter) where T : unmanaged
    {
        uint elements = unchecked((uint)count);
        if (ptr == 0)
        {
            return elements == 0
                ? null
                : throw new WasmGuestDataException(_method, parameter, $"is a null pointer with an element count of {elements}");
        }

        uint size = SpanMarshaller.GetGuestByteCount<T>(elements, _method, parameter);
        var bytes = View().Bytes(unchecked((uint)ptr), size, _method, parameter);
        var array = SpanMarshaller.ReadArray<T>(bytes);
        WasmBoolFields<T>.Normalize(array);
        return array;
    }

    // ---- Results into guest memory ----

    /// <summary>Writes a value behind a pointer: <c>ref</c>/<c>out</c> copy-back, or a struct result into the return area.</summary>
    public void Write<T>(int ptr, in T value, string parameter) where T : unmanaged =>
        View().Write(unchecked((uint)ptr), in value, _method, parameter);

    /// <summary>Copies a <c>Span&lt;T&gt;</c> argument back to where the guest passed it from.</summary>
    public void WriteBack<T>(int ptr, ReadOnlySpan<T> values, string parameter) where T : unmanaged
    {
        if (ptr == 0 || values.IsEmpty)
        {
            return;
        }

        uint size = SpanMarshaller.GetByteCount<T>(values.Length, _method, parameter);
        SpanMarshaller.Write(values, View().Bytes(unchecked((uint)ptr), size, _method, parameter));
    }

    /// <summary>
    /// Returns a string as a <c>(ptr, length)</c> pair written to <paramref name="returnArea"/>: the bytes are allocated on
    /// the guest's heap, which owns them from then on; null is <c>(0, 0)</c>.
    /// </summary>
    public void ReturnString<TCodec>(int returnArea, string? value) where TCodec : IWasmStringCodec
    {
        uint address = 0, size = 0;
        if (value is not null)
        {
            size = TCodec.GetByteCount(value, _method, "return");
            address = _guest.GuestHeap.Allocate(size, TCodec.UnitSize, _method, "return");
            TCodec.Write(value, View().Bytes(address, size, _method, "return"));
        }

        WritePair(returnArea, address, size / TCodec.UnitSize);
    }

    /// <summary>Returns a NUL-terminated UTF-8 string allocated on the guest's heap; 0 for null.</summary>
    public int ReturnCString(string? value)
    {
        if (value is null)
        {
            return 0;
        }

        uint size = CStringMarshaller.GetByteCount(value, _method, "return");
        uint address = _guest.GuestHeap.Allocate(size, 1, _method, "return");
        CStringMarshaller.Write(value, View().Bytes(address, size, _method, "return"));
        return unchecked((int)address);
    }

    /// <summary>Returns an unpinned AssemblyScript String, owned by the guest's collector from then on; 0 for null.</summary>
    public int ReturnAssemblyScriptString(string? value)
    {
        if (value is null)
        {
            return 0;
        }

        uint size = AssemblyScriptStringMarshaller.GetByteCount(value, _method, "return");
        uint address = AssemblyScriptStringMarshaller.AllocateForGuest(_guest.GuestHeap, size, _method, "return");
        AssemblyScriptStringMarshaller.Write(value, View().Bytes(address, size, _method, "return"));
        return unchecked((int)address);
    }

    /// <summary>Returns an array as a <c>(ptr, count)</c> pair, the elements allocated on the guest's heap; null and empty are <c>(0, 0)</c>.</summary>
    public void ReturnArray<T>(int returnArea, T[]? value, uint alignment) where T : unmanaged
    {
        uint address = 0;
        int count = value?.Length ?? 0;
        if (count != 0)
        {
            uint size = SpanMarshaller.GetByteCount<T>(count, _method, "return");
            address = _guest.GuestHeap.Allocate(size, alignment, _method, "return");
            SpanMarshaller.Write<T>(value, View().Bytes(address, size, _method, "return"));
        }

        WritePair(returnArea, address, (uint)count);
    }

    private void WritePair(int returnArea, uint address, uint length) =>
        View().Write(unchecked((uint)returnArea), ((ulong)length << 32) | address, _method, "return");

    private WasmGuestDataException PassedNull(string parameter) =>
        new(_method, parameter, "is a null pointer, but the C# type is a non-nullable string");
}
