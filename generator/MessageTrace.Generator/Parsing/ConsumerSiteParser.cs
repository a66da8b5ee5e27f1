using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using MessageTrace.Generator.Profiles;
using MessageTrace.Generator.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MessageTrace.Generator.Parsing;

/// <summary>Finds receive and settle calls inside <c>[TracedConsumer]</c> scopes.</summary>
internal static class ConsumerSiteParser
{
    private static readonly System.Collections.Immutable.ImmutableHashSet<string> s_names = BrokerCatalog.Profiles
        .SelectMany(static p => p.Receives.Select(static r => r.MethodName).Concat(p.Settles.Select(static s => s.MethodName)))
        .ToImmutableHashSet(System.StringComparer.Ordinal);

    public static bool IsCandidate(SyntaxNode node) => CallSyntax.IsInvocationOf(node, s_names);

    public static ConsumerSite? Parse(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        try
        {
            var invocation = (InvocationExpressionSyntax)context.Node;
            var model = context.SemanticModel;
            if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method)
            {
                return null;
            }

            string? id = null;
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

            if (id is null
                || TracedScopes.FindConsumerScope(model, invocation, cancellationToken) is not { } options
                || (operation == ConsumerOperation.Settle && !options.TraceSettle)
                || Locations.Intercept(model, invocation, cancellationToken) is not { } location)
            {
                return null;
            }

            return new ConsumerSite(id, operation, Signatures.From(method), location, options);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return null;
        }
    }
}
