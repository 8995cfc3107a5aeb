using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using WasmMarshal.Generators.Abi;
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
    private const string CanonicalAttribute = "WasmMarshal.WasmCanonicalAbiAttribute";

    /// <summary>Wasmtime .NET's typed <c>GetFunction</c> takes at most 16 arguments.</summary>
    private const int MaxImportParameters = 16;

    /// <summary>Wasmtime .NET's typed <c>Linker.DefineFunction</c> takes at most 12 arguments.</summary>
    private const int MaxExportParameters = 12;

    private static readonly SymbolDisplayFormat TypeFormat = CSharpDeclarations.TypeFormat;

    private readonly ValueClassifier _classifier = new();
    private readonly BindingCatalog _catalog = new();
    private readonly CallbackParser _callbacks;
    private readonly List<Diagnostic> _diagnostics = new();
    private readonly INamedTypeSymbol _interface;
    private readonly InterfaceDirection _direction;
    private readonly string _shortName;
    private readonly string _qualifiedName;
    private readonly AbiKind _abiKind = AbiKind.WasmC;
    private readonly IAbi _abi;
    private readonly WitClassifier _wit = new();
    private readonly AttributeData? _canonicalAttribute;
    private bool _hasStaticAbstract;

    /// <summary>Every wasm name of the interface's methods, and those proposed to code fixes so far.</summary>
    private readonly HashSet<string> _usedWasmNames = new();

    private InterfaceParser(INamedTypeSymbol symbol, InterfaceDirection direction)
    {
        _interface = symbol;
        _direction = direction;
        _shortName = symbol.Name;
        _qualifiedName = symbol.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        _canonicalAttribute = symbol.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == CanonicalAttribute);
        if (_canonicalAttribute is not null)
        {
            _abiKind = AbiKind.Canonical;
        }

        _abi = Abis.For(_abiKind);
        _callbacks = new CallbackParser(_classifier, (descriptor, location, arguments) => Report(descriptor, location, arguments));
    }

    private bool IsCanonical => _abiKind == AbiKind.Canonical;

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

        CanonicalOptions? canonical = null;
        string? witInterface = null;
        if (IsCanonical)
        {
            witInterface = _canonicalAttribute!.ConstructorArguments.FirstOrDefault().Value as string ?? "";
            if (WitInterfaceNameProblem(witInterface) is { } witProblem)
            {
                Report(DiagnosticDescriptors.InvalidWitInterfaceName, location, _interface.Name, witInterface, witProblem);
                return null;
            }
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

        var methods = new List<LoweredMethod>();
        var otherMembers = new List<string>();
        var byWasmName = new Dictionary<string, IMethodSymbol>();
        _usedWasmNames.UnionWith(_interface.GetMembers().OfType<IMethodSymbol>().Select(WasmNameOf));
        foreach (var member in _interface.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var method = ParseMember(member, otherMembers);
            if (method is null)
            {
                continue;
            }

            var symbol = (IMethodSymbol)member;
            string wasmName = method.Method.WasmName;
            if (byWasmName.TryGetValue(wasmName, out var first))
            {
                // Overloads share a name: their parameter lists tell them apart.
                bool overloads = first.Name == symbol.Name;
                ReportWithProperties(DiagnosticDescriptors.DuplicateWasmName, symbol.Locations.FirstOrDefault(),
                    ProposedWasmName(wasmName),
                    _shortName + "." + (overloads ? WithParameters(first) : first.Name),
                    _shortName + "." + (overloads ? WithParameters(symbol) : symbol.Name), wasmName);
                method = method with { Method = method.Method with { UnsupportedReason = $"the wasm name '{wasmName}' is used twice (WASM006)" } };
            }
            else
            {
                byWasmName[wasmName] = symbol;
            }

            methods.Add(method);
        }

        // A static abstract member makes the interface unusable as a type argument and unimplementable by a class, so
        // nothing is generated for it: a stub that cannot compile would bury the WASM diagnostics under CS errors.
        if (_hasStaticAbstract)
        {
            return null;
        }

        string? ns = _interface.ContainingNamespace.IsGlobalNamespace ? null : _interface.ContainingNamespace.ToDisplayString();
        var containing = new List<ContainingTypeModel>();
        for (var type = _interface.ContainingType; type is not null; type = type.ContainingType)
        {
            containing.Insert(0, new ContainingTypeModel(Keyword(type), type.Name));
        }

        string fullName = _interface.ToDisplayString();
        if (witInterface is not null)
        {
            bool utf16 = _canonicalAttribute!.NamedArguments.Any(a => a.Key == "StringEncoding" && a.Value.Value is int e && e == 1);
            canonical = new CanonicalOptions(witInterface, utf16, new EquatableArray<WitType>(_wit.NamedTypes));
        }

        return new InterfaceModel(
            ns,
            _interface.Name,
            fullName,
            _qualifiedName,
            new EquatableArray<ContainingTypeModel>(containing),
            _direction,
            _abiKind,
            module,
            new EquatableArray<LoweredMethod>(methods),
            new EquatableArray<string>(otherMembers),
            IsVisibleModuleWide(_interface),
            fullName.Replace("@", "").Replace('<', '[').Replace('>', ']'),
            _catalog.Structs,
            _catalog.Enums,
            canonical,
            ReturnedBuffers.LibraryHeader(_interface, _direction, IsCanonical, Report),
            _callbacks.Models);
    }

    /// <summary>Why a WIT interface name is not <c>namespace:package/interface[@version]</c>, or null.</summary>
    private static string? WitInterfaceNameProblem(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "it is empty";
        }

        int at = name.IndexOf('@');
        string path = at < 0 ? name : name.Substring(0, at);
        int colon = path.IndexOf(':');
        int slash = path.IndexOf('/');
        if (colon <= 0 || slash < colon + 2 || slash == path.Length - 1)
        {
            return "it must be 'namespace:package/interface', optionally followed by '@version'";
        }

        foreach (var part in path.Split(':', '/'))
        {
            if (!part.Split('-').All(word => word.Length > 0 && char.IsLetter(word[0]) && word.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9'))
                && !part.Split('-').All(word => word.Length > 0 && char.IsLetter(word[0]) && word.All(c => c is >= 'A' and <= 'Z' or >= '0' and <= '9')))
            {
                return $"'{part}' is not a WIT identifier (kebab-case words of lower-case letters and digits, each starting with a letter)";
            }
        }

        if (at >= 0 && (at == name.Length - 1 || !char.IsDigit(name[at + 1])))
        {
            return "the version after '@' must be a semver version such as 0.1.0";
        }

        return null;
    }

    private string? ShapeProblem()
    {
        // IsGenericType is also true of a non-generic interface nested in a generic type; that case is reported below.
        if (_interface.TypeParameters.Length > 0)
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

    private LoweredMethod? ParseMember(ISymbol member, List<string> otherMembers)
    {
        string display = _shortName + "." + member.Name;
        var location = member.Locations.FirstOrDefault();
        switch (member)
        {
            case IMethodSymbol { MethodKind: MethodKind.Ordinary } method when method.IsAbstract:
                if (method.IsStatic)
                {
                    ReportStaticAbstract(location, display);
                    return null;
                }

                if (method.IsGenericMethod)
                {
                    Report(DiagnosticDescriptors.UnsupportedMember, location, display,
                        "it is generic; a wasm function has one fixed signature");
                    return _abi.Lower(new MethodModel(method.Name, WasmNames.ToSnakeCase(method.Name), CSharpDeclarations.Method(method, _qualifiedName),
                        new EquatableArray<ValueModel>(ImmutableArray<ValueModel>.Empty), ValueModel.Void, "it is generic (WASM007)"), _direction);
                }

                return ParseMethod(method, display);
            case IPropertySymbol { IsAbstract: true, IsStatic: false } property:
                Report(DiagnosticDescriptors.UnsupportedMember, location, display,
                    "properties are not supported; declare a method such as Get" + member.Name + "()");
                otherMembers.Add(CSharpDeclarations.Property(property, _qualifiedName, display));
                return null;
            case IEventSymbol { IsAbstract: true, IsStatic: false } @event:
                Report(DiagnosticDescriptors.UnsupportedMember, location, display,
                    "events are not supported; declare a [WasmExport] interface for callbacks instead");
                otherMembers.Add(CSharpDeclarations.Event(@event, _qualifiedName, display));
                return null;
            case IPropertySymbol { IsAbstract: true } or IEventSymbol { IsAbstract: true }:
                ReportStaticAbstract(location, display);
                return null;
            default:
                return null;
        }
    }

    private void ReportStaticAbstract(Location? location, string display)
    {
        Report(DiagnosticDescriptors.UnsupportedMember, location, display,
            "static abstract members have no wasm counterpart, and no binding is generated for an interface that has one");
        _hasStaticAbstract = true;
    }

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

    private LoweredMethod ParseMethod(IMethodSymbol method, string display)
    {
        var location = method.Locations.FirstOrDefault();
        string? unsupported = null;

        string wasmName = IsCanonical ? WitClassifier.WitName(method.Name) : WasmNames.ToSnakeCase(method.Name);
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

        if (IsCanonical)
        {
            return ParseCanonicalMethod(method, display, wasmName, unsupported);
        }

        if (_direction == InterfaceDirection.Import && Emit.Bindings.GuestReservedExports.Collision(wasmName) is { } collision)
        {
            ReportWithProperties(DiagnosticDescriptors.ReservedExportName, location, ProposedWasmName(wasmName), display, wasmName, collision);
            unsupported ??= $"its wasm name '{wasmName}' collides with {collision} (WASM014)";
        }

        var parameters = new List<ValueModel>();
        foreach (var parameter in method.Parameters)
        {
            var value = ParseParameter(parameter, display);
            if (value is null)
            {
                unsupported ??= $"parameter '{parameter.Name}' cannot be marshalled";
                value = Unsupported(parameter.Name, parameter.Type, isReturn: false);
            }

            parameters.Add(value);
        }

        if (SizedBuffers.Resolve(method, parameters, _direction, display, Report) is { } sizing)
        {
            unsupported ??= sizing;
        }

        if (ReturnedBuffers.ResolveFixed(method, parameters, _direction, display, Report) is { } fixedLength)
        {
            unsupported ??= fixedLength;
        }

        var returnValue = ParseReturn(method, display);
        if (returnValue is null)
        {
            unsupported ??= "its return type cannot be marshalled";
            returnValue = Unsupported("return", method.ReturnType, isReturn: true);
        }
        else if (ReturnedBuffers.ResolveReturn(method, parameters, ref returnValue, _direction, display, Report) is { } returned)
        {
            unsupported ??= returned;
        }

        var model = new MethodModel(method.Name, wasmName, CSharpDeclarations.Method(method, _qualifiedName),
            new EquatableArray<ValueModel>(parameters), returnValue, unsupported);
        var lowered = _abi.Lower(model, _direction);
        if (unsupported is null)
        {
            int coreCount = lowered.CoreParameters.Count;
            int max = _direction == InterfaceDirection.Import ? MaxImportParameters : MaxExportParameters;
            if (coreCount > max)
            {
                string api = _direction == InterfaceDirection.Import ? "Instance.GetFunction" : "Linker.DefineFunction";
                Report(DiagnosticDescriptors.TooManyCoreParameters, location, display, coreCount, api, max);
                lowered = lowered with { Method = model with { UnsupportedReason = "it has too many core parameters (WASM005)" } };
            }
        }

        return lowered;
    }

    /// <summary>A method of a canonical-ABI interface: every value a WIT type, or WASM015 saying why it has none.</summary>
    private LoweredMethod ParseCanonicalMethod(IMethodSymbol method, string display, string wasmName, string? unsupported)
    {
        var location = method.Locations.FirstOrDefault();
        var parameters = new List<ValueModel>();
        foreach (var parameter in method.Parameters)
        {
            string? problem = null;
            WitType? wit = null;
            if (parameter.RefKind != RefKind.None)
            {
                string kind = parameter.RefKind switch { RefKind.Out => "out", RefKind.Ref => "ref", _ => "in" };
                problem = $"parameter '{parameter.Name}' is passed by {kind}, but a canonical call takes its arguments by value and never writes them back; "
                    + (parameter.RefKind == RefKind.In ? "remove 'in'" : "return the values instead (a tuple for several)");
            }
            else if (parameter.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == StringAttribute))
            {
                problem = $"parameter '{parameter.Name}' has [WasmString], but a canonical interface has one string encoding: set WasmCanonicalAbi.StringEncoding";
            }
            else
            {
                wit = _wit.Classify(parameter.Type, isParameter: true, out string? error);
                if (wit is null)
                {
                    problem = $"parameter '{parameter.Name}' of type '{parameter.Type.ToDisplayString()}': {error}";
                }
            }

            if (problem is not null)
            {
                Report(DiagnosticDescriptors.NotExpressibleInCanonicalAbi, parameter.Locations.FirstOrDefault() ?? location, display, problem);
                unsupported ??= $"parameter '{parameter.Name}' cannot be expressed in the canonical ABI (WASM015)";
                parameters.Add(Unsupported(parameter.Name, parameter.Type, isReturn: false));
                continue;
            }

            parameters.Add(CanonicalValue(parameter.Name, parameter.Type, wit!, isReturn: false));
        }

        ValueModel returnValue = ValueModel.Void;
        if (!method.ReturnsVoid)
        {
            string? problem = null;
            WitType? wit = null;
            if (method.ReturnsByRef || method.ReturnsByRefReadonly)
            {
                problem = "it returns by reference; return the value itself";
            }
            else if (IsTask(method.ReturnType))
            {
                problem = "calls are synchronous; return the value itself";
            }
            else if (method.GetReturnTypeAttributes().Any(a => a.AttributeClass?.ToDisplayString() == StringAttribute))
            {
                problem = "its return value has [WasmString], but a canonical interface has one string encoding: set WasmCanonicalAbi.StringEncoding";
            }
            else
            {
                wit = _wit.Classify(method.ReturnType, isParameter: false, out string? error);
                if (wit is null)
                {
                    problem = $"its return type '{method.ReturnType.ToDisplayString()}': {error}";
                }
            }

            if (problem is not null)
            {
                Report(DiagnosticDescriptors.NotExpressibleInCanonicalAbi, location, display, problem);
                unsupported ??= "its return type cannot be expressed in the canonical ABI (WASM015)";
                returnValue = Unsupported("return", method.ReturnType, isReturn: true);
            }
            else
            {
                returnValue = CanonicalValue("return", method.ReturnType, wit!, isReturn: true);
            }
        }

        var model = new MethodModel(method.Name, wasmName, CSharpDeclarations.Method(method, _qualifiedName),
            new EquatableArray<ValueModel>(parameters), returnValue, unsupported);
        var lowered = _abi.Lower(model, _direction);
        if (unsupported is null && _direction == InterfaceDirection.Export && lowered.CoreParameters.Count > MaxExportParameters)
        {
            Report(DiagnosticDescriptors.NotExpressibleInCanonicalAbi, location, display,
                $"it lowers to {lowered.CoreParameters.Count} core parameters, and Wasmtime .NET's Linker.DefineFunction takes at most {MaxExportParameters} "
                + "(the canonical ABI spills only beyond 16); pass fewer or smaller values, or a record holding more than 16 flat values");
            lowered = lowered with { Method = model with { UnsupportedReason = "it has too many core parameters for Linker.DefineFunction (WASM015)" } };
        }

        return lowered;
    }

    private static ValueModel CanonicalValue(string name, ITypeSymbol type, WitType wit, bool isReturn) =>
        new(name, type.ToDisplayString(TypeFormat), ValueShape.Canonical, PassingMode.Value, ScalarKind.I32, null,
            StringEncoding.Utf8, wit.Kind == WitKind.Option, "", 0, 0, isReturn, wit);

    private static ValueModel Unsupported(string name, ITypeSymbol type, bool isReturn) =>
        new(name, type.ToDisplayString(TypeFormat), ValueShape.Unsupported, PassingMode.Value, ScalarKind.I32, null,
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

        if (_callbacks.TryParse(parameter, _direction, display, out var callback))
        {
            return callback;
        }

        var classified = _classifier.Classify(type, parameter.Name, passing, stringAttribute ?? InheritedStringAttribute(parameter.ContainingSymbol as IMethodSymbol), isReturn: false, out string? error, out bool isLayout);
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
                && _classifier.Layouts.Of(type).ScalarCount == 1)
            {
                Report(DiagnosticDescriptors.SingleScalarStructByValue, location, display, type.ToDisplayString());
                return null;
            }

            _catalog.Add(type);
            return classified;
        }

        if (isLayout)
        {
            ReportLayout(location, type, display, error!);
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
            string refKind = method.ReturnsByRefReadonly ? "ref readonly " : "ref ";
            Report(DiagnosticDescriptors.UnsupportedReturnType, location, display, refKind + type.ToDisplayString(),
                "ref returns would point into memory that moves when the guest grows it");
            return null;
        }

        if (IsTask(type))
        {
            Report(DiagnosticDescriptors.UnsupportedReturnType, location, display, type.ToDisplayString(),
                "calls are synchronous; return the value itself");
            return null;
        }

        var classified = _classifier.Classify(type, "return", PassingMode.Value, stringAttribute ?? InheritedStringAttribute(method), isReturn: true, out string? error, out bool isLayout);
        if (classified is not null)
        {
            classified = classified with { IsReturn = true };
            if (classified.Shape == ValueShape.Pointer && _classifier.Layouts.Of(type).ScalarCount == 1)
            {
                Report(DiagnosticDescriptors.SingleScalarStructByValue, location, display, type.ToDisplayString());
                return null;
            }

            _catalog.Add(type);
            return classified;
        }

        if (isLayout)
        {
            ReportLayout(location, type, display, error!);
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

    private static ITypeSymbol LayoutSubject(ITypeSymbol type) =>
        type is IArrayTypeSymbol array ? array.ElementType
        : type is INamedTypeSymbol { IsGenericType: true } generic && generic.Name is "Span" or "ReadOnlySpan" ? generic.TypeArguments[0]
        : type;

    /// <summary>
    /// WASM004. When the cause is a bool field without a 1-byte [MarshalAs], the field's declaration is the additional
    /// location and its name the <see cref="DiagnosticProperties.BoolField"/> property, for the code fix.
    /// </summary>
    private void ReportLayout(Location? location, ITypeSymbol type, string display, string error)
    {
        var subject = LayoutSubject(type);
        var unsizedBool = _classifier.Layouts.Of(subject).UnsizedBool;
        var fieldLocation = unsizedBool is null ? null
            : (unsizedBool.AssociatedSymbol ?? unsizedBool).Locations.FirstOrDefault(l => l.IsInSource);
        if (fieldLocation is null)
        {
            Report(DiagnosticDescriptors.StructLayoutMismatch, location, subject.ToDisplayString(), display, error);
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.BoolField, unsizedBool!.Name);
        _diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.StructLayoutMismatch, location ?? Location.None,
            new[] { fieldLocation }, properties, subject.ToDisplayString(), display, error));
    }

    private static bool IsTask(ITypeSymbol type) =>
        type is INamedTypeSymbol { Name: "Task" or "ValueTask" } named
        && named.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks";

    /// <summary><c>F(int, long)</c>: a method with its parameter types, to tell overloads apart.</summary>
    private static string WithParameters(IMethodSymbol method) =>
        method.Name + "(" + string.Join(", ", method.Parameters.Select(p =>
            (p.RefKind switch { RefKind.Ref => "ref ", RefKind.Out => "out ", RefKind.In => "in ", _ => "" }) + p.Type.ToDisplayString())) + ")";

    private static string WasmNameOf(IMethodSymbol method) =>
        method.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == NameAttribute)
            ?.ConstructorArguments.FirstOrDefault().Value as string
        ?? WasmNames.ToSnakeCase(method.Name);

    /// <summary>A wasm name for the code fix of WASM006 and WASM014: <paramref name="wasmName"/>_2, _3... free and not reserved.</summary>
    private string ProposedWasmName(string wasmName)
    {
        for (int suffix = 2; ; suffix++)
        {
            string candidate = wasmName + "_" + suffix;
            if (!_usedWasmNames.Contains(candidate) && Emit.Bindings.GuestReservedExports.Collision(candidate) is null)
            {
                _usedWasmNames.Add(candidate);
                return candidate;
            }
        }
    }

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

    private void ReportWithProperties(DiagnosticDescriptor descriptor, Location? location, string proposedWasmName, params object[] arguments) =>
        _diagnostics.Add(Diagnostic.Create(descriptor, location ?? Location.None,
            ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.ProposedWasmName, proposedWasmName), arguments));
}
