using System;

namespace MessageTrace;

/// <summary>
/// Marks a method that pulls messages, such as a receive loop. Each receive call inside it that
/// returns messages becomes a <c>receive {destination}</c> span (kind Client) linked to every
/// received message; an empty receive produces no span.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class | AttributeTargets.Struct, Inherited = false, AllowMultiple = false)]
public sealed class TracedConsumerAttribute : Attribute
{
    /// <summary>Overrides <c>messaging.system</c>; leave unset to use the broker profile's value.</summary>
    public string? System { get; set; }

    /// <summary>A destination name or template used in the span name.</summary>
    public string? Destination { get; set; }

    /// <summary>The consumer group recorded as <c>messaging.consumer.group.name</c>.</summary>
    public string? ConsumerGroup { get; set; }

    /// <summary>The RocketMQ namespace recorded as <c>messaging.rocketmq.namespace</c>.</summary>
    public string? Namespace { get; set; }

    /// <summary>
    /// Traces acknowledgements (<c>settle</c> spans, kind Client). Off by default: settle spans are
    /// many and rarely read.
    /// </summary>
    public bool TraceSettle { get; set; }
}
