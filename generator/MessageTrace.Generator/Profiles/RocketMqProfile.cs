using static MessageTrace.Generator.Profiles.Recipes;

namespace MessageTrace.Generator.Profiles;

/// <summary>The official Apache RocketMQ 5 C# client (<c>Org.Apache.Rocketmq</c>, RocketMQ.Client 5.x).</summary>
internal static class RocketMqProfile
{
    public const string Id = "RocketMq";
    private const string Ns = "Org.Apache.Rocketmq.";
    private const string System = "rocketmq";
    private const string NamespaceAttribute = "messaging.rocketmq.namespace";
    private static readonly HeaderAccessRecipe s_properties = Runtime("global::MessageTrace.StringDictionaryHeaders");

    public static BrokerProfile Create() => new(
        Id,
        System,
        NamespaceAttribute,
        Sends: List(
            new SendOperation("RocketMqSend", Types(Ns + "Producer"), "Send", Types(Ns + "Message"), Send(messageTypeOverride: null)),
            new SendOperation("RocketMqSendTransactional", Types(Ns + "Producer"), "Send", Types(Ns + "Message", Ns + "ITransaction"), Send(messageTypeOverride: "transaction"))),
        IncomingMessages: List(new IncomingMessageShape(
            Id,
            System,
            NamespaceAttribute,
            TypeName: Ns + "MessageView",
            GenericArity: 0,
            IsValueType: false,
            DestinationExpression: "{m}.Topic",
            CarrierExpression: "{m}.Properties",
            Headers: s_properties,
            MessageIdExpression: "{m}.MessageId",
            BodySizeExpression: "{m}.Body?.Length",
            Attributes: List(
                Text("messaging.rocketmq.message.tag", "{m}.Tag"),
                Texts("messaging.rocketmq.message.keys", "{m}.Keys"),
                Text("messaging.rocketmq.message.group", "{m}.MessageGroup"),
                EpochMs("messaging.rocketmq.message.delivery_timestamp", "{m}.DeliveryTimestamp"),
                Int("messaging.rocketmq.message.delivery_attempt", "{m}.DeliveryAttempt")))),
        Receives: List(new ReceiveOperation("RocketMqReceive", Ns + "SimpleConsumer", "Receive", Types("System.Int32", "System.TimeSpan"))),
        Settles: List(new SettleOperation("RocketMqAck", Ns + "SimpleConsumer", "Ack", Types(Ns + "MessageView"), OperationName: "ack")),
        Registrations: List(new ListenerRegistration("RocketMqPushListener", Ns + "PushConsumer+Builder", "SetMessageListener", Ns + "IMessageListener", "Consume")),
        FailureResults: List(new FailureResult(Ns + "ConsumeResult", "global::Org.Apache.Rocketmq.ConsumeResult.FAILURE", "FAILURE")));

    private static SendRecipe Send(string? messageTypeOverride) => new(
        PassThroughWhen: "p0 is null",
        Destination: "p0.Topic",
        Carrier: "p0.Properties",
        Headers: s_properties,
        PrepareCarrier: null,
        TracedCall: null,
        Attributes: List(
            Text("messaging.rocketmq.message.tag", "p0.Tag"),
            Texts("messaging.rocketmq.message.keys", "p0.Keys"),
            Text("messaging.rocketmq.message.group", "p0.MessageGroup"),
            EpochMs("messaging.rocketmq.message.delivery_timestamp", "p0.DeliveryTimestamp")),
        // The client infers the kind at send time from these properties; mirror its rule.
        MessageType: new MessageTypeRecipe(
            "messaging.rocketmq.message.type",
            "!string.IsNullOrEmpty(p0.MessageGroup) ? \"fifo\" : p0.DeliveryTimestamp.HasValue ? \"delay\" : \"normal\""),
        MessageTypeOverride: messageTypeOverride,
        BodySize: "p0.Body?.Length",
        // Message has no public constructor and Builder.Build() shares its properties dictionary
        // between messages; a fresh builder gives the copy a dictionary of its own.
        Copy: new CopyRecipe(0, "global::Org.Apache.Rocketmq.Message", CopyBody),
        ResultMessageId: "result.MessageId");

    private const string CopyBody = """
        var builder = new global::Org.Apache.Rocketmq.Message.Builder()
            .SetTopic(message.Topic)
            .SetBody(message.Body);
        if (!string.IsNullOrWhiteSpace(message.Tag))
        {
            builder.SetTag(message.Tag);
        }

        // Keys the builder refuses (blank ones the list may hold) go straight onto the copy's list.
        var blankKeys = new global::System.Collections.Generic.List<string>();
        if (message.Keys is { Count: > 0 } keys)
        {
            var accepted = new global::System.Collections.Generic.List<string>(keys.Count);
            foreach (var key in keys)
            {
                (string.IsNullOrWhiteSpace(key) ? blankKeys : accepted).Add(key);
            }

            if (accepted.Count > 0)
            {
                builder.SetKeys(accepted.ToArray());
            }
        }

        // The builder refuses blank names and values the message itself may hold: those are put on
        // the copy's own dictionary after Build. Only the context of the earlier send is left behind.
        var blank = new global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string>>();
        if (message.Properties is { } properties)
        {
            foreach (var property in properties)
            {
                if (global::MessageTrace.ProducerContext.IsWrittenByMessageTrace(properties, property.Key, property.Value))
                {
                    continue;
                }

                if (string.IsNullOrWhiteSpace(property.Key) || string.IsNullOrWhiteSpace(property.Value))
                {
                    blank.Add(property);
                }
                else
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

        var copy = builder.Build();
        if (blankKeys.Count > 0)
        {
            copy.Keys?.AddRange(blankKeys);
        }

        foreach (var property in blank)
        {
            copy.Properties[property.Key] = property.Value;
        }

        return copy;
        """;
}
