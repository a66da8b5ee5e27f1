using System.Collections.Immutable;
using System.Linq;
using MessageTrace.Generator.Parsing;
using MessageTrace.Generator.Profiles;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MessageTrace.Generator.Pipeline;

/// <summary>Which parsers a call is a candidate for; a call no parser wants is never bound.</summary>
[System.Flags]
internal enum CandidateKinds
{
    None = 0,
    Send = 1,
    CustomSend = 2,
    HandlerCall = 4,
    Registration = 8,
    Consumer = 16,

    /// <summary>A call, inside a <c>[TracedHandler]</c>, named like a <c>[TracedProducer]</c> method: where a handler's messages lead (topology).</summary>
    ProducerCall = 32,
}

/// <summary>
/// The syntactic prefilter of the bind step, built from cheap facts: the broker method names the
/// profiles declare, and the names of the <c>[TracedHandler]</c> methods and <c>[TracedProducer]</c>
/// scopes the attribute steps collected. A call whose name and surroundings match none of them cannot
/// be traced, so it is not bound.
/// </summary>
/// <param name="HandlerNames">Names of the methods marked <c>[TracedHandler]</c>, ordinal and distinct.</param>
/// <param name="ProducerScopeNames">Names of the declarations marked <c>[TracedProducer]</c>, ordinal and distinct.</param>
internal sealed record CallCandidates(EquatableArray<string> HandlerNames, EquatableArray<string> ProducerScopeNames)
{
    private static readonly ImmutableHashSet<string> s_sends = BrokerCatalog.SendMethodNames;

    private static readonly ImmutableHashSet<string> s_registrations = BrokerCatalog.Profiles
        .SelectMany(static p => p.Registrations.Select(static r => r.MethodName))
        .ToImmutableHashSet(System.StringComparer.Ordinal);

    private static readonly ImmutableHashSet<string> s_consumers = BrokerCatalog.Profiles
        .SelectMany(static p => p.Receives.Select(static r => r.MethodName).Concat(p.Settles.Select(static s => s.MethodName)))
        .ToImmutableHashSet(System.StringComparer.Ordinal);

    /// <summary>The parsers <paramref name="invocation"/> is a candidate for.</summary>
    /// <param name="everyCallInScope">The assembly defaults trace every producer, so any call may send through a carrier.</param>
    public CandidateKinds Of(InvocationExpressionSyntax invocation, bool everyCallInScope)
    {
        if (CallSyntax.InvokedName(invocation) is not { } name)
        {
            return CandidateKinds.None;
        }

        var kinds = CandidateKinds.None;
        if (s_sends.Contains(name))
        {
            kinds |= CandidateKinds.Send;
        }

        if (s_registrations.Contains(name))
        {
            kinds |= CandidateKinds.Registration;
        }

        if (s_consumers.Contains(name))
        {
            kinds |= CandidateKinds.Consumer;
        }

        if (Contains(ProducerScopeNames, name) && InHandler(invocation))
        {
            kinds |= CandidateKinds.ProducerCall;
        }

        if (HandlerCallParser.IsCandidate(invocation))
        {
            if (Contains(HandlerNames, name))
            {
                kinds |= CandidateKinds.HandlerCall;
            }

            if (everyCallInScope || InProducerScope(invocation))
            {
                kinds |= CandidateKinds.CustomSend;
            }
        }

        return kinds;
    }

    /// <summary>
    /// Whether a declaration around the call is named like a <c>[TracedProducer]</c> scope, or is a lambda
    /// with attributes: a superset of the scopes <see cref="Recognition.TracedScopes"/> finds, including
    /// the other parts of a partial type marked in another file.
    /// </summary>
    private bool InProducerScope(SyntaxNode call)
    {
        if (ProducerScopeNames.Count == 0)
        {
            return false;
        }

        foreach (var ancestor in call.Ancestors())
        {
            if (ancestor is LambdaExpressionSyntax { AttributeLists.Count: > 0 }
                || (DeclarationNames.Of(ancestor) is { } declared && Contains(ProducerScopeNames, declared)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a method around the call is named like a <c>[TracedHandler]</c> method.</summary>
    private bool InHandler(SyntaxNode call)
    {
        foreach (var ancestor in call.Ancestors())
        {
            if (ancestor is MethodDeclarationSyntax or LocalFunctionStatementSyntax && DeclarationNames.Of(ancestor) is { } declared && Contains(HandlerNames, declared))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Contains(EquatableArray<string> sorted, string name) =>
        sorted.AsImmutableArray().BinarySearch(name, System.StringComparer.Ordinal) >= 0;
}
