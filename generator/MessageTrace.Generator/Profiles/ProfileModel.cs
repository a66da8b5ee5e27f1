namespace MessageTrace.Generator.Profiles;

// The declarative shape of broker knowledge. A profile says which calls send or receive, which types
// carry headers and how to read a message's destination, id, tag or keys, as C# expression templates.
// The emitters turn recipes into code; the analyzers read the same catalogue, so recognition cannot
// drift between them. Every record here is value-equal (strings, flags, EquatableArray), so recipes
// can travel inside pipeline models.
//
// Template conventions: in send recipes the intercepted method's parameters are p0, p1, ... and the
// receiver is `receiver`; in incoming-message recipes `{m}` stands for the message expression.

/// <summary>How a value read from a message is recorded as a span attribute.</summary>
internal enum AttributeValueKind
{
    /// <summary>A string; skipped when null or empty.</summary>
    String,

    /// <summary>A list of strings recorded as a string array; skipped when null or empty.</summary>
    StringList,

    /// <summary>A nullable <c>DateTime</c> recorded as epoch milliseconds; skipped when null.</summary>
    EpochMilliseconds,

    /// <summary>An <c>int</c>.</summary>
    Int32,

    /// <summary>A <c>long</c> or <c>ulong</c> recorded as <c>long</c>.</summary>
    Int64,
}

/// <summary>One span attribute read from the call or message.</summary>
internal sealed record AttributeRecipe(string Name, string Expression, AttributeValueKind Kind);

/// <summary>How a message's kind is recorded (RocketMQ <c>messaging.rocketmq.message.type</c>).</summary>
internal sealed record MessageTypeRecipe(string AttributeName, string Expression);

/// <summary>
/// A header access struct the runtime does not ship because its carrier type belongs to a broker
/// client (NATS <c>NatsHeaders</c>, MQTT user properties): the generator emits <paramref name="Body"/>
/// as <c>file readonly struct {Name} : global::MessageTrace.IHeaderWriter&lt;{CarrierType}&gt;</c>.
/// </summary>
internal sealed record GeneratedHeaderAccess(string Name, string CarrierType, string Body);

/// <summary>Where the headers of a message are and how they are read and written.</summary>
/// <param name="AccessType">A runtime header access struct, or the name of a <see cref="GeneratedHeaderAccess"/>.</param>
/// <param name="Generated">The struct to emit when <paramref name="AccessType"/> is not a runtime one.</param>
internal sealed record HeaderAccessRecipe(string AccessType, GeneratedHeaderAccess? Generated);

/// <summary>RocketMQ: how to rebuild a message with headers of its own (its builder shares them).</summary>
internal sealed record CopyRecipe(int Parameter, string MessageType, string Body);

/// <summary>What a traced send does, as templates over the intercepted call's parameters.</summary>
/// <param name="PassThroughWhen">A condition under which the call goes straight to the client (e.g. a null message), or null.</param>
/// <param name="Destination">The destination expression (topic, exchange, subject).</param>
/// <param name="Carrier">The header collection to inspect and inject into; may evaluate to null.</param>
/// <param name="Headers">How to read and write that collection.</param>
/// <param name="PrepareCarrier">Statements run on the traced path before <paramref name="Carrier"/> is read, making it writable (may assign parameters or declare locals), or null.</param>
/// <param name="TracedCall">The call made on the traced path when it differs from the original (a headerless overload rerouted to one with headers), or null.</param>
/// <param name="Attributes">Attributes read from the call.</param>
/// <param name="MessageType">The message-kind attribute, or null.</param>
/// <param name="MessageTypeOverride">A fixed message kind for this operation (RocketMQ transactions), or null.</param>
/// <param name="BodySize">The body size expression for the opt-in attribute, or null.</param>
/// <param name="Copy">How to copy the message when its headers are shared, or null.</param>
/// <param name="ResultMessageId">Reads the message id from the awaited result (<c>result</c>), or null.</param>
internal sealed record SendRecipe(
    string? PassThroughWhen,
    string Destination,
    string Carrier,
    HeaderAccessRecipe Headers,
    string? PrepareCarrier,
    string? TracedCall,
    EquatableArray<AttributeRecipe> Attributes,
    MessageTypeRecipe? MessageType,
    string? MessageTypeOverride,
    string? BodySize,
    CopyRecipe? Copy,
    string? ResultMessageId);

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
/// <param name="GenericArity">Type parameters of the message type (NATS <c>NatsMsg&lt;T&gt;</c> has one).</param>
/// <param name="IsValueType">Whether it is a struct (then never null and never nullable in batches).</param>
internal sealed record IncomingMessageShape(
    string ProfileId,
    string System,
    string? NamespaceAttribute,
    string TypeName,
    int GenericArity,
    bool IsValueType,
    string DestinationExpression,
    string CarrierExpression,
    HeaderAccessRecipe Headers,
    string? MessageIdExpression,
    string? BodySizeExpression,
    EquatableArray<AttributeRecipe> Attributes)
{
    /// <summary>The type exactly as emitted, when it is not a plain named type (a user's header dictionary parameter).</summary>
    public string? EmittedTypeName { get; init; }
}

/// <summary>A pull call that returns a batch of received messages (RocketMQ <c>SimpleConsumer.Receive</c>).</summary>
internal sealed record ReceiveOperation(
    string Id,
    string ContainingType,
    string MethodName,
    EquatableArray<string> ParameterTypes);

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

/// <summary>A handler return value that means failure (RocketMQ <c>ConsumeResult.FAILURE</c>), recorded as <c>error.type</c>.</summary>
internal sealed record FailureResult(string TypeName, string ValueExpression, string ErrorType);

/// <summary>Everything MessageTrace knows about one broker client.</summary>
/// <param name="NamespaceAttribute">The attribute recording the namespace option (RocketMQ), or null when the broker has none.</param>
internal sealed record BrokerProfile(
    string Id,
    string System,
    string? NamespaceAttribute,
    EquatableArray<SendOperation> Sends,
    EquatableArray<IncomingMessageShape> IncomingMessages,
    EquatableArray<ReceiveOperation> Receives,
    EquatableArray<SettleOperation> Settles,
    EquatableArray<ListenerRegistration> Registrations,
    EquatableArray<FailureResult> FailureResults);
