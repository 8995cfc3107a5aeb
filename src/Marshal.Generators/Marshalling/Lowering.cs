using Microsoft.CodeAnalysis.CSharp;
using WasmMarshal.Generators.Model;

namespace WasmMarshal.Generators.Marshalling;

/// <summary>
/// The C# expressions that widen a scalar to its core wasm type and narrow it back. Wasmtime .NET accepts only
/// int, long, float and double, so bool, the small integers, the unsigned types and enums are converted here.
/// </summary>
internal static class Lowering
{
    public static string Lower(ValueModel value, string expression)
    {
        if (value.Opaque == OpaqueKind.Handle)
        {
            return $"unchecked((int){expression}.Address)";
        }

        if (value.EnumDisplay is not null)
        {
            expression = $"(({UnderlyingKeyword(value.Scalar)}){expression})";
        }

        return value.Scalar switch
        {
            ScalarKind.Bool => $"({expression} ? 1 : 0)",
            ScalarKind.I8 or ScalarKind.U8 or ScalarKind.I16 or ScalarKind.U16 or ScalarKind.Char => $"(int){expression}",
            ScalarKind.U32 => $"unchecked((int){expression})",
            ScalarKind.U64 => $"unchecked((long){expression})",
            _ => expression,
        };
    }

    public static string Raise(ValueModel value, string core)
    {
        if (value.Opaque == OpaqueKind.Handle)
        {
            return $"new {value.TypeDisplay}(unchecked((uint){core}))";
        }

        string raised = value.Scalar switch
        {
            ScalarKind.Bool => $"({core} != 0)",
            ScalarKind.I8 => $"unchecked((sbyte){core})",
            ScalarKind.U8 => $"unchecked((byte){core})",
            ScalarKind.I16 => $"unchecked((short){core})",
            ScalarKind.U16 => $"unchecked((ushort){core})",
            ScalarKind.Char => $"unchecked((char){core})",
            ScalarKind.U32 => $"unchecked((uint){core})",
            ScalarKind.U64 => $"unchecked((ulong){core})",
            _ => core,
        };
        return value.EnumDisplay is null ? raised : $"({value.EnumDisplay}){raised}";
    }

    public static string UnderlyingKeyword(ScalarKind scalar) => scalar.Info().CSharp;

    /// <summary>A parameter name usable as an identifier (keywords get an @).</summary>
    public static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None
            ? "@" + name
            : name;

    /// <summary>A literal for a C# string constant.</summary>
    public static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);

    /// <summary>The runtime marshaller class of a string encoding.</summary>
    public static string StringMarshaller(StringEncoding encoding) => encoding switch
    {
        StringEncoding.Utf16 => "global::WasmMarshal.Marshalling.Utf16Marshaller",
        StringEncoding.Latin1 => "global::WasmMarshal.Marshalling.Latin1Marshaller",
        StringEncoding.Utf8NulTerminated => "global::WasmMarshal.Marshalling.CStringMarshaller",
        _ => "global::WasmMarshal.Marshalling.Utf8Marshaller",
    };

    /// <summary>Bytes per length unit: UTF-16 lengths count code units.</summary>
    public static int UnitSize(StringEncoding encoding) => encoding == StringEncoding.Utf16 ? 2 : 1;
}
