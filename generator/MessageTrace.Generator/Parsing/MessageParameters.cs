using MessageTrace.Generator.Profiles;
using MessageTrace.Generator.Recognition;
using Microsoft.CodeAnalysis;

namespace MessageTrace.Generator.Parsing;

/// <summary>Finds the parameter of a handler that carries the received message or batch.</summary>
internal static class MessageParameters
{
    public static (int Index, MessageArity Arity, BrokerProfile Profile, IncomingMessageShape Shape)? Find(IMethodSymbol method)
    {
        for (int i = 0; i < method.Parameters.Length; i++)
        {
            var type = method.Parameters[i].Type;
            if (OperationMatcher.MatchIncoming(type) is { } single)
            {
                return (i, MessageArity.Single, single.Profile, single.Shape);
            }

            if (ElementType(type) is { } element && OperationMatcher.MatchIncoming(element) is { } batch)
            {
                return (i, MessageArity.Batch, batch.Profile, batch.Shape);
            }
        }

        // No broker message: a user-defined carrier ([MessageHeaders] on a parameter or a property).
        for (int i = 0; i < method.Parameters.Length; i++)
        {
            if (CustomCarriers.IncomingShape(method.Parameters[i]) is { } custom)
            {
                return (i, MessageArity.Single, BrokerCatalog.Custom, custom);
            }
        }

        return null;
    }

    /// <summary>The element type of an array or of a type implementing <c>IEnumerable&lt;T&gt;</c>.</summary>
    public static ITypeSymbol? ElementType(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol array)
        {
            return array.ElementType;
        }

        if (type.SpecialType == SpecialType.System_String)
        {
            return null;
        }

        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Collections_Generic_IEnumerable_T } enumerable)
        {
            return enumerable.TypeArguments[0];
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (implemented.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
            {
                return implemented.TypeArguments[0];
            }
        }

        return null;
    }
}
