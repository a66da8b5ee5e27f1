using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MessageTrace.Generator.Recognition;

/// <summary>
/// Finds the traced scope (a <c>[TracedProducer]</c> or <c>[TracedConsumer]</c> method, local function,
/// lambda, type, or the assembly defaults) that covers a call, and the options it sets.
/// </summary>
internal static class TracedScopes
{
    public static ScopeOptions? FindProducerScope(SemanticModel model, SyntaxNode call, CancellationToken cancellationToken) =>
        Find(model, call, KnownNames.TracedProducerAttribute, coveredByDefaults: "TraceAllProducers", cancellationToken);

    public static ScopeOptions? FindConsumerScope(SemanticModel model, SyntaxNode call, CancellationToken cancellationToken) =>
        Find(model, call, KnownNames.TracedConsumerAttribute, coveredByDefaults: null, cancellationToken);

    private static readonly ConditionalWeakTable<Compilation, StrongBox<AttributeData?>> s_defaults = new();

    /// <summary>Whether the assembly defaults put every producer call in scope (<c>TraceAllProducers</c>).</summary>
    public static bool TracesAllProducers(Compilation compilation) => ReadBool(FindDefaults(compilation), "TraceAllProducers") == true;

    /// <summary>
    /// The assembly-level defaults, all unset when the attribute is absent. Read once per compilation:
    /// every call of every file asks.
    /// </summary>
    public static AttributeData? FindDefaults(Compilation compilation) =>
        s_defaults.GetValue(compilation, static c => new StrongBox<AttributeData?>(ReadDefaults(c))).Value;

    private static AttributeData? ReadDefaults(Compilation compilation)
    {
        foreach (var attribute in compilation.Assembly.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() == KnownNames.DefaultsAttribute)
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>Merges an attribute's named options over the assembly defaults.</summary>
    public static ScopeOptions Merge(AttributeData? attribute, AttributeData? defaults) => new(
        System: ReadString(attribute, "System"),
        Destination: ReadString(attribute, "Destination"),
        Namespace: ReadString(attribute, "Namespace") ?? ReadString(defaults, "Namespace"),
        ConsumerGroup: ReadString(attribute, "ConsumerGroup") ?? ReadString(defaults, "ConsumerGroup"),
        RecordBodySize: ReadBool(attribute, "RecordBodySize") ?? ReadBool(defaults, "RecordBodySize") ?? false,
        TraceSettle: ReadBool(attribute, "TraceSettle") ?? false,
        ParentPolicy: ReadInt(attribute, "ParentPolicy") ?? ReadInt(defaults, "ParentPolicy") ?? 0);

    public static AttributeData? FindAttribute(ISymbol symbol, string metadataName)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() == metadataName)
            {
                return attribute;
            }
        }

        return null;
    }

    private static ScopeOptions? Find(SemanticModel model, SyntaxNode call, string attributeName, string? coveredByDefaults, CancellationToken cancellationToken)
    {
        var defaults = FindDefaults(model.Compilation);
        foreach (var ancestor in call.Ancestors())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var declared = ScopeDeclarations.Declared(model, ancestor, cancellationToken);

            if (declared is null)
            {
                continue;
            }

            if (FindAttribute(declared, attributeName) is { } attribute)
            {
                return Merge(attribute, defaults);
            }

            if (declared is INamedTypeSymbol or IMethodSymbol { MethodKind: not MethodKind.LocalFunction and not MethodKind.AnonymousFunction })
            {
                // Members and types: the remaining scopes are the containing types, outward.
                for (var type = declared as INamedTypeSymbol ?? declared.ContainingType; type is not null; type = type.ContainingType)
                {
                    if (FindAttribute(type, attributeName) is { } typeAttribute)
                    {
                        return Merge(typeAttribute, defaults);
                    }
                }

                break;
            }
        }

        if (coveredByDefaults is not null && ReadBool(defaults, coveredByDefaults) == true)
        {
            return Merge(null, defaults);
        }

        return null;
    }

    private static string? ReadString(AttributeData? attribute, string name) =>
        Read(attribute, name) is { Value: string value } ? value : null;

    private static bool? ReadBool(AttributeData? attribute, string name) =>
        Read(attribute, name) is { Value: bool value } ? value : null;

    private static int? ReadInt(AttributeData? attribute, string name) =>
        Read(attribute, name) is { Value: int value } ? value : null;

    private static TypedConstant? Read(AttributeData? attribute, string name)
    {
        if (attribute is null)
        {
            return null;
        }

        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name)
            {
                return argument.Value;
            }
        }

        return null;
    }
}
