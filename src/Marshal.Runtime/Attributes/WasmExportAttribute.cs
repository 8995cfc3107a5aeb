using System;

namespace WasmMarshal;

/// <summary>
/// Marks a partial interface that the host implements and the guest imports. The generator adds a static
/// <c>Define(Linker, WasmGuest, implementation)</c> method that defines every method in a Wasmtime linker under
/// <see cref="Module"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Interface, Inherited = false)]
public sealed class WasmExportAttribute : Attribute
{
    /// <summary>Defines the interface under the import module <paramref name="module"/>.</summary>
    public WasmExportAttribute(string module = "env") => Module = module;

    /// <summary>The wasm import module name, <c>env</c> by default.</summary>
    public string Module { get; }
}
