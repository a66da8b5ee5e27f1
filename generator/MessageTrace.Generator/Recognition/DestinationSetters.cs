using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace MessageTrace.Generator.Recognition;

/// <summary>
/// Builder methods that set the destination of a message before it is sent (RocketMQ
/// <c>Message.Builder.SetTopic</c>, MQTTnet <c>MqttApplicationMessageBuilder.WithTopic</c>). With a send recipe's destination template (<c>p0.Topic</c>) they
/// let a diagnostic name the destination of a send written as
/// <c>producer.Send(new Message.Builder().SetTopic("orders")...Build())</c>.
/// </summary>
internal static class DestinationSetters
{
    /// <summary>One destination setter.</summary>
    /// <param name="ContainingType">Metadata name of the builder type.</param>
    /// <param name="MethodName">The setter.</param>
    /// <param name="Parameter">Index of the parameter that takes the destination, in the declaration (an extension method's <c>this</c> is 0).</param>
    internal sealed record Setter(string ContainingType, string MethodName, int Parameter);

    public static ImmutableArray<Setter> All { get; } = ImmutableArray.Create(
        new Setter("Org.Apache.Rocketmq.Message+Builder", "SetTopic", 0),
        new Setter("MQTTnet.MqttApplicationMessageBuilder", "WithTopic", 0));

    /// <summary>The index of the destination parameter when <paramref name="method"/> is a destination setter.</summary>
    public static int? Match(IMethodSymbol method)
    {
        var definition = (method.ReducedFrom ?? method).OriginalDefinition;
        foreach (var setter in All)
        {
            if (definition.Name == setter.MethodName
                && definition.Parameters.Length > setter.Parameter
                && SymbolNames.Metadata(definition.ContainingType) == setter.ContainingType)
            {
                return setter.Parameter;
            }
        }

        return null;
    }
}
