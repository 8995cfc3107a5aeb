using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using WasmMarshal.Generators.Abi;
using WasmMarshal.Generators.Abi.CAbi;
using WasmMarshal.Generators.Diagnostics;
using WasmMarshal.Generators.Model;

namespace WasmMarshal.Generators.Parsing;

/// <summary>
/// Opaque values of C libraries: <c>WasmHandle&lt;T&gt;</c> (a pointer the host never dereferences), and callbacks, a
/// delegate (for the one call) or a <c>WasmCallback&lt;TDelegate&gt;</c> (registered for longer) where C takes a
/// function pointer. A callback's delegate is parsed as a host function: its Invoke method is lowered in the export
/// direction, so the guest's arguments get the checks of a [WasmExport] method.
/// </summary>
internal sealed class CallbackParser
{
    private const string HandleDefinition = "WasmMarshal.WasmHandle<TTag>";
    private const string RegisteredDefinition = "WasmMarshal.WasmCallback<TDelegate>";
    private const string StringAttribute = "WasmMarshal.WasmStringAttribute";

    /// <summary>Wasmtime .NET's typed <c>Function.FromCallback</c> takes at most 12 parameters with results.</summary>
    private const int MaxCallbackParameters = 12;

    private static readonly SymbolDisplayFormat TypeFormat = CSharpDeclarations.TypeFormat;

    private readonly ValueClassifier _classifier;
    private readonly Action<DiagnosticDescriptor, Location?, object[]> _report;
    private readonly List<CallbackModel> _models = new();

    /// <summary>Delegates already parsed: their model, or null when a diagnostic was reported for them.</summary>
    private readonly Dictionary<string, CallbackModel?> _byDelegate = new();

    public CallbackParser(ValueClassifier classifier, Action<DiagnosticDescriptor, Location?, object[]> report)
    {
        _classifier = classifier;
        _report = report;
    }

    public EquatableArray<CallbackModel> Models => new(_models.ToImmutableArray());

    public static bool IsHandle(ITypeSymbol type) =>
        type is INamedTypeSymbol { IsGenericType: true } named && named.OriginalDefinition.ToDisplayString() == HandleDefinition;

    /// <summary>A handle by value: one i32, its address.</summary>
    public static ValueModel Handle(ITypeSymbol type, string name)
    {
        string display = type.ToDisplayString(TypeFormat);
        return new ValueModel(name, display, ValueShape.Scalar, PassingMode.Value, ScalarKind.U32, null, StringEncoding.Utf8, false,
            display, 0, 0, Opaque: OpaqueKind.Handle);
    }

    /// <summary>The delegate of a callback type, and whether it is registered (<c>WasmCallback&lt;T&gt;</c>); null for other types.</summary>
    private static (INamedTypeSymbol Delegate, bool Registered)? CallbackOf(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { TypeKind: TypeKind.Delegate } direct)
        {
            return (direct, false);
        }

        if (type is INamedTypeSymbol { IsGenericType: true } named && named.OriginalDefinition.ToDisplayString() == RegisteredDefinition
            && named.TypeArguments[0] is INamedTypeSymbol { TypeKind: TypeKind.Delegate } inner)
        {
            return (inner, true);
        }

        return null;
    }

    /// <summary>
    /// Whether <paramref name="parameter"/> is a callback; if so, <paramref name="value"/> is its model, or null when a
    /// diagnostic says why it cannot be bound.
    /// </summary>
    public bool TryParse(IParameterSymbol parameter, InterfaceDirection direction, string display, out ValueModel? value)
    {
        value = null;
        if (CallbackOf(parameter.Type) is not { } callback)
        {
            return false;
        }

        var location = parameter.Locations.FirstOrDefault();
        string typeName = parameter.Type.ToDisplayString();
        if (direction == InterfaceDirection.Export)
        {
            _report(DiagnosticDescriptors.CallbackMisplaced, location, new object[] { parameter.Name, display, typeName,
                "a [WasmExport] method receives function pointers from the guest, which the host cannot call as a delegate; take it as a uint table index" });
            return true;
        }

        if (parameter.RefKind != RefKind.None)
        {
            _report(DiagnosticDescriptors.CallbackMisplaced, location, new object[] { parameter.Name, display, typeName,
                "it is passed by reference; a C function pointer is passed by value" });
            return true;
        }

        var model = Parse(callback.Delegate, display, location);
        if (model is null)
        {
            return true;
        }

        string typeDisplay = parameter.Type.ToDisplayString(TypeFormat);
        value = new ValueModel(parameter.Name, typeDisplay, ValueShape.Scalar, PassingMode.Value, ScalarKind.U32, null, StringEncoding.Utf8,
            parameter.Type.NullableAnnotation != NullableAnnotation.NotAnnotated, model.DelegateDisplay, 0, 0,
            Opaque: callback.Registered ? OpaqueKind.RegisteredCallback : OpaqueKind.Callback);
        return true;
    }

    private CallbackModel? Parse(INamedTypeSymbol @delegate, string display, Location? location)
    {
        // Without the parameter's '?': Fill and Fill? are one delegate type with one host function.
        string delegateDisplay = @delegate.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(TypeFormat);
        if (_byDelegate.TryGetValue(delegateDisplay, out var known))
        {
            return known;
        }

        var model = Build(@delegate, delegateDisplay, display, location);
        _byDelegate[delegateDisplay] = model;
        if (model is not null)
        {
            _models.Add(model);
        }

        return model;
    }

    private CallbackModel? Build(INamedTypeSymbol @delegate, string delegateDisplay, string display, Location? location)
    {
        string name = @delegate.Name;
        var invoke = @delegate.DelegateInvokeMethod;
        if (invoke is null)
        {
            _report(DiagnosticDescriptors.CallbackDelegateShape, location, new object[] { name, display, "declare a delegate type with the C function's parameters" });
            return null;
        }

        if (invoke.ReturnsByRef || invoke.ReturnsByRefReadonly)
        {
            _report(DiagnosticDescriptors.CallbackDelegateShape, location, new object[] { name, display, "it returns by reference; return the value itself" });
            return null;
        }

        bool failed = false;
        var parameters = new List<ValueModel>();
        foreach (var p in invoke.Parameters)
        {
            var v = Value(p.Type, p.Name, p.RefKind, p.GetAttributes().FirstOrDefault(IsStringAttribute), isReturn: false, name, display, location);
            failed |= v is null;
            if (v is not null)
            {
                parameters.Add(v);
            }
        }

        ValueModel? ret = ValueModel.Void;
        if (!invoke.ReturnsVoid)
        {
            ret = Value(invoke.ReturnType, "return", RefKind.None, invoke.GetReturnTypeAttributes().FirstOrDefault(IsStringAttribute), isReturn: true, name, display, location);
        }

        if (failed || ret is null)
        {
            return null;
        }

        var method = new MethodModel(name, name, new MethodDeclaration("", "", default, false),
            new EquatableArray<ValueModel>(parameters.ToImmutableArray()), ret, null);
        var lowered = WasmCAbi.Instance.Lower(method, InterfaceDirection.Export);
        if (lowered.CoreParameters.Count > MaxCallbackParameters)
        {
            _report(DiagnosticDescriptors.CallbackDelegateShape, location, new object[] { name, display,
                $"it lowers to {lowered.CoreParameters.Count} core parameters, and Wasmtime .NET's Function.FromCallback takes at most {MaxCallbackParameters}" });
            return null;
        }

        return new CallbackModel(delegateDisplay, name, "__WasmCallback_" + _models.Count, lowered);
    }

    /// <summary>One parameter or the result of a callback, classified as a [WasmExport] method's would be; WASM025 if it cannot cross.</summary>
    private ValueModel? Value(ITypeSymbol type, string name, RefKind refKind, AttributeData? stringAttribute, bool isReturn,
        string delegateName, string display, Location? location)
    {
        string what = isReturn ? "its return value" : $"parameter '{name}'";
        void Fail(string reason) => _report(DiagnosticDescriptors.CallbackValueUnsupported, location,
            new object[] { delegateName, display, what, type.ToDisplayString(), reason });

        if (CallbackOf(type) is not null)
        {
            Fail("a callback cannot take or return another callback; take the function pointer as a uint");
            return null;
        }

        if (IsHandle(type) && refKind == RefKind.None)
        {
            return Handle(type, name) with { IsReturn = isReturn };
        }

        if (stringAttribute is not null && type.SpecialType != SpecialType.System_String)
        {
            Fail("[WasmString] applies to strings only");
            return null;
        }

        var passing = refKind switch
        {
            RefKind.Ref => PassingMode.Ref,
            RefKind.Out => PassingMode.Out,
            RefKind.None => PassingMode.Value,
            _ => PassingMode.In,
        };
        var classified = _classifier.Classify(type, name, passing, stringAttribute, isReturn, out string? error, out _);
        if (classified is null)
        {
            Fail(error ?? "it has no wasm32 C equivalent");
            return null;
        }

        if (classified.Shape is ValueShape.String or ValueShape.Span or ValueShape.ReadOnlySpan or ValueShape.Array && passing != PassingMode.Value)
        {
            Fail("strings, spans and arrays are passed by value");
            return null;
        }

        if (classified.Shape == ValueShape.Pointer && passing == PassingMode.Value && _classifier.Layouts.Of(type).ScalarCount == 1)
        {
            Fail("a struct holding a single scalar is passed as that scalar in the C ABI; take the scalar (WASM010)");
            return null;
        }

        return isReturn ? classified with { IsReturn = true } : classified;
    }

    private static bool IsStringAttribute(AttributeData a) => a.AttributeClass?.ToDisplayString() == StringAttribute;
}
