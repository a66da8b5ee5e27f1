// Makes a KafkaOutgoing for a call whose key and value types generated code cannot name (a generic
// method's, a private type): the compiler infers them. Other calls get a copy of the struct written out
// for their types.
[global::System.CodeDom.Compiler.GeneratedCode("MessageTrace.Generator", "VERSION")]
file static class KafkaOutgoing
{
    public static KafkaOutgoing<TKey, TValue> Create<TKey, TValue>(global::Confluent.Kafka.IClient? client, string? topic, int partition, global::Confluent.Kafka.Message<TKey, TValue>? message) =>
        KafkaOutgoing<TKey, TValue>.Create(client, topic, partition, message);
    public static KafkaOutgoing<TKey, TValue> Create<TKey, TValue>(global::Confluent.Kafka.IClient? client, global::Confluent.Kafka.TopicPartition? target, global::Confluent.Kafka.Message<TKey, TValue>? message) =>
        KafkaOutgoing<TKey, TValue>.Create(client, target, message);
}

// A Kafka produce: the topic (and the partition when the caller named one) and the message's headers
// (created when the message has none, on the traced path only). The delivery result gives the
// partition and offset the broker stored the message at; Produce's delivery report also says whether
// the send failed.
[global::System.CodeDom.Compiler.GeneratedCode("MessageTrace.Generator", "VERSION")]
file struct KafkaOutgoing<TKey, TValue>(global::Confluent.Kafka.IClient? client, string? topic, int partition, global::Confluent.Kafka.Message<TKey, TValue>? message)
    : global::MessageTrace.IOutgoingMessage, global::MessageTrace.IReportedOutcome<global::Confluent.Kafka.DeliveryReport<TKey, TValue>>
{
    public static KafkaOutgoing<TKey, TValue> Create(global::Confluent.Kafka.IClient? client, string? topic, int partition, global::Confluent.Kafka.Message<TKey, TValue>? message) => new(client, topic, partition, message);
    // ProduceAsync/Produce(TopicPartition, ...): the topic and partition the caller chose.
    public static KafkaOutgoing<TKey, TValue> Create(global::Confluent.Kafka.IClient? client, global::Confluent.Kafka.TopicPartition? target, global::Confluent.Kafka.Message<TKey, TValue>? message) =>
        new(client, target?.Topic, target is null ? -1 : target.Partition.Value, message);

    public readonly bool HasMessage => message is not null;
    public readonly string? Destination => topic;
    public readonly object? Headers => message?.Headers;
    public readonly bool SharesHeaders => false;
    public readonly bool PrefersUtf8 => true;
    public readonly bool CanWrite => message?.Headers is not null;
    public readonly void PrepareHeaders()
    {
        if (message is not null) message.Headers ??= new global::Confluent.Kafka.Headers();
    }
    public readonly bool TryRead(string name, out global::MessageTrace.HeaderValue value) => default(KafkaHeadersAccess).TryRead(message?.Headers, name, out value);
    public readonly void Write(string name, string value) => default(KafkaHeadersAccess).Write(message?.Headers, name, value);
    public readonly void WriteUtf8(string name, byte[] value) => default(KafkaHeadersAccess).WriteUtf8(message?.Headers, name, value);
    public readonly bool IsWrittenByMessageTrace(string ourKey) => default(KafkaHeadersAccess).IsWrittenByMessageTrace(message?.Headers, ourKey);
    public readonly void Remove(string name) => default(KafkaHeadersAccess).Remove(message?.Headers, name);
    public readonly bool TryCopy() => false;
    public readonly void RecordAttributes(global::System.Diagnostics.Activity activity, global::MessageTrace.MessagingSite site) =>
        global::MessageTrace.KafkaAttributes.RecordOutgoing(activity, site, message is not null ? global::MessageTrace.KafkaMessageKeys.Text(message.Key) : null, message is not null && IsNull(message.Value), partition, null, KafkaClientId.Of(client));
    // Generic so that a copy written out for a value type that cannot be null (Message<Null, int>) still
    // compiles; the JIT folds the test to false for such a type, with no boxing.
    private static bool IsNull<T>(T value) => value is null;
    // Produce's delivery report: the broker's error code names the failure.
    public readonly string? FailureOf(global::Confluent.Kafka.DeliveryReport<TKey, TValue> report) =>
        report is { Error.IsError: true } ? report.Error.Code.ToString() : null;
    public readonly void RecordResult<TResult>(global::System.Diagnostics.Activity activity, TResult result)
    {
        if (result is global::Confluent.Kafka.DeliveryResult<TKey, TValue> delivery)
        {
            global::MessageTrace.KafkaAttributes.RecordDelivery(activity, delivery.Partition.Value, delivery.Offset.Value);
        }
    }
}
