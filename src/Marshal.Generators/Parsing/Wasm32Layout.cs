using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using WasmMarshal.Generators.Model;

namespace WasmMarshal.Generators.Parsing;

/// <summary>The wasm32 C layout of a type, or why it has none.</summary>
/// <param name="ScalarCount">How many scalars the type flattens to; the C ABI passes a one-scalar struct as the scalar.</param>
/// <param name="Error">Why the type cannot be laid out for wasm32, naming the field; null when it can.</param>
/// <param name="NetAlign">The alignment .NET gives the type inside another struct; smaller than <paramref name="Align"/>
/// under StructLayout Pack, which moves the fields that follow it.</param>
/// <param name="UnsizedBool">When <paramref name="Error"/> is a bool field without a 1-byte [MarshalAs], that field
/// (perhaps in a nested struct): the code fix adds or corrects its attribute.</param>
internal sealed record Wasm32Layout(int Size, int Align, int ScalarCount, string? Error, int NetAlign, IFieldSymbol? UnsizedBool = null)
{
    public static Wasm32Layout Invalid(string error, IFieldSymbol? unsizedBool = null) => new(0, 1, 0, error, 1, unsizedBool);
}

/// <summary>
/// Computes the wasm32 C layout of unmanaged types (natural alignment; 8-byte <c>long</c> and <c>double</c>) and
/// checks that the .NET layout of each struct is the same, field by field.
/// </summary>
internal sealed class Wasm32LayoutCalculator
{
    private const int LayoutSequential = 0;
    private const int LayoutExplicit = 2;
    private const int LayoutAuto = 3;
    private const int UnmanagedTypeBool = 2;
    private const int UnmanagedTypeI1 = 3;
    private const int UnmanagedTypeU1 = 4;

    private readonly Dictionary<ITypeSymbol, Wasm32Layout> _cache = new(SymbolEqualityComparer.Default);

    /// <summary>The bool field the last failing <see cref="FieldLayout"/> blamed, if any; read right after the call.</summary>
    private IFieldSymbol? _unsizedBool;

    /// <summary>The layout of a scalar type, or null when <paramref name="type"/> is not one.</summary>
    public static (int Size, int Align)? ScalarLayout(ITypeSymbol type) =>
        Scalars.Of(type) is { } scalar ? (scalar.Info().Size, scalar.Info().Align) : null;

    /// <summary>The layout of any element or pointed-to type: a scalar, an enum or a struct.</summary>
    public Wasm32Layout Of(ITypeSymbol type)
    {
        if (ScalarLayout(type) is { } scalar)
        {
            return new Wasm32Layout(scalar.Size, scalar.Align, 1, null, scalar.Align);
        }

        if (Unsupported(type) is { } why)
        {
            return Wasm32Layout.Invalid(why);
        }

        if (type.TypeKind != TypeKind.Struct || type is not INamedTypeSymbol named)
        {
            return Wasm32Layout.Invalid($"'{type.ToDisplayString()}' is not an unmanaged value type");
        }

        if (_cache.TryGetValue(type, out var cached))
        {
            return cached;
        }

        var layout = OfStruct(named);
        _cache[type] = layout;
        return layout;
    }

    /// <summary>Why a type can never cross (host-sized or managed), or null.</summary>
    public static string? Unsupported(ITypeSymbol type)
    {
        if (type.SpecialType is SpecialType.System_IntPtr or SpecialType.System_UIntPtr)
        {
            return $"{type.ToDisplayString()} is 8 bytes on a 64-bit host but 4 bytes in wasm32; use int, uint or long";
        }

        if (type.SpecialType == SpecialType.System_Decimal)
        {
            return "decimal has no wasm32 C equivalent";
        }

        if (type is IPointerTypeSymbol or IFunctionPointerTypeSymbol)
        {
            return "a host pointer means nothing inside the guest's memory; pass a uint guest address, a span or a struct";
        }

        if (type.IsReferenceType)
        {
            return $"'{type.ToDisplayString()}' is a managed reference, which cannot be placed in guest memory";
        }

        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T })
        {
            return "Nullable<T> has no wasm32 C equivalent; pass a bool and a value, or a pointer";
        }

        return null;
    }

    /// <summary>
    /// The element field and length of an <c>[InlineArray(n)]</c> struct, or null when <paramref name="type"/> is not one.
    /// .NET repeats its single field n times with no padding between the elements, exactly as a C array does.
    /// </summary>
    public static (IFieldSymbol Element, int Length)? InlineArrayOf(ITypeSymbol type)
    {
        if (type.TypeKind != TypeKind.Struct)
        {
            return null;
        }

        var attribute = type.GetAttributes().FirstOrDefault(a =>
            a.AttributeClass?.ToDisplayString() == "System.Runtime.CompilerServices.InlineArrayAttribute");
        if (attribute?.ConstructorArguments.FirstOrDefault().Value is not int length)
        {
            return null;
        }

        var fields = type.GetMembers().OfType<IFieldSymbol>().Where(f => !f.IsStatic && !f.IsConst).ToList();
        return fields.Count == 1 ? (fields[0], length) : null;
    }

    /// <summary>
    /// Why a struct from a referenced assembly cannot be trusted to have the layout its fields suggest, or null. The
    /// compiler does not surface a metadata type's StructLayout (it is a flag of the type, not an attribute), so a
    /// LayoutKind.Auto struct such as ValueTuple looks sequential here; .NET really places ValueTuple&lt;byte, long&gt;'s
    /// Item1 at offset 8.
    /// </summary>
    private static string? UnverifiableMetadataLayout(INamedTypeSymbol type)
    {
        string ns = type.ContainingNamespace?.ToDisplayString() ?? "";
        if (type.IsTupleType
            || (ns == "System" && type.Name == "ValueTuple")
            || (ns == "System.Collections.Generic" && type.Name == "KeyValuePair"))
        {
            return $"'{type.ToDisplayString()}' has LayoutKind.Auto in .NET, so its fields are reordered (a ValueTuple<byte, long> has Item1 at offset 8); declare a sequential struct with the same fields";
        }

        if (!type.DeclaringSyntaxReferences.IsEmpty)
        {
            return null;
        }

        if (type.IsGenericType)
        {
            return $"'{type.ToDisplayString()}' is a generic struct from a referenced assembly, whose LayoutKind the compiler does not show (.NET lays out ValueTuple and KeyValuePair automatically), so its real layout cannot be checked; declare a sequential struct with the same fields";
        }

        return null;
    }

    private Wasm32Layout OfStruct(INamedTypeSymbol type)
    {
        if (UnverifiableMetadataLayout(type) is { } unverifiable)
        {
            return Wasm32Layout.Invalid(unverifiable);
        }

        var (kind, pack, declaredSize) = ReadStructLayout(type);
        if (kind == LayoutAuto)
        {
            return Wasm32Layout.Invalid("it uses LayoutKind.Auto, so .NET may reorder its fields; use LayoutKind.Sequential");
        }

        var fields = type.GetMembers().OfType<IFieldSymbol>().Where(f => !f.IsStatic && !f.IsConst).ToList();
        if (type.DeclaringSyntaxReferences.IsEmpty && (fields.Count == 0 || fields.Any(f => f.DeclaredAccessibility != Accessibility.Public)))
        {
            // Reference assemblies (the .NET ones among them) replace private struct fields with placeholders or drop
            // them, so the layout seen here may not be the real one: Guid would look 4 bytes long, DateTime empty.
            string what = IsBcl(type) ? "a .NET (BCL) struct" : "declared in a referenced assembly";
            return Wasm32Layout.Invalid(
                $"it is {what} whose fields are private, so its real layout cannot be verified; declare a struct with public fields that mirrors the C layout, or pass its parts as scalars");
        }

        if (InlineArrayOf(type) is { } inline)
        {
            return OfInlineArray(inline.Element, inline.Length, pack, declaredSize);
        }

        if (fields.Count == 0)
        {
            return Wasm32Layout.Invalid("it has no fields; C has no empty structs and .NET gives it a size of 1");
        }

        int cOffset = 0, cAlign = 1, netOffset = 0, netAlign = 1, netEnd = 0, scalars = 0;
        foreach (var field in fields)
        {
            string fieldName = FieldName(field);
            _unsizedBool = null;
            var (size, align, fieldNetAlign, count, error) = FieldLayout(field, fieldName);
            if (error is not null)
            {
                return Wasm32Layout.Invalid(error, _unsizedBool);
            }

            scalars += count;
            cOffset = AlignUp(cOffset, align);
            cAlign = System.Math.Max(cAlign, align);

            int netFieldOffset;
            int netFieldAlign = pack > 0 ? System.Math.Min(fieldNetAlign, pack) : fieldNetAlign;
            if (kind == LayoutExplicit)
            {
                var offsetAttribute = field.GetAttributes().FirstOrDefault(a =>
                    a.AttributeClass?.ToDisplayString() == "System.Runtime.InteropServices.FieldOffsetAttribute");
                netFieldOffset = offsetAttribute?.ConstructorArguments.FirstOrDefault().Value is int o ? o : 0;
            }
            else
            {
                netFieldOffset = AlignUp(netOffset, netFieldAlign);
            }

            netAlign = System.Math.Max(netAlign, netFieldAlign);
            if (netFieldOffset != cOffset)
            {
                string cause = kind == LayoutExplicit ? "its [FieldOffset]" : $"StructLayout Pack = {pack}";
                return Wasm32Layout.Invalid(
                    $"field '{fieldName}' is at offset {netFieldOffset} in .NET ({cause}) but at offset {cOffset} in the wasm32 C layout");
            }

            cOffset += size;
            netOffset = netFieldOffset + size;
            netEnd = System.Math.Max(netEnd, netOffset);
        }

        int cSize = AlignUp(cOffset, cAlign);
        int netSize = System.Math.Max(AlignUp(netEnd, netAlign), declaredSize);
        if (netSize != cSize)
        {
            string cause = declaredSize > 0 ? $"StructLayout Size = {declaredSize}" : $"StructLayout Pack = {pack}";
            return Wasm32Layout.Invalid($"its .NET size is {netSize} bytes ({cause}) but its wasm32 C size is {cSize} bytes");
        }

        return new Wasm32Layout(cSize, cAlign, scalars, null, netAlign);
    }

    /// <summary>An [InlineArray(n)] struct: n elements of its one field, back to back, aligned as one element.</summary>
    private Wasm32Layout OfInlineArray(IFieldSymbol element, int length, int pack, int declaredSize)
    {
        if (length <= 0)
        {
            return Wasm32Layout.Invalid($"its [InlineArray({length})] length is not positive");
        }

        if (element.IsFixedSizeBuffer)
        {
            return Wasm32Layout.Invalid($"its [InlineArray] element '{element.Name}' is a fixed buffer; use a nested [InlineArray] struct");
        }

        _unsizedBool = null;
        var (size, align, netAlign, count, error) = FieldLayout(element, FieldName(element));
        if (error is not null)
        {
            return Wasm32Layout.Invalid("[InlineArray] element " + error, _unsizedBool);
        }

        long total = (long)size * length;
        if (total > int.MaxValue / 2)
        {
            return Wasm32Layout.Invalid($"its [InlineArray({length})] of {size}-byte elements is {total} bytes, too large for wasm32");
        }

        int netFieldAlign = pack > 0 ? System.Math.Min(netAlign, pack) : netAlign;
        int netSize = System.Math.Max(AlignUp((int)total, netFieldAlign), declaredSize);
        if (netSize != (int)total)
        {
            return Wasm32Layout.Invalid($"its .NET size is {netSize} bytes (StructLayout Size = {declaredSize}) but its wasm32 C size is {total} bytes");
        }

        return new Wasm32Layout((int)total, align, count * length, null, netFieldAlign);
    }

    private (int Size, int Align, int NetAlign, int Scalars, string? Error) FieldLayout(IFieldSymbol field, string fieldName)
    {
        if (field.IsFixedSizeBuffer && field.Type is IPointerTypeSymbol buffer)
        {
            var element = ScalarLayout(buffer.PointedAtType);
            if (element is null)
            {
                return (0, 1, 1, 0, $"field '{fieldName}' is a fixed buffer of an unsupported element type");
            }

            return (element.Value.Size * field.FixedSize, element.Value.Align, element.Value.Align, field.FixedSize, null);
        }

        var type = field.Type;
        if (type.SpecialType == SpecialType.System_Boolean && !HasOneByteMarshalAs(field))
        {
            _unsizedBool = field;
            return (0, 1, 1, 0, MarshalAsValue(field) switch
            {
                null => $"field '{fieldName}' is a bool without an explicit size; C's bool is 1 byte, so mark it [MarshalAs(UnmanagedType.U1)]",
                UnmanagedTypeBool => $"field '{fieldName}' is marked [MarshalAs(UnmanagedType.Bool)], which is the 4-byte Win32 BOOL, but C's bool is 1 byte; use [MarshalAs(UnmanagedType.U1)]",
                _ => $"field '{fieldName}' has a [MarshalAs] that is not 1 byte, but C's bool is 1 byte; use [MarshalAs(UnmanagedType.U1)]",
            });
        }

        if (Unsupported(type) is { } why)
        {
            return (0, 1, 1, 0, $"field '{fieldName}': {why}");
        }

        var layout = Of(type);
        if (layout.Error is not null)
        {
            _unsizedBool = layout.UnsizedBool;
            return (0, 1, 1, 0, $"field '{fieldName}' ({type.ToDisplayString()}): {layout.Error}");
        }

        return (layout.Size, layout.Align, layout.NetAlign, layout.ScalarCount, null);
    }

    private static bool HasOneByteMarshalAs(IFieldSymbol field) =>
        MarshalAsValue(field) is UnmanagedTypeU1 or UnmanagedTypeI1;

    /// <summary>The UnmanagedType of the field's [MarshalAs], or null when it has none.</summary>
    private static int? MarshalAsValue(IFieldSymbol field) =>
        field.GetAttributes()
            .Where(a => a.AttributeClass?.ToDisplayString() == "System.Runtime.InteropServices.MarshalAsAttribute"
                && a.ConstructorArguments.Length == 1
                && a.ConstructorArguments[0].Value is int or short)
            .Select(a => (int?)System.Convert.ToInt32(a.ConstructorArguments[0].Value))
            .FirstOrDefault();

    private static bool IsBcl(INamedTypeSymbol type) =>
        type.ContainingNamespace?.ToDisplayString() is { } ns && (ns == "System" || ns.StartsWith("System.", System.StringComparison.Ordinal));

    private static (int Kind, int Pack, int Size) ReadStructLayout(INamedTypeSymbol type)
    {
        var attribute = type.GetAttributes().FirstOrDefault(a =>
            a.AttributeClass?.ToDisplayString() == "System.Runtime.InteropServices.StructLayoutAttribute");
        if (attribute is null)
        {
            return (LayoutSequential, 0, 0);
        }

        int kind = attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is { } k
            ? System.Convert.ToInt32(k)
            : LayoutSequential;
        int pack = 0, size = 0;
        foreach (var named in attribute.NamedArguments)
        {
            if (named.Key == "Pack" && named.Value.Value is int p)
            {
                pack = p;
            }
            else if (named.Key == "Size" && named.Value.Value is int s)
            {
                size = s;
            }
        }

        return (kind, pack, size);
    }

    private static string FieldName(IFieldSymbol field) =>
        field.AssociatedSymbol is IPropertySymbol property ? property.Name : field.Name;

    private static int AlignUp(int value, int align) => (value + align - 1) / align * align;
}
