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

    /// <summary>
    /// A carrier found on a parameter: the parameter itself (a header dictionary, <paramref name="Adapter"/>
    /// null: the runtime's dictionary adapters serve it) or its type's marked property (<paramref name="Adapter"/>
    /// says how to write the type's adapters).
    /// </summary>
    public sealed record Carrier(bool ObjectValues, string System, CustomCarrierAdapter? Adapter);

    /// <summary>The carrier a parameter provides: the parameter itself when marked, or its type's marked property.</summary>
    public static Carrier? Find(IParameterSymbol parameter)
    {
        if (TracedScopes.FindAttribute(parameter, KnownNames.MessageHeadersAttribute) is { } onParameter)
        {
            return ValueKind(parameter.Type) is { } objectValues ? new Carrier(objectValues, SystemOf(onParameter), null) : null;
        }

        if (parameter.Type is not INamedTypeSymbol type)
        {
            return null;
        }

        foreach (var member in AllMembers(type))
        {
            if (member is IPropertySymbol property
                && TracedScopes.FindAttribute(property, KnownNames.MessageHeadersAttribute) is { } attribute
                && ValueKind(property.Type) is { } objectValues)
            {
                string typeName = type.ToDisplayString(SymbolNames.Emit);
                var adapter = new CustomCarrierAdapter(
                    type.Name + "_" + Emit.StableNames.Hash(typeName),
                    typeName,
                    type.IsValueType,
                    property.Name,
                    objectValues,
                    CanCreateHeaders: property.SetMethod is { DeclaredAccessibility: Accessibility.Public or Accessibility.Internal } && !type.IsValueType,
                    NamedString(type, s_destinationNames),
                    NamedString(type, ["MessageId"]));
                return new Carrier(objectValues, SystemOf(attribute), adapter);
            }
        }

        return null;
    }

    /// <summary>The incoming shape a handler parameter provides, when it is a user-defined carrier.</summary>
    public static IncomingMessageShape? IncomingShape(IParameterSymbol parameter)
    {
        if (Find(parameter) is not { } carrier)
        {
            return null;
        }

        var type = parameter.Type;
        if (carrier.Adapter is not { } custom)
        {
            return new IncomingMessageShape(ProfileId, carrier.System, type.ToDisplayString(SymbolNames.Emit), GenericArity: 0, type.IsValueType, DictionaryAdapter(carrier, "Incoming"))
            {
                EmittedTypeName = type.ToDisplayString(SymbolNames.Emit),
            };
        }

        return new IncomingMessageShape(ProfileId, carrier.System, SymbolNames.Metadata(type), (type as INamedTypeSymbol)?.Arity ?? 0, type.IsValueType, new AdapterRef(custom.Name + "Incoming", EquatableArray<string>.Empty) { Custom = custom })
        {
            EmittedTypeName = custom.MessageType,
        };
    }

    /// <summary>The send recipe for a call to <paramref name="method"/>, when one of its parameters is a carrier.</summary>
    public static (SendRecipe Recipe, string System, CustomCarrierAdapter? Adapter)? SendRecipe(IMethodSymbol method)
    {
        var parameters = (method.ReducedFrom ?? method).OriginalDefinition.Parameters;
        int offset = method.IsExtensionMethod ? 1 : 0; // an extension's receiver is not numbered, in either call form
        for (int i = offset; i < parameters.Length; i++)
        {
            if (Find(parameters[i]) is not { } carrier)
            {
                continue;
            }

            int index = i - offset;
            var destination = DestinationParameter(parameters, offset) is { } d ? CallArgument.Of(d) : null;
            var destinationArgument = destination ?? CallArgument.Const("null");
            var recipe = carrier.Adapter is { } custom
                ? new SendRecipe(new AdapterRef(custom.Name + "Outgoing", EquatableArray<string>.Empty) { Custom = custom, Outgoing = true }, custom.DestinationProperty is null ? Recipes.List(CallArgument.Of(index), destinationArgument) : Recipes.List(CallArgument.Of(index)), EquatableArray<ParameterReplacement>.Empty, Reroute: null, custom.DestinationProperty is { } property ? CallArgument.Of(index, property) : destination)
                : new SendRecipe(DictionaryAdapter(carrier, "Outgoing"), Recipes.List(destinationArgument, CallArgument.Of(index)), EquatableArray<ParameterReplacement>.Empty, Reroute: null, destination);
            return (recipe, carrier.System, carrier.Adapter);
        }

        return null;
    }

    private static AdapterRef DictionaryAdapter(Carrier carrier, string direction) =>
        Recipes.RuntimeAdapter((carrier.ObjectValues ? "ObjectHeaders" : "StringHeaders") + direction);

    private static int? DestinationParameter(System.Collections.Immutable.ImmutableArray<IParameterSymbol> parameters, int offset)
    {
        for (int i = offset; i < parameters.Length; i++)
        {
            if (parameters[i].Type.SpecialType == SpecialType.System_String
                && s_destinationNames.Any(n => string.Equals(n, parameters[i].Name, StringComparison.OrdinalIgnoreCase)))
            {
                return i - offset;
            }
        }

        return null;
    }

    /// <summary>Whether a header dictionary holds object values (true), string values (false), or is no dictionary MessageTrace can use (null).</summary>
    private static bool? ValueKind(ITypeSymbol type)
    {
        foreach (var candidate in new[] { type }.Concat(type.AllInterfaces))
        {
            if (candidate is INamedTypeSymbol { Arity: 2 } named
                && named.OriginalDefinition.ToDisplayString() == "System.Collections.Generic.IDictionary<TKey, TValue>"
                && named.TypeArguments[0].SpecialType == SpecialType.System_String)
            {
                return named.TypeArguments[1].SpecialType switch
                {
                    SpecialType.System_String => false,
                    SpecialType.System_Object => true,
                    _ => null,
                };
            }
        }

        return null;
    }

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
