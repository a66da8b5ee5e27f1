using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MessageTrace.Generator.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MessageTrace.CodeFixes;

/// <summary>
/// Turns on <c>TraceAllProducers</c> in the project's <c>[assembly: MessageTraceDefaults]</c>: sets it
/// on the existing attribute wherever that is, or adds the attribute to this file.
/// </summary>
internal static class AssemblyDefaults
{
    private const string Option = "TraceAllProducers";

    public static async Task<Solution> TraceAllProducersAsync(Document document, CancellationToken cancellationToken)
    {
        var solution = document.Project.Solution;
        if (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model
            || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not CompilationUnitSyntax root)
        {
            return solution;
        }

        if (TracedScopes.FindDefaults(model.Compilation)?.ApplicationSyntaxReference is { } reference
            && solution.GetDocument(reference.SyntaxTree) is { } owner
            && await reference.GetSyntaxAsync(cancellationToken).ConfigureAwait(false) is AttributeSyntax existing)
        {
            var ownerRoot = await reference.SyntaxTree.GetRootAsync(cancellationToken).ConfigureAwait(false);
            return owner.WithSyntaxRoot(ownerRoot.ReplaceNode(existing, WithOption(existing))).Project.Solution;
        }

        var endOfLine = Trivia.EndOfLine(root);
        var list = SyntaxFactory.AttributeList(
                SyntaxFactory.AttributeTargetSpecifier(SyntaxFactory.Token(SyntaxKind.AssemblyKeyword)),
                SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Attribute(
                    SyntaxFactory.IdentifierName("MessageTraceDefaults"),
                    SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(Argument())))))
            .NormalizeWhitespace();
        var updated = root;
        if (root.AttributeLists.Count > 0)
        {
            updated = root.WithAttributeLists(root.AttributeLists.Add(list.WithTrailingTrivia(endOfLine)));
        }
        else if (root.Members.FirstOrDefault() is { } firstMember)
        {
            var first = firstMember.GetFirstToken();
            updated = root
                .ReplaceToken(first, first.WithLeadingTrivia())
                .WithAttributeLists(SyntaxFactory.SingletonList(list.WithLeadingTrivia(first.LeadingTrivia).WithTrailingTrivia(endOfLine, endOfLine)));
        }

        if (model.Compilation.GetTypeByMetadataName(KnownNames.DefaultsAttribute) is { } defaultsType
            && !UsingDirectives.IsInScope(model, root.Members.FirstOrDefault()?.SpanStart ?? 0, defaultsType))
        {
            updated = UsingDirectives.Add(updated, endOfLine);
        }

        return document.WithSyntaxRoot(updated).Project.Solution;
    }

    private static AttributeArgumentSyntax Argument() =>
        SyntaxFactory.AttributeArgument(
                SyntaxFactory.NameEquals(SyntaxFactory.IdentifierName(Option)),
                nameColon: null,
                SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression))
            .NormalizeWhitespace();

    private static AttributeSyntax WithOption(AttributeSyntax attribute)
    {
        var arguments = attribute.ArgumentList?.Arguments ?? default;
        foreach (var argument in arguments)
        {
            if (argument.NameEquals?.Name.Identifier.ValueText == Option)
            {
                return attribute.ReplaceNode(argument.Expression, SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression).WithTriviaFrom(argument.Expression));
            }
        }

        var items = arguments.Add(Argument());
        var separators = Enumerable.Repeat(SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.CommaToken, SyntaxFactory.TriviaList(SyntaxFactory.Space)), items.Count - 1);
        var list = SyntaxFactory.SeparatedList(items.Select(static a => a.WithoutTrivia()), separators);
        return attribute.WithArgumentList((attribute.ArgumentList ?? SyntaxFactory.AttributeArgumentList()).WithArguments(list));
    }
}
