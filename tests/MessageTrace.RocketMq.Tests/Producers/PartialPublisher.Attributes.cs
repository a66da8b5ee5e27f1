using Org.Apache.Rocketmq;

namespace MessageTrace.RocketMq.Tests.Producers;

/// <summary>The class-level attribute lives in this file; the sends are in PartialPublisher.Sends.cs.</summary>
[TracedProducer(Namespace = PartialPublisher.Namespace)]
public sealed partial class PartialPublisher(Producer producer)
{
    public const string Namespace = "partial-ns";
}
