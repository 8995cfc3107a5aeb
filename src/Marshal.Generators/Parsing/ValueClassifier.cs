using System.Linq;
using Microsoft.CodeAnalysis;
using WasmMarshal.Generators.Model;

namespace WasmMarshal.Generators.Parsing;

/// <summary>
/// Classifies a C# type into the shape it crosses as (scalar, string, struct behind a pointer, span, array), with the
/// wasm32 layout of what it points to, or says why it cannot cross. Knows nothing of core values: that is the ABI's.
/// </summary>
internal sealed class ValueClassifier
{
    private static readonly SymbolDisplayFormat TypeFormat = CSharpDeclarations.TypeFormat;

    /// <summary>The layouts computed so far, shared with the parser's shape checks.</summary>
    public Wasm32LayoutCalculator Layouts { get; } = new();

    public ValueModel? Classify(ITypeSymbol type, string name, PassingMode passing, AttributeData? stringAttribute,
        bool isReturn, out string? error, out bool isLayoutError)
    {
        error = null;
        isLayoutError = false;
        string display = type.ToDisplayString(TypeFormat);
        bool nullable = type.NullableAnnotation != NullableAnnotation.NotAnnotated;

        if (passing == PassingMode.Value && CallbackParser.IsHandle(type))
        {
            return CallbackParser.Handle(type, name);
        }

        if (Scalars.Of(type) is { } scalar)
        {
            string? enumDisplay = type.TypeKind == TypeKind.Enum ? display : null;
            if (passing == PassingMode.Value)
            {
                return new ValueModel(name, display, ValueShape.Scalar, passing, scalar, enumDisplay, StringEncoding.Utf8, false, display, 0, 0);
            }

            var info = scalar.Info();
            return new ValueModel(name, display, ValueShape.Pointer, passing, scalar, enumDisplay, StringEncoding.Utf8, false, display, info.Size, info.Align);
        }

        if (type.SpecialType == SpecialType.System_String)
        {
            var encoding = stringAttribute?.ConstructorArguments.FirstOrDefault().Value is int e ? (StringEncoding)e : StringEncoding.Utf8;
            return new ValueModel(name, display, ValueShape.String, passing, ScalarKind.I32, null, encoding, nullable, "", 1, 1);
        }

        if (type is IArrayTypeSymbol array)
        {
            if (!array.IsSZArray)
            {
                error = "only single-dimensional, zero-based arrays can cross";
                return null;
            }

            return Sequence(array.ElementType, name, display, ValueShape.Array, passing, nullable, out error, out isLayoutError);
        }

        if (type is INamedTypeSymbol { IsGenericType: true } generic
            && generic.ContainingNamespace?.ToDisplayString() == "System"
            && generic.Name is "Span" or "ReadOnlySpan")
        {
            if (isReturn)
            {
                error = "a span cannot outlive the call that filled it; return T[] instead";
                return null;
            }

            var shape = generic.Name == "Span" ? ValueShape.Span : ValueShape.ReadOnlySpan;
            return Sequence(generic.TypeArguments[0], name, display, shape, passing, false, out error, out isLayoutError);
        }

        if (Wasm32LayoutCalculator.Unsupported(type) is { } why)
        {
            error = why;
            return null;
        }

        if (type.TypeKind == TypeKind.Struct)
        {
            var layout = Layouts.Of(type);
            if (layout.Error is not null)
            {
                error = layout.Error;
                isLayoutError = true;
                return null;
            }

            return new ValueModel(name, display, ValueShape.Pointer, passing, ScalarKind.I32, null, StringEncoding.Utf8, false,
                display, layout.Size, layout.Align);
        }

        error = "only numbers, bool, char, enums, strings, unmanaged structs, and spans or arrays of those can cross";
        return null;
    }

    private ValueModel? Sequence(ITypeSymbol element, string name, string display, ValueShape shape, PassingMode passing,
        bool nullable, out string? error, out bool isLayoutError)
    {
        error = null;
        isLayoutError = false;
        if (Wasm32LayoutCalculator.Unsupported(element) is { } why)
        {
            error = "its elements cannot cross: " + why;
            return null;
        }

        var layout = Layouts.Of(element);
        if (layout.Error is not null)
        {
            error = element.TypeKind == TypeKind.Struct ? layout.Error : "its elements cannot cross: " + layout.Error;
            isLayoutError = element.TypeKind == TypeKind.Struct;
            return null;
        }

        return new ValueModel(name, display, shape, passing, ScalarKind.I32, null, StringEncoding.Utf8, nullable,
            element.ToDisplayString(TypeFormat), layout.Size, layout.Align);
    }
}
