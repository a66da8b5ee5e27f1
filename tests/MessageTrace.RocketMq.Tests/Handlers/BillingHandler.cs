using System;
using Org.Apache.Rocketmq;

namespace MessageTrace.RocketMq.Tests.Handlers;

/// <summary>
/// A plain single-message handler, the shape a user writes first. What it returns (or throws) is
/// decided by <see cref="Outcome"/> so tests can drive success, failure and exceptions.
/// </summary>
public sealed class BillingHandler
{
    public HandlerProbe Probe { get; } = new();

    /// <summary>Decides the result; may throw. Runs after the probe recorded the call.</summary>
    public Func<MessageView?, ConsumeResult> Outcome { get; set; } = static _ => ConsumeResult.SUCCESS;

    [TracedHandler(ConsumerGroup = "billing", Namespace = "shop")]
    public ConsumeResult Handle(MessageView message)
    {
        Probe.Record(message);
        return Outcome(message);
    }
}

/// <summary>A handler with no options at all: no consumer group, no namespace, default policy.</summary>
public sealed class BareHandler
{
    public HandlerProbe Probe { get; } = new();

    [TracedHandler]
    public void Handle(MessageView message) => Probe.Record(message);
}

/// <summary>A handler that names its spans after a destination template instead of each topic.</summary>
public sealed class RegionalOrderHandler
{
    public HandlerProbe Probe { get; } = new();

    [TracedHandler(Destination = "orders.{region}", ConsumerGroup = "regional")]
    public ConsumeResult Handle(MessageView message)
    {
        Probe.Record(message);
        return ConsumeResult.SUCCESS;
    }
}
