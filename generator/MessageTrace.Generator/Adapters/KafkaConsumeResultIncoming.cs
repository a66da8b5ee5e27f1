// A consumed Kafka record: its topic, partition and offset, and its message's headers (values as bytes).
[global::System.CodeDom.Compiler.GeneratedCode("MessageTrace.Generator", "VERSION")]
file readonly struct KafkaConsumeResultIncoming<TKey, TValue> : global::MessageTrace.IIncomingMessages<global::Confluent.Kafka.ConsumeResult<TKey, TValue>?>
{
    public bool TryRead(global::Confluent.Kafka.ConsumeResult<TKey, TValue>? message, string name, out global::MessageTrace.HeaderValue value) => default(KafkaHeadersAccess).TryRead(message?.Message?.Headers, name, out value);
    public string? Destination(global::Confluent.Kafka.ConsumeResult<TKey, TValue>? message) => message?.Topic;
    public string? MessageId(global::Confluent.Kafka.ConsumeResult<TKey, TValue>? message) => null;
    public void RecordSiteAttributes(global::System.Diagnostics.Activity activity, global::MessageTrace.MessagingSite site) { }
    public void RecordAttributes(global::System.Diagnostics.Activity activity, global::Confluent.Kafka.ConsumeResult<TKey, TValue>? message, global::MessageTrace.MessagingSite site) =>
        global::MessageTrace.KafkaAttributes.RecordIncoming(activity, site, message!.Message is { } m ? global::MessageTrace.KafkaMessageKeys.Text(m.Key) : null, message.Message is { Value: null }, message.Partition.Value, message.Offset.Value, null);
    public string? FailureOf<TResult>(TResult result) => null;
}
