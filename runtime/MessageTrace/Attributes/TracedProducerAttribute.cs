using System;

namespace MessageTrace;

/// <summary>
/// Marks a method (or every method of a class) as a producer: each broker send call inside it,
/// including calls in its lambdas and local functions, is replaced at compile time by a traced send
/// that starts a <c>send {destination}</c> span and injects the creation context into the message.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class | AttributeTargets.Struct, Inherited = false, AllowMultiple = false)]
public sealed class TracedProducerAttribute : Attribute
{
    /// <summary>
    /// Overrides <c>messaging.system</c>. Leave unset to use the broker profile's value
    /// (for example <c>rocketmq</c>).
    /// </summary>
    public string? System { get; set; }

    /// <summary>
    /// A destination name or template (for example <c>orders.{region}</c>). When set it is used in the
    /// span name and as <c>messaging.destination.template</c>; the actual topic is still recorded as
    /// <c>messaging.destination.name</c>. Leave unset to name spans after each message's topic.
    /// </summary>
    public string? Destination { get; set; }

    /// <summary>The RocketMQ namespace recorded as <c>messaging.rocketmq.namespace</c>.</summary>
    public string? Namespace { get; set; }

    /// <summary>
    /// Records <c>messaging.message.body.size</c>. Off by default, as the semantic conventions make
    /// it opt-in.
    /// </summary>
    public bool RecordBodySize { get; set; }
}
