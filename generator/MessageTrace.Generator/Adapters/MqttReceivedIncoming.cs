// The arguments of an MQTT client's message-received event: the application message inside.
[global::System.CodeDom.Compiler.GeneratedCode("MessageTrace.Generator", "VERSION")]
file readonly struct MqttReceivedIncoming : global::MessageTrace.IIncomingMessages<global::MQTTnet.MqttApplicationMessageReceivedEventArgs?>
{
    public bool TryRead(global::MQTTnet.MqttApplicationMessageReceivedEventArgs? message, string name, out global::MessageTrace.HeaderValue value) => default(MqttUserPropertiesAccess).TryRead(message?.ApplicationMessage?.UserProperties, name, out value);
    public string? Destination(global::MQTTnet.MqttApplicationMessageReceivedEventArgs? message) => message?.ApplicationMessage?.Topic;
    public string? MessageId(global::MQTTnet.MqttApplicationMessageReceivedEventArgs? message) => null;
    public void RecordSiteAttributes(global::System.Diagnostics.Activity activity, global::MessageTrace.MessagingSite site) { }
    public void RecordAttributes(global::System.Diagnostics.Activity activity, global::MQTTnet.MqttApplicationMessageReceivedEventArgs? message, global::MessageTrace.MessagingSite site) =>
        global::MessageTrace.MessagingAttributes.SetBodySize(activity, site, (int?)message!.ApplicationMessage?.Payload.Length);
    public string? FailureOf<TResult>(TResult result) => null;
}
