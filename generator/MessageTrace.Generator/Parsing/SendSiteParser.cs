using System.Linq;
using System.Threading;
using MessageTrace.Generator.Profiles;
using MessageTrace.Generator.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MessageTrace.Generator.Parsing;

/// <summary>Classifies calls of the send methods the catalogue knows, and of broker methods named like them.</summary>
internal static class SendSiteParser
{
    public static bool IsCandidate(SyntaxNode node) => CallSyntax.IsInvocationOf(node, BrokerCatalog.SendMethodNames);

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
            // Bad code in, nothing out: a call the generator cannot understand stays untraced rather
            // than the whole generator failing the build.
            return null;
        }
    }

    private static CallVerdict<SendSite>? ClassifyCore(SemanticModel model, InvocationExpressionSyntax invocation, IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (OperationMatcher.MatchSend(method) is not { } match)
        {
            return CallVerdict<SendSite>.SkipIf(UnknownCallParser.Classify(model, invocation, method, cancellationToken));
        }

        if (TracedScopes.FindProducerScope(model, invocation, cancellationToken) is not { } options)
        {
            return CallVerdict<SendSite>.Skip(Skips.OutsideProducerScope(method));
        }

        if (Locations.Intercept(model, invocation, cancellationToken) is not { } location)
        {
            return CallVerdict<SendSite>.Skip(Skips.NotInterceptable(CallKind.Send, method));
        }

        var (profile, operation) = match;
        options = DestinationTemplates.Derive(options, invocation, method, operation.Recipe);
        var (recipe, signature) = Specialize(operation, method, model.Compilation);
        return CallVerdict<SendSite>.Trace(new SendSite(operation.Id, profile.Id, profile.System, recipe, signature, location, options));
    }

    // A generic adapter is written out for the call's type arguments when generated code can name them all:
    // shared generic code would look them up at run time on every send. Only for a method of the catalogue's
    // own client type, whose type parameters the adapter's follow in order (a user's class implementing it
    // may order or name its own differently).
    private static (SendRecipe Recipe, CallSignature Signature) Specialize(SendOperation operation, IMethodSymbol method, Compilation compilation)
    {
        var recipe = operation.Recipe;
        if (!recipe.Adapter.InfersTypeArguments
            || !operation.ContainingTypes.Contains(SymbolNames.Metadata(method.ContainingType))
            || ClosedTypeArguments.Of(method, compilation) is not { } arguments)
        {
            return (recipe, Signatures.OfCall(method));
        }

        var generic = recipe.Adapter;
        var adapter = generic with
        {
            Name = generic.Name + "_" + Emit.StableNames.Hash(string.Join(", ", arguments)),
            Resources = generic.Resources.Where(resource => resource != generic.Name).ToEquatableArray(),
            InfersTypeArguments = false,
            Specialization = new AdapterSpecialization(generic.Name, arguments),
        };
        return (recipe with { Adapter = adapter }, Signatures.Closed(method));
    }
}
