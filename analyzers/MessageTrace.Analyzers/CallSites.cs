using System;
using System.Threading;
using MessageTrace.Generator;
using MessageTrace.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace MessageTrace.Analyzers;

/// <summary>A messaging call site and the generator's verdict on it: traced when <see cref="Skipped"/> is null.</summary>
internal sealed record CallSite(CallKind Kind, NotTraced? Skipped, InvocationExpressionSyntax Syntax);

/// <summary>
/// Asks the generator's own parsers about an invocation, each behind the syntactic prefilter its
/// pipeline uses, so an analyzer sees exactly the verdict the generator acts on. The analyzers report
/// what a verdict says and decide nothing themselves.
/// </summary>
internal static class CallSites
{
    /// <summary>A send the catalogue knows, or a broker method named like one.</summary>
    public static CallSite? Send(IInvocationOperation operation, CancellationToken cancellationToken) =>
        Ask(operation, SendSiteParser.IsCandidate, SendSiteParser.Classify, static _ => CallKind.Send, cancellationToken);

    /// <summary>A send through a user-defined carrier.</summary>
    public static CallSite? CustomSend(IInvocationOperation operation, CancellationToken cancellationToken) =>
        Ask(operation, HandlerCallParser.IsCandidate, CustomSendParser.Classify, static _ => CallKind.Send, cancellationToken);

    public static CallSite? Consumer(IInvocationOperation operation, CancellationToken cancellationToken) =>
        Ask(operation, ConsumerSiteParser.IsCandidate, ConsumerSiteParser.Classify, static site => site.Operation == ConsumerOperation.Settle ? CallKind.Settle : CallKind.Receive, cancellationToken);

    public static CallSite? Registration(IInvocationOperation operation, CancellationToken cancellationToken) =>
        Ask(operation, RegistrationParser.IsCandidate, RegistrationParser.Classify, static _ => CallKind.Registration, cancellationToken);

    public static CallSite? HandlerCall(IInvocationOperation operation, CancellationToken cancellationToken) =>
        Ask(operation, HandlerCallParser.IsCandidate, HandlerCallParser.Classify, static _ => CallKind.HandlerCall, cancellationToken);

    /// <summary>Whatever messaging call this is; the parsers recognise disjoint sets of calls.</summary>
    public static CallSite? Any(IInvocationOperation operation, CancellationToken cancellationToken) =>
        Send(operation, cancellationToken)
        ?? Consumer(operation, cancellationToken)
        ?? Registration(operation, cancellationToken)
        ?? HandlerCall(operation, cancellationToken)
        ?? CustomSend(operation, cancellationToken);

    private static CallSite? Ask<T>(
        IInvocationOperation operation,
        Func<SyntaxNode, bool> isCandidate,
        Func<SemanticModel, InvocationExpressionSyntax, CancellationToken, CallVerdict<T>?> classify,
        Func<T, CallKind> kindOf,
        CancellationToken cancellationToken)
        where T : class
    {
        if (operation.Syntax is not InvocationExpressionSyntax syntax || !isCandidate(syntax) || operation.SemanticModel is not { } model)
        {
            return null;
        }

        return classify(model, syntax, cancellationToken) switch
        {
            { Skipped: { } skipped } => new CallSite(skipped.Kind, skipped, syntax),
            { Traced: { } traced } => new CallSite(kindOf(traced), null, syntax),
            _ => null,
        };
    }
}
