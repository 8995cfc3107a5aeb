using System.Linq;
using Microsoft.CodeAnalysis;
using WasmMarshal.Generators.Emit;
using WasmMarshal.Generators.Emit.Bindings;
using WasmMarshal.Generators.Model;
using WasmMarshal.Generators.Parsing;

namespace WasmMarshal.Generators;

/// <summary>
/// Generates the binding of every [WasmImport] and [WasmExport] interface. Diagnostics come from
/// <see cref="WasmMarshalAnalyzer"/>, which shares the parser, so the pipeline carries only equatable models.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class WasmMarshalGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names, asserted by the incremental-caching tests.</summary>
    public static class TrackingNames
    {
        /// <summary>Models of [WasmImport] interfaces.</summary>
        public const string ImportModels = nameof(ImportModels);

        /// <summary>Models of [WasmExport] interfaces.</summary>
        public const string ExportModels = nameof(ExportModels);
    }

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var imports = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                InterfaceParser.ImportAttribute,
                predicate: static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.InterfaceDeclarationSyntax,
                transform: static (ctx, ct) => Execute.Parse(ctx, InterfaceDirection.Import, ct))
            .Where(static model => model is not null)
            .WithTrackingName(TrackingNames.ImportModels);

        var exports = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                InterfaceParser.ExportAttribute,
                predicate: static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.InterfaceDeclarationSyntax,
                transform: static (ctx, ct) => Execute.Parse(ctx, InterfaceDirection.Export, ct))
            .Where(static model => model is not null)
            .WithTrackingName(TrackingNames.ExportModels);

        // Guest bindings (C, Rust, AssemblyScript) only when the project asks for them with WasmMarshalGuestBindingsDir.
        var bindingsRequested = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) =>
                options.GlobalOptions.TryGetValue("build_property.WasmMarshalGuestBindingsDir", out var directory)
                && !string.IsNullOrWhiteSpace(directory));

        context.RegisterSourceOutput(imports.Combine(bindingsRequested), static (spc, pair) => Execute.Emit(spc, pair.Left!, pair.Right));
        context.RegisterSourceOutput(exports.Combine(bindingsRequested), static (spc, pair) => Execute.Emit(spc, pair.Left!, pair.Right));
        context.RegisterSourceOutput(bindingsRequested, static (spc, requested) => Execute.EmitCommonBindings(spc, requested));

        // WIT out: one file per WIT package, so every canonical interface of a package (either direction) is collected.
        var canonical = imports.Collect().Combine(exports.Collect()).Combine(bindingsRequested);
        context.RegisterSourceOutput(canonical, static (spc, pair) => Execute.EmitWitPackages(spc, pair.Left.Left.AddRange(pair.Left.Right), pair.Right));
    }

    private static class Execute
    {
        public static InterfaceModel? Parse(GeneratorAttributeSyntaxContext context, InterfaceDirection direction, System.Threading.CancellationToken ct) =>
            context.TargetSymbol is INamedTypeSymbol symbol ? InterfaceParser.Parse(symbol, direction, ct).Model : null;

        public static void Emit(SourceProductionContext context, InterfaceModel model, bool guestBindings)
        {
            context.AddSource(model.HintName + ".WasmMarshal.g.cs", InterfaceEmitter.Emit(model));
            if (guestBindings && model.Abi != Abi.AbiKind.Canonical)
            {
                context.AddSource(model.HintName + ".GuestBindings.g.cs", GuestBindingsEmitter.ForInterface(model));
            }
        }

        public static void EmitWitPackages(SourceProductionContext context, System.Collections.Immutable.ImmutableArray<InterfaceModel?> models, bool guestBindings)
        {
            if (!guestBindings)
            {
                return;
            }

            var canonical = models.Where(m => m is { Abi: Abi.AbiKind.Canonical }).Select(m => m!);
            foreach (var package in canonical.GroupBy(WitEmitter.PackageOf).OrderBy(g => g.Key, System.StringComparer.Ordinal))
            {
                context.AddSource("WasmMarshal.Wit." + WitEmitter.FileName(package.Key) + ".GuestBindings.g.cs",
                    GuestBindingsEmitter.ForWitPackage(package.Key, package));
            }
        }

        public static void EmitCommonBindings(SourceProductionContext context, bool guestBindings)
        {
            if (guestBindings)
            {
                context.AddSource("WasmMarshal.Abi.GuestBindings.g.cs", GuestBindingsEmitter.Common());
            }
        }
    }
}
