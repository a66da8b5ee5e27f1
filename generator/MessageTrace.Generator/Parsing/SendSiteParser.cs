using System.Threading;
using MessageTrace.Generator.Profiles;
using MessageTrace.Generator.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MessageTrace.Generator.Parsing;

/// <summary>Finds the send calls a traced producer covers.</summary>
internal static class SendSiteParser
{
    public static bool IsCandidate(SyntaxNode node) => CallSyntax.IsInvocationOf(node, BrokerCatalog.SendMethodNames);

    public static SendSite? Parse(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        try
        {
            return ParseCore(context, cancellationToken);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            // Bad code in, nothing out: a call the generator cannot understand stays untraced, and the
            // analyzers report it, rather than the whole generator failing the build.
            return null;
        }
    }

    private static SendSite? ParseCore(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        var invocation = (InvocationExpressionSyntax)context.Node;
        var model = context.SemanticModel;
        if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method
            || OperationMatcher.MatchSend(method) is not { } match)
        {
            return null;
        }

        if (TracedScopes.FindProducerScope(model, invocation, cancellationToken) is not { } options
            || Locations.Intercept(model, invocation, cancellationToken) is not { } location)
        {
            return null;
        }

        var (profile, operation) = match;
        return new SendSite(operation.Id, profile.Id, profile.System, operation.Recipe, Signatures.From(method), location, options);
    }
}
