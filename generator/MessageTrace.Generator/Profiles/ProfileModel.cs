namespace MessageTrace.Generator.Profiles;

// The declarative shape of broker knowledge: which calls send, receive, settle or register listeners,
// which message types handlers take, and which adapter (a small struct under Adapters/, emitted as it is)
// tells the runtime where a message keeps its destination, headers and attributes. Everything a traced
// call does lives in the runtime; a profile only says which call is which and how its arguments reach the
// adapter. Every record is value-equal (strings, flags, EquatableArray), so recipes travel inside models.

/// <summary>What an argument of a generated call is.</summary>
internal enum CallArgumentKind
{
    /// <summary>Parameter <c>Parameter</c> of the intercepted call (the receiver not counted), or its member <c>Member</c>.</summary>
    Parameter,

    /// <summary>A C# literal, <c>Literal</c>.</summary>
    Literal,

    /// <summary>Member <c>Member</c> of the outgoing adapter, as prepared for the traced call.</summary>
    Adapter,

    /// <summary>The object the intercepted call is made on (the client).</summary>
    Receiver,
}

/// <summary>One argument of a call the generator writes (an adapter's constructor, a rerouted client call).</summary>
internal sealed record CallArgument(CallArgumentKind Kind, int Parameter, string? Member, string? Literal)
{
    public static CallArgument Of(int parameter, string? member = null) => new(CallArgumentKind.Parameter, parameter, member, null);

    public static CallArgument Const(string literal) => new(CallArgumentKind.Literal, -1, null, literal);

    public static CallArgument FromAdapter(string member) => new(CallArgumentKind.Adapter, -1, member, null);

    public static CallArgument Receiver { get; } = new(CallArgumentKind.Receiver, -1, null, null);
}

/// <summary>
/// An adapter type and the sources to emit with it: <paramref name="Name"/> is the type as code names it (a
/// runtime type is <c>global::</c>-qualified and has no sources); <paramref name="Resources"/> are files
/// under Adapters/, the adapter's own and any it uses, in the order they are written.
/// </summary>
internal sealed record AdapterRef(string Name, EquatableArray<string> Resources)
{
    /// <summary>The facts of a user-defined carrier whose adapter is written per message type, or null.</summary>
    public CustomCarrierAdapter? Custom { get; init; }

    /// <summary>With <see cref="Custom"/>: whether this is the outgoing adapter (else the incoming one).</summary>
    public bool Outgoing { get; init; }

    /// <summary>
    /// Whether the outgoing adapter is generic in the client message's type arguments: it is then made by a
    /// static <c>Create</c> of a non-generic type of the same name, so the compiler infers them per call.
    /// </summary>
    public bool InfersTypeArguments { get; init; }

    /// <summary>
    /// Set when this adapter is a copy of a generic one with the call's type arguments written in (see
    /// <see cref="AdapterSpecialization"/>); it is then made by its own static <c>Create</c>.
    /// </summary>
    public AdapterSpecialization? Specialization { get; init; }
}

/// <summary>
/// A generic adapter (<paramref name="Generic"/>, whose struct declares its type parameters in the order of
/// the intercepted method's containing type) written out for one list of type arguments. The runtime's
/// generic send code then runs on a struct with no reference-type arguments of its own, so the JIT compiles
/// it for that struct instead of sharing one body that looks the types up at run time on every send.
/// </summary>
internal sealed record AdapterSpecialization(string Generic, EquatableArray<string> TypeArguments);

/// <summary>A parameter the traced call takes from the adapter instead (the message it may have copied, the headers it created).</summary>
internal sealed record ParameterReplacement(int Parameter, string AdapterMember);

/// <summary>
/// A headerless overload that the traced path reroutes to one that carries headers: when the adapter's
/// <paramref name="WhenMember"/> is set (it was prepared for tracing), the receiver's
/// <paramref name="MethodName"/> is called with <paramref name="Arguments"/>.
/// </summary>
internal sealed record ReroutedCall(string WhenMember, string MethodName, EquatableArray<CallArgument> Arguments);

/// <summary>How an intercepted send hands its message to the runtime.</summary>
/// <param name="Adapter">The outgoing adapter.</param>
/// <param name="AdapterArguments">Its constructor's arguments.</param>
/// <param name="Replacements">Parameters of the client call taken from the adapter on every path.</param>
/// <param name="Reroute">The call made instead when the adapter was prepared for tracing, or null.</param>
/// <param name="Destination">Where the destination is, for diagnostics that name it (a parameter, or a member of one), or null.</param>
internal sealed record SendRecipe(
    AdapterRef Adapter,
    EquatableArray<CallArgument> AdapterArguments,
    EquatableArray<ParameterReplacement> Replacements,
    ReroutedCall? Reroute,
    CallArgument? Destination)
{
    /// <summary>
    /// Parameters whose first non-empty value is the destination (RabbitMQ: the exchange, else the routing
    /// key), for deriving a template when <see cref="Destination"/> is not a single parameter.
    /// </summary>
    public EquatableArray<CallArgument> FirstNonEmptyDestination { get; init; } = EquatableArray<CallArgument>.Empty;

    /// <summary>
    /// The parameter holding a callback the client reports the send's outcome to (Kafka's delivery handler):
    /// the runtime passes its own in its place, ends the span in it, then calls the caller's.
    /// </summary>
    public int? ReportCallback { get; init; }
}

/// <summary>A broker call that sends one message.</summary>
/// <param name="Id">Stable id, used in models and generated names.</param>
/// <param name="ContainingTypes">Metadata names of the types that declare the method (a class and the interfaces it implements).</param>
/// <param name="MethodName">The method name; also the syntactic prefilter.</param>
/// <param name="ParameterTypes">Metadata names of the parameters, in order; <c>!!0</c> is the method's first type parameter.</param>
internal sealed record SendOperation(
    string Id,
    EquatableArray<string> ContainingTypes,
    string MethodName,
    EquatableArray<string> ParameterTypes,
    SendRecipe Recipe);

/// <summary>A received message type a handler can take (RocketMQ <c>MessageView</c>, NATS <c>NatsMsg&lt;T&gt;</c>).</summary>
/// <param name="TypeName">Metadata name, without type arguments.</param>
/// <param name="GenericArity">Type parameters of the message type (NATS <c>NatsMsg&lt;T&gt;</c> has one; its adapter takes the same).</param>
/// <param name="IsValueType">Whether it is a struct (then never null and never nullable in batches).</param>
/// <param name="Adapter">The incoming adapter.</param>
internal sealed record IncomingMessageShape(
    string ProfileId,
    string System,
    string TypeName,
    int GenericArity,
    bool IsValueType,
    AdapterRef Adapter)
{
    /// <summary>The type exactly as emitted, when it is not a plain named type (a user's header dictionary parameter).</summary>
    public string? EmittedTypeName { get; init; }
}

/// <summary>
/// A user-defined message type with a <c>[MessageHeaders]</c> property, from which its outgoing and incoming
/// adapters are written. Null members are absent.
/// </summary>
internal sealed record CustomCarrierAdapter(
    string Name,
    string MessageType,
    bool IsValueType,
    string HeadersProperty,
    bool ObjectValues,
    bool CanCreateHeaders,
    string? DestinationProperty,
    string? MessageIdProperty);

/// <summary>
/// A pull call that returns a batch of received messages (RocketMQ <c>SimpleConsumer.Receive</c>), or with
/// <see cref="ReturnsOneMessage"/> one message or null (Kafka <c>IConsumer.Consume</c>).
/// </summary>
internal sealed record ReceiveOperation(
    string Id,
    string ContainingType,
    string MethodName,
    EquatableArray<string> ParameterTypes)
{
    /// <summary>
    /// Whether the call returns one message (null when none arrived) rather than a list: synchronously, or as
    /// a task of it (RabbitMQ <c>BasicGetAsync</c>).
    /// </summary>
    public bool ReturnsOneMessage { get; init; }

    /// <summary>The metadata name of the message type it returns, when that is not the profile's first incoming shape.</summary>
    public string? MessageType { get; init; }

    /// <summary>
    /// A boolean property of the returned result that is true when the result holds no message (Kafka's
    /// partition-EOF event, <c>ConsumeResult.IsPartitionEOF</c>); such a result is an empty pull.
    /// </summary>
    public string? EmptyResultProperty { get; init; }
}

/// <summary>An acknowledgement call (RocketMQ <c>SimpleConsumer.Ack</c>) traced as a settle span.</summary>
internal sealed record SettleOperation(
    string Id,
    string ContainingType,
    string MethodName,
    EquatableArray<string> ParameterTypes,
    string OperationName);

/// <summary>
/// A registration that hands a listener object to the client, which then calls a known method on it
/// (RocketMQ <c>PushConsumer.Builder.SetMessageListener(IMessageListener)</c> calling <c>Consume</c>).
/// </summary>
internal sealed record ListenerRegistration(
    string Id,
    string ContainingType,
    string MethodName,
    string ListenerInterface,
    string ListenerMethod);

/// <summary>
/// A broker call MessageTrace knows it does not trace, with any parameter list, and why: in a scope that asks
/// for tracing it is reported with these words rather than passing untraced without one (a NATS publish made
/// of a whole <c>NatsMsg&lt;T&gt;</c>, whose headers MessageTrace does not rewrite).
/// </summary>
/// <param name="ContainingTypes">Metadata names of the types that declare the method (a class and the interfaces it implements).</param>
/// <param name="Why">Completes "... is not traced because ...".</param>
/// <param name="Instead">What the user can do instead.</param>
internal sealed record UntracedOperation(
    CallKind Kind,
    EquatableArray<string> ContainingTypes,
    string MethodName,
    string Why,
    string Instead);

/// <summary>
/// A callback the client calls on an object of the application's that is not a message to process (RocketMQ's
/// <c>ITransactionChecker.Check</c>): a <c>[TracedHandler]</c> on its implementation can never take effect.
/// </summary>
/// <param name="Interface">Metadata name of the client's interface.</param>
/// <param name="Method">The interface method the client calls.</param>
/// <param name="Why">Completes "... has no effect because ...".</param>
/// <param name="Advice">What the user can do instead.</param>
internal sealed record UntracedCallback(string Interface, string Method, string Why, string Advice);

/// <summary>Everything MessageTrace knows about one broker client.</summary>
internal sealed record BrokerProfile(
    string Id,
    string System,
    EquatableArray<SendOperation> Sends,
    EquatableArray<IncomingMessageShape> IncomingMessages,
    EquatableArray<ReceiveOperation> Receives,
    EquatableArray<SettleOperation> Settles,
    EquatableArray<ListenerRegistration> Registrations)
{
    /// <summary>
    /// The client's methods that name a consumer's group (<c>Type+Nested.Method</c>, metadata names): where
    /// code builds the consumer in the same file, process and receive spans take the group from them when
    /// no attribute names one.
    /// </summary>
    public EquatableArray<string> ConsumerGroupSetters { get; init; } = EquatableArray<string>.Empty;

    /// <summary>Calls of this client MessageTrace knows and does not trace, each with its reason.</summary>
    public EquatableArray<UntracedOperation> Untraced { get; init; } = EquatableArray<UntracedOperation>.Empty;

    /// <summary>Client callbacks that are not message processing, which a <c>[TracedHandler]</c> cannot trace.</summary>
    public EquatableArray<UntracedCallback> UntracedCallbacks { get; init; } = EquatableArray<UntracedCallback>.Empty;

    /// <summary>How the broker appears in an AsyncAPI document: its protocol name and the bindings AsyncAPI defines for it.</summary>
    public AsyncApiFacts AsyncApi { get; init; } = AsyncApiFacts.None;
}

/// <summary>The AsyncAPI bindings MessageTrace writes for a channel's destination.</summary>
internal enum AsyncApiChannelBinding
{
    None,

    /// <summary><c>bindings.kafka.topic</c>.</summary>
    KafkaTopic,
}

/// <summary>The AsyncAPI binding that carries a receive operation's consumer group.</summary>
internal enum AsyncApiGroupBinding
{
    None,

    /// <summary><c>bindings.kafka.groupId</c>.</summary>
    KafkaGroupId,

    /// <summary><c>bindings.nats.queue</c> (a queue group).</summary>
    NatsQueue,
}

/// <summary>A broker's AsyncAPI facts: the server protocol (null: the system name) and its bindings.</summary>
internal sealed record AsyncApiFacts(string? Protocol, AsyncApiChannelBinding Channel, AsyncApiGroupBinding Group)
{
    public static readonly AsyncApiFacts None = new(null, AsyncApiChannelBinding.None, AsyncApiGroupBinding.None);
}
