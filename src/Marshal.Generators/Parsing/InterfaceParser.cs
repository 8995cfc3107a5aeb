using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using WasmMarshal.Generators.Diagnostics;
using WasmMarshal.Generators.Model;

namespace WasmMarshal.Generators.Parsing;

/// <summary>
/// Turns an interface symbol into an <see cref="InterfaceModel"/> and the diagnostics that explain what cannot be
/// marshalled. Shared by the generator (which keeps the model) and the analyzer (which reports the diagnostics).
/// </summary>
internal sealed class InterfaceParser
{
    public const string ImportAttribute = "WasmMarshal.WasmImportAttribute";
    public const string ExportAttribute = "WasmMarshal.WasmExportAttribute";
    private const string NameAttribute = "WasmMarshal.WasmNameAttribute";
    private const string StringAttribute = "WasmMarshal.WasmStringAttribute";

    /// <summary>Wasmtime .NET's typed <c>GetFunction</c> takes at most 16 arguments.</summary>
    private const int MaxImportParameters = 16;

    /// <summary>Wasmtime .NET's typed <c>Linker.DefineFunction</c> takes at most 12 arguments.</summary>
    private const int MaxExportParameters = 12;

    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private readonly Wasm32LayoutCalculator _layouts = new();
    private readonly BindingCatalog _catalog = new();
    private readonly List<Diagnostic> _diagnostics = new();
    private readonly INamedTypeSymbol _interface;
    private readonly InterfaceDirection _direction;
    private readonly string _shortName;
    private readonly string _qualifiedName;

    private InterfaceParser(INamedTypeSymbol symbol, InterfaceDirection direction)
    {
        _interface = symbol;
        _direction = direction;
        _shortName = symbol.Name;
        _qualifiedName = symbol.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
    }

    public readonly record struct Result(InterfaceModel? Model, ImmutableArray<Diagnostic> Diagnostics);

    public static Result Parse(INamedTypeSymbol symbol, InterfaceDirection direction, CancellationToken cancellationToken)
    {
        var parser = new InterfaceParser(symbol, direction);
        var model = parser.ParseInterface(cancellationToken);
        return new Result(model, parser._diagnostics.ToImmutableArray());
    }

    private InterfaceModel? ParseInterface(CancellationToken cancellationToken)
    {
        var location = _interface.Locations.FirstOrDefault();
        bool hasImport = HasAttribute(_interface, ImportAttribute);
        bool hasExport = HasAttribute(_interface, ExportAttribute);
        if (hasImport && hasExport)
        {
            Report(DiagnosticDescriptors.BothDirections, location, _interface.Name);
            return null;
        }

        if (!IsPartial(_interface))
        {
            Report(DiagnosticDescriptors.InterfaceNotPartial, location, _interface.Name);
            return null;
        }

        if (ShapeProblem() is { } problem)
        {
            Report(DiagnosticDescriptors.UnsupportedInterfaceShape, location, _interface.Name, problem);
            return null;
        }

        string module = "env";
        if (_direction == InterfaceDirection.Export)
        {
            var attribute = _interface.GetAttributes().First(a => a.AttributeClass?.ToDisplayString() == ExportAttribute);
            if (attribute.ConstructorArguments.FirstOrDefault().Value is string m)
            {
                module = m;
            }
        }

        var methods = new List<MethodModel>();
        var otherMembers = new List<string>();
        var byWasmName = new Dictionary<string, IMethodSymbol>();
        foreach (var member in _interface.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var method = ParseMember(member, otherMembers);
            if (method is null)
            {
                continue;
            }

            var symbol = (IMethodSymbol)member;
            if (byWasmName.TryGetValue(method.WasmName, out var first))
            {
                Report(DiagnosticDescriptors.DuplicateWasmName, symbol.Locations.FirstOrDefault(),
                    _shortName + "." + first.Name, _shortName + "." + symbol.Name, method.WasmName);
                method = method with { UnsupportedReason = $"the wasm name '{method.WasmName}' is used twice (WASM006)" };
            }
            else
            {
                byWasmName[method.WasmName] = symbol;
            }

            methods.Add(method);
        }

        string? ns = _interface.ContainingNamespace.IsGlobalNamespace ? null : _interface.ContainingNamespace.ToDisplayString();
        var containing = new List<ContainingTypeModel>();
        for (var type = _interface.ContainingType; type is not null; type = type.ContainingType)
        {
            containing.Insert(0, new ContainingTypeModel(Keyword(type), type.Name));
        }

        string fullName = _interface.ToDisplayString();
        return new InterfaceModel(
            ns,
            _interface.Name,
            fullName,
            _qualifiedName,
            new EquatableArray<ContainingTypeModel>(containing),
            _direction,
            module,
            new EquatableArray<MethodModel>(methods),
            new EquatableArray<string>(otherMembers),
            IsVisibleModuleWide(_interface),
            fullName.Replace("@", "").Replace('<', '[').Replace('>', ']'),
            _catalog.Structs,
            _catalog.Enums);
    }

    private string? ShapeProblem()
    {
        if (_interface.IsGenericType)
        {
            return "it is generic; a wasm function has one fixed signature";
        }

        for (var type = _interface.ContainingType; type is not null; type = type.ContainingType)
        {
            if (type.IsGenericType)
            {
                return $"it is nested in the generic type '{type.Name}'";
            }

            if (!IsPartial(type))
            {
                return $"it is nested in '{type.Name}', which must also be partial";
            }
        }

        foreach (var inherited in _interface.AllInterfaces)
        {
            if (inherited.GetMembers().Any(m => m.IsAbstract))
            {
                return $"it inherits members from '{inherited.ToDisplayString()}'; declare every method on the interface itself";
            }
        }

        return null;
    }

    private MethodModel? ParseMember(ISymbol member, List<string> otherMembers)
    {
        string display = _shortName + "." + member.Name;
        var location = member.Locations.FirstOrDefault();
        switch (member)
        {
            case IMethodSymbol { MethodKind: MethodKind.Ordinary } method when method.IsAbstract:
                if (method.IsStatic)
                {
                    Report(DiagnosticDescriptors.UnsupportedMember, location, display, "static abstract members have no wasm counterpart");
                    return null;
                }

                if (method.IsGenericMethod)
                {
                    Report(DiagnosticDescriptors.UnsupportedMember, location, display,
                        "it is generic; a wasm function has one fixed signature");
                    return new MethodModel(method.Name, WasmNames.ToSnakeCase(method.Name), Declaration(method),
                        new EquatableArray<ValueModel>(ImmutableArray<ValueModel>.Empty), ValueModel.Void, "it is generic (WASM007)");
                }

                return ParseMethod(method, display);
            case IPropertySymbol { IsAbstract: true, IsStatic: false } property:
                Report(DiagnosticDescriptors.UnsupportedMember, location, display,
                    "properties are not supported; declare a method such as Get" + member.Name + "()");
                otherMembers.Add(PropertyStub(property, display));
                return null;
            case IEventSymbol { IsAbstract: true, IsStatic: false } @event:
                Report(DiagnosticDescriptors.UnsupportedMember, location, display,
                    "events are not supported; declare a [WasmExport] interface for callbacks instead");
                otherMembers.Add(EventStub(@event, display));
                return null;
            case IPropertySymbol { IsAbstract: true } or IEventSymbol { IsAbstract: true }:
                Report(DiagnosticDescriptors.UnsupportedMember, location, display, "static abstract members have no wasm counterpart");
                return null;
            default:
                return null;
        }
    }

    /// <summary>The explicit-implementation header of <paramref name="method"/>, with its nullability attributes.</summary>
    private string Declaration(IMethodSymbol method)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var attribute in NullabilityAttributes(method.GetReturnTypeAttributes()))
        {
            builder.Append("[return: ").Append(attribute).Append("]\n");
        }

        string refKind = method.ReturnsByRefReadonly ? "ref readonly " : method.ReturnsByRef ? "ref " : "";
        builder.Append(refKind).Append(method.ReturnType.ToDisplayString(TypeFormat)).Append(' ')
            .Append(_qualifiedName).Append('.').Append(Escape(method.Name));
        if (method.TypeParameters.Length > 0)
        {
            builder.Append('<').Append(string.Join(", ", method.TypeParameters.Select(t => Escape(t.Name)))).Append('>');
        }

        builder.Append('(');
        builder.Append(string.Join(", ", method.Parameters.Select(p =>
            string.Concat(NullabilityAttributes(p.GetAttributes()).Select(a => "[" + a + "] "))
            + ModifierOf(p) + (p.IsParams ? "params " : "") + p.Type.ToDisplayString(TypeFormat) + " " + Escape(p.Name))));
        builder.Append(')');
        return builder.ToString();
    }

    private string PropertyStub(IPropertySymbol property, string display)
    {
        string name = property.IsIndexer
            ? "this[" + string.Join(", ", property.Parameters.Select(p => p.Type.ToDisplayString(TypeFormat) + " " + Escape(p.Name))) + "]"
            : Escape(property.Name);
        string thrower = Thrower(display, "properties are not supported (WASM007)");
        string accessors = (property.GetMethod is not null ? $"get => {thrower}; " : "")
            + (property.SetMethod is not null ? (property.SetMethod.IsInitOnly ? "init" : "set") + $" => {thrower}; " : "");
        return $"{property.Type.ToDisplayString(TypeFormat)} {_qualifiedName}.{name} {{ {accessors}}}";
    }

    private string EventStub(IEventSymbol @event, string display)
    {
        string thrower = Thrower(display, "events are not supported (WASM007)");
        return $"event {@event.Type.ToDisplayString(TypeFormat)} {_qualifiedName}.{Escape(@event.Name)} {{ add => {thrower}; remove => {thrower}; }}";
    }

    private static string Thrower(string display, string reason) =>
        "throw new global::System.NotSupportedException(" + SymbolDisplay.FormatLiteral(
            display + " cannot be bound to wasm: " + reason + ". See the WASM diagnostics of this build.", quote: true) + ")";

    private static IEnumerable<string> NullabilityAttributes(ImmutableArray<AttributeData> attributes) =>
        attributes
            .Where(a => a.AttributeClass?.ContainingNamespace?.ToDisplayString() == "System.Diagnostics.CodeAnalysis")
            .Select(a => "global::" + a.AttributeClass!.ToDisplayString()
                + (a.ConstructorArguments.Length == 0 ? "" : "(" + string.Join(", ", a.ConstructorArguments.Select(c => c.ToCSharpString())) + ")"));

    private static string ModifierOf(IParameterSymbol parameter) => parameter.RefKind switch
    {
        RefKind.In => "in ",
        RefKind.Ref => "ref ",
        RefKind.Out => "out ",
        _ when (int)parameter.RefKind == 4 => "ref readonly ",
        _ => "",
    };

    private static string Escape(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    private static bool IsVisibleModuleWide(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? t = type; t is not null; t = t.ContainingType)
        {
            if (t.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal))
            {
                return false;
            }
        }

        return true;
    }

    private MethodModel ParseMethod(IMethodSymbol method, string display)
    {
        var location = method.Locations.FirstOrDefault();
        string? unsupported = null;

        string wasmName = WasmNames.ToSnakeCase(method.Name);
        var nameAttribute = method.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == NameAttribute);
        if (nameAttribute?.ConstructorArguments.FirstOrDefault().Value is string explicitName)
        {
            wasmName = explicitName;
            if (string.IsNullOrWhiteSpace(explicitName))
            {
                Report(DiagnosticDescriptors.InvalidWasmName, location, display, explicitName, "it is empty");
                unsupported = "its wasm name is empty (WASM012)";
            }
        }

        if (_direction == InterfaceDirection.Import && Emit.Bindings.GuestReservedExports.Collision(wasmName) is { } collision)
        {
            Report(DiagnosticDescriptors.ReservedExportName, location, display, wasmName, collision);
            unsupported ??= $"its wasm name '{wasmName}' collides with {collision} (WASM014)";
        }

        var parameters = new List<ValueModel>();
        foreach (var parameter in method.Parameters)
        {
            var value = ParseParameter(parameter, display);
            if (value is null)
            {
                unsupported ??= $"parameter '{parameter.Name}' cannot be marshalled";
                value = Unsupported(parameter.Name, parameter.Type, ModifierOf(parameter), isReturn: false);
            }

            parameters.Add(value);
        }

        var returnValue = ParseReturn(method, display);
        if (returnValue is null)
        {
            unsupported ??= "its return type cannot be marshalled";
            returnValue = Unsupported("return", method.ReturnType, "", isReturn: true);
        }

        var model = new MethodModel(method.Name, wasmName, Declaration(method), new EquatableArray<ValueModel>(parameters), returnValue, unsupported);
        if (unsupported is null)
        {
            int coreCount = CoreSignature.Of(model).Parameters.Count;
            int max = _direction == InterfaceDirection.Import ? MaxImportParameters : MaxExportParameters;
            if (coreCount > max)
            {
                string api = _direction == InterfaceDirection.Import ? "Instance.GetFunction" : "Linker.DefineFunction";
                Report(DiagnosticDescriptors.TooManyCoreParameters, location, display, coreCount, api, max);
                model = model with { UnsupportedReason = "it has too many core parameters (WASM005)" };
            }
        }

        return model;
    }

    private static ValueModel Unsupported(string name, ITypeSymbol type, string modifier, bool isReturn) =>
        new(name, type.ToDisplayString(TypeFormat), ValueShape.Unsupported, PassingMode.Value, modifier, ScalarKind.I32, null,
            StringEncoding.Utf8, true, "", 0, 0, isReturn);

    private ValueModel? ParseParameter(IParameterSymbol parameter, string display)
    {
        var location = parameter.Locations.FirstOrDefault();
        var type = parameter.Type;
        var passing = parameter.RefKind switch
        {
            RefKind.In => PassingMode.In,
            RefKind.Ref => PassingMode.Ref,
            RefKind.Out => PassingMode.Out,
            _ when (int)parameter.RefKind == 4 => PassingMode.In, // ref readonly (C# 12)
            _ => PassingMode.Value,
        };
        var stringAttribute = parameter.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == StringAttribute);
        if (stringAttribute is not null && type.SpecialType != SpecialType.System_String)
        {
            Report(DiagnosticDescriptors.StringAttributeOnNonString, location, parameter.Name, display, type.ToDisplayString());
            return null;
        }

        if (parameter.IsParams)
        {
            Report(DiagnosticDescriptors.UnsupportedParameterType, location, parameter.Name, display, type.ToDisplayString(),
                "'params' arrays are not supported; pass a ReadOnlySpan<T>");
            return null;
        }

        string modifier = ModifierOf(parameter);
        var classified = Classify(type, parameter.Name, passing, modifier, stringAttribute ?? InheritedStringAttribute(parameter.ContainingSymbol as IMethodSymbol), isReturn: false, out string? error, out bool isLayout);
        if (classified is not null)
        {
            if (classified.Shape is ValueShape.String or ValueShape.Span or ValueShape.ReadOnlySpan or ValueShape.Array
                && passing != PassingMode.Value)
            {
                string kindName = classified.Shape switch
                {
                    ValueShape.String => "strings",
                    ValueShape.Array => "arrays",
                    _ => "spans",
                };
                string advice = classified.Shape == ValueShape.String
                    ? "return the new string instead"
                    : "pass a Span<T>, whose contents are copied back after the call";
                Report(DiagnosticDescriptors.UnsupportedRefKind, location, parameter.Name, display,
                    parameter.RefKind.ToString().ToLowerInvariant(), kindName, advice);
                return null;
            }

            if (classified.Shape == ValueShape.Pointer && passing == PassingMode.Value
                && _layouts.Of(type).ScalarCount == 1)
            {
                Report(DiagnosticDescriptors.SingleScalarStructByValue, location, display, type.ToDisplayString());
                return null;
            }

            _catalog.Add(type);
            return classified;
        }

        if (isLayout)
        {
            Report(DiagnosticDescriptors.StructLayoutMismatch, location, LayoutSubject(type), display, error!);
        }
        else
        {
            Report(DiagnosticDescriptors.UnsupportedParameterType, location, parameter.Name, display, type.ToDisplayString(), error!);
        }

        return null;
    }

    private ValueModel? ParseReturn(IMethodSymbol method, string display)
    {
        var location = method.Locations.FirstOrDefault();
        var type = method.ReturnType;
        if (method.ReturnsVoid)
        {
            return ValueModel.Void;
        }

        var stringAttribute = method.GetReturnTypeAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == StringAttribute);
        if (stringAttribute is not null && type.SpecialType != SpecialType.System_String)
        {
            Report(DiagnosticDescriptors.StringAttributeOnNonString, location, "return", display, type.ToDisplayString());
            return null;
        }

        if (method.ReturnsByRef || method.ReturnsByRefReadonly)
        {
            Report(DiagnosticDescriptors.UnsupportedReturnType, location, display, type.ToDisplayString(),
                "ref returns would point into memory that moves when the guest grows it");
            return null;
        }

        var classified = Classify(type, "return", PassingMode.Value, "", stringAttribute ?? InheritedStringAttribute(method), isReturn: true, out string? error, out bool isLayout);
        if (classified is not null)
        {
            classified = classified with { IsReturn = true };
            if (classified.Shape == ValueShape.Pointer && _layouts.Of(type).ScalarCount == 1)
            {
                Report(DiagnosticDescriptors.SingleScalarStructByValue, location, display, type.ToDisplayString());
                return null;
            }

            _catalog.Add(type);
            return classified;
        }

        if (isLayout)
        {
            Report(DiagnosticDescriptors.StructLayoutMismatch, location, LayoutSubject(type), display, error!);
        }
        else
        {
            Report(DiagnosticDescriptors.UnsupportedReturnType, location, display, type.ToDisplayString(), error!);
        }

        return null;
    }

    /// <summary>
    /// The encoding a string takes when it has no [WasmString] of its own: the method's, else the interface's, so that an
    /// interface for an AssemblyScript guest says it once. Only strings consult it; other types ignore it.
    /// </summary>
    private static AttributeData? InheritedStringAttribute(IMethodSymbol? method)
    {
        if (method is null)
        {
            return null;
        }

        return method.GetAttributes().FirstOrDefault(IsStringAttribute)
            ?? method.ContainingType.GetAttributes().FirstOrDefault(IsStringAttribute);

        static bool IsStringAttribute(AttributeData a) => a.AttributeClass?.ToDisplayString() == StringAttribute;
    }

    private ValueModel? Classify(ITypeSymbol type, string name, PassingMode passing, string modifier, AttributeData? stringAttribute,
        bool isReturn, out string? error, out bool isLayoutError)
    {
        error = null;
        isLayoutError = false;
        string display = type.ToDisplayString(TypeFormat);
        bool nullable = type.NullableAnnotation != NullableAnnotation.NotAnnotated;

        if (ScalarOf(type) is { } scalar)
        {
            string? enumDisplay = type.TypeKind == TypeKind.Enum ? display : null;
            if (passing == PassingMode.Value)
            {
                return new ValueModel(name, display, ValueShape.Scalar, passing, modifier, scalar, enumDisplay, StringEncoding.Utf8, false, display, 0, 0);
            }

            var (size, align) = Wasm32LayoutCalculator.ScalarLayout(type)!.Value;
            return new ValueModel(name, display, ValueShape.Pointer, passing, modifier, scalar, enumDisplay, StringEncoding.Utf8, false, display, size, align);
        }

        if (type.SpecialType == SpecialType.System_String)
        {
            var encoding = stringAttribute?.ConstructorArguments.FirstOrDefault().Value is int e ? (StringEncoding)e : StringEncoding.Utf8;
            return new ValueModel(name, display, ValueShape.String, passing, modifier, ScalarKind.I32, null, encoding, nullable, "", 1, 1);
        }

        if (type is IArrayTypeSymbol array)
        {
            if (!array.IsSZArray)
            {
                error = "only single-dimensional, zero-based arrays can cross";
                return null;
            }

            return Sequence(array.ElementType, name, display, ValueShape.Array, passing, modifier, nullable, out error, out isLayoutError);
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
            return Sequence(generic.TypeArguments[0], name, display, shape, passing, modifier, false, out error, out isLayoutError);
        }

        if (Wasm32LayoutCalculator.Unsupported(type) is { } why)
        {
            error = why;
            return null;
        }

        if (type.TypeKind == TypeKind.Struct)
        {
            var layout = _layouts.Of(type);
            if (layout.Error is not null)
            {
                error = layout.Error;
                isLayoutError = true;
                return null;
            }

            return new ValueModel(name, display, ValueShape.Pointer, passing, modifier, ScalarKind.I32, null, StringEncoding.Utf8, false,
                display, layout.Size, layout.Align);
        }

        error = "only numbers, bool, char, enums, strings, unmanaged structs, and spans or arrays of those can cross";
        return null;
    }

    private ValueModel? Sequence(ITypeSymbol element, string name, string display, ValueShape shape, PassingMode passing,
        string modifier, bool nullable, out string? error, out bool isLayoutError)
    {
        error = null;
        isLayoutError = false;
        if (Wasm32LayoutCalculator.Unsupported(element) is { } why)
        {
            error = "its elements cannot cross: " + why;
            return null;
        }

        var layout = _layouts.Of(element);
        if (layout.Error is not null)
        {
            error = element.TypeKind == TypeKind.Struct ? layout.Error : "its elements cannot cross: " + layout.Error;
            isLayoutError = element.TypeKind == TypeKind.Struct;
            return null;
        }

        return new ValueModel(name, display, shape, passing, modifier, ScalarKind.I32, null, StringEncoding.Utf8, nullable,
            element.ToDisplayString(TypeFormat), layout.Size, layout.Align);
    }

    private static ScalarKind? ScalarOf(ITypeSymbol type)
    {
        if (type.TypeKind == TypeKind.Enum && type is INamedTypeSymbol { EnumUnderlyingType: { } underlying })
        {
            return ScalarOf(underlying);
        }

        return type.SpecialType switch
        {
            SpecialType.System_Boolean => ScalarKind.Bool,
            SpecialType.System_SByte => ScalarKind.I8,
            SpecialType.System_Byte => ScalarKind.U8,
            SpecialType.System_Int16 => ScalarKind.I16,
            SpecialType.System_UInt16 => ScalarKind.U16,
            SpecialType.System_Char => ScalarKind.Char,
            SpecialType.System_Int32 => ScalarKind.I32,
            SpecialType.System_UInt32 => ScalarKind.U32,
            SpecialType.System_Int64 => ScalarKind.I64,
            SpecialType.System_UInt64 => ScalarKind.U64,
            SpecialType.System_Single => ScalarKind.F32,
            SpecialType.System_Double => ScalarKind.F64,
            _ => null,
        };
    }

    private static string LayoutSubject(ITypeSymbol type) =>
        type is IArrayTypeSymbol array ? array.ElementType.ToDisplayString()
        : type is INamedTypeSymbol { IsGenericType: true } generic && generic.Name is "Span" or "ReadOnlySpan" ? generic.TypeArguments[0].ToDisplayString()
        : type.ToDisplayString();

    private static bool HasAttribute(ISymbol symbol, string name) =>
        symbol.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == name);

    private static bool IsPartial(INamedTypeSymbol type) =>
        type.DeclaringSyntaxReferences.Any(r =>
            r.GetSyntax() is TypeDeclarationSyntax declaration && declaration.Modifiers.Any(SyntaxKind.PartialKeyword));

    private static string Keyword(INamedTypeSymbol type) => type switch
    {
        { TypeKind: TypeKind.Interface } => "interface",
        { IsRecord: true, IsValueType: true } => "record struct",
        { IsRecord: true } => "record",
        { IsValueType: true } => "struct",
        _ => "class",
    };

    private void Report(DiagnosticDescriptor descriptor, Location? location, params object[] arguments) =>
        _diagnostics.Add(Diagnostic.Create(descriptor, location ?? Location.None, arguments));
}
