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

    // NatsHeaders maps names to StringValues, a type the runtime does not reference, so its access
    // struct is generated into the consuming project.
    private static readonly HeaderAccessRecipe s_headers = new(
        "NatsHeadersAccess",
        new GeneratedHeaderAccess("NatsHeadersAccess", "global::NATS.Client.Core.NatsHeaders?", """
            public bool PrefersUtf8 => false;

            public bool CanWrite(global::NATS.Client.Core.NatsHeaders? carrier) => carrier is not null && !carrier.IsReadOnly;

            public bool TryRead(global::NATS.Client.Core.NatsHeaders? carrier, string name, out global::MessageTrace.HeaderValue value)
            {
                if (carrier is not null && carrier.TryGetValue(name, out var values) && values.Count > 0)
                {
                    value = new global::MessageTrace.HeaderValue(values[0]);
                    return true;
                }

                value = default;
                return false;
            }

            public void Write(global::NATS.Client.Core.NatsHeaders? carrier, string name, string value) => carrier![name] = value;

            public void WriteUtf8(global::NATS.Client.Core.NatsHeaders? carrier, string name, byte[] value) =>
                carrier![name] = global::System.Text.Encoding.ASCII.GetString(value);
            """));

    private static readonly EquatableArray<string> s_clients = Types(Ns + "INatsClient", Ns + "NatsConnection", "NATS.Net.NatsClient");

    public static BrokerProfile Create() => new(
        Id,
        System,
        NamespaceAttribute: null,
        Sends: List(
            new SendOperation(
                "NatsPublish",
                s_clients,
                "PublishAsync",
                Types("System.String", "!0", Ns + "NatsHeaders", "System.String", Ns + "INatsSerialize", Ns + "NatsPubOpts", "System.Threading.CancellationToken"),
                Publish(headers: "p2")),
            new SendOperation(
                "NatsPublishHeadersOnly",
                s_clients,
                "PublishAsync",
                Types("System.String", Ns + "NatsHeaders", "System.String", Ns + "NatsPubOpts", "System.Threading.CancellationToken"),
                Publish(headers: "p1"))),
        IncomingMessages: List(new IncomingMessageShape(
            Id,
            System,
            NamespaceAttribute: null,
            TypeName: Ns + "NatsMsg",
            GenericArity: 1,
            IsValueType: true,
            DestinationExpression: "{m}.Subject",
            CarrierExpression: "{m}.Headers",
            Headers: s_headers,
            MessageIdExpression: null,
            BodySizeExpression: "{m}.Size",
            Attributes: EquatableArray<AttributeRecipe>.Empty)),
        Receives: EquatableArray<ReceiveOperation>.Empty,
        Settles: EquatableArray<SettleOperation>.Empty,
        Registrations: EquatableArray<ListenerRegistration>.Empty,
        FailureResults: EquatableArray<FailureResult>.Empty);

    private static SendRecipe Publish(string headers) => new(
        PassThroughWhen: null,
        Destination: "p0",
        Carrier: headers,
        Headers: s_headers,
        PrepareCarrier: headers + " ??= new global::NATS.Client.Core.NatsHeaders();",
        TracedCall: null,
        Attributes: EquatableArray<AttributeRecipe>.Empty,
        MessageType: null,
        MessageTypeOverride: null,
        BodySize: null,
        Copy: null,
        ResultMessageId: null);
}
