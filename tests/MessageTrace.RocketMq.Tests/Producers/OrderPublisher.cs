using System.Threading.Tasks;
using Org.Apache.Rocketmq;

namespace MessageTrace.RocketMq.Tests.Producers;

/// <summary>
/// User-shaped producer code: the common ways a send is written in an instance method, each traced
/// through its own <see cref="TracedProducerAttribute"/>, next to an untraced sibling.
/// </summary>
public sealed class OrderPublisher(Producer producer)
{
    /// <summary>Awaited send whose receipt is used.</summary>
    [TracedProducer]
    public async Task<string> PublishAsync(Message message)
    {
        var receipt = await producer.Send(message);
        return receipt.MessageId;
    }

    /// <summary>The send's task returned as it is (no async state machine in user code).</summary>
    [TracedProducer]
    public Task<ISendReceipt> Forward(Message message) => producer.Send(message);

    /// <summary>Awaited with ConfigureAwait(false).</summary>
    [TracedProducer]
    public async Task<string> PublishConfigureAwaitFalseAsync(Message message)
    {
        var receipt = await producer.Send(message).ConfigureAwait(false);
        return receipt.MessageId;
    }

    /// <summary>Fire and forget: the result is discarded.</summary>
    [TracedProducer]
    public void FireAndForget(Message message) => _ = producer.Send(message);

    /// <summary>The same call as <see cref="Forward"/>, in a method without the attribute: not traced.</summary>
    public Task<ISendReceipt> ForwardUntraced(Message message) => producer.Send(message);

    /// <summary>A send through a conditional access on a producer that may be missing.</summary>
    [TracedProducer]
    public static Task<ISendReceipt>? SendIfConnected(Producer? maybeProducer, Message message) => maybeProducer?.Send(message);

    /// <summary>Static traced method.</summary>
    [TracedProducer]
    public static async Task<string> PublishStaticAsync(Producer target, Message message)
    {
        var receipt = await target.Send(message);
        return receipt.MessageId;
    }
}
