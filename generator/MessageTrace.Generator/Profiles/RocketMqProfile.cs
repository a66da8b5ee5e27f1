using static MessageTrace.Generator.Profiles.Recipes;

namespace MessageTrace.Generator.Profiles;

/// <summary>The official Apache RocketMQ 5 C# client (<c>Org.Apache.Rocketmq</c>, RocketMQ.Client 5.x).</summary>
internal static class RocketMqProfile
{
    public const string Id = "RocketMq";
    private const string Ns = "Org.Apache.Rocketmq.";
    private const string System = "rocketmq";

    // The adapter may replace the message with a copy holding headers of its own (Message.Builder shares
    // one properties dictionary between the messages it builds): the client is called with the adapter's.
    private static readonly EquatableArray<ParameterReplacement> s_message = List(new ParameterReplacement(0, "Message"));

    public static BrokerProfile Create() => new(
        Id,
        System,
        Sends: List(
            new SendOperation("RocketMqSend", Types(Ns + "Producer"), "Send", Types(Ns + "Message"), Send()),
            new SendOperation("RocketMqSendTransactional", Types(Ns + "Producer"), "Send", Types(Ns + "Message", Ns + "ITransaction"), Send(CallArgument.Const("transactional: true")))),
        IncomingMessages: List(new IncomingMessageShape(Id, System, Ns + "MessageView", GenericArity: 0, IsValueType: false, Adapter("RocketMqIncoming"))),
        Receives: List(new ReceiveOperation("RocketMqReceive", Ns + "SimpleConsumer", "Receive", Types("System.Int32", "System.TimeSpan"))),
        Settles: List(new SettleOperation("RocketMqAck", Ns + "SimpleConsumer", "Ack", Types(Ns + "MessageView"), OperationName: "ack")),
        // Client 5.2 builds lite push consumers with a builder of their own; both call IMessageListener.Consume.
        Registrations: List(
            new ListenerRegistration("RocketMqPushListener", Ns + "PushConsumer+Builder", "SetMessageListener", Ns + "IMessageListener", "Consume"),
            new ListenerRegistration("RocketMqLitePushListener", Ns + "LitePushConsumer+Builder", "SetMessageListener", Ns + "IMessageListener", "Consume")))
    {
        ConsumerGroupSetters = List(Ns + "PushConsumer+Builder.SetConsumerGroup", Ns + "LitePushConsumer+Builder.SetConsumerGroup", Ns + "SimpleConsumer+Builder.SetConsumerGroup"),
        // The broker asks the producer about a half message whose transaction it never heard the end of: part
        // of the transactional send, not a delivery, so it is not a process span (nor counted as consumed).
        UntracedCallbacks = List(new UntracedCallback(
            Ns + "ITransactionChecker",
            "Check",
            "the client calls it to resolve the transaction of a half message, which is part of the transactional send and not a message delivered for processing",
            "remove the attribute; the transactional send itself is traced where you call Send(message, transaction)")),
        // AsyncAPI defines no RocketMQ bindings: the protocol name only.
        AsyncApi = new AsyncApiFacts("rocketmq", AsyncApiChannelBinding.None, AsyncApiGroupBinding.None),
    };

    private static SendRecipe Send(params CallArgument[] extra) => new(
        Adapter("RocketMqOutgoing"),
        new EquatableArray<CallArgument>([P(0), .. extra]),
        s_message,
        Reroute: null,
        Destination: P(0, "Topic"));
}
