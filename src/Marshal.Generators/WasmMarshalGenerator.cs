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

        /// <summary>WIT in: the C# declarations written from the .wit AdditionalFiles.</summary>
        public const string WitDeclarations = nameof(WitDeclarations);

        /// <summary>WIT in: the interface models of those declarations.</summary>
        public const string WitBindings = nameof(WitBindings);
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

        // WIT in: .wit AdditionalFiles become C# declarations, and those declarations canonical stubs.
        var witSources = context.AdditionalTextsProvider
            .Where(static text => text.Path.EndsWith(".wit", System.StringComparison.OrdinalIgnoreCase))
            .Select(static (text, ct) => new Parsing.Wit.WitSource(text.Path, text.GetText(ct)?.ToString() ?? ""))
            .Collect();
        var witOptions = context.AnalyzerConfigOptionsProvider.Select(static (options, _) => new Parsing.Wit.WitOptions(
            Property(options, "WasmMarshalWitWorld"), Property(options, "WasmMarshalWitNamespace"), Property(options, "RootNamespace")));
        var witDeclarations = witSources.Combine(witOptions)
            .Select(static (pair, ct) => Parsing.Wit.WitMapper.Declare(pair.Left, pair.Right, ct))
            .WithTrackingName(TrackingNames.WitDeclarations);
        var witBindings = witDeclarations.Combine(context.MetadataReferencesProvider.Collect())
            .Select(static (pair, ct) => Parsing.Wit.WitBinder.Bind(pair.Left, pair.Right, ct))
            .WithTrackingName(TrackingNames.WitBindings);
        context.RegisterSourceOutput(witDeclarations, static (spc, declarations) => Execute.EmitWitDeclarations(spc, declarations));
        context.RegisterSourceOutput(witBindings, static (spc, bindings) => Execute.EmitWitBindings(spc, bindings));
    }

    private static string Property(Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider options, string name) =>
        options.GlobalOptions.TryGetValue("build_property." + name, out var value) ? value.Trim() : "";

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

        public static void EmitWitDeclarations(SourceProductionContext context, Parsing.Wit.WitDeclarations declarations)
        {
            Report(context, declarations.Diagnostics);
            if (declarations.Source.Length > 0)
            {
                context.AddSource("WasmMarshal.Wit.g.cs", declarations.Source);
            }
        }

        public static void EmitWitBindings(SourceProductionContext context, Parsing.Wit.WitBindings bindings)
        {
            Report(context, bindings.Diagnostics);
            foreach (var model in bindings.Models)
            {
                context.AddSource(model.HintName + ".WasmMarshal.g.cs", InterfaceEmitter.Emit(model));
            }
        }

        private static void Report(SourceProductionContext context, EquatableArray<Parsing.Wit.WitDiagnosticInfo> diagnostics)
        {
            foreach (var info in diagnostics)
            {
                if (Diagnostics.DiagnosticDescriptors.ById(info.Id) is { } descriptor)
                {
                    // The message is already formatted: carry it through a copy of the descriptor whose format is "{0}".
                    var carrier = new DiagnosticDescriptor(descriptor.Id, descriptor.Title, "{0}", descriptor.Category,
                        descriptor.DefaultSeverity, descriptor.IsEnabledByDefault, descriptor.Description, descriptor.HelpLinkUri);
                    // WASM030-WASM039 carry their argument; a re-placed InterfaceParser diagnostic its whole message.
                    bool isWit = string.CompareOrdinal(info.Id, "WASM030") >= 0 && string.CompareOrdinal(info.Id, "WASM039") <= 0;
                    string message = isWit
                        ? string.Format(System.Globalization.CultureInfo.InvariantCulture, descriptor.MessageFormat.ToString(), info.Message)
                        : info.Message;
                    context.ReportDiagnostic(Diagnostic.Create(carrier, info.Location.ToLocation(), message));
                }
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
