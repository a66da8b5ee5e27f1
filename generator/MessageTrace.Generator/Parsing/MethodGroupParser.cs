using System.Threading;
using MessageTrace.Generator.Profiles;
using MessageTrace.Generator.Recognition;
using Microsoft.CodeAnalysis;

namespace MessageTrace.Generator.Parsing;

/// <summary>
/// Classifies a method group (<c>producer.Send</c>, <c>billing.Consume</c> turned into a delegate).
/// Interceptors replace invocations only, so a send or traced handler used this way is never traced,
/// whatever scope the conversion is in. The generator has nothing to emit for these; the verdict lives
/// with the other parsers so that the reason is decided and phrased in one place.
/// </summary>
internal static class MethodGroupParser
{
    public static NotTraced? Classify(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (BrokerCatalog.SendMethodNames.Contains(method.Name) && OperationMatcher.MatchSend(method) is not null)
        {
            return Skips.SendUsedAsDelegate(method);
        }

        var definition = (method.ReducedFrom ?? method).OriginalDefinition;
        return TracedScopes.FindAttribute(definition, KnownNames.TracedHandlerAttribute) is null
            ? null
            : Skips.HandlerUsedAsDelegate(method, HandlerReach.Of(definition, cancellationToken).Problem);
    }
}
