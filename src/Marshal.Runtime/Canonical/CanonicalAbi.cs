using System.ComponentModel;

namespace WasmMarshal.Canonical;

/// <summary>
/// The limits of the Component Model's canonical ABI (CanonicalABI.md in WebAssembly/component-model) that generated
/// canonical-ABI stubs check against.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CanonicalAbi
{
    /// <summary>More flattened parameters than this go through memory: one pointer to a tuple of them.</summary>
    public const int MaxFlatParams = 16;

    /// <summary>More flattened results than this go through a return area.</summary>
    public const int MaxFlatResults = 1;

    /// <summary>The largest string in bytes, in any encoding: 2^28 − 1.</summary>
    public const uint MaxStringByteLength = (1u << 28) - 1;

    /// <summary>The largest list in bytes: 2^28 − 1.</summary>
    public const uint MaxListByteLength = (1u << 28) - 1;

    /// <summary>Whether <paramref name="address"/> is a multiple of <paramref name="alignment"/> (a power of two).</summary>
    public static bool IsAligned(uint address, uint alignment) => (address & (alignment - 1)) == 0;
}

/// <summary>The <c>string-encoding</c> canonical option of a lifted or lowered function.</summary>
public enum CanonicalStringEncoding
{
    /// <summary><c>utf8</c>: <c>(ptr, byte length)</c>, alignment 1.</summary>
    Utf8,

    /// <summary><c>utf16</c>: <c>(ptr, code units)</c>, little-endian, alignment 2.</summary>
    Utf16,
}
