using System.Threading;
using MessageTrace.Generator.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MessageTrace.Generator.Parsing;

/// <summary>Finds invocations of <c>[TracedHandler]</c> methods.</summary>
internal static class HandlerCallParser
{
    /// <summary>
    /// Handlers take at least the message, so a call without arguments is theirs only in reduced
    /// extension form (<c>message.Handle()</c>).
    /// </summary>
    public static bool IsCandidate(SyntaxNode node) =>
        node is InvocationExpressionSyntax invocation
        && (invocation.ArgumentList.Arguments.Count > 0 || invocation.Expression is MemberAccessExpressionSyntax or MemberBindingExpressionSyntax)
        && CallSyntax.InvokedName(invocation) is not null;

    public static HandlerCall? Parse(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        try
        {
            var invocation = (InvocationExpressionSyntax)context.Node;
            if (invocation.Expression is MemberAccessExpressionSyntax { Expression: BaseExpressionSyntax })
            {
                // base.Handle(m) in an override: the override's own call was traced; an interceptor
                // could only call back virtually, into the override.
                return null;
            }

            var model = context.SemanticModel;
            if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method)
            {
                return null;
            }

            var definition = (method.ReducedFrom ?? method).OriginalDefinition;
            if (TracedScopes.FindAttribute(definition, KnownNames.TracedHandlerAttribute) is null
                || definition.GetDocumentationCommentId() is not { } key
                || Locations.Intercept(model, invocation, cancellationToken) is not { } location)
            {
                return null;
            }

            return new HandlerCall(key, location);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return null;
        }
    }
}
