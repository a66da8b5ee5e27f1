using System.Threading.Tasks;
using Org.Apache.Rocketmq;

namespace MessageTrace.RocketMq.Tests.Producers;

/// <summary>No attribute here: the class is traced through the other part's class-level attribute.</summary>
public sealed partial class PartialPublisher
{
    public Task<ISendReceipt> FirstAsync(Message message) => producer.Send(message);

    public async Task<string> SecondAsync(Message message)
    {
        var receipt = await producer.Send(message);
        return receipt.MessageId;
    }
}
