using System.Collections.Immutable;
using System.Linq;
using MessageTrace.Generator.Profiles;
using Microsoft.CodeAnalysis;

namespace MessageTrace.Generator.Recognition;

/// <summary>Matches a called method against the catalogue's operations.</summary>
internal static class OperationMatcher
{
    public static (BrokerProfile Profile, SendOperation Operation)? MatchSend(IMethodSymbol method)
    {
        if (!BrokerCatalog.SendMethodNames.Contains(method.Name))
        {
            return null;
        }

        foreach (var profile in BrokerCatalog.Profiles)
        {
            foreach (var send in profile.Sends)
            {
                if (Matches(method, send.ContainingTypes, send.MethodName, send.ParameterTypes))
                {
                    return (profile, send);
                }
            }
        }

        return null;
    }

    /// <summary>The call <paramref name="method"/> is when the catalogue knows it as one MessageTrace does not trace.</summary>
    public static (BrokerProfile Profile, UntracedOperation Operation)? MatchUntraced(IMethodSymbol method)
    {
        var definition = (method.ReducedFrom ?? method).OriginalDefinition;
        foreach (var profile in BrokerCatalog.Profiles)
        {
            foreach (var untraced in profile.Untraced)
            {
                if (definition.Name == untraced.MethodName && IsDeclaredBy(definition, untraced.ContainingTypes))
                {
                    return (profile, untraced);
                }
            }
        }

        return null;
    }

    public static (BrokerProfile Profile, ReceiveOperation Operation)? MatchReceive(IMethodSymbol method)
    {
        foreach (var profile in BrokerCatalog.Profiles)
        {
            foreach (var receive in profile.Receives)
            {
                if (Matches(method, new EquatableArray<string>(ImmutableArray.Create(receive.ContainingType)), receive.MethodName, receive.ParameterTypes))
                {
                    return (profile, receive);
                }
            }
        }

        return null;
    }

    public static (BrokerProfile Profile, SettleOperation Operation)? MatchSettle(IMethodSymbol method)
    {
        foreach (var profile in BrokerCatalog.Profiles)
        {
            foreach (var settle in profile.Settles)
            {
                if (Matches(method, new EquatableArray<string>(ImmutableArray.Create(settle.ContainingType)), settle.MethodName, settle.ParameterTypes))
                {
                    return (profile, settle);
                }
            }
        }

        return null;
    }

    public static (BrokerProfile Profile, ListenerRegistration Registration)? MatchRegistration(IMethodSymbol method)
    {
        foreach (var profile in BrokerCatalog.Profiles)
        {
            foreach (var registration in profile.Registrations)
            {
                if (method.Name == registration.MethodName
                    && method.Parameters.Length == 1
                    && SymbolNames.Metadata(method.ContainingType) == registration.ContainingType
                    && SymbolNames.Metadata(method.Parameters[0].Type) == registration.ListenerInterface)
                {
                    return (profile, registration);
                }
            }
        }

        return null;
    }

    /// <summary>Finds the incoming message shape whose type is <paramref name="type"/>.</summary>
    public static (BrokerProfile Profile, IncomingMessageShape Shape)? MatchIncoming(ITypeSymbol type)
    {
        string name = SymbolNames.Metadata(type);
        foreach (var (profile, shape) in BrokerCatalog.IncomingShapes())
        {
            if (shape.TypeName == name)
            {
                return (profile, shape);
            }
        }

        return null;
    }

    private static bool Matches(IMethodSymbol method, EquatableArray<string> containingTypes, string name, EquatableArray<string> parameterTypes)
    {
        var definition = (method.ReducedFrom ?? method).OriginalDefinition;
        if (definition.Name != name || definition.Parameters.Length != parameterTypes.Count)
        {
            return false;
        }

        for (int i = 0; i < parameterTypes.Count; i++)
        {
            if (SymbolNames.Metadata(definition.Parameters[i].Type) != parameterTypes[i])
            {
                return false;
            }
        }

        return IsDeclaredBy(definition, containingTypes);
    }

    /// <summary>
    /// Whether the method is declared by one of the named types, or implements a method of one of them
    /// (a call on a concrete client class binds to the class's method, not the interface's).
    /// </summary>
    private static bool IsDeclaredBy(IMethodSymbol definition, EquatableArray<string> containingTypes)
    {
        var declaring = definition.ContainingType;
        if (containingTypes.Contains(SymbolNames.Metadata(declaring)))
        {
            return true;
        }

        foreach (var implemented in declaring.AllInterfaces)
        {
            if (!containingTypes.Contains(SymbolNames.Metadata(implemented)))
            {
                continue;
            }

            foreach (var member in implemented.GetMembers(definition.Name))
            {
                if (SymbolEqualityComparer.Default.Equals(declaring.FindImplementationForInterfaceMember(member)?.OriginalDefinition, definition))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
