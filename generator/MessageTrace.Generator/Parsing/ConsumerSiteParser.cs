using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using MessageTrace.Generator.Profiles;
using MessageTrace.Generator.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MessageTrace.Generator.Parsing;

/// <summary>
/// Classifies receive and settle calls inside <c>[TracedConsumer]</c> scopes. Pull consumption is traced
/// per scope, so outside one these are not calls MessageTrace is asked to trace.
/// </summary>
internal static class ConsumerSiteParser
{
    private static readonly ImmutableHashSet<string> s_names = BrokerCatalog.Profiles
        .SelectMany(static p => p.Receives.Select(static r => r.MethodName).Concat(p.Settles.Select(static s => s.MethodName)))
        .ToImmutableHashSet(System.StringComparer.Ordinal);

    public static bool IsCandidate(SyntaxNode node) => CallSyntax.IsInvocationOf(node, s_names);

    public static CallVerdict<ConsumerSite>? Classify(SemanticModel model, InvocationExpressionSyntax invocation, CancellationToken cancellationToken) =>
        CallBinding.Method(model, invocation, cancellationToken) is { } method ? Classify(model, invocation, method, cancellationToken) : null;

    /// <summary>Classifies a call already bound to <paramref name="method"/>, so a caller that asks several parsers binds it once.</summary>
    public static CallVerdict<ConsumerSite>? Classify(SemanticModel model, InvocationExpressionSyntax invocation, IMethodSymbol method, CancellationToken cancellationToken)
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

    private static CallVerdict<ConsumerSite>? ClassifyCore(SemanticModel model, InvocationExpressionSyntax invocation, IMethodSymbol method, CancellationToken cancellationToken)
    {
        string id;
        var operation = ConsumerOperation.Receive;
        if (OperationMatcher.MatchReceive(method) is { } receive)
        {
            id = receive.Operation.Id;
        }
        else if (OperationMatcher.MatchSettle(method) is { } settle)
        {
            id = settle.Operation.Id;
            operation = ConsumerOperation.Settle;
        }
        else
        {
            return CallVerdict<ConsumerSite>.SkipIf(UnknownCallParser.Classify(model, invocation, method, cancellationToken));
        }

        if (TracedScopes.FindConsumerScope(model, invocation, cancellationToken) is not { } options)
        {
            return null;
        }

        if (options.ConsumerGroup is null && BuilderConsumerGroups.Find(model, invocation, cancellationToken) is { } group)
        {
            // Neither the scope nor the defaults name the group: the consumer's builder in this file does.
            options = options with { ConsumerGroup = group };
        }

        if (operation == ConsumerOperation.Settle && !options.TraceSettle)
        {
            return CallVerdict<ConsumerSite>.Skip(Skips.SettleNotTraced(method));
        }

        if (Locations.Intercept(model, invocation, cancellationToken) is not { } location)
        {
            return CallVerdict<ConsumerSite>.Skip(Skips.NotInterceptable(operation == ConsumerOperation.Settle ? CallKind.Settle : CallKind.Receive, method));
        }

        return CallVerdict<ConsumerSite>.Trace(new ConsumerSite(id, operation, Signatures.From(method), location, options));
    }
}
