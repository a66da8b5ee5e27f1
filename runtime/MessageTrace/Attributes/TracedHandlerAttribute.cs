using System;

namespace MessageTrace;

/// <summary>
/// Marks a method that processes received messages. Every invocation of it becomes a
/// <c>process {destination}</c> span that links to the message's creation context and is the
/// current <see cref="System.Diagnostics.Activity"/> while the method runs.
/// </summary>
/// <remarks>
/// The method needs a parameter of a message type a broker profile knows (for example RocketMQ's
/// <c>MessageView</c>), a list, array or enumerable of them (a batch), or a type carrying a
/// <see cref="MessageHeadersAttribute"/> property.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class TracedHandlerAttribute : Attribute
{
    /// <summary>Overrides <c>messaging.system</c>; leave unset to use the broker profile's value.</summary>
    public string? System { get; set; }

    /// <summary>
    /// A destination name or template used in the span name instead of each message's topic (recorded as
    /// <c>messaging.destination.template</c>). It is also the destination the AsyncAPI document shows for the
    /// handler, which cannot otherwise know what it is subscribed to.
    /// </summary>
    public string? Destination { get; set; }

    /// <summary>
    /// The consumer group recorded as <c>messaging.consumer.group.name</c> (required by the RocketMQ
    /// conventions). Falls back to <see cref="MessageTraceDefaultsAttribute.ConsumerGroup"/>.
    /// </summary>
    public string? ConsumerGroup { get; set; }

    /// <summary>The RocketMQ namespace recorded as <c>messaging.rocketmq.namespace</c>.</summary>
    public string? Namespace { get; set; }

    /// <summary>Records <c>messaging.message.body.size</c> (opt-in).</summary>
    public bool RecordBodySize { get; set; }

    /// <summary>Which span the process span is parented on; see <see cref="HandlerParentPolicy"/>.</summary>
    public HandlerParentPolicy ParentPolicy { get; set; }
}
