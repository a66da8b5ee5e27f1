using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MessageTrace.Generator.Recognition;

/// <summary>
/// The declarations around a node that can carry a scope attribute (<c>[TracedProducer]</c>,
/// <c>[TracedConsumer]</c>): local functions, lambdas with attributes, methods, accessors and types,
/// innermost first. These are the declarations <see cref="TracedScopes"/> looks at; where it stops at
/// the nearest attributed one to read options, this lists them all, so the analyzers can tell which
/// scopes a call falls into.
/// </summary>
internal static class ScopeDeclarations
{
    public static IEnumerable<(SyntaxNode Declaration, ISymbol Symbol)> Around(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
    {
        foreach (var ancestor in node.Ancestors())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Declared(model, ancestor, cancellationToken) is { } symbol)
            {
                yield return (ancestor, symbol);
            }
        }
    }

    /// <summary>The symbol a scope declaration declares, or null when <paramref name="node"/> is not one.</summary>
    public static ISymbol? Declared(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken) => node switch
    {
        LocalFunctionStatementSyntax localFunction => model.GetDeclaredSymbol(localFunction, cancellationToken),
        LambdaExpressionSyntax { AttributeLists.Count: > 0 } lambda => model.GetSymbolInfo(lambda, cancellationToken).Symbol,
        BaseMethodDeclarationSyntax method => model.GetDeclaredSymbol(method, cancellationToken),
        AccessorDeclarationSyntax accessor => model.GetDeclaredSymbol(accessor, cancellationToken),
        BaseTypeDeclarationSyntax type => model.GetDeclaredSymbol(type, cancellationToken),
        _ => null,
    };
}
