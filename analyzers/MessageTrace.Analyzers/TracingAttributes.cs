using System.Collections.Immutable;
using MessageTrace.Generator.Recognition;
using Microsoft.CodeAnalysis;

namespace MessageTrace.Analyzers;

/// <summary>
/// The three tracing attributes as this compilation resolves them, so that per-symbol checks compare
/// symbols instead of formatting names.
/// </summary>
internal sealed class TracingAttributes
{
    private static readonly ImmutableArray<string> s_names = ImmutableArray.Create(
        KnownNames.TracedProducerAttribute,
        KnownNames.TracedHandlerAttribute,
        KnownNames.TracedConsumerAttribute);

    private readonly ImmutableArray<(INamedTypeSymbol Type, string Name)> _types;

    private TracingAttributes(ImmutableArray<(INamedTypeSymbol Type, string Name)> types) => _types = types;

    /// <summary>The attributes the compilation can see, or null when it sees none of them.</summary>
    public static TracingAttributes? For(Compilation compilation)
    {
        var builder = ImmutableArray.CreateBuilder<(INamedTypeSymbol, string)>();
        foreach (var name in s_names)
        {
            if (compilation.GetTypeByMetadataName(name) is { } type)
            {
                builder.Add((type, name));
            }
        }

        return builder.Count == 0 ? null : new TracingAttributes(builder.ToImmutable());
    }

    /// <summary>The tracing attributes applied to <paramref name="symbol"/>, with their metadata names.</summary>
    public ImmutableArray<(AttributeData Attribute, string Name)> On(ISymbol symbol)
    {
        var attributes = symbol.GetAttributes();
        if (attributes.IsEmpty)
        {
            return ImmutableArray<(AttributeData, string)>.Empty;
        }

        var builder = ImmutableArray.CreateBuilder<(AttributeData, string)>();
        foreach (var attribute in attributes)
        {
            foreach (var (type, name) in _types)
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, type))
                {
                    builder.Add((attribute, name));
                }
            }
        }

        return builder.ToImmutable();
    }
}
