// A message a RabbitMQ basic.get returned: exchange or routing key, the properties' headers (values as bytes).
[global::System.CodeDom.Compiler.GeneratedCode("MessageTrace.Generator", "VERSION")]
file readonly struct RabbitMqGetIncoming : global::MessageTrace.IIncomingMessages<global::RabbitMQ.Client.BasicGetResult?>
{
    public bool TryRead(global::RabbitMQ.Client.BasicGetResult? message, string name, out global::MessageTrace.HeaderValue value) => default(global::MessageTrace.ObjectDictionaryHeaders).TryRead(message?.BasicProperties?.Headers, name, out value);
    public string? Destination(global::RabbitMQ.Client.BasicGetResult? message) => global::MessageTrace.RabbitMqAttributes.Destination(message?.Exchange, message?.RoutingKey);
    public string? MessageId(global::RabbitMQ.Client.BasicGetResult? message) => message?.BasicProperties?.MessageId;
    public void RecordSiteAttributes(global::System.Diagnostics.Activity activity, global::MessageTrace.MessagingSite site) { }
    public void RecordAttributes(global::System.Diagnostics.Activity activity, global::RabbitMQ.Client.BasicGetResult? message, global::MessageTrace.MessagingSite site) =>
        global::MessageTrace.RabbitMqAttributes.RecordIncoming(activity, site, message!.RoutingKey, message.DeliveryTag, message.Body.Length);
    public string? FailureOf<TResult>(TResult result) => null;
}
