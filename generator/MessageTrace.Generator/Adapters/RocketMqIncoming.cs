// A received RocketMQ message: its topic, its properties (the carrier), and the attributes it carries.
[global::System.CodeDom.Compiler.GeneratedCode("MessageTrace.Generator", "VERSION")]
file readonly struct RocketMqIncoming : global::MessageTrace.IIncomingMessages<global::Org.Apache.Rocketmq.MessageView?>
{
    public bool TryRead(global::Org.Apache.Rocketmq.MessageView? message, string name, out global::MessageTrace.HeaderValue value) => default(global::MessageTrace.StringDictionaryHeaders).TryRead(message?.Properties, name, out value);
    public string? Destination(global::Org.Apache.Rocketmq.MessageView? message) => message?.Topic;
    public string? MessageId(global::Org.Apache.Rocketmq.MessageView? message) => message?.MessageId;
    public void RecordSiteAttributes(global::System.Diagnostics.Activity activity, global::MessageTrace.MessagingSite site) => global::MessageTrace.RocketMqAttributes.RecordNamespace(activity, site);

    public void RecordAttributes(global::System.Diagnostics.Activity activity, global::Org.Apache.Rocketmq.MessageView? message, global::MessageTrace.MessagingSite site) =>
        global::MessageTrace.RocketMqAttributes.RecordIncoming(activity, site, message!.Tag, message.Keys, message.MessageGroup, message.DeliveryTimestamp, message.DeliveryAttempt, message.Body?.Length);

    public string? FailureOf<TResult>(TResult result) => result is global::Org.Apache.Rocketmq.ConsumeResult.FAILURE ? "FAILURE" : null;
}
