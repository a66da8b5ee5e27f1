using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MessageTrace.CodeFixes;

/// <summary>Where [TracedProducer] goes to cover a send: the nearest declaration that can carry it.</summary>
internal static class ProducerTargets
{
    /// <summary>
    /// The innermost local function, method, operator or accessor around <paramref name="node"/>; the
    /// type when the send sits where a method attribute cannot go (constructors, initializers,
    /// expression-bodied properties); null in top-level statements and interfaces.
    /// </summary>
    public static SyntaxNode? Find(SyntaxNode node)
    {
        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case LocalFunctionStatementSyntax or MethodDeclarationSyntax or OperatorDeclarationSyntax or ConversionOperatorDeclarationSyntax:
                    return ancestor;
                case AccessorDeclarationSyntax accessor when accessor.IsKind(SyntaxKind.GetAccessorDeclaration) || accessor.IsKind(SyntaxKind.SetAccessorDeclaration) || accessor.IsKind(SyntaxKind.InitAccessorDeclaration):
                    return ancestor;
                case ClassDeclarationSyntax or StructDeclarationSyntax or RecordDeclarationSyntax:
                    return ancestor;
                case InterfaceDeclarationSyntax or GlobalStatementSyntax:
                    return null;
            }
        }

        return null;
    }

    public static bool IsTopLevel(SyntaxNode node)
    {
        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case LocalFunctionStatementSyntax or BaseTypeDeclarationSyntax:
                    return false;
                case GlobalStatementSyntax:
                    return true;
            }
        }

        return false;
    }

    /// <summary>The name the code action's title uses.</summary>
    public static string Name(SyntaxNode target) => target switch
    {
        LocalFunctionStatementSyntax localFunction => localFunction.Identifier.ValueText,
        MethodDeclarationSyntax method => method.Identifier.ValueText,
        OperatorDeclarationSyntax op => "operator " + op.OperatorToken.ValueText,
        ConversionOperatorDeclarationSyntax conversion => "operator " + conversion.Type,
        AccessorDeclarationSyntax { Parent.Parent: BasePropertyDeclarationSyntax property } accessor => Owner(property) + "." + accessor.Keyword.ValueText,
        BaseTypeDeclarationSyntax type => type.Identifier.ValueText,
        _ => target.ToString(),
    };

    private static string Owner(BasePropertyDeclarationSyntax property) => property switch
    {
        PropertyDeclarationSyntax p => p.Identifier.ValueText,
        EventDeclarationSyntax e => e.Identifier.ValueText,
        _ => "this",
    };
}
