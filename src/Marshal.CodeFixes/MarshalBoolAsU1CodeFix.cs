using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace WasmMarshal.CodeFixes;

/// <summary>
/// WASM004 when a bool field has no 1-byte size: gives the field <c>[MarshalAs(UnmanagedType.U1)]</c>, or corrects the
/// [MarshalAs] it has. The field may be in another file than the method that reported it: the diagnostic's additional
/// location is its declaration.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MarshalBoolAsU1CodeFix)), Shared]
public sealed class MarshalBoolAsU1CodeFix : CodeFixProvider
{
    private const string MarshalAs = "System.Runtime.InteropServices.MarshalAsAttribute";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("WASM004");

    /// <summary>Every method that passes the struct reports the same field; one fix serves them all.</summary>
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var diagnostic = context.Diagnostics[0];
        if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.BoolField, out var fieldName) || fieldName is null
            || diagnostic.AdditionalLocations.FirstOrDefault() is not { SourceTree: { } tree } fieldLocation
            || context.Document.Project.Solution.GetDocument(tree) is not { } document)
        {
            return Task.CompletedTask;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                $"Mark '{fieldName}' [MarshalAs(UnmanagedType.U1)]",
                cancellationToken => FixAsync(document, fieldLocation, cancellationToken),
                equivalenceKey: nameof(MarshalBoolAsU1CodeFix)),
            diagnostic);
        return Task.CompletedTask;
    }

    private static async Task<Solution> FixAsync(Document document, Location fieldLocation, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document.Project.Solution;
        }

        // A field's location is its variable declarator; an auto-property's backing field is reached through 'field:'.
        var node = root.FindNode(fieldLocation.SourceSpan);
        MemberDeclarationSyntax? member = node.FirstAncestorOrSelf<FieldDeclarationSyntax>();
        bool isProperty = member is null;
        member ??= node.FirstAncestorOrSelf<PropertyDeclarationSyntax>();
        if (member is null)
        {
            return document.Project.Solution;
        }

        var u1 = SyntaxFactory.ParseExpression("global::System.Runtime.InteropServices.UnmanagedType.U1");
        SyntaxNode newRoot = AttributeEditing.Find(member.AttributeLists, model, MarshalAs, cancellationToken) is { } existing
            ? root.ReplaceNode(existing, existing.WithArgumentList(AttributeEditing.Arguments(u1)))
            : root.ReplaceNode(member, AttributeEditing.AddOnOwnLine(member,
                AttributeEditing.List("global::System.Runtime.InteropServices.MarshalAs", u1, isProperty ? SyntaxKind.FieldKeyword : null), root));
        var fixedDocument = await AttributeEditing.SimplifyAsync(document.WithSyntaxRoot(newRoot), cancellationToken).ConfigureAwait(false);
        return fixedDocument.Project.Solution;
    }
}
