using System;
using System.Linq;
using MessageTrace.Generator.Profiles;
using Microsoft.CodeAnalysis;

namespace MessageTrace.Generator.Recognition;

/// <summary>
/// Recognises user-defined carriers, <c>[MessageHeaders]</c> on a property of a message type or on a
/// parameter, and turns them into recipes of the synthetic <c>Custom</c> profile.
/// </summary>
internal static class CustomCarriers
{
    public const string ProfileId = "Custom";
    public const string DefaultSystem = "custom";

    private static readonly string[] s_destinationNames = ["Destination", "Topic", "Queue", "Subject", "Channel"];

    /// <summary>A carrier found on a parameter: the expression reaching the headers from it.</summary>
    public sealed record Carrier(string Expression, string AccessType, string? Prepare, string System, string? Destination, string? MessageId, bool IsHeadersParameter);

    /// <summary>
    /// The carrier a parameter provides: the parameter itself when marked, or its type's marked
    /// property. <paramref name="value"/> is the expression naming the parameter's value.
    /// </summary>
    public static Carrier? Find(IParameterSymbol parameter, string value)
    {
        if (TracedScopes.FindAttribute(parameter, KnownNames.MessageHeadersAttribute) is { } onParameter)
        {
            return AccessFor(parameter.Type) is { } access
                ? new Carrier(value, access, null, SystemOf(onParameter), null, null, IsHeadersParameter: true)
                : null;
        }

        if (parameter.Type is not INamedTypeSymbol type)
        {
            return null;
        }

        foreach (var member in AllMembers(type))
        {
            if (member is IPropertySymbol property
                && TracedScopes.FindAttribute(property, KnownNames.MessageHeadersAttribute) is { } attribute
                && AccessFor(property.Type) is { } access)
            {
                string headers = value + "." + property.Name;
                string? prepare = property.SetMethod is { DeclaredAccessibility: Accessibility.Public or Accessibility.Internal } && !type.IsValueType
                    ? $"{headers} ??= new {NewDictionary(access)}();"
                    : null;
                return new Carrier(
                    headers,
                    access,
                    prepare,
                    SystemOf(attribute),
                    NamedString(type, s_destinationNames) is { } destination ? value + "." + destination : null,
                    NamedString(type, ["MessageId"]) is { } id ? value + "." + id : null,
                    IsHeadersParameter: false);
            }
        }

        return null;
    }

    /// <summary>The incoming shape a handler parameter provides, when it is a user-defined carrier.</summary>
    public static IncomingMessageShape? IncomingShape(IParameterSymbol parameter)
    {
        if (Find(parameter, "{m}") is not { } carrier)
        {
            return null;
        }

        var type = parameter.Type;
        return new IncomingMessageShape(
            ProfileId,
            carrier.System,
            NamespaceAttribute: null,
            TypeName: carrier.IsHeadersParameter ? type.ToDisplayString(SymbolNames.Emit) : SymbolNames.Metadata(type),
            GenericArity: carrier.IsHeadersParameter ? 0 : (type as INamedTypeSymbol)?.Arity ?? 0,
            IsValueType: type.IsValueType,
            DestinationExpression: carrier.Destination ?? "(string?)null",
            CarrierExpression: carrier.Expression,
            Headers: Recipes.Runtime(carrier.AccessType),
            MessageIdExpression: carrier.MessageId,
            BodySizeExpression: null,
            Attributes: EquatableArray<AttributeRecipe>.Empty)
        {
            EmittedTypeName = carrier.IsHeadersParameter ? type.ToDisplayString(SymbolNames.Emit) : null,
        };
    }

    /// <summary>The send recipe for a call to <paramref name="method"/>, when one of its parameters is a carrier.</summary>
    public static (SendRecipe Recipe, string System)? SendRecipe(IMethodSymbol method)
    {
        var parameters = (method.ReducedFrom ?? method).OriginalDefinition.Parameters;
        int offset = method.ReducedFrom is null ? 0 : 1;
        for (int i = offset; i < parameters.Length; i++)
        {
            string name = "p" + (i - offset);
            if (Find(parameters[i], name) is not { } carrier)
            {
                continue;
            }

            string? destination = carrier.Destination ?? DestinationParameter(parameters, offset);
            return (new SendRecipe(
                PassThroughWhen: parameters[i].Type.IsValueType ? null : name + " is null",
                Destination: destination ?? "(string?)null",
                Carrier: carrier.Expression,
                Headers: Recipes.Runtime(carrier.AccessType),
                PrepareCarrier: carrier.Prepare,
                TracedCall: null,
                Attributes: carrier.MessageId is { } id ? Recipes.List(Recipes.Text("messaging.message.id", id)) : EquatableArray<AttributeRecipe>.Empty,
                MessageType: null,
                MessageTypeOverride: null,
                BodySize: null,
                Copy: null,
                ResultMessageId: null), carrier.System);
        }

        return null;
    }

    private static string? DestinationParameter(System.Collections.Immutable.ImmutableArray<IParameterSymbol> parameters, int offset)
    {
        for (int i = offset; i < parameters.Length; i++)
        {
            if (parameters[i].Type.SpecialType == SpecialType.System_String
                && s_destinationNames.Any(n => string.Equals(n, parameters[i].Name, StringComparison.OrdinalIgnoreCase)))
            {
                return "p" + (i - offset);
            }
        }

        return null;
    }

    private static string? AccessFor(ITypeSymbol type)
    {
        foreach (var candidate in new[] { type }.Concat(type.AllInterfaces))
        {
            if (candidate is INamedTypeSymbol { Arity: 2 } named
                && named.OriginalDefinition.ToDisplayString() == "System.Collections.Generic.IDictionary<TKey, TValue>"
                && named.TypeArguments[0].SpecialType == SpecialType.System_String)
            {
                return named.TypeArguments[1].SpecialType switch
                {
                    SpecialType.System_String => "global::MessageTrace.StringDictionaryHeaders",
                    SpecialType.System_Object => "global::MessageTrace.ObjectDictionaryHeaders",
                    _ => null,
                };
            }
        }

        return null;
    }

    private static string NewDictionary(string access) => access.EndsWith("StringDictionaryHeaders", StringComparison.Ordinal)
        ? "global::System.Collections.Generic.Dictionary<string, string>"
        : "global::System.Collections.Generic.Dictionary<string, object?>";

    private static string SystemOf(AttributeData attribute)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == "System" && argument.Value.Value is string { Length: > 0 } system)
            {
                return system;
            }
        }

        return DefaultSystem;
    }

    private static string? NamedString(INamedTypeSymbol type, string[] names)
    {
        foreach (var member in AllMembers(type))
        {
            if (member is IPropertySymbol { Type.SpecialType: SpecialType.System_String, GetMethod: not null } property
                && names.Any(n => string.Equals(n, property.Name, StringComparison.OrdinalIgnoreCase)))
            {
                return property.Name;
            }
        }

        return null;
    }

    private static System.Collections.Generic.IEnumerable<ISymbol> AllMembers(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                yield return member;
            }
        }
    }
}
