using System;

namespace WasmMarshal;

/// <summary>
/// Passes a span or array parameter of a <c>[WasmImport]</c> method as one bare pointer to exactly
/// <see cref="Length"/> elements, the way C declares <c>unsigned char out[32]</c> or a pointer to a fixed-size struct of
/// bytes (<c>XXH128_canonical_t *dst</c>). The span must hold at least that many elements
/// (<see cref="ArgumentException"/> naming the parameter otherwise); exactly that many are copied in, and for a
/// <see cref="Span{T}"/> copied back.
/// </summary>
/// <example><code>
/// // void sha256(const uint8_t *data, size_t len, uint8_t digest[32]);
/// void Sha256([WasmCount(nameof(len))] ReadOnlySpan&lt;byte&gt; data, uint len, [WasmFixedLength(32)] Span&lt;byte&gt; digest);
/// </code></example>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class WasmFixedLengthAttribute : Attribute
{
    /// <summary>Passes exactly <paramref name="length"/> elements.</summary>
    public WasmFixedLengthAttribute(int length) => Length = length;

    /// <summary>The element count of the buffer, as the C declaration fixes it.</summary>
    public int Length { get; }
}
