using System.Collections.Generic;
using System.Linq;
using Org.Apache.Rocketmq;

namespace MessageTrace.RocketMq.Tests.Handlers;

/// <summary>Batch handlers: one process span per call, one link per message.</summary>
public sealed class SettlementBatchHandler
{
    public HandlerProbe Probe { get; } = new();

    /// <summary>The messages the last call enumerated, in order.</summary>
    public List<MessageView?> Enumerated { get; } = new();

    [TracedHandler(ConsumerGroup = "settlement", Namespace = "shop")]
    public ConsumeResult HandleList(List<MessageView> messages)
    {
        Probe.Record(messages);
        return messages.Count == 0 ? ConsumeResult.FAILURE : ConsumeResult.SUCCESS;
    }

    [TracedHandler(ConsumerGroup = "settlement")]
    public int HandleArray(MessageView[] messages)
    {
        Probe.Record(messages);
        return messages.Length;
    }

    [TracedHandler(ConsumerGroup = "settlement")]
    public int HandleSequence(IEnumerable<MessageView> messages)
    {
        Probe.Record(messages);
        Enumerated.Clear();
        Enumerated.AddRange(messages);
        return Enumerated.Count;
    }

    [TracedHandler(ConsumerGroup = "settlement")]
    public int HandleReadOnly(IReadOnlyList<MessageView?> messages)
    {
        Probe.Record(messages);
        return messages.Count(static m => m is not null);
    }
}
