// A Kafka message handed to a handler without its record: headers, key and value only (a Message does not
// know its topic; name it with [TracedHandler(Destination = ...)]).
[global::System.CodeDom.Compiler.GeneratedCode("MessageTrace.Generator", "VERSION")]
file readonly struct KafkaMessageIncoming<TKey, TValue> : global::MessageTrace.IIncomingMessages<global::Confluent.Kafka.Message<TKey, TValue>?>
{
    public bool TryRead(global::Confluent.Kafka.Message<TKey, TValue>? message, string name, out global::MessageTrace.HeaderValue value) => default(KafkaHeadersAccess).TryRead(message?.Headers, name, out value);
    public string? Destination(global::Confluent.Kafka.Message<TKey, TValue>? message) => null;
    public string? MessageId(global::Confluent.Kafka.Message<TKey, TValue>? message) => null;
    public void RecordSiteAttributes(global::System.Diagnostics.Activity activity, global::MessageTrace.MessagingSite site) { }
    public void RecordAttributes(global::System.Diagnostics.Activity activity, global::Confluent.Kafka.Message<TKey, TValue>? message, global::MessageTrace.MessagingSite site) =>
        global::MessageTrace.KafkaAttributes.RecordIncoming(activity, site, message is not null ? global::MessageTrace.KafkaMessageKeys.Text(message.Key) : null, message is { Value: null }, -1, -1, null);
    public string? FailureOf<TResult>(TResult result) => null;
}
