using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using WasmMarshal.Generators.Model;

namespace WasmMarshal.Generators.Parsing;

/// <summary>
/// The only C# text the parser produces: what the stub needs to re-declare a member it implements. Kept apart from the
/// model of how values cross, which holds no C# beyond type names.
/// </summary>
internal static class CSharpDeclarations
{
    public static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>The explicit-implementation header of <paramref name="method"/>, its parameters left for the emitter to name.</summary>
    public static MethodDeclaration Method(IMethodSymbol method, string qualifiedInterface)
    {
        var attributes = string.Concat(NullabilityAttributes(method.GetReturnTypeAttributes()).Select(a => "[return: " + a + "]\n"));
        string refKind = method.ReturnsByRefReadonly ? "ref readonly " : method.ReturnsByRef ? "ref " : "";
        string head = refKind + method.ReturnType.ToDisplayString(TypeFormat) + " " + qualifiedInterface + "." + Escape(method.Name);
        if (method.TypeParameters.Length > 0)
        {
            head += "<" + string.Join(", ", method.TypeParameters.Select(t => Escape(t.Name))) + ">";
        }

        var parameters = method.Parameters.Select(p =>
            string.Concat(NullabilityAttributes(p.GetAttributes()).Select(a => "[" + a + "] "))
            + ModifierOf(p) + (p.IsParams ? "params " : "") + p.Type.ToDisplayString(TypeFormat));
        bool isUnsafe = IsUnsafe(method.ReturnType) || method.Parameters.Any(p => IsUnsafe(p.Type));
        return new MethodDeclaration(attributes, head, new EquatableArray<string>(parameters), isUnsafe);
    }

    public static string Property(IPropertySymbol property, string qualifiedInterface, string display)
    {
        string name = property.IsIndexer
            ? "this[" + string.Join(", ", property.Parameters.Select(p => p.Type.ToDisplayString(TypeFormat) + " " + Escape(p.Name))) + "]"
            : Escape(property.Name);
        string thrower = Thrower(display, "properties are not supported (WASM007)");
        string accessors = (property.GetMethod is not null ? $"get => {thrower}; " : "")
            + (property.SetMethod is not null ? (property.SetMethod.IsInitOnly ? "init" : "set") + $" => {thrower}; " : "");
        return $"{property.Type.ToDisplayString(TypeFormat)} {qualifiedInterface}.{name} {{ {accessors}}}";
    }

    public static string Event(IEventSymbol @event, string qualifiedInterface, string display)
    {
        string thrower = Thrower(display, "events are not supported (WASM007)");
        return $"event {@event.Type.ToDisplayString(TypeFormat)} {qualifiedInterface}.{Escape(@event.Name)} {{ add => {thrower}; remove => {thrower}; }}";
    }

    public static string ModifierOf(IParameterSymbol parameter) => parameter.RefKind switch
    {
        RefKind.In => "in ",
        RefKind.Ref => "ref ",
        RefKind.Out => "out ",
        _ when (int)parameter.RefKind == 4 => "ref readonly ",
        _ => "",
    };

    public static string Escape(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    /// <summary>Pointer types can only be declared in an unsafe context.</summary>
    private static bool IsUnsafe(ITypeSymbol type) => type switch
    {
        IPointerTypeSymbol or IFunctionPointerTypeSymbol => true,
        IArrayTypeSymbol array => IsUnsafe(array.ElementType),
        INamedTypeSymbol named => named.TypeArguments.Any(IsUnsafe),
        _ => false,
    };

    private static string Thrower(string display, string reason) =>
        "throw global::WasmMarshal.Binding.WasmBindings.NotBound(" + SymbolDisplay.FormatLiteral(display, quote: true) + ", "
        + SymbolDisplay.FormatLiteral(reason, quote: true) + ")";

    private static IEnumerable<string> NullabilityAttributes(ImmutableArray<AttributeData> attributes) =>
        attributes
            .Where(a => a.AttributeClass?.ContainingNamespace?.ToDisplayString() == "System.Diagnostics.CodeAnalysis")
            .Select(a => "global::" + a.AttributeClass!.ToDisplayString()
                + (a.ConstructorArguments.Length == 0 ? "" : "(" + string.Join(", ", a.ConstructorArguments.Select(c => c.ToCSharpString())) + ")"));
}
