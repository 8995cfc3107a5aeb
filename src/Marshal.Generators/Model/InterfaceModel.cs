using WasmMarshal.Generators.Abi;

namespace WasmMarshal.Generators.Model;

/// <summary>What the stub needs to re-declare a method it implements explicitly; parameter names are the emitter's.</summary>
/// <param name="Attributes">Nullability attributes of the return value, one <c>[return: ...]</c> line each.</param>
/// <param name="Head">Return type and qualified name: <c>int global::Demo.ICalc.Add</c>.</param>
/// <param name="Parameters">Each parameter's attributes, modifier and type: <c>ref int</c>.</param>
/// <param name="IsUnsafe">Whether the signature has pointer types, so the declaration needs <c>unsafe</c>.</param>
internal sealed record MethodDeclaration(string Attributes, string Head, EquatableArray<string> Parameters, bool IsUnsafe);

/// <summary>A method of a [WasmImport] or [WasmExport] interface: how each value is typed, independent of any ABI.</summary>
/// <param name="UnsupportedReason">Why it cannot be marshalled (the analyzer reports the diagnostic), or null.</param>
internal sealed record MethodModel(
    string Name,
    string WasmName,
    MethodDeclaration Declaration,
    EquatableArray<ValueModel> Parameters,
    ValueModel Return,
    string? UnsupportedReason);

/// <summary>A type that contains the interface, re-declared as partial around the generated code.</summary>
internal sealed record ContainingTypeModel(string Keyword, string Name);

internal enum InterfaceDirection
{
    /// <summary>[WasmImport]: the guest exports the functions, the host calls them.</summary>
    Import,

    /// <summary>[WasmExport]: the host implements the functions, the guest imports them.</summary>
    Export,
}

/// <summary>Everything the emitters need about one interface; value-equatable for incremental caching.</summary>
/// <param name="Namespace">The namespace, or null for the global namespace.</param>
/// <param name="Name">The interface name as declared (with type parameters, none supported).</param>
/// <param name="FullName">The display name used in messages, for example <c>Demo.ICalculator</c>.</param>
/// <param name="Methods">Every method, lowered once by the interface's ABI.</param>
/// <param name="Module">For exports, the wasm import module name.</param>
/// <param name="HintName">A unique file name stem for the generated source.</param>
/// <param name="OtherMembers">Explicit implementations, throwing, of members that cannot be bound (properties, events),
/// so that the stub still implements the whole interface and the build shows only the WASM diagnostics.</param>
/// <param name="CanRegister">Whether the interface is visible module-wide, so a module initializer may register it.</param>
/// <param name="Structs">The structs the signatures use, dependencies first, for guest bindings.</param>
/// <param name="Enums">The enums the signatures use, for guest bindings.</param>
/// <param name="Callbacks">The callback delegate types the methods take, each with its host function's lowering.</param>
/// <param name="Canonical">For <see cref="AbiKind.Canonical"/> interfaces: the WIT interface name, string encoding and types.</param>
/// <param name="LibraryHeader">[WasmLibraryHeader]: the C library's own header; the C binding is then a check header against it.</param>
internal sealed record InterfaceModel(
    string? Namespace,
    string Name,
    string FullName,
    string QualifiedName,
    EquatableArray<ContainingTypeModel> ContainingTypes,
    InterfaceDirection Direction,
    AbiKind Abi,
    string Module,
    EquatableArray<LoweredMethod> Methods,
    EquatableArray<string> OtherMembers,
    bool CanRegister,
    string HintName,
    EquatableArray<StructModel> Structs,
    EquatableArray<EnumModel> Enums,
    CanonicalOptions? Canonical = null,
    string? LibraryHeader = null,
    EquatableArray<CallbackModel> Callbacks = default);
