using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using MessageTrace.Generator.Profiles;
using Microsoft.CodeAnalysis;

namespace MessageTrace.Generator.Recognition;

/// <summary>
/// Broker client methods that look like an operation of a profile without being one the catalogue
/// knows: named like one of the profile's operations and declared in the namespace (or a nested one) of
/// a type its operations belong to, such as a method a newer client version adds, or a helper named
/// <c>Send</c> that someone declared under <c>Org.Apache.Rocketmq</c>.
/// </summary>
internal static class UnknownOperations
{
    private static readonly ImmutableArray<Family> s_families = BrokerCatalog.Profiles.Select(Family.Of).ToImmutableArray();

    /// <summary>The profile and kind of operation <paramref name="method"/> looks like without being one the catalogue knows.</summary>
    public static (BrokerProfile Profile, CallKind Kind)? Match(IMethodSymbol method)
    {
        var definition = (method.ReducedFrom ?? method).OriginalDefinition;
        if (definition.ContainingNamespace is not { IsGlobalNamespace: false } containing)
        {
            return null;
        }

        string name = containing.ToDisplayString();
        foreach (var family in s_families)
        {
            if (family.Kinds.TryGetValue(definition.Name, out var kind) && SymbolNames.IsWithinAnyNamespace(name, family.Namespaces))
            {
                return IsKnown(method) ? null : (family.Profile, kind);
            }
        }

        return null;
    }

    // A known operation of another kind (a receive seen by the send parser) is not unknown.
    private static bool IsKnown(IMethodSymbol method) =>
        OperationMatcher.MatchSend(method) is not null
        || OperationMatcher.MatchReceive(method) is not null
        || OperationMatcher.MatchSettle(method) is not null
        || OperationMatcher.MatchRegistration(method) is not null;

    /// <summary>One profile's operation names by kind and the namespaces of the types that declare them.</summary>
    private sealed class Family(BrokerProfile profile, ImmutableDictionary<string, CallKind> kinds, ImmutableArray<string> namespaces)
    {
        public BrokerProfile Profile { get; } = profile;

        public ImmutableDictionary<string, CallKind> Kinds { get; } = kinds;

        public ImmutableArray<string> Namespaces { get; } = namespaces;

        public static Family Of(BrokerProfile profile)
        {
            var operations = profile.Sends.SelectMany(static s => s.ContainingTypes.Select(type => (s.MethodName, Type: type, Kind: CallKind.Send)))
                .Concat(profile.Receives.Select(static r => (r.MethodName, Type: r.ContainingType, Kind: CallKind.Receive)))
                .Concat(profile.Settles.Select(static s => (s.MethodName, Type: s.ContainingType, Kind: CallKind.Settle)))
                .Concat(profile.Registrations.Select(static r => (r.MethodName, Type: r.ContainingType, Kind: CallKind.Registration)))
                .ToList();
            var kinds = new Dictionary<string, CallKind>(System.StringComparer.Ordinal);
            foreach (var operation in operations)
            {
                kinds[operation.MethodName] = operation.Kind;
            }

            return new Family(
                profile,
                kinds.ToImmutableDictionary(System.StringComparer.Ordinal),
                operations.Select(static o => SymbolNames.NamespaceOf(o.Type)).Distinct().ToImmutableArray());
        }
    }
}
