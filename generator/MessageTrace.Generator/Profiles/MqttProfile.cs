using static MessageTrace.Generator.Profiles.Recipes;

namespace MessageTrace.Generator.Profiles;

/// <summary>
/// MQTTnet 5: MQTT 5 user properties carry the context. Sends are <c>IMqttClient.PublishAsync</c> and
/// the <c>PublishStringAsync</c>/<c>PublishBinaryAsync</c> extensions (rerouted through an application
/// message so it can carry properties); handlers take <c>MqttApplicationMessage</c> or the received-event
/// arguments.
/// </summary>
internal static class MqttProfile
{
    public const string Id = "Mqtt";
    private const string System = "mqtt";

    private static readonly HeaderAccessRecipe s_userProperties = new(
        "MqttUserPropertiesAccess",
        new GeneratedHeaderAccess("MqttUserPropertiesAccess", "global::System.Collections.Generic.List<global::MQTTnet.Packets.MqttUserProperty>?", """
            // User property values go on the wire as UTF-8: the traceparent is formatted straight to bytes.
            public bool PrefersUtf8 => true;

            public bool CanWrite(global::System.Collections.Generic.List<global::MQTTnet.Packets.MqttUserProperty>? carrier) => carrier is not null;

            public bool TryRead(global::System.Collections.Generic.List<global::MQTTnet.Packets.MqttUserProperty>? carrier, string name, out global::MessageTrace.HeaderValue value)
            {
                if (carrier is not null)
                {
                    foreach (var property in carrier)
                    {
                        if (property is not null && string.Equals(property.Name, name, global::System.StringComparison.Ordinal))
                        {
                            // The raw bytes: parsed in place, no string decoded.
                            value = new global::MessageTrace.HeaderValue(property.ValueBuffer);
                            return true;
                        }
                    }
                }

                value = default;
                return false;
            }

            public void Write(global::System.Collections.Generic.List<global::MQTTnet.Packets.MqttUserProperty>? carrier, string name, string value) =>
                WriteUtf8(carrier, name, global::System.Text.Encoding.UTF8.GetBytes(value));

            public void WriteUtf8(global::System.Collections.Generic.List<global::MQTTnet.Packets.MqttUserProperty>? carrier, string name, byte[] value)
            {
                // MQTT 5 allows repeated user properties; a trace header must appear once.
                for (int i = carrier!.Count - 1; i >= 0; i--)
                {
                    if (string.Equals(carrier[i]?.Name, name, global::System.StringComparison.Ordinal))
                    {
                        carrier.RemoveAt(i);
                    }
                }

                carrier.Add(new global::MQTTnet.Packets.MqttUserProperty(name, new global::System.ReadOnlyMemory<byte>(value)));
            }
            """));

    private const string BuildMessage =
        "var message = new global::MQTTnet.MqttApplicationMessageBuilder().WithTopic(p0).WithPayload(p1).WithQualityOfServiceLevel(p2).WithRetainFlag(p3).Build();\n"
        + "message.UserProperties ??= new global::System.Collections.Generic.List<global::MQTTnet.Packets.MqttUserProperty>();";

    public static BrokerProfile Create() => new(
        Id,
        System,
        NamespaceAttribute: null,
        Sends: List(
            new SendOperation(
                "MqttPublish",
                Types("MQTTnet.IMqttClient", "MQTTnet.MqttClient"),
                "PublishAsync",
                Types("MQTTnet.MqttApplicationMessage", "System.Threading.CancellationToken"),
                Publish("p0.Topic", "p0.UserProperties", "p0.UserProperties ??= new global::System.Collections.Generic.List<global::MQTTnet.Packets.MqttUserProperty>();", null, "p0 is null")),
            new SendOperation(
                "MqttPublishString",
                Types("MQTTnet.MqttClientExtensions"),
                "PublishStringAsync",
                Types("MQTTnet.IMqttClient", "System.String", "System.String", "MQTTnet.Protocol.MqttQualityOfServiceLevel", "System.Boolean", "System.Threading.CancellationToken"),
                Publish("p0", "message.UserProperties", BuildMessage, "receiver.PublishAsync(message, p4)", passThroughWhen: "p0 is null")),
            new SendOperation(
                "MqttPublishBinary",
                Types("MQTTnet.MqttClientExtensions"),
                "PublishBinaryAsync",
                Types("MQTTnet.IMqttClient", "System.String", "System.Collections.Generic.IEnumerable", "MQTTnet.Protocol.MqttQualityOfServiceLevel", "System.Boolean", "System.Threading.CancellationToken"),
                Publish("p0", "message.UserProperties", BuildMessage, "receiver.PublishAsync(message, p4)", passThroughWhen: "p0 is null"))),
        IncomingMessages: List(
            Incoming("MQTTnet.MqttApplicationMessage", "{m}"),
            Incoming("MQTTnet.MqttApplicationMessageReceivedEventArgs", "{m}.ApplicationMessage")),
        Receives: EquatableArray<ReceiveOperation>.Empty,
        Settles: EquatableArray<SettleOperation>.Empty,
        Registrations: EquatableArray<ListenerRegistration>.Empty,
        FailureResults: EquatableArray<FailureResult>.Empty);

    private static SendRecipe Publish(string destination, string carrier, string prepare, string? tracedCall, string? passThroughWhen) => new(
        PassThroughWhen: passThroughWhen,
        Destination: destination,
        Carrier: carrier,
        Headers: s_userProperties,
        PrepareCarrier: prepare,
        TracedCall: tracedCall,
        Attributes: EquatableArray<AttributeRecipe>.Empty,
        MessageType: null,
        MessageTypeOverride: null,
        BodySize: null,
        Copy: null,
        ResultMessageId: null);

    private static IncomingMessageShape Incoming(string typeName, string message) => new(
        Id,
        System,
        NamespaceAttribute: null,
        TypeName: typeName,
        GenericArity: 0,
        IsValueType: false,
        DestinationExpression: message + ".Topic",
        CarrierExpression: message + ".UserProperties",
        Headers: s_userProperties,
        MessageIdExpression: null,
        BodySizeExpression: "(int)" + message + ".Payload.Length",
        Attributes: EquatableArray<AttributeRecipe>.Empty);
}
