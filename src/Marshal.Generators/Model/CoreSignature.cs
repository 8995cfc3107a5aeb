using System.Collections.Generic;

namespace WasmMarshal.Generators.Model;

/// <summary>
/// How a method lowers to a core wasm function type, per docs/abi.md: the list of core parameters (with the return
/// area first when the result goes through memory) and at most one core result.
/// </summary>
internal sealed class CoreSignature
{
    private CoreSignature(List<string> parameters, string? result, bool usesReturnArea)
    {
        Parameters = parameters;
        Result = result;
        UsesReturnArea = usesReturnArea;
    }

    /// <summary>Core types of the parameters: i32, i64, f32 or f64.</summary>
    public List<string> Parameters { get; }

    /// <summary>The core result type, or null for none.</summary>
    public string? Result { get; }

    /// <summary>Whether the first core parameter is a pointer to the return area (the C ABI's sret).</summary>
    public bool UsesReturnArea { get; }

    /// <summary>The signature as WasmMarshal.Binding.WasmSignature formats it: <c>(i32, i32) -&gt; i32</c>.</summary>
    public string Text => "(" + string.Join(", ", Parameters) + ") -> " + (Result ?? "()");

    public static CoreSignature Of(MethodModel method)
    {
        var parameters = new List<string>();
        bool returnArea = ReturnsThroughMemory(method.Return);
        if (returnArea)
        {
            parameters.Add("i32");
        }

        foreach (var parameter in method.Parameters)
        {
            parameters.AddRange(Lower(parameter));
        }

        string? result = method.Return.Shape switch
        {
            ValueShape.Scalar => CoreType(method.Return.Scalar),
            ValueShape.String when IsOnePointer(method.Return.Encoding) => "i32",
            _ => null,
        };
        return new CoreSignature(parameters, result, returnArea);
    }

    /// <summary>Results that are a (pointer, length) pair or a struct come back through a return area.</summary>
    public static bool ReturnsThroughMemory(ValueModel value) => value.Shape switch
    {
        ValueShape.String => !IsOnePointer(value.Encoding),
        ValueShape.Pointer or ValueShape.Array => true,
        _ => false,
    };

    public static IEnumerable<string> Lower(ValueModel value) => value.Shape switch
    {
        ValueShape.Scalar => new[] { CoreType(value.Scalar) },
        ValueShape.String when IsOnePointer(value.Encoding) => new[] { "i32" },
        ValueShape.String or ValueShape.Span or ValueShape.ReadOnlySpan or ValueShape.Array => new[] { "i32", "i32" },
        ValueShape.Pointer => new[] { "i32" },
        _ => new string[0],
    };

    /// <summary>NUL-terminated UTF-8 and AssemblyScript strings cross as one pointer; the others as (pointer, length).</summary>
    public static bool IsOnePointer(StringEncoding encoding) =>
        encoding is StringEncoding.Utf8NulTerminated or StringEncoding.AssemblyScript;

    public static string CoreType(ScalarKind scalar) => scalar switch
    {
        ScalarKind.I64 or ScalarKind.U64 => "i64",
        ScalarKind.F32 => "f32",
        ScalarKind.F64 => "f64",
        _ => "i32",
    };

    /// <summary>The C# type Wasmtime .NET uses for a core type.</summary>
    public static string ClrType(string coreType) => coreType switch
    {
        "i64" => "long",
        "f32" => "float",
        "f64" => "double",
        _ => "int",
    };
}
