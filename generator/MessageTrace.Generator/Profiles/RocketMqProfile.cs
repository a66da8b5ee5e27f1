using System.Collections.Immutable;

namespace MessageTrace.Generator.Profiles;

/// <summary>The official Apache RocketMQ 5 C# client (<c>Org.Apache.Rocketmq</c>, RocketMQ.Client 5.x).</summary>
internal static class RocketMqProfile
{
    private const string Ns = "Org.Apache.Rocketmq.";

    public static BrokerProfile Create() => new(
        Id: "RocketMq",
        System: "rocketmq",
        NamespaceAttribute: "messaging.rocketmq.namespace",
        OutgoingMessage: new OutgoingMessageShape(
            TypeName: Ns + "Message",
            DestinationExpression: "{m}.Topic",
            Headers: new HeaderRecipe("{m}.Properties", "global::MessageTrace.StringDictionaryHeaders"),
            BodySizeExpression: "{m}.Body?.Length",
            // The client infers the type at send time from these properties; mirror its rule.
            MessageType: new MessageTypeRecipe(
                "messaging.rocketmq.message.type",
                "!string.IsNullOrEmpty({m}.MessageGroup) ? \"fifo\" : {m}.DeliveryTimestamp.HasValue ? \"delay\" : \"normal\""),
            Attributes: ImmutableArray.Create(
                new AttributeRecipe("messaging.rocketmq.message.tag", "{m}.Tag", AttributeValueKind.String),
                new AttributeRecipe("messaging.rocketmq.message.keys", "{m}.Keys", AttributeValueKind.StringList),
                new AttributeRecipe("messaging.rocketmq.message.group", "{m}.MessageGroup", AttributeValueKind.String),
                new AttributeRecipe("messaging.rocketmq.message.delivery_timestamp", "{m}.DeliveryTimestamp", AttributeValueKind.EpochMilliseconds)),
            // Message has no public constructor and Builder.Build() shares its properties dictionary
            // between messages; a fresh builder gives the copy a dictionary of its own.
            CopyWithoutContextBody: CopyBody),
        Sends: ImmutableArray.Create(
            new SendOperation(
                Id: "RocketMqSend",
                ContainingType: Ns + "Producer",
                MethodName: "Send",
                ParameterTypes: ImmutableArray.Create(Ns + "Message"),
                MessageParameter: 0,
                MessageTypeOverride: null,
                ResultMessageIdExpression: "{r}.MessageId"),
            new SendOperation(
                Id: "RocketMqSendTransactional",
                ContainingType: Ns + "Producer",
                MethodName: "Send",
                ParameterTypes: ImmutableArray.Create(Ns + "Message", Ns + "ITransaction"),
                MessageParameter: 0,
                MessageTypeOverride: "transaction",
                ResultMessageIdExpression: "{r}.MessageId")),
        IncomingMessage: new IncomingMessageShape(
            TypeName: Ns + "MessageView",
            DestinationExpression: "{m}.Topic",
            Headers: new HeaderRecipe("{m}.Properties", "global::MessageTrace.StringDictionaryHeaders"),
            MessageIdExpression: "{m}.MessageId",
            BodySizeExpression: "{m}.Body?.Length",
            Attributes: ImmutableArray.Create(
                new AttributeRecipe("messaging.rocketmq.message.tag", "{m}.Tag", AttributeValueKind.String),
                new AttributeRecipe("messaging.rocketmq.message.keys", "{m}.Keys", AttributeValueKind.StringList),
                new AttributeRecipe("messaging.rocketmq.message.group", "{m}.MessageGroup", AttributeValueKind.String),
                new AttributeRecipe("messaging.rocketmq.message.delivery_timestamp", "{m}.DeliveryTimestamp", AttributeValueKind.EpochMilliseconds),
                new AttributeRecipe("messaging.rocketmq.message.delivery_attempt", "{m}.DeliveryAttempt", AttributeValueKind.Int32))),
        Receives: ImmutableArray.Create(
            new ReceiveOperation(
                Id: "RocketMqReceive",
                ContainingType: Ns + "SimpleConsumer",
                MethodName: "Receive",
                ParameterTypes: ImmutableArray.Create("System.Int32", "System.TimeSpan"))),
        Settles: ImmutableArray.Create(
            new SettleOperation(
                Id: "RocketMqAck",
                ContainingType: Ns + "SimpleConsumer",
                MethodName: "Ack",
                ParameterTypes: ImmutableArray.Create(Ns + "MessageView"),
                OperationName: "ack")),
        Registrations: ImmutableArray.Create(
            new ListenerRegistration(
                Id: "RocketMqPushListener",
                ContainingType: Ns + "PushConsumer+Builder",
                MethodName: "SetMessageListener",
                ListenerInterface: Ns + "IMessageListener",
                ListenerMethod: "Consume",
                ConsumerGroupExpression: "null")),
        FailureResults: ImmutableArray.Create(
            new FailureResult(Ns + "ConsumeResult", "global::Org.Apache.Rocketmq.ConsumeResult.FAILURE", "FAILURE")));

    private const string CopyBody = """
        var builder = new global::Org.Apache.Rocketmq.Message.Builder()
            .SetTopic(message.Topic)
            .SetBody(message.Body);
        if (!string.IsNullOrWhiteSpace(message.Tag))
        {
            builder.SetTag(message.Tag);
        }

        if (message.Keys is { Count: > 0 } keys)
        {
            builder.SetKeys(keys.ToArray());
        }

        if (message.Properties is { } properties)
        {
            foreach (var property in properties)
            {
                if (!global::MessageTrace.TraceHeaders.IsTraceHeader(property.Key))
                {
                    builder.AddProperty(property.Key, property.Value);
                }
            }
        }

        if (message.DeliveryTimestamp is { } deliveryTimestamp)
        {
            builder.SetDeliveryTimestamp(deliveryTimestamp);
        }

        if (!string.IsNullOrEmpty(message.MessageGroup))
        {
            builder.SetMessageGroup(message.MessageGroup);
        }

        if (!string.IsNullOrEmpty(message.LiteTopic))
        {
            builder.SetLiteTopic(message.LiteTopic);
        }

        if (message.Priority is { } priority)
        {
            builder.SetPriority(priority);
        }

        return builder.Build();
        """;
}
