using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Org.Apache.Rocketmq;

namespace MessageTrace.RocketMq.Tests.Producers;

/// <summary>Sends made inside lambdas and local functions.</summary>
public sealed class LambdaPublisher(Producer producer)
{
    /// <summary>A lambda per message inside a traced method.</summary>
    [TracedProducer]
    public async Task<ISendReceipt[]> PublishAllAsync(IEnumerable<Message> messages)
    {
        return await Task.WhenAll(messages.Select(m => producer.Send(m)));
    }

    /// <summary>A local function inside a traced method.</summary>
    [TracedProducer]
    public async Task<string> PublishThroughLocalFunctionAsync(Message message)
    {
        var receipt = await SendOneAsync(message);
        return receipt.MessageId;

        async Task<ISendReceipt> SendOneAsync(Message m) => await producer.Send(m);
    }

    /// <summary>A delegate built inside a traced method and invoked later by the caller.</summary>
    [TracedProducer]
    public Func<Message, Task<ISendReceipt>> MakeSender() => m => producer.Send(m);

    /// <summary>The same delegate built in an untraced method: not traced.</summary>
    public Func<Message, Task<ISendReceipt>> MakeUntracedSender() => m => producer.Send(m);

    /// <summary>An untraced method whose lambda carries the attribute itself.</summary>
    public Func<Message, Task<ISendReceipt>> MakeAttributedLambda() => [TracedProducer] (Message m) => producer.Send(m);

    /// <summary>An untraced method whose local function carries the attribute itself.</summary>
    public Task<ISendReceipt> SendThroughAttributedLocalFunction(Message message)
    {
        return Send(message);

        [TracedProducer]
        Task<ISendReceipt> Send(Message m) => producer.Send(m);
    }
}
