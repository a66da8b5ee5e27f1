using System.Threading;
using MessageTrace.Generator.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MessageTrace.Generator.Parsing;

/// <summary>Classifies invocations of <c>[TracedHandler]</c> methods (and of overrides that dropped the attribute).</summary>
internal static class HandlerCallParser
{
    /// <summary>
    /// Handlers take at least the message, so a call without arguments is theirs only in reduced
    /// extension form (<c>message.Handle()</c>).
    /// </summary>
    public static bool IsCandidate(SyntaxNode node) =>
        node is InvocationExpressionSyntax invocation
        && (invocation.ArgumentList.Arguments.Count > 0 || CallSyntax.Invoked(invocation) is MemberAccessExpressionSyntax or MemberBindingExpressionSyntax)
        && CallSyntax.InvokedName(invocation) is not null;

    public static CallVerdict<HandlerCall>? Classify(SemanticModel model, InvocationExpressionSyntax invocation, CancellationToken cancellationToken) =>
        CallBinding.Method(model, invocation, cancellationToken) is { } method ? Classify(model, invocation, method, cancellationToken) : null;

    /// <summary>Classifies a call already bound to <paramref name="method"/>, so a caller that asks several parsers binds it once.</summary>
    public static CallVerdict<HandlerCall>? Classify(SemanticModel model, InvocationExpressionSyntax invocation, IMethodSymbol method, CancellationToken cancellationToken)
    {
        try
        {
            return ClassifyCore(model, invocation, method, cancellationToken);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return null;
        }
    }

    private static CallVerdict<HandlerCall>? ClassifyCore(SemanticModel model, InvocationExpressionSyntax invocation, IMethodSymbol method, CancellationToken cancellationToken)
    {
        var definition = (method.ReducedFrom ?? method).OriginalDefinition;
        if (TracedScopes.FindAttribute(definition, KnownNames.TracedHandlerAttribute) is not { } attribute)
        {
            return TracedOverridden(definition) is { } traced ? CallVerdict<HandlerCall>.Skip(Skips.OverrideNotMarked(definition, traced)) : null;
        }

        if (invocation.Expression is MemberAccessExpressionSyntax { Expression: BaseExpressionSyntax })
        {
            // base.Handle(m) in an override: an interceptor could only call back virtually, into the
            // override, which would recurse.
            return CallVerdict<HandlerCall>.Skip(Skips.BaseCall(definition));
        }

        var handler = HandlerParser.Parse(definition, attribute, model.Compilation, cancellationToken);
        if (handler.Problem is { } problem)
        {
            return CallVerdict<HandlerCall>.Skip(Skips.Handler(CallKind.HandlerCall, problem));
        }

        if (Locations.Intercept(model, invocation, cancellationToken) is not { } location)
        {
            return CallVerdict<HandlerCall>.Skip(Skips.NotInterceptable(CallKind.HandlerCall, definition));
        }

        return CallVerdict<HandlerCall>.Trace(new HandlerCall(handler.Model!, location));
    }

    /// <summary>The traced handler an unmarked override overrides: calls through the derived type bind to the override.</summary>
    private static IMethodSymbol? TracedOverridden(IMethodSymbol method)
    {
        for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
        {
            if (TracedScopes.FindAttribute(overridden.OriginalDefinition, KnownNames.TracedHandlerAttribute) is not null)
            {
                return overridden.OriginalDefinition;
            }
        }

        return null;
    }
}
