using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using WasmMarshal.Generators.Model;

namespace WasmMarshal.Generators.Parsing;

/// <summary>
/// Collects the structs and enums an interface's signatures use, with their wasm32 C layouts, in dependency order
/// (a struct after the structs it contains), for the guest bindings.
/// </summary>
internal sealed class BindingCatalog
{
    private static readonly SymbolDisplayFormat KeyFormat = SymbolDisplayFormat.FullyQualifiedFormat;
    private readonly List<StructModel> _structs = new();
    private readonly List<EnumModel> _enums = new();
    private readonly HashSet<string> _seen = new();
    private readonly HashSet<string> _guestNames = new();

    public EquatableArray<StructModel> Structs => new(_structs);

    public EquatableArray<EnumModel> Enums => new(_enums);

    /// <summary>Adds <paramref name="type"/> (already validated by the layout calculator) and what it contains.</summary>
    public void Add(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol array)
        {
            Add(array.ElementType);
            return;
        }

        if (type is INamedTypeSymbol { IsGenericType: true, Name: "Span" or "ReadOnlySpan" } span)
        {
            Add(span.TypeArguments[0]);
            return;
        }

        string key = type.ToDisplayString(KeyFormat);
        if (type.TypeKind == TypeKind.Enum && type is INamedTypeSymbol { EnumUnderlyingType: { } underlying } enumType)
        {
            if (_seen.Add(key))
            {
                var members = enumType.GetMembers().OfType<IFieldSymbol>()
                    .Where(f => f.HasConstantValue)
                    .Select(f => new EnumMemberModel(f.Name, Convert.ToString(f.ConstantValue, CultureInfo.InvariantCulture)!));
                _enums.Add(new EnumModel(key, GuestName(type), ScalarOf(underlying), new EquatableArray<EnumMemberModel>(members)));
            }

            return;
        }

        if (type.TypeKind != TypeKind.Struct || type.SpecialType != SpecialType.None || !_seen.Add(key))
        {
            return;
        }

        var fields = new List<StructFieldModel>();
        int offset = 0, align = 1;
        foreach (var field in type.GetMembers().OfType<IFieldSymbol>().Where(f => !f.IsStatic && !f.IsConst))
        {
            string name = field.AssociatedSymbol is IPropertySymbol property ? property.Name : field.Name;
            ITypeSymbol fieldType = field.IsFixedSizeBuffer && field.Type is IPointerTypeSymbol pointer ? pointer.PointedAtType : field.Type;
            int count = field.IsFixedSizeBuffer ? field.FixedSize : 1;
            bool isArray = field.IsFixedSizeBuffer;
            if (Wasm32LayoutCalculator.InlineArrayOf(type) is null && Wasm32LayoutCalculator.InlineArrayOf(fieldType) is { } inline)
            {
                // A field of an [InlineArray(n)] type is n elements in C, Rust and AssemblyScript: int32_t name[n].
                fieldType = inline.Element.Type;
                count = inline.Length;
                isArray = true;
            }
            else if (Wasm32LayoutCalculator.InlineArrayOf(type) is { } self)
            {
                // The [InlineArray] struct itself, when a signature uses it directly: a struct holding the array.
                count = self.Length;
                isArray = true;
            }

            Add(fieldType);
            var (size, fieldAlign, typeRef) = Describe(fieldType);
            offset = (offset + fieldAlign - 1) / fieldAlign * fieldAlign;
            align = Math.Max(align, fieldAlign);
            fields.Add(new StructFieldModel(name, typeRef, offset, count, isArray));
            offset += size * count;
        }

        int total = (offset + align - 1) / align * align;
        _structs.Add(new StructModel(key, GuestName(type), total, align, new EquatableArray<StructFieldModel>(fields)));
    }

    /// <summary>
    /// The name a struct or enum takes in the guest bindings, distinct from every other one there: a generic instantiation
    /// carries its type arguments (<c>Pair&lt;int&gt;</c> is <c>Pair_i32</c>, C <c>pair_i32</c>), and a name that another
    /// type already took (the same name in two namespaces) gets a number.
    /// </summary>
    private string GuestName(ITypeSymbol type)
    {
        string name = Mangle(type);
        string candidate = name;
        for (int n = 2; !_guestNames.Add(WasmNames.ToSnakeCase(candidate).ToLowerInvariant()); n++)
        {
            candidate = name + "_" + n.ToString(CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    private static string Mangle(ITypeSymbol type)
    {
        if (Wasm32LayoutCalculator.ScalarLayout(type) is not null && type.TypeKind != TypeKind.Enum)
        {
            return ScalarToken(ScalarOf(type));
        }

        if (type is not INamedTypeSymbol named)
        {
            return type.Name;
        }

        // Type arguments of an enclosing generic type distinguish a nested type too: Outer<int>.Inner is not Outer<long>.Inner.
        string prefix = named.ContainingType is { } outer && IsGenericAnywhere(outer) ? Mangle(outer) + "_" : "";
        return prefix + named.Name + string.Concat(named.TypeArguments.Select(a => "_" + Mangle(a)));
    }

    private static bool IsGenericAnywhere(INamedTypeSymbol type) =>
        type.IsGenericType || (type.ContainingType is { } outer && IsGenericAnywhere(outer));

    private static string ScalarToken(ScalarKind scalar) => scalar switch
    {
        ScalarKind.Bool => "bool",
        ScalarKind.I8 => "i8",
        ScalarKind.U8 => "u8",
        ScalarKind.I16 => "i16",
        ScalarKind.U16 => "u16",
        ScalarKind.Char => "char",
        ScalarKind.I32 => "i32",
        ScalarKind.U32 => "u32",
        ScalarKind.I64 => "i64",
        ScalarKind.U64 => "u64",
        ScalarKind.F32 => "f32",
        _ => "f64",
    };

    private (int Size, int Align, FieldType Type) Describe(ITypeSymbol type)
    {
        string key = type.ToDisplayString(KeyFormat);
        if (type.TypeKind == TypeKind.Enum && type is INamedTypeSymbol { EnumUnderlyingType: { } underlying })
        {
            var info = ScalarOf(underlying).Info();
            return (info.Size, info.Align, new FieldType(info.Kind, key, IsStruct: false));
        }

        if (Scalars.Of(type) is { } scalar)
        {
            var info = scalar.Info();
            return (info.Size, info.Align, new FieldType(scalar, null, IsStruct: false));
        }

        var nested = _structs.First(s => s.Key == key);
        return (nested.Size, nested.Align, new FieldType(ScalarKind.I32, key, IsStruct: true));
    }

    /// <summary>The scalar of a type the layout calculator has already accepted as one.</summary>
    private static ScalarKind ScalarOf(ITypeSymbol type) =>
        Scalars.Of(type) ?? throw new System.InvalidOperationException(type.ToDisplayString() + " is not a scalar");
}
