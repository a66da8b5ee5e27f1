using Microsoft.CodeAnalysis;

namespace MessageTrace.Generator.Recognition;

/// <summary>
/// Why a member cannot carry a tracing attribute usefully: the handler parser skips such a handler and
/// MT0003 reports the attribute, both with these words.
/// </summary>
internal static class TracedTargets
{
    /// <summary>A reason (completing "has no effect because …") and an advice, or null when the member is a fine target.</summary>
    public static (string Reason, string Advice)? NothingToTrace(IMethodSymbol method, bool isHandler)
    {
        if (method.IsAbstract)
        {
            return method.ContainingType?.TypeKind == TypeKind.Interface
                ? ("it is an interface member without a body", "put the attribute on the method that implements it")
                : ("it is abstract and the attribute is not inherited by overrides", "put the attribute on the overriding methods");
        }

        if (method.IsExtern)
        {
            return ("it is extern and has no body in this project", "remove the attribute");
        }

        if (method.IsPartialDefinition && method.PartialImplementationPart is null)
        {
            return ("it is a partial method without an implementation, so the compiler removes its calls", "implement it or remove the attribute");
        }

        if (!isHandler)
        {
            return null;
        }

        if (UntracedCallbackOf(method) is { } callback)
        {
            return (callback.Why, callback.Advice);
        }

        if (method.MethodKind == MethodKind.Ordinary)
        {
            return null;
        }

        if (method.MethodKind == MethodKind.ExplicitInterfaceImplementation)
        {
            return ("it is an explicit interface implementation, which generated code cannot call", "implement '" + method.Name.Substring(method.Name.LastIndexOf('.') + 1) + "' as a public method and mark that one");
        }

        return ("it is " + Kind(method.MethodKind) + ", and only calls of ordinary methods can be intercepted", "move the handling into an ordinary method marked [TracedHandler]");
    }

    /// <summary>The client callback <paramref name="method"/> implements that the catalogue knows is not message processing.</summary>
    private static Profiles.UntracedCallback? UntracedCallbackOf(IMethodSymbol method)
    {
        if (method.ContainingType is not { } type || method.IsStatic)
        {
            return null;
        }

        foreach (var profile in Profiles.BrokerCatalog.Profiles)
        {
            foreach (var callback in profile.UntracedCallbacks)
            {
                foreach (var implemented in type.AllInterfaces)
                {
                    if (SymbolNames.Metadata(implemented) != callback.Interface)
                    {
                        continue;
                    }

                    foreach (var member in implemented.GetMembers(callback.Method))
                    {
                        if (SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(member), method))
                        {
                            return callback;
                        }
                    }
                }
            }
        }

        return null;
    }

    public static string Kind(MethodKind kind) => kind switch
    {
        MethodKind.LocalFunction => "a local function",
        MethodKind.AnonymousFunction => "a lambda",
        MethodKind.PropertyGet or MethodKind.PropertySet => "a property accessor",
        MethodKind.EventAdd or MethodKind.EventRemove or MethodKind.EventRaise => "an event accessor",
        MethodKind.UserDefinedOperator => "an operator",
        MethodKind.Conversion => "a conversion operator",
        MethodKind.Destructor => "a finalizer",
        _ => "not an ordinary method",
    };
}
