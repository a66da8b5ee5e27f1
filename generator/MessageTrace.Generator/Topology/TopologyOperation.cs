namespace MessageTrace.Generator.Topology;

/// <summary>What a messaging operation does to its channel, as AsyncAPI names it.</summary>
internal enum TopologyAction
{
    Send,
    Receive,
}

/// <summary>
/// The bind step's verdicts on one call that the topology reads: a catalogue send (traced or not), a traced
/// user-carrier send, a traced consumer call, and whether the call may be a handler calling a traced producer.
/// </summary>
internal readonly record struct CallVerdicts(CallVerdict<SendSite>? Send, SendSite? CustomSend, ConsumerSite? Consumer, bool ProducerCall);

/// <summary>
/// A <c>[TracedHandler]</c> method (<paramref name="Handler"/>) calling a <c>[TracedProducer]</c> method
/// (<paramref name="Producer"/>), both as <c>Namespace.Type.Method</c>: where the handler's messages lead.
/// Found by the bind step, which binds the call anyway.
/// </summary>
internal sealed record TopologyCall(string Handler, string Producer);

/// <summary>
/// One messaging operation of this project as the AsyncAPI document lists it: a send call (traced, or
/// reported untraced), a traced receive call, or a traced handler. Value-equal, no Roslyn objects.
/// </summary>
/// <param name="Action">Send or receive.</param>
/// <param name="System">The <c>messaging.system</c> (<c>kafka</c>, <c>rocketmq</c>, a user carrier's own).</param>
/// <param name="Destination">The destination, or its template (<c>orders.{region}</c>); null when the code does not say.</param>
/// <param name="ConsumerGroup">The consumer group of a receive, when known.</param>
/// <param name="MessageType">The message's C# type as code names it.</param>
/// <param name="File">The source file, relative to the project directory, with <c>/</c> separators.</param>
/// <param name="Line">The 1-based line of the call or of the handler's declaration.</param>
/// <param name="Column">The 1-based column, to order operations on one line.</param>
/// <param name="Component">The type the operation is written in (its name, without namespace).</param>
/// <param name="Method">The method the operation is written in: <c>Namespace.Type.Method</c>.</param>
/// <param name="DiagnosticId">For an untraced send, the diagnostic that reports it; null when traced.</param>
/// <param name="Untraced">For an untraced send, why it is not traced.</param>
internal sealed record TopologyOperation(
    TopologyAction Action,
    string System,
    string? Destination,
    string? ConsumerGroup,
    string MessageType,
    string File,
    int Line,
    int Column,
    string Component,
    string Method,
    string? DiagnosticId = null,
    string? Untraced = null)
{
    /// <summary>
    /// For a handler, the <c>[TracedProducer]</c> methods its body calls (<c>Namespace.Type.Method</c>): where the
    /// messages it receives lead, so a map can join what it receives to what it sends.
    /// </summary>
    public EquatableArray<string> Calls { get; init; } = EquatableArray<string>.Empty;
}
