using System.Threading;
using MessageTrace.Generator.Emit;
using MessageTrace.Generator.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MessageTrace.Generator.Parsing;

/// <summary>
/// Classifies sends through user-defined carriers. A method taking a <c>[MessageHeaders]</c> carrier is a
/// send only inside a traced producer scope: outside one it may be the bus's own plumbing.
/// </summary>
internal static class CustomSendParser
{
    public static CallVerdict<SendSite>? Classify(SemanticModel model, InvocationExpressionSyntax invocation, CancellationToken cancellationToken) =>
        CallBinding.Method(model, invocation, cancellationToken) is { } method ? Classify(model, invocation, method, cancellationToken) : null;

    /// <summary>Classifies a call already bound to <paramref name="method"/>, so a caller that asks several parsers binds it once.</summary>
    public static CallVerdict<SendSite>? Classify(SemanticModel model, InvocationExpressionSyntax invocation, IMethodSymbol method, CancellationToken cancellationToken)
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

    private static CallVerdict<SendSite>? ClassifyCore(SemanticModel model, InvocationExpressionSyntax invocation, IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (OperationMatcher.MatchSend(method) is not null)
        {
            return null;
        }

        var definition = (method.ReducedFrom ?? method).OriginalDefinition;
        if (TracedScopes.FindAttribute(definition, KnownNames.TracedHandlerAttribute) is not null
            || CustomCarriers.SendRecipe(method) is not { } found
            || TracedScopes.FindProducerScope(model, invocation, cancellationToken) is not { } options)
        {
            return null;
        }

        if (Locations.Intercept(model, invocation, cancellationToken) is not { } location)
        {
            return CallVerdict<SendSite>.Skip(Skips.NotInterceptable(CallKind.Send, method));
        }

        options = DestinationTemplates.Derive(options, invocation, method, found.Recipe);
        string key = definition.GetDocumentationCommentId() ?? definition.ToDisplayString();
        return CallVerdict<SendSite>.Trace(new SendSite(
            "Send_" + definition.Name + "_" + StableNames.Hash(key),
            CustomCarriers.ProfileId,
            found.System,
            found.Recipe,
            Signatures.OfCall(method),
            location,
            options));
    }
}
