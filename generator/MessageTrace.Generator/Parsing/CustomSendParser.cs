using System.Threading;
using MessageTrace.Generator.Emit;
using MessageTrace.Generator.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MessageTrace.Generator.Parsing;

/// <summary>Finds sends through user-defined carriers inside traced producers.</summary>
internal static class CustomSendParser
{
    public static SendSite? Parse(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        try
        {
            var invocation = (InvocationExpressionSyntax)context.Node;
            var model = context.SemanticModel;
            if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method
                || OperationMatcher.MatchSend(method) is not null)
            {
                return null;
            }

            var definition = (method.ReducedFrom ?? method).OriginalDefinition;
            if (TracedScopes.FindAttribute(definition, KnownNames.TracedHandlerAttribute) is not null
                || CustomCarriers.SendRecipe(method) is not { } found
                || TracedScopes.FindProducerScope(model, invocation, cancellationToken) is not { } options
                || Locations.Intercept(model, invocation, cancellationToken) is not { } location)
            {
                return null;
            }

            string key = definition.GetDocumentationCommentId() ?? definition.ToDisplayString();
            return new SendSite(
                "Send_" + definition.Name + "_" + StableNames.Hash(key),
                CustomCarriers.ProfileId,
                found.System,
                found.Recipe,
                Signatures.From(method),
                location,
                options);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return null;
        }
    }
}
