using System.Collections.Immutable;

namespace MessageTrace.Generator.Profiles;

// The declarative shape of broker knowledge. A profile says which calls send or receive, which
// types carry headers and how to read a message's destination, id, tag or keys, as C# expression
// templates over a placeholder. The generator's emitters and the analyzers read the same catalogue,
// so recognition cannot drift between them. Profiles are static data, never pipeline models.

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

/// <summary>One span attribute read from a message: <paramref name="Expression"/> uses <c>{m}</c> for the message.</summary>
internal sealed record AttributeRecipe(string Name, string Expression, AttributeValueKind Kind);

/// <summary>
/// How header values travel: the runtime struct that reads and writes them, and the expression
/// that reaches the header collection from a message (<c>{m}</c>).
/// </summary>
internal sealed record HeaderRecipe(string HeadersExpression, string AccessType);

/// <summary>A message type that is sent (RocketMQ <c>Message</c>).</summary>
internal sealed record OutgoingMessageShape(
    string TypeName,
    string DestinationExpression,
    HeaderRecipe Headers,
    string? BodySizeExpression,
    MessageTypeRecipe? MessageType,
    ImmutableArray<AttributeRecipe> Attributes,
    string? CopyWithoutContextBody);

/// <summary>How a message's kind is recorded (RocketMQ <c>messaging.rocketmq.message.type</c>): <c>{m}</c> is the message.</summary>
internal sealed record MessageTypeRecipe(string AttributeName, string Expression);

/// <summary>A received message type a handler can take (RocketMQ <c>MessageView</c>).</summary>
internal sealed record IncomingMessageShape(
    string TypeName,
    string DestinationExpression,
    HeaderRecipe Headers,
    string? MessageIdExpression,
    string? BodySizeExpression,
    ImmutableArray<AttributeRecipe> Attributes);

/// <summary>A broker call that sends one message.</summary>
/// <param name="Id">Stable id, used in models and generated names.</param>
/// <param name="ContainingType">Metadata name of the type declaring the method.</param>
/// <param name="MethodName">The method name; also the syntactic prefilter.</param>
/// <param name="ParameterTypes">Metadata names of the parameters, in order (generic parameters as <c>!0</c>).</param>
/// <param name="MessageParameter">Index of the parameter holding the message.</param>
/// <param name="MessageTypeOverride">A fixed <c>message.type</c> for this overload (RocketMQ transactions), or null.</param>
/// <param name="ResultMessageIdExpression">Reads the message id from the awaited result (<c>{r}</c>), or null.</param>
internal sealed record SendOperation(
    string Id,
    string ContainingType,
    string MethodName,
    ImmutableArray<string> ParameterTypes,
    int MessageParameter,
    string? MessageTypeOverride,
    string? ResultMessageIdExpression);

/// <summary>A pull call that returns a batch of received messages (RocketMQ <c>SimpleConsumer.Receive</c>).</summary>
internal sealed record ReceiveOperation(
    string Id,
    string ContainingType,
    string MethodName,
    ImmutableArray<string> ParameterTypes);

/// <summary>An acknowledgement call (RocketMQ <c>SimpleConsumer.Ack</c>) traced as a settle span.</summary>
internal sealed record SettleOperation(
    string Id,
    string ContainingType,
    string MethodName,
    ImmutableArray<string> ParameterTypes,
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
    string ListenerMethod,
    string ConsumerGroupExpression);

/// <summary>Everything MessageTrace knows about one broker client.</summary>
/// <param name="NamespaceAttribute">The attribute recording the namespace option (RocketMQ), or null when the broker has none.</param>
internal sealed record BrokerProfile(
    string Id,
    string System,
    string? NamespaceAttribute,
    OutgoingMessageShape? OutgoingMessage,
    ImmutableArray<SendOperation> Sends,
    IncomingMessageShape? IncomingMessage,
    ImmutableArray<ReceiveOperation> Receives,
    ImmutableArray<SettleOperation> Settles,
    ImmutableArray<ListenerRegistration> Registrations,
    ImmutableArray<FailureResult> FailureResults);

/// <summary>A handler return value that means failure (RocketMQ <c>ConsumeResult.FAILURE</c>), recorded as <c>error.type</c>.</summary>
internal sealed record FailureResult(string TypeName, string ValueExpression, string ErrorType);
