using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace WasmMarshal.CodeFixes;

/// <summary>
/// WASM009 for a <c>ref string</c> or <c>out string</c> parameter of a method that returns void: the string becomes
/// the return value. An <c>out</c> parameter goes away; a <c>ref</c> one stays as the input, passed by value. A
/// [WasmString] on the parameter also applies to the return value (<c>[return: WasmString(...)]</c>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReturnStringCodeFix)), Shared]
public sealed class ReturnStringCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("WASM009");

    /// <summary>A method can return only one of its strings, so each is fixed on its own.</summary>
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var diagnostic = context.Diagnostics[0];
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<ParameterSyntax>() is not { Type: { } type } parameter
            || parameter.Parent?.Parent is not MethodDeclarationSyntax method
            || method.ReturnType is not PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword }
            || model?.GetTypeInfo(type, context.CancellationToken).Type?.SpecialType != SpecialType.System_String)
        {
            return;
        }

        var modifier = parameter.Modifiers.FirstOrDefault(m => m.IsKind(SyntaxKind.RefKeyword) || m.IsKind(SyntaxKind.OutKeyword));
        if (modifier.RawKind == 0)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                $"Return '{parameter.Identifier.Text}' instead of passing it by '{modifier.Text}'",
                _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(method, Fix(method, parameter, type, modifier)))),
                equivalenceKey: nameof(ReturnStringCodeFix)),
            diagnostic);
    }

    private static MethodDeclarationSyntax Fix(MethodDeclarationSyntax method, ParameterSyntax parameter, TypeSyntax type, SyntaxToken modifier)
    {
        bool isOut = modifier.IsKind(SyntaxKind.OutKeyword);
        var returnAttributes = parameter.AttributeLists
            .Select(list => list
                .WithTarget(SyntaxFactory.AttributeTargetSpecifier(SyntaxFactory.Token(SyntaxKind.ReturnKeyword), SyntaxFactory.Token(SyntaxKind.ColonToken).WithTrailingTrivia(SyntaxFactory.Space)))
                .WithoutTrivia())
            .ToList();

        var parameters = method.ParameterList.Parameters;
        parameters = isOut
            ? parameters.Remove(parameter)
            : parameters.Replace(parameter, parameter.WithModifiers(parameter.Modifiers.Remove(modifier)).WithType(type.WithLeadingTrivia(modifier.LeadingTrivia)));
        var fixedMethod = method
            .WithParameterList(method.ParameterList.WithParameters(parameters))
            .WithReturnType(type.WithoutTrivia().WithTriviaFrom(method.ReturnType));

        foreach (var list in returnAttributes)
        {
            fixedMethod = (MethodDeclarationSyntax)AttributeEditing.AddOnOwnLine(fixedMethod, list, method.SyntaxTree.GetRoot());
        }

        return fixedMethod;
    }
}
