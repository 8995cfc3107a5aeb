using System;
using System.ComponentModel;

namespace WasmMarshal.Marshalling;

/// <summary>
/// One contract for every string encoding: how many bytes a string takes, how to write it, how to read it back. Where
/// the bytes live (a <c>(ptr, len)</c> pair, a NUL-terminated run, an AssemblyScript object) is the ABI's business, not
/// the codec's. Implemented by empty structs so that generic stubs are specialised and inlined per encoding.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IWasmStringCodec
{
    /// <summary>Bytes per length unit: 1 for UTF-8 and Latin-1, 2 for UTF-16 (lengths count code units).</summary>
    static abstract uint UnitSize { get; }

    /// <summary>The encoded size in bytes; throws <see cref="ArgumentException"/> naming the method and parameter
    /// when <paramref name="value"/> cannot be encoded.</summary>
    static abstract uint GetByteCount(string value, string method, string parameter);

    /// <summary>Encodes <paramref name="value"/> into <paramref name="destination"/>, which has exactly the encoded size.</summary>
    static abstract void Write(string value, Span<byte> destination);

    /// <summary>Decodes guest bytes strictly; throws <see cref="WasmGuestDataException"/> on invalid input.</summary>
    static abstract string Read(ReadOnlySpan<byte> bytes, string method, string parameter);
}

/// <summary>UTF-8 (<see cref="Utf8Marshaller"/>).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct Utf8Codec : IWasmStringCodec
{
    /// <inheritdoc />
    public static uint UnitSize => 1;

    /// <inheritdoc />
    public static uint GetByteCount(string value, string method, string parameter) => Utf8Marshaller.GetByteCount(value, method, parameter);

    /// <inheritdoc />
    public static void Write(string value, Span<byte> destination) => Utf8Marshaller.Write(value, destination);

    /// <inheritdoc />
    public static string Read(ReadOnlySpan<byte> bytes, string method, string parameter) => Utf8Marshaller.Read(bytes, method, parameter);
}

/// <summary>UTF-16 little-endian (<see cref="Utf16Marshaller"/>).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct Utf16Codec : IWasmStringCodec
{
    /// <inheritdoc />
    public static uint UnitSize => 2;

    /// <inheritdoc />
    public static uint GetByteCount(string value, string method, string parameter) => Utf16Marshaller.GetByteCount(value, method, parameter);

    /// <inheritdoc />
    public static void Write(string value, Span<byte> destination) => Utf16Marshaller.Write(value, destination);

    /// <inheritdoc />
    public static string Read(ReadOnlySpan<byte> bytes, string method, string parameter) => Utf16Marshaller.Read(bytes, method, parameter);
}

/// <summary>ISO-8859-1 (<see cref="Latin1Marshaller"/>).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct Latin1Codec : IWasmStringCodec
{
    /// <inheritdoc />
    public static uint UnitSize => 1;

    /// <inheritdoc />
    public static uint GetByteCount(string value, string method, string parameter) => Latin1Marshaller.GetByteCount(value, method, parameter);

    /// <inheritdoc />
    public static void Write(string value, Span<byte> destination) => Latin1Marshaller.Write(value, destination);

    /// <inheritdoc />
    public static string Read(ReadOnlySpan<byte> bytes, string method, string parameter) => Latin1Marshaller.Read(bytes);
}
