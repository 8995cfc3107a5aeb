using WasmMarshal.Generators.Model;

namespace WasmMarshal.Generators.Abi;

/// <summary>The ABIs an interface can be lowered with. The parser records the one an interface asks for.</summary>
internal enum AbiKind
{
    /// <summary>The wasm32 C convention (WebAssembly tool-conventions BasicCABI); see docs/abi.md.</summary>
    WasmC,

    /// <summary>The Component Model's canonical ABI (CanonicalABI.md); see docs/component-model.md.</summary>
    Canonical,
}

/// <summary>
/// The seam between the pure model and everything that depends on how values cross: one implementation per ABI. It
/// turns each method into a <see cref="LoweredMethod"/> once; the emitters, the checks on the core signature and the
/// bind-time expectations all read that result and never decide a lowering themselves.
/// </summary>
internal interface IAbi
{
    /// <summary>Lowers <paramref name="method"/> of an interface with the given direction.</summary>
    LoweredMethod Lower(MethodModel method, InterfaceDirection direction);
}

/// <summary>Picks the implementation of an <see cref="AbiKind"/>.</summary>
internal static class Abis
{
    public static IAbi For(AbiKind kind) => kind switch
    {
        AbiKind.Canonical => Canonical.CanonicalAbiLowering.Instance,
        _ => CAbi.WasmCAbi.Instance,
    };
}
