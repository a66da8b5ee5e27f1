using static MessageTrace.Generator.Profiles.Recipes;

namespace MessageTrace.Generator.Profiles;

/// <summary>
/// NATS.Net 3: <c>PublishAsync</c> on <c>INatsClient</c>/<c>NatsConnection</c> with <c>NatsHeaders</c>
/// (created when the caller passes none), handlers taking <c>NatsMsg&lt;T&gt;</c>.
/// </summary>
internal static class NatsProfile
{
    public const string Id = "Nats";
    private const string Ns = "NATS.Client.Core.";
    private const string System = "nats";
    private const string HeadersAccess = "NatsHeadersAccess";

    private static readonly EquatableArray<string> s_clients = Types(Ns + "INatsClient", Ns + "NatsConnection", "NATS.Net.NatsClient");

    public static BrokerProfile Create() => new(
        Id,
        System,
        Sends: List(
            new SendOperation(
                "NatsPublish",
                s_clients,
                "PublishAsync",
                Types("System.String", "!0", Ns + "NatsHeaders", "System.String", Ns + "INatsSerialize", Ns + "NatsPubOpts", "System.Threading.CancellationToken"),
                Publish(headers: 2)),
            new SendOperation(
                "NatsPublishHeadersOnly",
                s_clients,
                "PublishAsync",
                Types("System.String", Ns + "NatsHeaders", "System.String", Ns + "NatsPubOpts", "System.Threading.CancellationToken"),
                Publish(headers: 1))),
        IncomingMessages: List(new IncomingMessageShape(Id, System, Ns + "NatsMsg", GenericArity: 1, IsValueType: true, Adapter("NatsIncoming", HeadersAccess))),
        Receives: EquatableArray<ReceiveOperation>.Empty,
        Settles: EquatableArray<SettleOperation>.Empty,
        Registrations: EquatableArray<ListenerRegistration>.Empty)
    {
        AsyncApi = new AsyncApiFacts("nats", AsyncApiChannelBinding.None, AsyncApiGroupBinding.NatsQueue),
    };

    // Headers the caller passed, or ones the adapter created on the traced path.
    private static SendRecipe Publish(int headers) => new(
        Adapter("NatsOutgoing", HeadersAccess),
        List(P(0), P(headers)),
        List(new ParameterReplacement(headers, "Headers")),
        Reroute: null,
        Destination: P(0));
}
