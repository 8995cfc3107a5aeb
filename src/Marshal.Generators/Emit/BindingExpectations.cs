using System.Linq;
using WasmMarshal.Generators.Abi;
using WasmMarshal.Generators.Model;

namespace WasmMarshal.Generators.Emit;

/// <summary>The core function type of a lowered method as the runtime's bind-time checks take it: value kinds.</summary>
internal static class BindingExpectations
{
    /// <summary>A <c>global::WasmMarshal.Binding.CoreSignature</c> expression.</summary>
    public static string Signature(CoreFunctionType core)
    {
        var kinds = core.Parameters.Select(Kind);
        if (core.Results.Count > 1)
        {
            return "new global::WasmMarshal.Binding.CoreSignature(new global::Wasmtime.ValueKind[] { " + string.Join(", ", kinds)
                + " }, new global::Wasmtime.ValueKind[] { " + string.Join(", ", core.Results.Select(Kind)) + " })";
        }

        return core.Results.Count == 0
            ? "global::WasmMarshal.Binding.CoreSignature.Action(" + string.Join(", ", kinds) + ")"
            : "global::WasmMarshal.Binding.CoreSignature.Function(" + string.Join(", ", new[] { Kind(core.Results[0]) }.Concat(kinds)) + ")";
    }

    private static string Kind(CoreType type) => "global::Wasmtime.ValueKind." + type.ValueKind();
}
