using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Org.Apache.Rocketmq;

namespace MessageTrace.RocketMq.Tests.Handlers;

/// <summary>
/// Pull consumers in the shape of the client's SimpleConsumer example: receive, process each message
/// through a traced handler (in a lambda), acknowledge.
/// </summary>
public sealed class InventoryPoller
{
    private readonly SimpleConsumer _consumer;
    private readonly BillingHandler _handler;

    public InventoryPoller(SimpleConsumer consumer, BillingHandler handler)
    {
        _consumer = consumer;
        _handler = handler;
    }

    /// <summary>One pull; acknowledgements are not traced here (TraceSettle off).</summary>
    [TracedConsumer(ConsumerGroup = "inventory", Namespace = "shop")]
    public async Task<List<MessageView>> PollOnceAsync()
    {
        var messages = await _consumer.Receive(16, TimeSpan.FromSeconds(15));
        messages.ForEach(message => _handler.Handle(message));
        foreach (var message in messages)
        {
            await _consumer.Ack(message);
        }

        return messages;
    }

    /// <summary>One pull with acknowledgements traced.</summary>
    [TracedConsumer(ConsumerGroup = "inventory", Namespace = "shop", TraceSettle = true)]
    public async Task<List<MessageView>> PollAndSettleAsync()
    {
        var messages = await _consumer.Receive(16, TimeSpan.FromSeconds(15));
        foreach (var message in messages)
        {
            _handler.Handle(message);
            await _consumer.Ack(message);
        }

        return messages;
    }

    /// <summary>Acknowledges messages received earlier, with acknowledgements traced.</summary>
    [TracedConsumer(ConsumerGroup = "inventory", TraceSettle = true)]
    public async Task SettleAsync(IEnumerable<MessageView> messages)
    {
        foreach (var message in messages)
        {
            await _consumer.Ack(message);
        }
    }

    /// <summary>Receives without tracing: not inside any [TracedConsumer].</summary>
    public Task<List<MessageView>> ReceiveUntracedAsync() => _consumer.Receive(16, TimeSpan.FromSeconds(15));
}
