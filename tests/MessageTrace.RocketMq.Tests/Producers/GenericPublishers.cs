using System.Threading.Tasks;
using Org.Apache.Rocketmq;

namespace MessageTrace.RocketMq.Tests.Producers;

/// <summary>A generic method in a nested generic type.</summary>
public static class Outer<TKey>
{
    public sealed class Inner<TValue>
    {
        [TracedProducer]
        public static async Task<string> SendAsync<TExtra>(Producer producer, Message message, TKey key, TValue value, TExtra extra)
        {
            _ = key;
            _ = value;
            _ = extra;
            var receipt = await producer.Send(message);
            return receipt.MessageId;
        }
    }
}
