using System;
using System.Collections.Immutable;
using System.Linq;
using MessageTrace.Generator.Profiles;
using Microsoft.CodeAnalysis;

namespace MessageTrace.Generator.Recognition;

/// <summary>
/// Methods of a broker client library (declared in a namespace of a type some profile knows, and compiled
/// into a referenced assembly) that are named like a send or a receive: what an empty traced scope most
/// likely meant to trace, so the diagnostic can name the call instead of suggesting the attribute is
/// in the wrong place. The catalogue decides whether such a call is traced; this only finds candidates.
/// </summary>
internal static class BrokerClientCalls
{
    private static readonly ImmutableArray<string> s_namespaces = BrokerCatalog.Profiles
        .SelectMany(static p => p.Sends.SelectMany(static s => s.ContainingTypes)
            .Concat(p.Receives.Select(static r => r.ContainingType))
            .Concat(p.Settles.Select(static s => s.ContainingType))
            .Concat(p.Registrations.Select(static r => r.ContainingType))
            .Concat(p.IncomingMessages.Select(static m => m.TypeName))
            .Concat(p.Untraced.SelectMany(static u => u.ContainingTypes)))
        .Select(SymbolNames.NamespaceOf)
        .Where(static n => n.Length > 0)
        .Distinct(StringComparer.Ordinal)
        .ToImmutableArray();

    private static readonly ImmutableArray<string> s_sendVerbs = ImmutableArray.Create("Publish", "Send", "Produce", "Request", "Reply");

    private static readonly ImmutableArray<string> s_receiveVerbs = ImmutableArray.Create("BasicGet", "Receive", "Fetch", "Next", "Consume", "Pull", "Poll");

    /// <summary>Whether <paramref name="method"/> is a client library's method named like a send (or, with <paramref name="send"/> false, a receive).</summary>
    /// <remarks>Asked about every call the analyzers see in a type with a traced scope: the name is checked first, and nothing allocates before it matches.</remarks>
    public static bool LooksLike(IMethodSymbol method, bool send)
    {
        var definition = (method.ReducedFrom ?? method).OriginalDefinition;
        if (!StartsWithAny(definition.Name, send ? s_sendVerbs : s_receiveVerbs)
            || IsInSource(definition)
            || definition.ContainingNamespace is not { IsGlobalNamespace: false } containing)
        {
            return false;
        }

        return SymbolNames.IsWithinAnyNamespace(containing.ToDisplayString(), s_namespaces);
    }

    private static bool StartsWithAny(string name, ImmutableArray<string> verbs)
    {
        foreach (var verb in verbs)
        {
            if (name.StartsWith(verb, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // The user's own helper, however it is named, is not a client call.
    private static bool IsInSource(IMethodSymbol method)
    {
        foreach (var location in method.Locations)
        {
            if (location.IsInSource)
            {
                return true;
            }
        }

        return false;
    }
}
