using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text;

namespace WasmMarshal.Canonical;

/// <summary>
/// Lifting and lowering of the scalar-like WIT types, with the checks CanonicalABI.md makes: <c>char</c> must be a
/// Unicode scalar value, variant, enum, option and result discriminants must name a case, and (stricter than the
/// spec, which ignores them) flags must not carry bits beyond their labels.
/// </summary>
/// <remarks>
/// Integers narrower than 32 bits are lifted by truncation (<c>i % 2^bits</c>), as the spec does: a guest cannot hand
/// back an out-of-range <c>u8</c>. A <c>bool</c> is true for any non-zero value (<c>convert_int_to_bool</c>), so it
/// needs no check either: lift it with <c>value != 0</c>.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CanonicalValue
{
    /// <summary>A <c>bool</c>: 0 is false, every other bit pattern true (CanonicalABI.md <c>convert_int_to_bool</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool LiftBool(int value) => value != 0;

    /// <summary>A <c>bool</c> lowers to 0 or 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int LowerBool(bool value) => value ? 1 : 0;

    /// <summary>A <c>char</c>: rejects surrogates and values above U+10FFFF.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Rune LiftChar(int value, string method, string parameter)
    {
        uint scalar = (uint)value;
        if (scalar >= 0x110000 || (scalar >= 0xD800 && scalar <= 0xDFFF))
        {
            ThrowInvalidChar(scalar, method, parameter);
        }

        return new Rune(scalar);
    }

    /// <summary>A <c>char</c> lowers to its scalar value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int LowerChar(Rune value) => value.Value;

    /// <summary>
    /// A variant or enum discriminant: returns it when below <paramref name="caseCount"/>, else throws. The stored
    /// discriminant is 1, 2 or 4 bytes wide (by case count); read it at that width before calling this.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint LiftDiscriminant(uint value, uint caseCount, string method, string parameter)
    {
        if (value >= caseCount)
        {
            ThrowBadDiscriminant(value, caseCount, method, parameter);
        }

        return value;
    }

    /// <summary><c>option</c>: 0 is none, 1 is some, anything else is rejected.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool LiftOptionIsSome(uint discriminant, string method, string parameter) =>
        LiftDiscriminant(discriminant, 2, method, parameter) == 1;

    /// <summary><c>result</c>: 0 is ok, 1 is error, anything else is rejected.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool LiftResultIsError(uint discriminant, string method, string parameter) =>
        LiftDiscriminant(discriminant, 2, method, parameter) == 1;

    /// <summary>
    /// <c>flags</c> with the labels in <paramref name="knownBits"/>: rejects any other bit. (The spec's
    /// <c>unpack_flags_from_int</c> would silently drop them; a guest setting them has a different WIT, which is
    /// worth an error here. Use <see cref="LiftFlagsMasked"/> for the spec's behaviour.)
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint LiftFlags(uint bits, uint knownBits, string method, string parameter)
    {
        if ((bits & ~knownBits) != 0)
        {
            ThrowUnknownFlags(bits, knownBits, method, parameter);
        }

        return bits;
    }

    /// <summary>
    /// An enum value the host lowers: it must name a case (below <paramref name="caseCount"/>), since a component-model
    /// enum has no other values; anything else is the caller's error, an <see cref="System.ArgumentOutOfRangeException"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int LowerDiscriminant(uint value, uint caseCount, string method, string parameter)
    {
        if (value >= caseCount)
        {
            ThrowUnknownCase(value, caseCount, method, parameter);
        }

        return (int)value;
    }

    /// <summary>
    /// Flags the host lowers: bits beyond the labels in <paramref name="knownBits"/> name no flag of the WIT type, an
    /// <see cref="System.ArgumentOutOfRangeException"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int LowerFlags(uint bits, uint knownBits, string method, string parameter)
    {
        if ((bits & ~knownBits) != 0)
        {
            ThrowUnknownFlagBits(bits, knownBits, method, parameter);
        }

        return unchecked((int)bits);
    }

    /// <summary><c>flags</c> as CanonicalABI.md lifts them: bits beyond the labels are dropped.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint LiftFlagsMasked(uint bits, uint knownBits) => bits & knownBits;

    /// <summary>Reinterprets an <c>f32</c> that travelled in an i32 slot of a joined variant payload.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float F32FromBits(int bits) => System.BitConverter.Int32BitsToSingle(bits);

    /// <summary>An <c>f32</c> lowered into an i32 slot of a joined variant payload.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int F32ToBits(float value) => System.BitConverter.SingleToInt32Bits(value);

    private static void ThrowUnknownCase(uint value, uint caseCount, string method, string parameter) =>
        throw new System.ArgumentOutOfRangeException(parameter, value,
            $"{method}: parameter '{parameter}' is {value}, which names no case of its WIT enum (it has {caseCount}).");

    private static void ThrowUnknownFlagBits(uint bits, uint knownBits, string method, string parameter) =>
        throw new System.ArgumentOutOfRangeException(parameter, bits,
            $"{method}: parameter '{parameter}' has the bits 0x{bits & ~knownBits:X}, which name no flag of its WIT type (known: 0x{knownBits:X}).");

    private static void ThrowInvalidChar(uint scalar, string method, string parameter) =>
        throw new WasmGuestDataException(method, parameter,
            scalar >= 0x110000
                ? $"is the char 0x{scalar:X}, above U+10FFFF"
                : $"is the char U+{scalar:X4}, a surrogate, which is not a Unicode scalar value");

    private static void ThrowBadDiscriminant(uint value, uint caseCount, string method, string parameter) =>
        throw new WasmGuestDataException(method, parameter, $"has the discriminant {value}, but the type has only {caseCount} cases");

    private static void ThrowUnknownFlags(uint bits, uint knownBits, string method, string parameter) =>
        throw new WasmGuestDataException(method, parameter,
            $"has the flag bits 0x{bits:X}, of which 0x{bits & ~knownBits:X} name no flag of the type (known: 0x{knownBits:X})");
}
