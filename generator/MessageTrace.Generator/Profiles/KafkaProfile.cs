using static MessageTrace.Generator.Profiles.Recipes;

namespace MessageTrace.Generator.Profiles;

/// <summary>
/// Confluent.Kafka 2: <c>IProducer&lt;TKey, TValue&gt;.ProduceAsync</c> and <c>Produce</c> (its span ends in the
/// delivery report, before the caller's handler runs) to a topic or a topic partition, with
/// the message's <c>Headers</c> as the carrier (values as UTF-8 bytes; created when the message has none),
/// handlers taking <c>ConsumeResult&lt;TKey, TValue&gt;</c> or <c>Message&lt;TKey, TValue&gt;</c>, and
/// <c>IConsumer&lt;TKey, TValue&gt;.Consume</c> receives inside <c>[TracedConsumer]</c> scopes.
/// </summary>
internal static class KafkaProfile
{
    public const string Id = "Kafka";
    private const string Ns = "Confluent.Kafka.";
    private const string System = "kafka";
    private const string HeadersAccess = "KafkaHeadersAccess";

    public static BrokerProfile Create() => new(
        Id,
        System,
        Sends: List(
            new SendOperation(
                "KafkaProduceAsync",
                Types(Ns + "IProducer"),
                "ProduceAsync",
                Types("System.String", Ns + "Message", "System.Threading.CancellationToken"),
                new SendRecipe(GenericAdapter("KafkaOutgoing", HeadersAccess, "KafkaClientId"), List(CallArgument.Receiver, P(0), CallArgument.Const("-1"), P(1)), EquatableArray<ParameterReplacement>.Empty, Reroute: null, Destination: P(0))),
            new SendOperation(
                "KafkaProduceAsyncPartition",
                Types(Ns + "IProducer"),
                "ProduceAsync",
                Types(Ns + "TopicPartition", Ns + "Message", "System.Threading.CancellationToken"),
                new SendRecipe(GenericAdapter("KafkaOutgoing", HeadersAccess, "KafkaClientId"), List(CallArgument.Receiver, P(0), P(1)), EquatableArray<ParameterReplacement>.Empty, Reroute: null, Destination: P(0, "Topic"))),
            new SendOperation(
                "KafkaProduce",
                Types(Ns + "IProducer"),
                "Produce",
                Types("System.String", Ns + "Message", "System.Action"),
                new SendRecipe(GenericAdapter("KafkaOutgoing", HeadersAccess, "KafkaClientId"), List(CallArgument.Receiver, P(0), CallArgument.Const("-1"), P(1)), EquatableArray<ParameterReplacement>.Empty, Reroute: null, Destination: P(0)) { ReportCallback = 2 }),
            new SendOperation(
                "KafkaProducePartition",
                Types(Ns + "IProducer"),
                "Produce",
                Types(Ns + "TopicPartition", Ns + "Message", "System.Action"),
                new SendRecipe(GenericAdapter("KafkaOutgoing", HeadersAccess, "KafkaClientId"), List(CallArgument.Receiver, P(0), P(1)), EquatableArray<ParameterReplacement>.Empty, Reroute: null, Destination: P(0, "Topic")) { ReportCallback = 2 })),
        IncomingMessages: List(
            new IncomingMessageShape(Id, System, Ns + "ConsumeResult", GenericArity: 2, IsValueType: false, Adapter("KafkaConsumeResultIncoming", HeadersAccess)),
            new IncomingMessageShape(Id, System, Ns + "Message", GenericArity: 2, IsValueType: false, Adapter("KafkaMessageIncoming", HeadersAccess))),
        Receives: List(
            new ReceiveOperation("KafkaConsume", Ns + "IConsumer", "Consume", Types("System.Threading.CancellationToken")) { ReturnsOneMessage = true, EmptyResultProperty = "IsPartitionEOF" },
            new ReceiveOperation("KafkaConsumeTimeout", Ns + "IConsumer", "Consume", Types("System.TimeSpan")) { ReturnsOneMessage = true, EmptyResultProperty = "IsPartitionEOF" },
            new ReceiveOperation("KafkaConsumeMilliseconds", Ns + "IConsumer", "Consume", Types("System.Int32")) { ReturnsOneMessage = true, EmptyResultProperty = "IsPartitionEOF" }),
        Settles: List(
            new SettleOperation("KafkaCommit", Ns + "IConsumer", "Commit", Types(Ns + "ConsumeResult"), OperationName: "commit"),
            new SettleOperation("KafkaStoreOffset", Ns + "IConsumer", "StoreOffset", Types(Ns + "ConsumeResult"), OperationName: "store_offset")),
        Registrations: EquatableArray<ListenerRegistration>.Empty)
    {
        AsyncApi = new AsyncApiFacts("kafka", AsyncApiChannelBinding.KafkaTopic, AsyncApiGroupBinding.KafkaGroupId),
    };
}
