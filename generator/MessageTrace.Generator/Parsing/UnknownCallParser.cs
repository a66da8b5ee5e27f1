using System.Threading;
using MessageTrace.Generator.Profiles;
using MessageTrace.Generator.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MessageTrace.Generator.Parsing;

/// <summary>
/// Classifies a broker call named like an operation the catalogue does not know (see
/// <see cref="UnknownOperations"/>), or one it knows and does not trace (<see cref="UntracedOperation"/>).
/// Either is a messaging call left untraced where tracing was asked for:
/// a send in a producer scope, a receive or acknowledgement in a consumer scope, a registration in any
/// traced scope or one that registers a traced listener.
/// </summary>
internal static class UnknownCallParser
{
    public static NotTraced? Classify(SemanticModel model, InvocationExpressionSyntax invocation, IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (OperationMatcher.MatchUntraced(method) is { } declared)
        {
            return IsAskedFor(model, invocation, declared.Profile, declared.Operation.Kind, cancellationToken)
                ? Skips.Untraced(declared.Operation, method)
                : null;
        }

        if (UnknownOperations.Match(method) is not { } found || !IsAskedFor(model, invocation, found.Profile, found.Kind, cancellationToken))
        {
            return null;
        }

        return Skips.UnknownOperation(found.Kind, found.Profile.Id, method);
    }

    private static bool IsAskedFor(SemanticModel model, InvocationExpressionSyntax invocation, BrokerProfile profile, CallKind kind, CancellationToken cancellationToken) => kind switch
    {
        CallKind.Send => TracedScopes.FindProducerScope(model, invocation, cancellationToken) is not null,
        CallKind.Receive or CallKind.Settle => TracedScopes.FindConsumerScope(model, invocation, cancellationToken) is not null,
        _ => TracedScopes.FindProducerScope(model, invocation, cancellationToken) is not null
            || TracedScopes.FindConsumerScope(model, invocation, cancellationToken) is not null
            || RegistersTracedListener(model, invocation, profile, cancellationToken),
    };

    private static bool RegistersTracedListener(SemanticModel model, InvocationExpressionSyntax invocation, BrokerProfile profile, CancellationToken cancellationToken)
    {
        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            foreach (var registration in profile.Registrations)
            {
                if (RegistrationParser.FindTracedCallback(model, argument.Expression, registration, cancellationToken) is not null)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
