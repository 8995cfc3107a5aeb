using System;
using WasmMarshal.Canonical;

namespace WasmMarshal;

/// <summary>
/// Selects the Component Model's canonical ABI for a <see cref="WasmImportAttribute"/> or
/// <see cref="WasmExportAttribute"/> interface: the interface is the WIT interface <see cref="InterfaceName"/>, and the
/// generated stubs follow CanonicalABI.md (flattening, return areas, <c>realloc</c>, post-return) on the guest's core
/// module, under whichever export-naming scheme (legacy or <c>cm32p2</c>) the module uses. See docs/component-model.md.
/// </summary>
/// <remarks>
/// The naming scheme is detected per module at bind time, not declared here, so one interface serves a wit-bindgen
/// guest (legacy names) and a guest with the newer names alike. Each method is the WIT function named by the
/// kebab-case form of its name (<c>CountBytes</c> is <c>count-bytes</c>) unless <see cref="WasmNameAttribute"/> names it.
/// </remarks>
[AttributeUsage(AttributeTargets.Interface, Inherited = false)]
public sealed class WasmCanonicalAbiAttribute : Attribute
{
    /// <summary>Binds the interface as the WIT interface <paramref name="interfaceName"/>, for example <c>wasmmarshal:test/api@0.1.0</c>.</summary>
    public WasmCanonicalAbiAttribute(string interfaceName) => InterfaceName = interfaceName;

    /// <summary>The WIT interface name with its package and version: <c>namespace:package/interface@version</c>.</summary>
    public string InterfaceName { get; }

    /// <summary>The <c>string-encoding</c> canonical option the guest was built with; UTF-8 by default.</summary>
    public CanonicalStringEncoding StringEncoding { get; set; } = CanonicalStringEncoding.Utf8;
}
