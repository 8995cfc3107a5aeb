using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using WasmMarshal.Generators.Diagnostics;
using WasmMarshal.Generators.Model;
using WasmMarshal.Generators.Parsing;

namespace WasmMarshal.Generators;

/// <summary>Reports the WASM0xx diagnostics of [WasmImport] and [WasmExport] interfaces.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WasmMarshalAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.InterfaceNotPartial,
        DiagnosticDescriptors.UnsupportedParameterType,
        DiagnosticDescriptors.UnsupportedReturnType,
        DiagnosticDescriptors.StructLayoutMismatch,
        DiagnosticDescriptors.TooManyCoreParameters,
        DiagnosticDescriptors.DuplicateWasmName,
        DiagnosticDescriptors.UnsupportedMember,
        DiagnosticDescriptors.StringAttributeOnNonString,
        DiagnosticDescriptors.UnsupportedRefKind,
        DiagnosticDescriptors.SingleScalarStructByValue,
        DiagnosticDescriptors.BothDirections,
        DiagnosticDescriptors.InvalidWasmName,
        DiagnosticDescriptors.UnsupportedInterfaceShape,
        DiagnosticDescriptors.ReservedExportName,
        DiagnosticDescriptors.NotExpressibleInCanonicalAbi,
        DiagnosticDescriptors.InvalidWitInterfaceName,
        DiagnosticDescriptors.SizeParameterMissing,
        DiagnosticDescriptors.CountParameterNotInteger,
        DiagnosticDescriptors.LengthParameterNotByRef,
        DiagnosticDescriptors.ConflictingSizeParameter,
        DiagnosticDescriptors.SizeAttributeMisplaced,
        DiagnosticDescriptors.ReturnAttributeMisplaced,
        DiagnosticDescriptors.ReturnCountParameterInvalid,
        DiagnosticDescriptors.FixedLengthMisplaced,
        DiagnosticDescriptors.LibraryHeaderInvalid,
        DiagnosticDescriptors.CallbackValueUnsupported,
        DiagnosticDescriptors.CallbackMisplaced,
        DiagnosticDescriptors.CallbackDelegateShape);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSymbolAction(AnalyzeType, SymbolKind.NamedType);
    }

    private static void AnalyzeType(SymbolAnalysisContext context)
    {
        if (context.Symbol is not INamedTypeSymbol { TypeKind: TypeKind.Interface } type)
        {
            return;
        }

        var names = type.GetAttributes().Select(a => a.AttributeClass?.ToDisplayString()).ToList();
        InterfaceDirection direction;
        if (names.Contains(InterfaceParser.ImportAttribute))
        {
            direction = InterfaceDirection.Import;
        }
        else if (names.Contains(InterfaceParser.ExportAttribute))
        {
            direction = InterfaceDirection.Export;
        }
        else
        {
            return;
        }

        foreach (var diagnostic in InterfaceParser.Parse(type, direction, context.CancellationToken).Diagnostics)
        {
            context.ReportDiagnostic(diagnostic);
        }
    }
}
