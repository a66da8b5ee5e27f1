using System.Linq;
using MessageTrace.Generator.Profiles;
using Microsoft.CodeAnalysis;

namespace MessageTrace.Generator.Recognition;

/// <summary>
/// Which method runs when a broker client calls a registered listener (RocketMQ
/// <c>IMessageListener.Consume</c>) on an instance of a given type.
/// </summary>
internal static class ListenerCallbacks
{
    /// <summary>
    /// The method that runs for the registration's callback on an instance of <paramref name="type"/>:
    /// the interface implementation or, when that is virtual, its most derived override up to
    /// <paramref name="type"/>. <c>FindImplementationForInterfaceMember</c> alone returns the base
    /// method that implements the interface even when <paramref name="type"/> overrides it, which
    /// would miss a [TracedHandler] on the override. Null when the type does not implement the listener.
    /// </summary>
    public static IMethodSymbol? Implementation(INamedTypeSymbol type, ListenerRegistration registration)
    {
        var listenerInterface = type.AllInterfaces.FirstOrDefault(i => SymbolNames.Metadata(i) == registration.ListenerInterface);
        var callback = listenerInterface?.GetMembers(registration.ListenerMethod).OfType<IMethodSymbol>().FirstOrDefault();
        if (callback is null || type.FindImplementationForInterfaceMember(callback) is not IMethodSymbol implementation)
        {
            return null;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers(implementation.Name))
            {
                for (var overridden = member as IMethodSymbol; overridden is not null; overridden = overridden.OverriddenMethod)
                {
                    if (SymbolEqualityComparer.Default.Equals(overridden.OriginalDefinition, implementation.OriginalDefinition))
                    {
                        return (IMethodSymbol)member;
                    }
                }
            }
        }

        return implementation;
    }
}
