using static MessageTrace.Generator.Profiles.Recipes;

namespace MessageTrace.Generator.Profiles;

/// <summary>
/// RabbitMQ.Client 7: <c>IChannel.BasicPublishAsync</c> with <c>BasicProperties.Headers</c> as the carrier
/// (values travel as bytes: received header values are <c>byte[]</c>), handlers taking
/// <c>BasicDeliverEventArgs</c> or <c>BasicGetResult</c>.
/// </summary>
/// <remarks>
/// The destination is the exchange; with the default (empty) exchange a message goes to the queue named
/// by its routing key, so the routing key names the destination then, which is what users look for.
/// </remarks>
internal static class RabbitMqProfile
{
    public const string Id = "RabbitMq";
    private const string Ns = "RabbitMQ.Client.";
    private const string System = "rabbitmq";
    private const string RoutingKey = "messaging.rabbitmq.destination.routing_key";
    private static readonly HeaderAccessRecipe s_headers = Runtime("global::MessageTrace.ObjectDictionaryHeaders");

    // Headers of a caller's properties object: created when absent on a mutable BasicProperties; a
    // read-only properties type cannot take them and the message then goes out without context.
    private const string PrepareHeaders =
        "if (p3 is global::RabbitMQ.Client.BasicProperties { Headers: null } writable) writable.Headers = new global::System.Collections.Generic.Dictionary<string, object?>();";

    // The headerless overloads are rerouted to the overload with properties, carrying fresh ones.
    private const string PrepareFreshProperties =
        "var properties = new global::RabbitMQ.Client.BasicProperties { Headers = new global::System.Collections.Generic.Dictionary<string, object?>() };";

    public static BrokerProfile Create() => new(
        Id,
        System,
        NamespaceAttribute: null,
        Sends: List(
            new SendOperation(
                "RabbitMqPublish",
                Types(Ns + "IChannel"),
                "BasicPublishAsync",
                Types("System.String", "System.String", "System.Boolean", "!0", "System.ReadOnlyMemory", "System.Threading.CancellationToken"),
                Publish("p0", "p1", "p3.Headers", PrepareHeaders, tracedCall: null, bodySize: "p4.Length", messageId: "p3.MessageId")),
            new SendOperation(
                "RabbitMqPublishCached",
                Types(Ns + "IChannel"),
                "BasicPublishAsync",
                Types(Ns + "CachedString", Ns + "CachedString", "System.Boolean", "!0", "System.ReadOnlyMemory", "System.Threading.CancellationToken"),
                Publish("p0.Value", "p1.Value", "p3.Headers", PrepareHeaders, tracedCall: null, bodySize: "p4.Length", messageId: "p3.MessageId")),
            new SendOperation(
                "RabbitMqPublishBody",
                Types(Ns + "IChannelExtensions"),
                "BasicPublishAsync",
                Types(Ns + "IChannel", "System.String", "System.String", "System.ReadOnlyMemory", "System.Threading.CancellationToken"),
                Publish("p0", "p1", "properties.Headers", PrepareFreshProperties, "receiver.BasicPublishAsync(p0!, p1!, false, properties, p2, p3)", bodySize: "p2.Length", messageId: null)),
            new SendOperation(
                "RabbitMqPublishMandatoryBody",
                Types(Ns + "IChannelExtensions"),
                "BasicPublishAsync",
                Types(Ns + "IChannel", "System.String", "System.String", "System.Boolean", "System.ReadOnlyMemory", "System.Threading.CancellationToken"),
                Publish("p0", "p1", "properties.Headers", PrepareFreshProperties, "receiver.BasicPublishAsync(p0!, p1!, p2, properties, p3, p4)", bodySize: "p3.Length", messageId: null))),
        IncomingMessages: List(Incoming(Ns + "Events.BasicDeliverEventArgs"), Incoming(Ns + "BasicGetResult")),
        Receives: EquatableArray<ReceiveOperation>.Empty,
        Settles: EquatableArray<SettleOperation>.Empty,
        Registrations: EquatableArray<ListenerRegistration>.Empty,
        FailureResults: EquatableArray<FailureResult>.Empty);

    private static SendRecipe Publish(string exchange, string routingKey, string carrier, string prepare, string? tracedCall, string bodySize, string? messageId) => new(
        PassThroughWhen: null,
        Destination: $"string.IsNullOrEmpty({exchange}) ? {routingKey} : {exchange}",
        Carrier: carrier,
        Headers: s_headers,
        PrepareCarrier: prepare,
        TracedCall: tracedCall,
        Attributes: messageId is null
            ? List(Text(RoutingKey, routingKey))
            : List(Text(RoutingKey, routingKey), Text("messaging.message.id", messageId)),
        MessageType: null,
        MessageTypeOverride: null,
        BodySize: bodySize,
        Copy: null,
        ResultMessageId: null);

    private static IncomingMessageShape Incoming(string typeName) => new(
        Id,
        System,
        NamespaceAttribute: null,
        TypeName: typeName,
        GenericArity: 0,
        IsValueType: false,
        DestinationExpression: "(string.IsNullOrEmpty({m}.Exchange) ? {m}.RoutingKey : {m}.Exchange)",
        CarrierExpression: "{m}.BasicProperties?.Headers",
        Headers: s_headers,
        MessageIdExpression: "{m}.BasicProperties?.MessageId",
        BodySizeExpression: "{m}.Body.Length",
        Attributes: List(
            Text(RoutingKey, "{m}.RoutingKey"),
            Long("messaging.rabbitmq.message.delivery_tag", "{m}.DeliveryTag")));
}
