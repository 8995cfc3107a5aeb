using System;

namespace WasmMarshal;

/// <summary>
/// Makes a <see cref="Span{T}"/> parameter of a <c>[WasmImport]</c> method a caller-allocated output buffer passed as
/// one bare pointer, whose capacity travels in an in/out length parameter, the way C declares
/// <c>int compress(Bytef *dest, uLongf *destLen, ...)</c>. The length parameter is a <c>ref</c> or <c>out</c>
/// <see cref="int"/> or <see cref="uint"/> of the same method, lowered as a pointer to a 32-bit length.
/// </summary>
/// <remarks>
/// The host allocates room for <c>span.Length</c> elements in guest memory (their contents are not copied in), writes
/// that capacity into the length cell, and calls the guest, which writes its data and stores the length it produced
/// (in elements) into the cell. The host then checks that the reported length is at most the capacity, else it throws
/// <see cref="WasmGuestDataException"/> naming the method and the length parameter and copies nothing; otherwise it
/// copies back exactly the reported elements into the start of the span and gives the length to the C# caller through
/// the length parameter. The value the caller puts in a <c>ref</c> length is not read: the span is the capacity.
/// </remarks>
/// <example><code>
/// // int compress(Bytef *dest, uLongf *destLen, const Bytef *source, uLong sourceLen);
/// int Compress([WasmCapacity(nameof(destLen))] Span&lt;byte&gt; dest, out uint destLen,
///     [WasmCount(nameof(sourceLen))] ReadOnlySpan&lt;byte&gt; source, uint sourceLen);
/// </code></example>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class WasmCapacityAttribute : Attribute
{
    /// <summary>Reports the length through the parameter named <paramref name="lengthElementName"/> (use <c>nameof</c>).</summary>
    public WasmCapacityAttribute(string lengthElementName) => LengthElementName = lengthElementName;

    /// <summary>The name of the <c>ref</c> or <c>out</c> length parameter: the capacity in, the reported length out.</summary>
    public string LengthElementName { get; }
}
