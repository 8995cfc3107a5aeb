using System;

namespace WasmMarshal;

/// <summary>
/// Passes a span or array parameter of a <c>[WasmImport]</c> method as one bare pointer, the way C declares
/// <c>const uint8_t *buf</c>, with its element count in another parameter of the same method (in any position, before
/// or after the buffer), the way <c>MarshalUsing(CountElementName = ...)</c> names it for LibraryImport. Several buffers
/// may name the same count.
/// </summary>
/// <remarks>
/// The count parameter stays in the C# signature, as it is in the C one, and is passed to the guest as it is: the host
/// copies that many elements (the first <c>count</c> of the span, which must have at least that many, or
/// <see cref="ArgumentOutOfRangeException"/> names both parameters) and copies a <see cref="Span{T}"/> back after the
/// call. A zero count still passes a valid pointer (C libraries may treat a null pointer specially, as zlib's
/// <c>crc32</c> does); only a null array passes null.
/// </remarks>
/// <example><code>
/// // uLong crc32(uLong crc, const Bytef *buf, uInt len);
/// uint Crc32(uint crc, [WasmCount(nameof(len))] ReadOnlySpan&lt;byte&gt; buf, uint len);
/// </code></example>
/// <remarks>
/// On the return value of a method that returns <c>T[]</c>, it names an <c>out</c> or <c>ref</c> integer parameter
/// that the guest sets to the element count of the buffer it returns as one pointer
/// (<c>uint8_t *load(const uint8_t *buf, int len, int *count)</c>); see <see cref="WasmFreeAttribute"/> for who frees it.
/// </remarks>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.ReturnValue, Inherited = false)]
public sealed class WasmCountAttribute : Attribute
{
    /// <summary>Counts the elements with the parameter named <paramref name="countElementName"/> (use <c>nameof</c>).</summary>
    public WasmCountAttribute(string countElementName) => CountElementName = countElementName;

    /// <summary>The name of the integer parameter that holds the element count.</summary>
    public string CountElementName { get; }
}
