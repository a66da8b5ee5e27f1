using static MessageTrace.Generator.Profiles.Recipes;

namespace MessageTrace.Generator.Profiles;

/// <summary>
/// RabbitMQ.Client 7: <c>IChannel.BasicPublishAsync</c> with <c>BasicProperties.Headers</c> as the carrier
/// (values travel as bytes: received header values are <c>byte[]</c>), handlers taking
/// <c>BasicDeliverEventArgs</c> or <c>BasicGetResult</c>, and <c>BasicGetAsync</c> pulls in a <c>[TracedConsumer]</c>.
/// </summary>
/// <remarks>
/// The destination is the exchange; with the default (empty) exchange a message goes to the queue named by
/// its routing key, so the routing key names the destination then, which is what users look for.
/// </remarks>
internal static class RabbitMqProfile
{
    public const string Id = "RabbitMq";
    private const string Ns = "RabbitMQ.Client.";
    private const string System = "rabbitmq";
    private static readonly AdapterRef s_outgoing = Adapter("RabbitMqOutgoing");

    public static BrokerProfile Create() => new(
        Id,
        System,
        Sends: List(
            new SendOperation(
                "RabbitMqPublish",
                Types(Ns + "IChannel"),
                "BasicPublishAsync",
                Types("System.String", "System.String", "System.Boolean", "!0", "System.ReadOnlyMemory", "System.Threading.CancellationToken"),
                WithProperties(P(0), P(1))),
            new SendOperation(
                "RabbitMqPublishCached",
                Types(Ns + "IChannel"),
                "BasicPublishAsync",
                Types(Ns + "CachedString", Ns + "CachedString", "System.Boolean", "!0", "System.ReadOnlyMemory", "System.Threading.CancellationToken"),
                WithProperties(P(0, "Value"), P(1, "Value"))),
            new SendOperation(
                "RabbitMqPublishBody",
                Types(Ns + "IChannelExtensions"),
                "BasicPublishAsync",
                Types(Ns + "IChannel", "System.String", "System.String", "System.ReadOnlyMemory", "System.Threading.CancellationToken"),
                Headerless(body: 2, mandatory: null, cancellation: 3)),
            new SendOperation(
                "RabbitMqPublishMandatoryBody",
                Types(Ns + "IChannelExtensions"),
                "BasicPublishAsync",
                Types(Ns + "IChannel", "System.String", "System.String", "System.Boolean", "System.ReadOnlyMemory", "System.Threading.CancellationToken"),
                Headerless(body: 3, mandatory: 2, cancellation: 4))),
        IncomingMessages: List(
            new IncomingMessageShape(Id, System, Ns + "Events.BasicDeliverEventArgs", GenericArity: 0, IsValueType: false, Adapter("RabbitMqDeliverIncoming")),
            new IncomingMessageShape(Id, System, Ns + "BasicGetResult", GenericArity: 0, IsValueType: false, Adapter("RabbitMqGetIncoming"))),
        // basic.get, the one pull of AMQP 0-9-1: a receive span when it returned a message.
        Receives: List(new ReceiveOperation("RabbitMqGet", Ns + "IChannel", "BasicGetAsync", Types("System.String", "System.Boolean", "System.Threading.CancellationToken"))
        {
            ReturnsOneMessage = true,
            MessageType = Ns + "BasicGetResult",
        }),
        Settles: EquatableArray<SettleOperation>.Empty,
        Registrations: EquatableArray<ListenerRegistration>.Empty)
    {
        // No AMQP channel binding: it must say whether the address is an exchange or a queue, and a send to
        // the default exchange names a queue where other sends name an exchange.
        AsyncApi = new AsyncApiFacts("amqp", AsyncApiChannelBinding.None, AsyncApiGroupBinding.None),
    };

    // The caller's properties carry the headers (created when absent on a mutable BasicProperties).
    private static SendRecipe WithProperties(CallArgument exchange, CallArgument routingKey) => new(
        s_outgoing,
        List(exchange, routingKey, P(3), P(4, "Length")),
        EquatableArray<ParameterReplacement>.Empty,
        Reroute: null,
        Destination: null)
    {
        FirstNonEmptyDestination = List(exchange, routingKey),
    };

    // The headerless overloads are rerouted, on the traced path only, to the overload with properties.
    private static SendRecipe Headerless(int body, int? mandatory, int cancellation) => new(
        s_outgoing,
        List(P(0), P(1), CallArgument.Const("null"), P(body, "Length"), CallArgument.Const("createProperties: true")),
        EquatableArray<ParameterReplacement>.Empty,
        new ReroutedCall("CreatedProperties", "BasicPublishAsync", List(P(0), P(1), mandatory is { } m ? P(m) : CallArgument.Const("false"), CallArgument.FromAdapter("CreatedProperties"), P(body), P(cancellation))),
        Destination: null)
    {
        FirstNonEmptyDestination = List(P(0), P(1)),
    };
}
