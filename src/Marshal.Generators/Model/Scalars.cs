using Microsoft.CodeAnalysis;

namespace WasmMarshal.Generators.Model;

/// <summary>The core wasm value types.</summary>
internal enum CoreType
{
    I32,
    I64,
    F32,
    F64,
}

/// <summary>One scalar: its wasm32 size and alignment, its name in every language the generator writes, and its core type.</summary>
/// <param name="CSharp">The C# keyword.</param>
/// <param name="C">The C type of wasm_marshal.h (stdint/stdbool).</param>
/// <param name="Rust">The Rust primitive.</param>
/// <param name="AssemblyScript">The AssemblyScript type.</param>
/// <param name="Core">The core wasm type it widens to.</param>
internal sealed record ScalarInfo(ScalarKind Kind, SpecialType SpecialType, int Size, int Align, string CSharp, string C, string Rust,
    string AssemblyScript, CoreType Core);

/// <summary>
/// The one scalar table: the parser classifies with it, the layout checker sizes with it, the ABI lowers with it and every
/// emitter spells scalars with it.
/// </summary>
internal static class Scalars
{
    private static readonly ScalarInfo[] Table =
    {
        new(ScalarKind.Bool, SpecialType.System_Boolean, 1, 1, "bool", "bool", "bool", "bool", CoreType.I32),
        new(ScalarKind.I8, SpecialType.System_SByte, 1, 1, "sbyte", "int8_t", "i8", "i8", CoreType.I32),
        new(ScalarKind.U8, SpecialType.System_Byte, 1, 1, "byte", "uint8_t", "u8", "u8", CoreType.I32),
        new(ScalarKind.I16, SpecialType.System_Int16, 2, 2, "short", "int16_t", "i16", "i16", CoreType.I32),
        new(ScalarKind.U16, SpecialType.System_UInt16, 2, 2, "ushort", "uint16_t", "u16", "u16", CoreType.I32),
        new(ScalarKind.Char, SpecialType.System_Char, 2, 2, "char", "uint16_t", "u16", "u16", CoreType.I32),
        new(ScalarKind.I32, SpecialType.System_Int32, 4, 4, "int", "int32_t", "i32", "i32", CoreType.I32),
        new(ScalarKind.U32, SpecialType.System_UInt32, 4, 4, "uint", "uint32_t", "u32", "u32", CoreType.I32),
        new(ScalarKind.I64, SpecialType.System_Int64, 8, 8, "long", "int64_t", "i64", "i64", CoreType.I64),
        new(ScalarKind.U64, SpecialType.System_UInt64, 8, 8, "ulong", "uint64_t", "u64", "u64", CoreType.I64),
        new(ScalarKind.F32, SpecialType.System_Single, 4, 4, "float", "float", "f32", "f32", CoreType.F32),
        new(ScalarKind.F64, SpecialType.System_Double, 8, 8, "double", "double", "f64", "f64", CoreType.F64),
    };

    public static ScalarInfo Info(this ScalarKind kind) => Table[(int)kind];

    /// <summary>The scalar a type crosses as (an enum as its underlying type), or null when it is not a scalar.</summary>
    public static ScalarKind? Of(ITypeSymbol type)
    {
        if (type.TypeKind == TypeKind.Enum && type is INamedTypeSymbol { EnumUnderlyingType: { } underlying })
        {
            return Of(underlying);
        }

        foreach (var info in Table)
        {
            if (info.SpecialType == type.SpecialType)
            {
                return info.Kind;
            }
        }

        return null;
    }

    /// <summary>The scalar a C# keyword names (<c>int</c>, <c>double</c>...), or null.</summary>
    public static ScalarKind? OfKeyword(string keyword)
    {
        foreach (var info in Table)
        {
            if (info.CSharp == keyword)
            {
                return info.Kind;
            }
        }

        return null;
    }

    /// <summary>The text-format name: <c>i32</c>.</summary>
    public static string Name(this CoreType type) => type switch
    {
        CoreType.I64 => "i64",
        CoreType.F32 => "f32",
        CoreType.F64 => "f64",
        _ => "i32",
    };

    /// <summary>The C# type Wasmtime .NET uses for a core type.</summary>
    public static string ClrType(this CoreType type) => type switch
    {
        CoreType.I64 => "long",
        CoreType.F32 => "float",
        CoreType.F64 => "double",
        _ => "int",
    };

    /// <summary>The Wasmtime.ValueKind member of a core type.</summary>
    public static string ValueKind(this CoreType type) => type switch
    {
        CoreType.I64 => "Int64",
        CoreType.F32 => "Float32",
        CoreType.F64 => "Float64",
        _ => "Int32",
    };
}
