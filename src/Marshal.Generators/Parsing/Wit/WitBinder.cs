using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using WasmMarshal.Generators.Model;

namespace WasmMarshal.Generators.Parsing.Wit;

/// <summary>
/// Turns the C# declarations written from WIT into interface models. A generator cannot see its own output, so the
/// declarations are compiled on their own against the project's metadata references (WasmMarshal.Runtime among them)
/// and read by the same <see cref="InterfaceParser"/> as hand-written interfaces: the stubs are then exactly those a
/// hand-written interface of the same shape gets. Its diagnostics are moved to the WIT function they are about.
/// </summary>
internal static class WitBinder
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static WitBindings Bind(WitDeclarations declarations, ImmutableArray<MetadataReference> references, CancellationToken cancellationToken)
    {
        if (declarations.Source.Length == 0)
        {
            return WitBindings.Empty;
        }

        var tree = CSharpSyntaxTree.ParseText(declarations.Source, ParseOptions, "WasmMarshal.Wit.g.cs", cancellationToken: cancellationToken);
        var compilation = CSharpCompilation.Create("WasmMarshal.Wit", new[] { tree }, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary).WithNullableContextOptions(NullableContextOptions.Enable));
        var models = new List<InterfaceModel>();
        var diagnostics = new List<WitDiagnosticInfo>();
        if (compilation.GetTypeByMetadataName(InterfaceParser.ImportAttribute) is null)
        {
            var first = declarations.Interfaces.FirstOrDefault();
            if (first is not null)
            {
                diagnostics.Add(new WitDiagnosticInfo(WitResolver.WorldError,
                    "the project does not reference WasmMarshal.Runtime, whose attributes the interfaces generated from WIT need", first.Location));
            }

            return new WitBindings(default, new EquatableArray<WitDiagnosticInfo>(diagnostics));
        }

        foreach (var origin in declarations.Interfaces)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var symbol = compilation.GetTypeByMetadataName(origin.MetadataName);
            if (symbol is null)
            {
                continue;
            }

            var result = InterfaceParser.Parse(symbol, origin.Direction, cancellationToken);
            if (result.Model is not null)
            {
                models.Add(result.Model);
            }

            foreach (var diagnostic in result.Diagnostics)
            {
                diagnostics.Add(new WitDiagnosticInfo(diagnostic.Id, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), Place(diagnostic, origin, cancellationToken)));
            }
        }

        return new WitBindings(new EquatableArray<InterfaceModel>(models), new EquatableArray<WitDiagnosticInfo>(diagnostics));
    }

    /// <summary>The WIT function whose generated method the diagnostic is on, else the WIT interface.</summary>
    private static WitLocation Place(Diagnostic diagnostic, WitInterfaceOrigin origin, CancellationToken cancellationToken)
    {
        var tree = diagnostic.Location.SourceTree;
        if (tree is not null)
        {
            var node = tree.GetRoot(cancellationToken).FindNode(diagnostic.Location.SourceSpan);
            var method = node.AncestorsAndSelf().OfType<MethodDeclarationSyntax>().FirstOrDefault();
            if (method is not null && origin.Methods.FirstOrDefault(m => m.CSharpName == method.Identifier.ValueText) is { } found)
            {
                return found.Location;
            }
        }

        return origin.Location;
    }
}
