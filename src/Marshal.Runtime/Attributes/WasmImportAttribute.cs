using System;

namespace WasmMarshal;

/// <summary>
/// Marks a partial interface whose methods are functions exported by a WebAssembly guest. The generator adds a
/// static <c>Bind(WasmGuest)</c> method that returns an implementation calling into the guest.
/// </summary>
/// <remarks>
/// Each method maps to the guest export named by the snake_case form of the method name (<c>AddNumbers</c> becomes
/// <c>add_numbers</c>), unless <see cref="WasmNameAttribute"/> gives the name.
/// </remarks>
[AttributeUsage(AttributeTargets.Interface, Inherited = false)]
public sealed class WasmImportAttribute : Attribute
{
}
