using static MessageTrace.Generator.Profiles.Recipes;

namespace MessageTrace.Generator.Profiles;

/// <summary>
/// NATS.Net 3: <c>PublishAsync</c> and <c>RequestAsync</c> on <c>INatsClient</c>/<c>NatsConnection</c>,
/// and JetStream's <c>PublishAsync</c>, with <c>NatsHeaders</c> (created when the caller passes none);
/// handlers taking <c>NatsMsg&lt;T&gt;</c>, JetStream's <c>NatsJSMsg&lt;T&gt;</c> or a service endpoint's
/// <c>NatsSvcMsg&lt;T&gt;</c>; replies, as sends to a temporary subject. Calls whose headers MessageTrace does
/// not write (a request or reply made of a whole <c>NatsMsg&lt;T&gt;</c>, a request for many replies) are known
/// and reported instead.
/// </summary>
internal static class NatsProfile
{
    public const string Id = "Nats";
    private const string Ns = "NATS.Client.Core.";
    private const string JetStream = "NATS.Client.JetStream.";
    private const string Services = "NATS.Client.Services.";
    private const string System = "nats";
    private const string HeadersAccess = "NatsHeadersAccess";

    private static readonly EquatableArray<string> s_clients = Types(Ns + "INatsClient", Ns + "NatsConnection", "NATS.Net.NatsClient");
    private static readonly EquatableArray<string> s_jetStream = Types(JetStream + "INatsJSContext", JetStream + "NatsJSContext");
    private static readonly EquatableArray<string> s_jetStreamPublish = Types("System.String", "!0", Ns + "INatsSerialize", JetStream + "NatsJSPubOpts", Ns + "NatsHeaders", "System.Threading.CancellationToken");
    private static readonly EquatableArray<string> s_replied = Types(Ns + "INatsMsg", Ns + "NatsMsg", Services + "NatsSvcMsg");

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
                Publish(headers: 1)),

            // A request is a send to the service's subject; its span lasts until the reply arrives.
            new SendOperation(
                "NatsRequest",
                s_clients,
                "RequestAsync",
                Types("System.String", "!0", Ns + "NatsHeaders", Ns + "INatsSerialize", Ns + "INatsDeserialize", Ns + "NatsPubOpts", Ns + "NatsSubOpts", "System.Threading.CancellationToken"),
                Publish(headers: 2)),

            // A request without data has no headers parameter: on the traced path it is made as the client
            // makes it itself, a request of no (object) data, with the headers that carry the context.
            new SendOperation(
                "NatsRequestWithoutData",
                s_clients,
                "RequestAsync",
                Types("System.String", Ns + "INatsDeserialize", Ns + "NatsSubOpts", "System.Threading.CancellationToken"),
                new SendRecipe(
                    Adapter("NatsOutgoing", HeadersAccess),
                    List(P(0), CallArgument.Const("null")),
                    EquatableArray<ParameterReplacement>.Empty,
                    new ReroutedCall("Headers", "RequestAsync", List(P(0), CallArgument.Const("(object?)null"), CallArgument.FromAdapter("Headers"), CallArgument.Const("null"), P(1), CallArgument.Const("null"), P(2), P(3))),
                    Destination: P(0))),

            // JetStream: the span lasts until the stream acknowledges the message (PublishConcurrentAsync:
            // until it is written; its future brings the acknowledgement later).
            new SendOperation("NatsJetStreamPublish", s_jetStream, "PublishAsync", s_jetStreamPublish, Publish(headers: 4)),
            new SendOperation("NatsJetStreamTryPublish", s_jetStream, "TryPublishAsync", s_jetStreamPublish, Publish(headers: 4)),
            new SendOperation("NatsJetStreamPublishConcurrent", s_jetStream, "PublishConcurrentAsync", s_jetStreamPublish, Publish(headers: 4)),

            // A reply (to a request, to a service's request) is a publish to the
            // requester's inbox: a send whose temporary subject names no span and is not recorded.
            new SendOperation(
                "NatsReply",
                s_replied,
                "ReplyAsync",
                Types("!0", Ns + "NatsHeaders", "System.String", Ns + "INatsSerialize", Ns + "NatsPubOpts", "System.Threading.CancellationToken"),
                Reply(headers: 1)),
            new SendOperation(
                "NatsReplyHeadersOnly",
                s_replied,
                "ReplyAsync",
                Types(Ns + "NatsHeaders", "System.String", Ns + "NatsPubOpts", "System.Threading.CancellationToken"),
                Reply(headers: 0)),
            new SendOperation(
                "NatsReplyError",
                Types(Services + "NatsSvcMsg"),
                "ReplyErrorAsync",
                Types("System.Int32", "System.String", "!0", Ns + "NatsHeaders", "System.String", Ns + "INatsSerialize", Ns + "NatsPubOpts", "System.Threading.CancellationToken"),
                Reply(headers: 3)),
            new SendOperation(
                "NatsReplyErrorHeadersOnly",
                Types(Services + "NatsSvcMsg"),
                "ReplyErrorAsync",
                Types("System.Int32", "System.String", Ns + "NatsHeaders", "System.String", Ns + "NatsPubOpts", "System.Threading.CancellationToken"),
                Reply(headers: 2))),
        IncomingMessages: List(
            new IncomingMessageShape(Id, System, Ns + "NatsMsg", GenericArity: 1, IsValueType: true, Adapter("NatsIncoming", HeadersAccess)),
            new IncomingMessageShape(Id, System, JetStream + "NatsJSMsg", GenericArity: 1, IsValueType: true, Adapter("NatsJSIncoming", HeadersAccess)),
            new IncomingMessageShape(Id, System, JetStream + "INatsJSMsg", GenericArity: 1, IsValueType: false, Adapter("NatsJSInterfaceIncoming", HeadersAccess)),
            new IncomingMessageShape(Id, System, Services + "NatsSvcMsg", GenericArity: 1, IsValueType: true, Adapter("NatsSvcIncoming", HeadersAccess))),
        // JetStream's pull of one message: a receive span when one came (ConsumeAsync and FetchAsync hand out
        // streams; their messages are traced by the [TracedHandler] that handles each).
        Receives: List(new ReceiveOperation("NatsJetStreamNext", JetStream + "INatsJSConsumer", "NextAsync", Types(Ns + "INatsDeserialize", JetStream + "NatsJSNextOpts", "System.Threading.CancellationToken"))
        {
            ReturnsOneMessage = true,
            MessageType = JetStream + "INatsJSMsg",
        }),
        Settles: EquatableArray<SettleOperation>.Empty,
        Registrations: EquatableArray<ListenerRegistration>.Empty)
    {
        AsyncApi = new AsyncApiFacts("nats", AsyncApiChannelBinding.None, AsyncApiGroupBinding.NatsQueue),
        Untraced = List(
            new UntracedOperation(
                CallKind.Send,
                Types(Ns + "INatsConnection", Ns + "NatsConnection"),
                "PublishAsync",
                "the message is a NatsMsg<T> whose headers MessageTrace does not rewrite",
                "publish with PublishAsync(subject, data, headers), which MessageTrace traces"),
            new UntracedOperation(
                CallKind.Send,
                Types(Ns + "NatsRequestExtensions", Ns + "NatsRequestManyExtensions"),
                "RequestAsync",
                "the request is a NatsMsg<T> whose headers MessageTrace does not rewrite",
                "call RequestAsync<TRequest, TReply>(subject, data, headers), which MessageTrace traces"),
            new UntracedOperation(
                CallKind.Send,
                Types(Ns + "INatsConnection", Ns + "NatsConnection", Ns + "NatsRequestManyExtensions"),
                "RequestManyAsync",
                "a request answered by a stream of replies has no single end for a send span",
                "trace it by hand, or suppress MT0007 here"),
            new UntracedOperation(
                CallKind.Send,
                Types(Ns + "INatsMsg", Ns + "NatsMsg"),
                "ReplyAsync",
                "the reply is a NatsMsg<T> whose headers MessageTrace does not rewrite",
                "reply with ReplyAsync(data, headers), which MessageTrace traces"),
            new UntracedOperation(
                CallKind.Send,
                Types(JetStream + "INatsJSMsg", JetStream + "NatsJSMsg"),
                "ReplyAsync",
                "NATS.Net marks it obsolete: the server answers every JetStream publish itself, so this reply never reaches the publisher",
                "remove the call")),
    };

    // The caller's headers or created ones, and no subject: the inbox is temporary.
    private static SendRecipe Reply(int headers) => new(
        Adapter("NatsOutgoing", HeadersAccess),
        List(CallArgument.Const("null"), P(headers), CallArgument.Const("temporary: true")),
        List(new ParameterReplacement(headers, "Headers")),
        Reroute: null,
        Destination: null);

    // Headers the caller passed, or ones the adapter created on the traced path.
    private static SendRecipe Publish(int headers) => new(
        Adapter("NatsOutgoing", HeadersAccess),
        List(P(0), P(headers)),
        List(new ParameterReplacement(headers, "Headers")),
        Reroute: null,
        Destination: P(0));
}
