using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using MessageTrace.Generator.Profiles;
using MessageTrace.Generator.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MessageTrace.Generator.Parsing;

/// <summary>
/// Finds listener registrations (RocketMQ <c>SetMessageListener</c>) whose listener's callback is a
/// traced handler: the client calls the callback itself, so the registration is where tracing goes in.
/// </summary>
internal static class RegistrationParser
{
    private static readonly System.Collections.Immutable.ImmutableHashSet<string> s_names = BrokerCatalog.Profiles
        .SelectMany(static p => p.Registrations.Select(static r => r.MethodName))
        .ToImmutableHashSet(System.StringComparer.Ordinal);

    public static bool IsCandidate(SyntaxNode node) => CallSyntax.IsInvocationOf(node, s_names);

    public static RegistrationSite? Parse(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        try
        {
            var invocation = (InvocationExpressionSyntax)context.Node;
            var model = context.SemanticModel;
            if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method
                || OperationMatcher.MatchRegistration(method) is not { } match
                || invocation.ArgumentList.Arguments.Count != 1
                || FindTracedCallback(model, invocation.ArgumentList.Arguments[0].Expression, match.Registration, cancellationToken) is not { } callback
                || callback.GetDocumentationCommentId() is not { } key
                || Locations.Intercept(model, invocation, cancellationToken) is not { } location)
            {
                return null;
            }

            return new RegistrationSite(match.Registration.Id, key, Signatures.From(method), callback.ContainingType.ToDisplayString(SymbolNames.Emit), location);
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
}
