namespace MessageTrace;

/// <summary>
/// Attribute names of the OpenTelemetry messaging semantic conventions (v1.44) and the RocketMQ
/// refinements, in one place so the runtime, the generated code and the tests cannot disagree.
/// </summary>
public static class MessagingAttributes
{
    /// <summary><c>messaging.system</c>: the broker family, e.g. <c>rocketmq</c>.</summary>
    public const string System = "messaging.system";
    /// <summary><c>messaging.operation.name</c>: the system-specific operation, e.g. <c>send</c>.</summary>
    public const string OperationName = "messaging.operation.name";
    /// <summary><c>messaging.operation.type</c>: one of <see cref="MessagingOperationTypes"/>.</summary>
    public const string OperationType = "messaging.operation.type";
    /// <summary><c>messaging.destination.name</c>: topic, queue or subject.</summary>
    public const string DestinationName = "messaging.destination.name";
    /// <summary><c>messaging.destination.template</c>: low-cardinality destination template.</summary>
    public const string DestinationTemplate = "messaging.destination.template";
    /// <summary>
    /// <c>messaging.destination.temporary</c>: the destination exists only for a while (a reply inbox), so it
    /// names no span and is not recorded, to keep span names and metrics low in cardinality.
    /// </summary>
    public const string DestinationTemporary = "messaging.destination.temporary";
    /// <summary><c>messaging.destination.partition.id</c>.</summary>
    public const string DestinationPartitionId = "messaging.destination.partition.id";
    /// <summary><c>messaging.message.id</c>.</summary>
    public const string MessageId = "messaging.message.id";
    /// <summary><c>messaging.message.conversation_id</c>.</summary>
    public const string ConversationId = "messaging.message.conversation_id";
    /// <summary><c>messaging.message.body.size</c> (opt-in).</summary>
    public const string MessageBodySize = "messaging.message.body.size";
    /// <summary><c>messaging.batch.message_count</c>.</summary>
    public const string BatchMessageCount = "messaging.batch.message_count";
    /// <summary><c>messaging.client.id</c>.</summary>
    public const string ClientId = "messaging.client.id";
    /// <summary><c>messaging.consumer.group.name</c>.</summary>
    public const string ConsumerGroupName = "messaging.consumer.group.name";
    /// <summary><c>server.address</c>.</summary>
    public const string ServerAddress = "server.address";
    /// <summary><c>server.port</c>.</summary>
    public const string ServerPort = "server.port";
    /// <summary><c>error.type</c>.</summary>
    public const string ErrorType = "error.type";

    /// <summary><c>messaging.rocketmq.namespace</c> (required for RocketMQ).</summary>
    public const string RocketMqNamespace = "messaging.rocketmq.namespace";
    /// <summary><c>messaging.rocketmq.message.group</c> (FIFO messages).</summary>
    public const string RocketMqMessageGroup = "messaging.rocketmq.message.group";
    /// <summary><c>messaging.rocketmq.message.type</c>: normal, fifo, delay or transaction.</summary>
    public const string RocketMqMessageType = "messaging.rocketmq.message.type";
    /// <summary><c>messaging.rocketmq.message.tag</c>.</summary>
    public const string RocketMqMessageTag = "messaging.rocketmq.message.tag";
    /// <summary><c>messaging.rocketmq.message.keys</c> (string array).</summary>
    public const string RocketMqMessageKeys = "messaging.rocketmq.message.keys";
    /// <summary><c>messaging.rocketmq.message.delivery_timestamp</c> (epoch milliseconds).</summary>
    public const string RocketMqDeliveryTimestamp = "messaging.rocketmq.message.delivery_timestamp";
    /// <summary><c>messaging.rocketmq.message.delay_time_level</c>.</summary>
    public const string RocketMqDelayTimeLevel = "messaging.rocketmq.message.delay_time_level";
    /// <summary><c>messaging.rocketmq.consumption_model</c>: clustering or broadcasting.</summary>
    public const string RocketMqConsumptionModel = "messaging.rocketmq.consumption_model";
    /// <summary>
    /// <c>messaging.rocketmq.message.delivery_attempt</c>: not in the conventions; RocketMQ exposes the
    /// attempt on every received message and it is what an operator asks first about a redelivery.
    /// </summary>
    public const string RocketMqDeliveryAttempt = "messaging.rocketmq.message.delivery_attempt";

    /// <summary><c>messaging.rabbitmq.destination.routing_key</c>.</summary>
    public const string RabbitMqRoutingKey = "messaging.rabbitmq.destination.routing_key";
    /// <summary><c>messaging.rabbitmq.message.delivery_tag</c>.</summary>
    public const string RabbitMqDeliveryTag = "messaging.rabbitmq.message.delivery_tag";

    /// <summary>Kafka: the message key, when it is text (other keys only through a formatter the user opts into).</summary>
    public const string KafkaMessageKey = "messaging.kafka.message.key";

    /// <summary>Kafka: whether the message is a tombstone (its value is null).</summary>
    public const string KafkaTombstone = "messaging.kafka.message.tombstone";

    /// <summary>Kafka: the message's offset in its partition.</summary>
    public const string KafkaOffset = "messaging.kafka.offset";

    /// <summary>
    /// Appends a text attribute unless the value is null or empty, for attributes a span gets exactly once:
    /// <see cref="System.Diagnostics.Activity.AddTag(string, object?)"/> appends, where
    /// <see cref="System.Diagnostics.Activity.SetTag"/> first walks every attribute already on the span for the same key.
    /// </summary>
    internal static void AddText(System.Diagnostics.Activity activity, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            activity.AddTag(name, value);
        }
    }

    /// <summary>
    /// Appends <c>messaging.message.id</c> unless the id is null or empty, for the one place a span learns it
    /// (a message's own id when it is sent, or the broker's receipt). It does not first look for an earlier
    /// value, as <see cref="System.Diagnostics.Activity.SetTag"/> would: call it once per span.
    /// </summary>
    public static void RecordMessageId(System.Diagnostics.Activity activity, string? messageId) => AddText(activity, MessageId, messageId);

    /// <summary>Marks a span whose destination is temporary (see <see cref="DestinationTemporary"/>).</summary>
    public static void SetTemporaryDestination(System.Diagnostics.Activity activity) => activity.SetTag(DestinationTemporary, TagValues.True);

    /// <summary>Sets the opt-in <c>messaging.message.body.size</c> when the site asks for it and the size is known.</summary>
    public static void SetBodySize(System.Diagnostics.Activity activity, MessagingSite site, int? bodySize)
    {
        if (site.RecordBodySize && bodySize is { } size)
        {
            activity.SetTag(MessageBodySize, TagValues.Int(size));
        }
    }
}

/// <summary>Values of <c>messaging.operation.type</c>.</summary>
public static class MessagingOperationTypes
{
    /// <summary>A message is created (batch sends).</summary>
    public const string Create = "create";
    /// <summary>One or more messages are sent to a broker.</summary>
    public const string Send = "send";
    /// <summary>Messages are pulled from a broker.</summary>
    public const string Receive = "receive";
    /// <summary>A received message is processed.</summary>
    public const string Process = "process";
    /// <summary>A message is acknowledged, rejected or its settlement changed.</summary>
    public const string Settle = "settle";
}

/// <summary>Values of <c>messaging.system</c> for the brokers MessageTrace knows.</summary>
public static class MessagingSystems
{
    /// <summary>Apache RocketMQ.</summary>
    public const string RocketMq = "rocketmq";
    /// <summary>RabbitMQ.</summary>
    public const string RabbitMq = "rabbitmq";
    /// <summary>NATS.</summary>
    public const string Nats = "nats";
    /// <summary>Apache Kafka.</summary>
    public const string Kafka = "kafka";
    /// <summary>MQTT (not yet named by the conventions; the lower-case protocol name).</summary>
    public const string Mqtt = "mqtt";
}

/// <summary>Header names that carry the trace context on messages.</summary>
public static class TraceHeaders
{
    /// <summary>W3C <c>traceparent</c>.</summary>
    public const string TraceParent = "traceparent";
    /// <summary>W3C <c>tracestate</c>.</summary>
    public const string TraceState = "tracestate";
    /// <summary>W3C <c>baggage</c>.</summary>
    public const string Baggage = "baggage";

    /// <summary>Whether <paramref name="name"/> is one of the headers MessageTrace writes (ordinal, case-insensitive).</summary>
    public static bool IsTraceHeader(string? name) =>
        string.Equals(name, TraceParent, System.StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, TraceState, System.StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, Baggage, System.StringComparison.OrdinalIgnoreCase);
}
