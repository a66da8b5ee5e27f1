using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using MessageTrace.Generator.Profiles;
using Microsoft.CodeAnalysis;

namespace MessageTrace.Generator.Recognition;

/// <summary>A listener type of this project and its traced callback.</summary>
internal sealed record TracedListener(INamedTypeSymbol Type, IMethodSymbol Callback);

/// <summary>
/// The listener types of this project whose callback for a registration kind is a <c>[TracedHandler]</c>.
/// Finding them walks every type, so it is done once per compilation and registration kind, and only
/// when a registration hides its listener's type.
/// </summary>
internal static class TracedListeners
{
    private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<string, ImmutableArray<TracedListener>>> s_found = new();

    public static ImmutableArray<TracedListener> Of(Compilation compilation, ListenerRegistration registration) =>
        s_found
            .GetValue(compilation, static _ => new ConcurrentDictionary<string, ImmutableArray<TracedListener>>(System.StringComparer.Ordinal))
            .GetOrAdd(registration.Id, _ => Find(compilation, registration));

    private static ImmutableArray<TracedListener> Find(Compilation compilation, ListenerRegistration registration)
    {
        var found = new List<TracedListener>();
        var containers = new Stack<INamespaceOrTypeSymbol>();
        containers.Push(compilation.Assembly.GlobalNamespace);
        while (containers.Count > 0)
        {
            foreach (var member in containers.Pop().GetMembers())
            {
                if (member is INamespaceOrTypeSymbol container)
                {
                    containers.Push(container);
                }

                if (member is INamedTypeSymbol { IsAbstract: false, TypeKind: TypeKind.Class or TypeKind.Struct } type
                    && ListenerCallbacks.Implementation(type, registration) is { } implementation
                    && TracedScopes.FindAttribute(implementation, KnownNames.TracedHandlerAttribute) is not null)
                {
                    found.Add(new TracedListener(type, implementation));
                }
            }
        }

        return found
            .OrderBy(static l => l.Type.ToDisplayString(), System.StringComparer.Ordinal)
            .ToImmutableArray();
    }
}
