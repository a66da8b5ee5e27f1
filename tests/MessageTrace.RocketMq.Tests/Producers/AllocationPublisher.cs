using System.Threading.Tasks;
using Org.Apache.Rocketmq;

namespace MessageTrace.RocketMq.Tests.Producers;

/// <summary>Two identical sends, one traced and one not, for the cost of the interceptor when nothing listens.</summary>
public sealed class AllocationPublisher(Producer producer)
{
    [TracedProducer]
    public Task<ISendReceipt> Traced(Message message) => producer.Send(message);

    public Task<ISendReceipt> Plain(Message message) => producer.Send(message);
}
