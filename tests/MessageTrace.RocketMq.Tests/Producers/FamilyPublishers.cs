using System.Threading.Tasks;
using Org.Apache.Rocketmq;

namespace MessageTrace.RocketMq.Tests.Producers;

/// <summary>
/// A base class without the attribute: its send stays untraced even when called on an instance of a
/// derived class that is traced at class level (the attribute is not inherited).
/// </summary>
public class BasePublisher(Producer producer)
{
    protected Producer Producer { get; } = producer;

    public Task<ISendReceipt> SendFromBase(Message message) => Producer.Send(message);
}

/// <summary>Traced at class level: every send written in this class is traced.</summary>
[TracedProducer]
public sealed class DerivedPublisher(Producer producer) : BasePublisher(producer)
{
    public Task<ISendReceipt> SendFromDerived(Message message) => Producer.Send(message);
}
