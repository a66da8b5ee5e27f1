using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MessageTrace.CodeFixes;

/// <summary>
/// Adds an attribute list to a declaration in the user's layout: on its own line above the declaration
/// when the declaration starts a line (after any existing attributes, keeping doc comments on top),
/// inline followed by a space otherwise.
/// </summary>
internal static class AttributeInsertion
{
    /// <param name="original">The declaration as it is in the tree, for the layout around it.</param>
    /// <param name="declaration">The declaration to add to (the original, or a rewrite of it).</param>
    /// <param name="list">The attribute list.</param>
    /// <param name="endOfLine">The document's line ending.</param>
    public static SyntaxNode Add(SyntaxNode original, SyntaxNode declaration, AttributeListSyntax list, SyntaxTrivia endOfLine)
    {
        // No elastic trivia: code action clean-up would reformat around it.
        list = list.NormalizeWhitespace();
        var lists = AttributeLists(declaration);
        var first = declaration.GetFirstToken();
        if (lists.Count > 0)
        {
            // After the existing attributes, laid out like the token that follows them.
            var next = AttributeLists(original)[lists.Count - 1].GetLastToken().GetNextToken();
            list = Trivia.StartsLine(next)
                ? list.WithLeadingTrivia(Trivia.Indentation(next)).WithTrailingTrivia(endOfLine)
                : list.WithLeadingTrivia().WithTrailingTrivia(SyntaxFactory.Space);
            return WithAttributeLists(declaration, lists.Add(list));
        }

        if (Trivia.StartsLine(original.GetFirstToken()))
        {
            list = list.WithLeadingTrivia(first.LeadingTrivia).WithTrailingTrivia(endOfLine);
            declaration = declaration.ReplaceToken(first, first.WithLeadingTrivia(Trivia.Indentation(first)));
        }
        else
        {
            list = list.WithLeadingTrivia(first.LeadingTrivia).WithTrailingTrivia(SyntaxFactory.Space);
            declaration = declaration.ReplaceToken(first, first.WithLeadingTrivia());
        }

        return WithAttributeLists(declaration, SyntaxFactory.SingletonList(list));
    }

    public static bool CanCarryAttributes(SyntaxNode node) =>
        node is MemberDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax;

    private static SyntaxList<AttributeListSyntax> AttributeLists(SyntaxNode declaration) => declaration switch
    {
        MemberDeclarationSyntax member => member.AttributeLists,
        LocalFunctionStatementSyntax localFunction => localFunction.AttributeLists,
        AccessorDeclarationSyntax accessor => accessor.AttributeLists,
        _ => default,
    };

    private static SyntaxNode WithAttributeLists(SyntaxNode declaration, SyntaxList<AttributeListSyntax> lists) => declaration switch
    {
        MemberDeclarationSyntax member => member.WithAttributeLists(lists),
        LocalFunctionStatementSyntax localFunction => localFunction.WithAttributeLists(lists),
        AccessorDeclarationSyntax accessor => accessor.WithAttributeLists(lists),
        _ => declaration,
    };
}
