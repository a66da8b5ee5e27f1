// An MQTT publish: the application message's topic and user properties (created when absent). The
// string and binary extensions pass no message: one is built from their arguments on the traced path only.
[global::System.CodeDom.Compiler.GeneratedCode("MessageTrace.Generator", "VERSION")]
file struct MqttOutgoing : global::MessageTrace.IOutgoingMessage
{
    public global::MQTTnet.MqttApplicationMessage? Message;
    private readonly string? _topic;
    private readonly object? _payload;
    private readonly global::MQTTnet.Protocol.MqttQualityOfServiceLevel _qos;
    private readonly bool _retain;

    public MqttOutgoing(global::MQTTnet.MqttApplicationMessage? message) => Message = message;

    public MqttOutgoing(string? topic, object? payload, global::MQTTnet.Protocol.MqttQualityOfServiceLevel qos, bool retain) => (_topic, _payload, _qos, _retain) = (topic, payload, qos, retain);

    public readonly bool HasMessage => Message is not null || _topic is not null;
    public readonly string? Destination => Message?.Topic ?? _topic;
    public readonly object? Headers => Message?.UserProperties;
    public readonly bool SharesHeaders => false;
    public readonly bool PrefersUtf8 => true;
    public readonly bool CanWrite => Message?.UserProperties is not null;
    public void PrepareHeaders()
    {
        if (Message is null)
        {
            var builder = new global::MQTTnet.MqttApplicationMessageBuilder().WithTopic(_topic).WithQualityOfServiceLevel(_qos).WithRetainFlag(_retain);
            Message = (_payload is string text ? builder.WithPayload(text) : builder.WithPayload(_payload as global::System.Collections.Generic.IEnumerable<byte>)).Build();
        }

        Message.UserProperties ??= new global::System.Collections.Generic.List<global::MQTTnet.Packets.MqttUserProperty>();
    }
    public readonly bool TryRead(string name, out global::MessageTrace.HeaderValue value) => default(MqttUserPropertiesAccess).TryRead(Message?.UserProperties, name, out value);
    public readonly void Write(string name, string value) => default(MqttUserPropertiesAccess).Write(Message?.UserProperties, name, value);
    public readonly void WriteUtf8(string name, byte[] value) => default(MqttUserPropertiesAccess).WriteUtf8(Message?.UserProperties, name, value);
    public readonly bool IsWrittenByMessageTrace(string ourKey) => default(MqttUserPropertiesAccess).IsWrittenByMessageTrace(Message?.UserProperties, ourKey);
    public readonly void Remove(string name) => default(MqttUserPropertiesAccess).Remove(Message?.UserProperties, name);
    public readonly bool TryCopy() => false;
    public readonly void RecordAttributes(global::System.Diagnostics.Activity activity, global::MessageTrace.MessagingSite site) { }
    public readonly void RecordResult<TResult>(global::System.Diagnostics.Activity activity, TResult result) { }
}
