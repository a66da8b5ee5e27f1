// A received MQTT application message: its topic and user properties.
[global::System.CodeDom.Compiler.GeneratedCode("MessageTrace.Generator", "VERSION")]
file readonly struct MqttMessageIncoming : global::MessageTrace.IIncomingMessages<global::MQTTnet.MqttApplicationMessage?>
{
    public bool TryRead(global::MQTTnet.MqttApplicationMessage? message, string name, out global::MessageTrace.HeaderValue value) => default(MqttUserPropertiesAccess).TryRead(message?.UserProperties, name, out value);
    public string? Destination(global::MQTTnet.MqttApplicationMessage? message) => message?.Topic;
    public string? MessageId(global::MQTTnet.MqttApplicationMessage? message) => null;
    public void RecordSiteAttributes(global::System.Diagnostics.Activity activity, global::MessageTrace.MessagingSite site) { }
    public void RecordAttributes(global::System.Diagnostics.Activity activity, global::MQTTnet.MqttApplicationMessage? message, global::MessageTrace.MessagingSite site) =>
        global::MessageTrace.MessagingAttributes.SetBodySize(activity, site, (int)message!.Payload.Length);
    public string? FailureOf<TResult>(TResult result) => null;
}
