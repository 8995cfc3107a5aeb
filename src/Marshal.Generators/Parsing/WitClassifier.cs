using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using WasmMarshal.Generators.Model;

namespace WasmMarshal.Generators.Parsing;

/// <summary>
/// Maps a C# type to its WIT type for a canonical-ABI interface (docs/component-model.md, the mapping table), or says why
/// it has none. Knows nothing of core values: sizes and flattenings are the ABI's (Abi/Canonical/WitLayout).
/// </summary>
internal sealed class WitClassifier
{
    private const string ResultType = "WasmMarshal.Canonical.WitResult<TOk, TError>";
    private const string UnitType = "WasmMarshal.Canonical.WitUnit";
    private static readonly SymbolDisplayFormat TypeFormat = CSharpDeclarations.TypeFormat;

    private readonly HashSet<ITypeSymbol> _visiting = new(SymbolEqualityComparer.Default);

    /// <summary>The named types (records, enums, flags, variants) met so far, dependencies first, for WIT out.</summary>
    public List<WitType> NamedTypes { get; } = new();

    /// <summary>
    /// Classifies <paramref name="type"/>. Top-level parameters (<paramref name="isParameter"/>) may also be
    /// <c>ReadOnlySpan&lt;T&gt;</c> or <c>IReadOnlyList&lt;T&gt;</c>.
    /// </summary>
    public WitType? Classify(ITypeSymbol type, bool isParameter, out string? error)
    {
        error = null;
        if (type.NullableAnnotation == NullableAnnotation.Annotated && type.IsReferenceType)
        {
            var inner = Classify(type.WithNullableAnnotation(NullableAnnotation.NotAnnotated), false, out error);
            return inner is null ? null : Option(inner, type.ToDisplayString(TypeFormat), out error);
        }

        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            var inner = Classify(nullable.TypeArguments[0], false, out error);
            return inner is null ? null : Option(inner, type.ToDisplayString(TypeFormat), out error);
        }

        string display = type.ToDisplayString(TypeFormat);
        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean: return WitType.Primitive(WitKind.Bool, display);
            case SpecialType.System_SByte: return WitType.Primitive(WitKind.S8, display);
            case SpecialType.System_Byte: return WitType.Primitive(WitKind.U8, display);
            case SpecialType.System_Int16: return WitType.Primitive(WitKind.S16, display);
            case SpecialType.System_UInt16: return WitType.Primitive(WitKind.U16, display);
            case SpecialType.System_Int32: return WitType.Primitive(WitKind.S32, display);
            case SpecialType.System_UInt32: return WitType.Primitive(WitKind.U32, display);
            case SpecialType.System_Int64: return WitType.Primitive(WitKind.S64, display);
            case SpecialType.System_UInt64: return WitType.Primitive(WitKind.U64, display);
            case SpecialType.System_Single: return WitType.Primitive(WitKind.F32, display);
            case SpecialType.System_Double: return WitType.Primitive(WitKind.F64, display);
            case SpecialType.System_String: return WitType.Primitive(WitKind.String, display);
            case SpecialType.System_Char:
                error = "a C# char is a UTF-16 code unit, not a Unicode scalar value; WIT char is System.Text.Rune";
                return null;
        }

        if (type is IArrayTypeSymbol array)
        {
            if (!array.IsSZArray)
            {
                error = "only single-dimensional arrays are WIT lists";
                return null;
            }

            return List(array.ElementType, display, ListForm.Array, out error);
        }

        if (type is not INamedTypeSymbol named)
        {
            error = "it has no WIT counterpart";
            return null;
        }

        string full = named.OriginalDefinition.ToDisplayString();
        if (full == "System.Text.Rune")
        {
            return WitType.Primitive(WitKind.Char, display);
        }

        if (full is "System.ReadOnlySpan<T>" or "System.Collections.Generic.IReadOnlyList<T>")
        {
            if (!isParameter)
            {
                error = full == "System.ReadOnlySpan<T>"
                    ? "a span cannot outlive the call; return T[] instead"
                    : "a list result is lifted into a new array; return T[] instead";
                return null;
            }

            return List(named.TypeArguments[0], display, full == "System.ReadOnlySpan<T>" ? ListForm.ReadOnlySpan : ListForm.ReadOnlyList, out error);
        }

        if (full == "System.Span<T>")
        {
            error = "a Span<T> would be copied back after the call, and a canonical call never writes its arguments back; pass a ReadOnlySpan<T> and return the new contents";
            return null;
        }

        if (full == UnitType)
        {
            error = "WitUnit is only the absent payload of a WitResult case";
            return null;
        }

        if (named.IsTupleType)
        {
            var fields = new List<WitField>();
            int index = 0;
            foreach (var element in named.TupleElements)
            {
                var t = Classify(element.Type, false, out error);
                if (t is null)
                {
                    return null;
                }

                fields.Add(new WitField("Item" + ++index, "", t));
            }

            return new WitType(WitKind.Tuple, display, "", new EquatableArray<WitField>(fields), default, null, ListForm.Array);
        }

        if (full == ResultType)
        {
            var cases = new List<WitCase>();
            string[] names = { "Ok", "Error" };
            for (int i = 0; i < 2; i++)
            {
                var payloadType = named.TypeArguments[i];
                var payload = new List<WitField>();
                if (payloadType.OriginalDefinition.ToDisplayString() != UnitType)
                {
                    var t = Classify(payloadType, false, out error);
                    if (t is null)
                    {
                        return null;
                    }

                    payload.Add(new WitField("Value", "", t));
                }

                cases.Add(new WitCase(names[i], i == 0 ? "ok" : "err", display + "." + names[i], new EquatableArray<WitField>(payload), 0));
            }

            return new WitType(WitKind.Result, display, "", default, new EquatableArray<WitCase>(cases), null, ListForm.Array);
        }

        if (!_visiting.Add(named))
        {
            error = $"'{named.Name}' contains itself, and WIT types cannot be recursive";
            return null;
        }

        try
        {
            return Named(named, display, out error);
        }
        finally
        {
            _visiting.Remove(named);
        }
    }

    private WitType? Named(INamedTypeSymbol named, string display, out string? error)
    {
        error = null;
        WitType? result;
        if (named.TypeKind == TypeKind.Enum)
        {
            result = Enum(named, display, out error);
        }
        else if (named.IsRecord && named.IsAbstract && !named.IsValueType)
        {
            result = Variant(named, display, out error);
        }
        else if (named.IsRecord)
        {
            var fields = Positional(named, out error);
            if (fields is null)
            {
                return null;
            }

            if (fields.Count == 0)
            {
                error = $"the record '{named.Name}' has no fields, and a WIT record needs at least one";
                return null;
            }

            result = new WitType(WitKind.Record, display, WitName(named.Name), new EquatableArray<WitField>(fields), default, null, ListForm.Array);
        }
        else
        {
            error = named.TypeKind is TypeKind.Class or TypeKind.Interface
                ? "it is a class or interface, which would be a WIT resource (own/borrow); resources are not supported: declare a record or record struct for data"
                : "it has no WIT counterpart; declare a record struct for a WIT record";
            return null;
        }

        if (result is not null && !NamedTypes.Contains(result))
        {
            NamedTypes.Add(result);
        }

        return result;
    }

    private WitType? Enum(INamedTypeSymbol named, string display, out string? error)
    {
        error = null;
        bool isFlags = named.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.FlagsAttribute");
        var members = named.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue).ToList();
        var cases = new List<WitCase>();
        foreach (var member in members)
        {
            ulong value = System.Convert.ToUInt64(member.ConstantValue is sbyte or short or int or long
                ? (ulong)System.Convert.ToInt64(member.ConstantValue)
                : member.ConstantValue);
            string csharp = display + "." + member.Name;
            if (isFlags)
            {
                if (value == 0)
                {
                    continue;
                }

                ulong expected = 1ul << cases.Count;
                if (value != expected)
                {
                    error = $"the [Flags] enum '{named.Name}' is a WIT flags type, whose label i is bit i: '{member.Name}' should be {expected} (0x{expected:X}), not {value}";
                    return null;
                }
            }
            else if (value != (ulong)cases.Count)
            {
                error = $"the enum '{named.Name}' is a WIT enum, whose cases are numbered 0, 1, 2... in order: '{member.Name}' should be {cases.Count}, not {value}";
                return null;
            }

            cases.Add(new WitCase(member.Name, WitName(member.Name), csharp, default, value));
        }

        if (isFlags && cases.Count > 32)
        {
            error = $"the [Flags] enum '{named.Name}' has {cases.Count} flags; the canonical ABI takes at most 32";
            return null;
        }

        if (cases.Count == 0)
        {
            error = $"the enum '{named.Name}' has no {(isFlags ? "flags" : "cases")}";
            return null;
        }

        return new WitType(isFlags ? WitKind.Flags : WitKind.Enum, display, WitName(named.Name), default, new EquatableArray<WitCase>(cases), null, ListForm.Array);
    }

    private WitType? Variant(INamedTypeSymbol named, string display, out string? error)
    {
        error = null;
        if (named.InstanceConstructors.Any(c => c.DeclaredAccessibility != Accessibility.Private && !IsCopyConstructor(c, named)))
        {
            error = $"the variant '{named.Name}' is not closed: give the abstract record a private constructor, so that its nested sealed records are all its cases";
            return null;
        }

        var cases = new List<WitCase>();
        foreach (var nested in named.GetTypeMembers())
        {
            if (!SymbolEqualityComparer.Default.Equals(nested.BaseType, named))
            {
                continue;
            }

            if (!nested.IsRecord || !nested.IsSealed)
            {
                error = $"the case '{nested.Name}' of the variant '{named.Name}' must be a sealed record";
                return null;
            }

            var payload = Positional(nested, out error);
            if (payload is null)
            {
                return null;
            }

            cases.Add(new WitCase(nested.Name, WitName(nested.Name), nested.ToDisplayString(TypeFormat), new EquatableArray<WitField>(payload), 0));
        }

        if (cases.Count == 0)
        {
            error = $"the variant '{named.Name}' has no cases: nest a sealed record deriving from it for each";
            return null;
        }

        return new WitType(WitKind.Variant, display, WitName(named.Name), default, new EquatableArray<WitCase>(cases), null, ListForm.Array);
    }

    /// <summary>A record's positional parameters, each read back through the property of the same name.</summary>
    private List<WitField>? Positional(INamedTypeSymbol record, out string? error)
    {
        error = null;
        var constructor = record.InstanceConstructors
            .Where(c => c.DeclaredAccessibility == Accessibility.Public && !IsCopyConstructor(c, record))
            .OrderByDescending(c => c.Parameters.Length)
            .FirstOrDefault();
        if (constructor is null)
        {
            error = $"'{record.Name}' has no public positional constructor";
            return null;
        }

        var fields = new List<WitField>();
        foreach (var parameter in constructor.Parameters)
        {
            var property = record.GetMembers(parameter.Name).OfType<IPropertySymbol>().FirstOrDefault();
            if (property is null)
            {
                error = $"the parameter '{parameter.Name}' of '{record.Name}' has no property of the same name to read it back";
                return null;
            }

            var t = Classify(parameter.Type, false, out error);
            if (t is null)
            {
                error = $"'{record.Name}.{property.Name}': {error}";
                return null;
            }

            fields.Add(new WitField(property.Name, WitName(property.Name), t));
        }

        return fields;
    }

    private static bool IsCopyConstructor(IMethodSymbol constructor, INamedTypeSymbol type) =>
        constructor.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(constructor.Parameters[0].Type, type);

    private WitType? List(ITypeSymbol element, string display, ListForm form, out string? error)
    {
        var t = Classify(element, false, out error);
        if (t is null)
        {
            error = "its elements: " + error;
            return null;
        }

        return new WitType(WitKind.List, display, "", default, default, t, form);
    }

    private static WitType? Option(WitType inner, string display, out string? error)
    {
        error = null;
        return new WitType(WitKind.Option, display, "", default, default, inner, ListForm.Array);
    }

    /// <summary>The kebab-case WIT name of a C# name: <c>CountBytes</c> is <c>count-bytes</c>.</summary>
    public static string WitName(string name) => WasmNames.ToSnakeCase(name).Replace('_', '-');
}
