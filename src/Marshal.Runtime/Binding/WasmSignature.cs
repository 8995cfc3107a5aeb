using System.Collections.Generic;
using System.Linq;
using Wasmtime;

namespace WasmMarshal.Binding;

/// <summary>Formats core wasm function types the way generated code writes them: <c>(i32, i32) -&gt; i32</c>.</summary>
public static class WasmSignature
{
    /// <summary>Formats a parameter and result list.</summary>
    public static string Format(IReadOnlyList<ValueKind> parameters, IReadOnlyList<ValueKind> results)
    {
        string p = "(" + string.Join(", ", parameters.Select(Name)) + ")";
        string r = results.Count == 1 ? Name(results[0]) : "(" + string.Join(", ", results.Select(Name)) + ")";
        return p + " -> " + r;
    }

    /// <summary>The text-format name of a value kind.</summary>
    public static string Name(ValueKind kind) => kind switch
    {
        ValueKind.Int32 => "i32",
        ValueKind.Int64 => "i64",
        ValueKind.Float32 => "f32",
        ValueKind.Float64 => "f64",
        ValueKind.V128 => "v128",
        ValueKind.FuncRef => "funcref",
        ValueKind.ExternRef => "externref",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
