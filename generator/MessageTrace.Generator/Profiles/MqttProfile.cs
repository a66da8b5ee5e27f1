using static MessageTrace.Generator.Profiles.Recipes;

namespace MessageTrace.Generator.Profiles;

/// <summary>
/// MQTTnet 5: MQTT 5 user properties carry the context. Sends are <c>IMqttClient.PublishAsync</c> and the
/// <c>PublishStringAsync</c>/<c>PublishBinaryAsync</c> extensions (rerouted, on the traced path, through an
/// application message so it can carry properties); handlers take <c>MqttApplicationMessage</c> or the
/// received-event arguments.
/// </summary>
internal static class MqttProfile
{
    public const string Id = "Mqtt";
    private const string System = "mqtt";
    private const string UserProperties = "MqttUserPropertiesAccess";
    private static readonly AdapterRef s_outgoing = Adapter("MqttOutgoing", UserProperties);

    public static BrokerProfile Create() => new(
        Id,
        System,
        Sends: List(
            new SendOperation(
                "MqttPublish",
                Types("MQTTnet.IMqttClient", "MQTTnet.MqttClient"),
                "PublishAsync",
                Types("MQTTnet.MqttApplicationMessage", "System.Threading.CancellationToken"),
                new SendRecipe(s_outgoing, List(P(0)), List(new ParameterReplacement(0, "Message")), Reroute: null, Destination: P(0, "Topic"))),
            new SendOperation(
                "MqttPublishString",
                Types("MQTTnet.MqttClientExtensions"),
                "PublishStringAsync",
                Types("MQTTnet.IMqttClient", "System.String", "System.String", "MQTTnet.Protocol.MqttQualityOfServiceLevel", "System.Boolean", "System.Threading.CancellationToken"),
                FromParts()),
            new SendOperation(
                "MqttPublishBinary",
                Types("MQTTnet.MqttClientExtensions"),
                "PublishBinaryAsync",
                Types("MQTTnet.IMqttClient", "System.String", "System.Collections.Generic.IEnumerable", "MQTTnet.Protocol.MqttQualityOfServiceLevel", "System.Boolean", "System.Threading.CancellationToken"),
                FromParts())),
        IncomingMessages: List(
            new IncomingMessageShape(Id, System, "MQTTnet.MqttApplicationMessage", GenericArity: 0, IsValueType: false, Adapter("MqttMessageIncoming", UserProperties)),
            new IncomingMessageShape(Id, System, "MQTTnet.MqttApplicationMessageReceivedEventArgs", GenericArity: 0, IsValueType: false, Adapter("MqttReceivedIncoming", UserProperties))),
        Receives: EquatableArray<ReceiveOperation>.Empty,
        Settles: EquatableArray<SettleOperation>.Empty,
        Registrations: EquatableArray<ListenerRegistration>.Empty)
    {
        AsyncApi = new AsyncApiFacts("mqtt", AsyncApiChannelBinding.None, AsyncApiGroupBinding.None),
    };

    // Topic, payload, QoS and retain flag become an application message on the traced path.
    private static SendRecipe FromParts() => new(
        s_outgoing,
        List(P(0), P(1), P(2), P(3)),
        EquatableArray<ParameterReplacement>.Empty,
        new ReroutedCall("Message", "PublishAsync", List(CallArgument.FromAdapter("Message"), P(4))),
        Destination: P(0));
}
