using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using MessageTrace.Generator.Profiles;
using MessageTrace.Generator.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MessageTrace.Generator.Parsing;

/// <summary>
/// Classifies listener registrations (RocketMQ <c>SetMessageListener</c>) whose listener's callback is, or
/// may be, a traced handler: the client calls the callback itself, so the registration is where tracing
/// goes in. A registration of a listener that is not traced is not a messaging call MessageTrace traces.
/// </summary>
internal static class RegistrationParser
{
    private static readonly ImmutableHashSet<string> s_names = BrokerCatalog.Profiles
        .SelectMany(static p => p.Registrations.Select(static r => r.MethodName))
        .ToImmutableHashSet(System.StringComparer.Ordinal);

    public static bool IsCandidate(SyntaxNode node) => CallSyntax.IsInvocationOf(node, s_names);

    public static CallVerdict<RegistrationSite>? Classify(SemanticModel model, InvocationExpressionSyntax invocation, CancellationToken cancellationToken) =>
        CallBinding.Method(model, invocation, cancellationToken) is { } method ? Classify(model, invocation, method, cancellationToken) : null;

    /// <summary>Classifies a call already bound to <paramref name="method"/>, so a caller that asks several parsers binds it once.</summary>
    public static CallVerdict<RegistrationSite>? Classify(SemanticModel model, InvocationExpressionSyntax invocation, IMethodSymbol method, CancellationToken cancellationToken)
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

    /// <summary>
    /// The traced method implementing the listener callback for the argument's static type, or null
    /// when the static type does not say (an interface-typed variable) or the callback is not traced.
    /// </summary>
    public static IMethodSymbol? FindTracedCallback(SemanticModel model, ExpressionSyntax argument, ListenerRegistration registration, CancellationToken cancellationToken)
    {
        if (model.GetTypeInfo(argument, cancellationToken).Type is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } listenerType)
        {
            return null;
        }

        if (ListenerCallbacks.Implementation(listenerType, registration) is not { } implementation)
        {
            return null;
        }

        return TracedScopes.FindAttribute(implementation, KnownNames.TracedHandlerAttribute) is null ? null : implementation;
    }

    private static CallVerdict<RegistrationSite>? ClassifyCore(SemanticModel model, InvocationExpressionSyntax invocation, IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (OperationMatcher.MatchRegistration(method) is not { } match)
        {
            return CallVerdict<RegistrationSite>.SkipIf(UnknownCallParser.Classify(model, invocation, method, cancellationToken));
        }

        // The catalogue's registrations take exactly the listener.
        if (invocation.ArgumentList.Arguments.Count != 1)
        {
            return null;
        }

        var argument = invocation.ArgumentList.Arguments[0].Expression;
        if (FindTracedCallback(model, argument, match.Registration, cancellationToken) is not { } callback)
        {
            return CallVerdict<RegistrationSite>.SkipIf(HiddenListeners.Classify(model, method, argument, match.Registration, cancellationToken));
        }

        var definition = callback.OriginalDefinition;
        var handler = HandlerParser.Parse(definition, TracedScopes.FindAttribute(definition, KnownNames.TracedHandlerAttribute), model.Compilation, cancellationToken, throughInterface: true);
        if (handler.Problem is { } problem)
        {
            return CallVerdict<RegistrationSite>.Skip(Skips.Handler(CallKind.Registration, problem));
        }

        if (GenericContainer(callback.ContainingType) is { } generic)
        {
            return CallVerdict<RegistrationSite>.Skip(Skips.GenericListener(callback, generic));
        }

        if (Locations.Intercept(model, invocation, cancellationToken) is not { } location)
        {
            return CallVerdict<RegistrationSite>.Skip(Skips.NotInterceptable(CallKind.Registration, method));
        }

        return CallVerdict<RegistrationSite>.Trace(new RegistrationSite(match.Registration.Id, WithBuilderGroup(handler.Model!, model, invocation, cancellationToken), Signatures.From(method), callback.ContainingType.ToDisplayString(SymbolNames.Emit), location));
    }

    /// <summary>
    /// The handler as this registration runs it: when neither its attribute nor the assembly defaults name a
    /// consumer group, the group the builder is given in this file. The key then says which group, so one
    /// listener type registered with two groups gets a wrapper for each.
    /// </summary>
    private static HandlerModel WithBuilderGroup(HandlerModel handler, SemanticModel model, InvocationExpressionSyntax invocation, CancellationToken cancellationToken) =>
        handler.Options.ConsumerGroup is null && BuilderConsumerGroups.Find(model, invocation, cancellationToken) is { } group
            ? handler with { Key = handler.Key + "@" + group, Options = handler.Options with { ConsumerGroup = group } }
            : handler;

    /// <summary>
    /// The listener type, or a type containing it, that has type arguments: the emitter's listener
    /// decorator and its handler key are written for non-generic listener types only.
    /// </summary>
    private static INamedTypeSymbol? GenericContainer(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            if (current.TypeArguments.Length > 0)
            {
                return current;
            }
        }

        return null;
    }
}
