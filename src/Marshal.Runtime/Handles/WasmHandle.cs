using System;
using System.Globalization;

namespace WasmMarshal;

/// <summary>
/// An opaque guest pointer of a C library (<c>XML_Parser</c>, <c>z_stream *</c>, <c>sqlite3 *</c>): an address the
/// library gave out and takes back, which the host passes and returns as one <c>i32</c> and never dereferences.
/// <typeparamref name="TTag"/> is any type that names what the handle points to, so a parser handle cannot be passed
/// where a document handle is expected.
/// </summary>
/// <remarks>
/// The host never reads or writes through a handle, so no bounds check applies to it: the library, which made it,
/// validates it (or not) as it always does. A library that signals failure by returning <c>NULL</c> gives a handle whose
/// <see cref="IsNull"/> is true; check it, or call <see cref="OrThrow"/>. To destroy a handle exactly once, own it with
/// <see cref="WasmOwnedHandle{TTag}"/>.
/// </remarks>
/// <typeparam name="TTag">Names what the handle points to; never instantiated.</typeparam>
public readonly struct WasmHandle<TTag> : IEquatable<WasmHandle<TTag>>
{
    /// <summary>A handle of the address <paramref name="address"/>.</summary>
    public WasmHandle(uint address) => Address = address;

    /// <summary>The null handle (address 0).</summary>
    public static WasmHandle<TTag> Null => default;

    /// <summary>The guest address. Useful for logging and for passing to functions bound with a raw <c>uint</c>.</summary>
    public uint Address { get; }

    /// <summary>Whether this is the null handle, which C libraries return to signal failure.</summary>
    public bool IsNull => Address == 0;

    /// <summary>
    /// This handle, or <see cref="WasmGuestDataException"/> when it is null: for a function such as
    /// <c>XML_ParserCreate</c> whose only failure is a null result (out of memory).
    /// </summary>
    /// <param name="method">The function that returned the handle, for the message.</param>
    public WasmHandle<TTag> OrThrow(string method) =>
        IsNull ? throw new WasmGuestDataException(method, "return", $"the guest returned a null {typeof(TTag).Name} handle, which signals failure") : this;

    /// <inheritdoc/>
    public bool Equals(WasmHandle<TTag> other) => Address == other.Address;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is WasmHandle<TTag> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => (int)Address;

    /// <summary>Whether two handles have the same address.</summary>
    public static bool operator ==(WasmHandle<TTag> left, WasmHandle<TTag> right) => left.Equals(right);

    /// <summary>Whether two handles have different addresses.</summary>
    public static bool operator !=(WasmHandle<TTag> left, WasmHandle<TTag> right) => !left.Equals(right);

    /// <summary><c>XmlParser@0x00012a40</c>, or <c>XmlParser@null</c>.</summary>
    public override string ToString() =>
        typeof(TTag).Name + "@" + (IsNull ? "null" : "0x" + Address.ToString("x8", CultureInfo.InvariantCulture));
}
