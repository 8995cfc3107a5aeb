using System;
using System.Linq;

namespace WasmMarshal.Generators.Tests.Support;

/// <summary>The <c>binder.Expect</c> line a stub should contain, written from the text form of a core type so that tests read as wasm.</summary>
public static class ExpectedBinding
{
    /// <summary>For example <c>Line("add", "Add", "(i64, i64) -&gt; i64")</c>.</summary>
    public static string Line(string wasmName, string method, string coreType)
    {
        int arrow = coreType.IndexOf("->", StringComparison.Ordinal);
        var parameters = Kinds(coreType[..arrow]);
        var results = Kinds(coreType[(arrow + 2)..]);
        string signature = results.Length == 0
            ? "global::WasmMarshal.Binding.CoreSignature.Action(" + string.Join(", ", parameters) + ")"
            : "global::WasmMarshal.Binding.CoreSignature.Function(" + string.Join(", ", results.Concat(parameters)) + ")";
        return $"binder.Expect(\"{wasmName}\", \"{method}\", {signature});";
    }

    private static string[] Kinds(string list) => list.Trim().Trim('(', ')')
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(name => "global::Wasmtime.ValueKind." + name switch
        {
            "i32" => "Int32",
            "i64" => "Int64",
            "f32" => "Float32",
            "f64" => "Float64",
            _ => throw new ArgumentException(name),
        })
        .ToArray();
}
