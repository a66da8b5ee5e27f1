using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MessageTrace.Generator.Pipeline;

/// <summary>
/// A hash of what one file declares: every token outside the bodies of methods, accessors, operators,
/// constructors and top-level statements, without trivia. What a call in another file binds to depends
/// only on declarations (types, members, signatures, attributes, constants, usings), so two compilations
/// whose files have the same shapes bind every call the same way; an edit inside a body or a comment
/// leaves the shape as it was.
/// </summary>
internal static class DeclarationShape
{
    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    public static ulong Of(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var root = tree.GetRoot(cancellationToken);
        ulong hash = OffsetBasis;
        foreach (var token in root.DescendantTokens(static node => !IsBody(node)))
        {
            hash = Mix(hash, (ulong)token.RawKind);
            foreach (char c in token.Text)
            {
                hash = Mix(hash, c);
            }
        }

        // Top-level statements declare the program's entry point type, whatever they say.
        if (root is CompilationUnitSyntax unit && unit.Members.Count > 0 && unit.Members[0] is GlobalStatementSyntax)
        {
            hash = Mix(hash, ulong.MaxValue);
        }

        return hash;
    }

    private static ulong Mix(ulong hash, ulong value) => unchecked((hash ^ value) * Prime);

    /// <summary>Code no other file can bind to: a member's body, or a top-level statement.</summary>
    private static bool IsBody(SyntaxNode node) => node switch
    {
        GlobalStatementSyntax => true,
        BlockSyntax { Parent: BaseMethodDeclarationSyntax or AccessorDeclarationSyntax } => true,
        ArrowExpressionClauseSyntax { Parent: BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or BasePropertyDeclarationSyntax } => true,
        _ => false,
    };
}
