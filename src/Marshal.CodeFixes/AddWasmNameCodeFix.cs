using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace WasmMarshal.CodeFixes;

/// <summary>
/// WASM006 (two methods, one wasm name) and WASM014 (a name the guest's allocator, memory or toolchain exports use):
/// gives the method <c>[WasmName("...")]</c> with the free name the analyzer proposed, or changes the one it has.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddWasmNameCodeFix)), Shared]
public sealed class AddWasmNameCodeFix : CodeFixProvider
{
    private const string WasmName = "WasmMarshal.WasmNameAttribute";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("WASM006", "WASM014");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var diagnostic = context.Diagnostics[0];
        if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.ProposedWasmName, out var name) || name is null)
        {
            return;
        }

        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                $"Name it '{name}' in wasm with [WasmName]",
                cancellationToken => FixAsync(context.Document, root, method, name, cancellationToken),
                equivalenceKey: nameof(AddWasmNameCodeFix) + diagnostic.Id),
            diagnostic);
    }

    private static async Task<Document> FixAsync(Document document, SyntaxNode root, MethodDeclarationSyntax method, string name, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model is null)
        {
            return document;
        }

        var literal = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(name));
        SyntaxNode newRoot = AttributeEditing.Find(method.AttributeLists, model, WasmName, cancellationToken) is { } existing
            ? root.ReplaceNode(existing, existing.WithArgumentList(AttributeEditing.Arguments(literal)))
            : root.ReplaceNode(method, AttributeEditing.AddOnOwnLine(method, AttributeEditing.List("global::WasmMarshal.WasmName", literal), root));
        return await AttributeEditing.SimplifyAsync(document.WithSyntaxRoot(newRoot), cancellationToken).ConfigureAwait(false);
    }
}
