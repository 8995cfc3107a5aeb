using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace WasmMarshal.CodeFixes;

/// <summary>Adding an attribute on a line of its own above a member, and finding an attribute a member already has.</summary>
internal static class AttributeEditing
{
    /// <summary>
    /// <c>[global::Name(argument)]</c>, marked for the simplifier, so that it reads <c>[Name(argument)]</c> where the
    /// file has the <c>using</c> and stays fully qualified where it has not.
    /// </summary>
    public static AttributeListSyntax List(string qualifiedName, ExpressionSyntax argument, SyntaxKind? target = null)
    {
        var attribute = SyntaxFactory.Attribute(
            SyntaxFactory.ParseName(qualifiedName).WithAdditionalAnnotations(Simplifier.Annotation),
            Arguments(argument));
        var list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(attribute));
        return target is { } kind
            ? list.WithTarget(SyntaxFactory.AttributeTargetSpecifier(SyntaxFactory.Token(kind), SyntaxFactory.Token(SyntaxKind.ColonToken).WithTrailingTrivia(SyntaxFactory.Space)))
            : list;
    }

    public static AttributeArgumentListSyntax Arguments(ExpressionSyntax argument) =>
        SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(
            SyntaxFactory.AttributeArgument(argument.WithAdditionalAnnotations(Simplifier.Annotation))));

    /// <summary><paramref name="member"/> with <paramref name="list"/> on a new line after its other attributes, indented as the member is.</summary>
    public static MemberDeclarationSyntax AddOnOwnLine(MemberDeclarationSyntax member, AttributeListSyntax list, SyntaxNode root)
    {
        var endOfLine = EndOfLine(root);
        if (member.AttributeLists.Count > 0)
        {
            // [A]⏎ belongs to the last list; the indentation before it is the member's.
            var indentation = member.AttributeLists[0].GetLeadingTrivia().Reverse().TakeWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).Reverse();
            return member.AddAttributeLists(list.WithLeadingTrivia(indentation).WithTrailingTrivia(endOfLine));
        }

        var leading = member.GetLeadingTrivia();
        var memberIndentation = leading.Reverse().TakeWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).Reverse();
        var withList = member.WithoutLeadingTrivia().AddAttributeLists(list.WithLeadingTrivia(leading).WithTrailingTrivia(endOfLine));
        var first = withList.AttributeLists.Last().GetLastToken().GetNextToken();
        return withList.ReplaceToken(first, first.WithLeadingTrivia(memberIndentation));
    }

    /// <summary>The attribute of type <paramref name="qualifiedName"/> among <paramref name="member"/>'s, or null.</summary>
    public static AttributeSyntax? Find(SyntaxList<AttributeListSyntax> lists, SemanticModel model, string qualifiedName, CancellationToken cancellationToken) =>
        lists.SelectMany(list => list.Attributes)
            .FirstOrDefault(a => model.GetSymbolInfo(a, cancellationToken).Symbol?.ContainingType?.ToDisplayString() == qualifiedName);

    /// <summary>The document with the annotated names reduced.</summary>
    public static Task<Document> SimplifyAsync(Document document, CancellationToken cancellationToken) =>
        Simplifier.ReduceAsync(document, Simplifier.Annotation, cancellationToken: cancellationToken);

    private static SyntaxTrivia EndOfLine(SyntaxNode root) =>
        root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is { RawKind: not 0 } existing
            ? existing
            : SyntaxFactory.LineFeed;
}
