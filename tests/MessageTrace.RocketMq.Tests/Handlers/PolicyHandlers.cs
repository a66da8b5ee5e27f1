using System;
using Org.Apache.Rocketmq;

namespace MessageTrace.RocketMq.Tests.Handlers;

/// <summary>The default policy spelled out: parent on the creation context only when nothing is current.</summary>
public sealed class DefaultPolicyHandler
{
    public HandlerProbe Probe { get; } = new();

    public Func<MessageView?, ConsumeResult> Outcome { get; set; } = static _ => ConsumeResult.SUCCESS;

    [TracedHandler(ConsumerGroup = "policy", ParentPolicy = HandlerParentPolicy.CreationContextWhenNoAmbient)]
    public ConsumeResult Handle(MessageView message)
    {
        Probe.Record(message);
        return Outcome(message);
    }
}

/// <summary>Never parents on the producer: the process span only links to it.</summary>
public sealed class LinkOnlyHandler
{
    public HandlerProbe Probe { get; } = new();

    public Func<MessageView?, ConsumeResult> Outcome { get; set; } = static _ => ConsumeResult.SUCCESS;

    [TracedHandler(ConsumerGroup = "policy", ParentPolicy = HandlerParentPolicy.LinkOnly)]
    public ConsumeResult Handle(MessageView message)
    {
        Probe.Record(message);
        return Outcome(message);
    }
}

/// <summary>Always parents on the producer; an ambient span becomes a second link.</summary>
public sealed class CreationParentHandler
{
    public HandlerProbe Probe { get; } = new();

    public Func<MessageView?, ConsumeResult> Outcome { get; set; } = static _ => ConsumeResult.SUCCESS;

    [TracedHandler(ConsumerGroup = "policy", ParentPolicy = HandlerParentPolicy.CreationContextAlways)]
    public ConsumeResult Handle(MessageView message)
    {
        Probe.Record(message);
        return Outcome(message);
    }
}
