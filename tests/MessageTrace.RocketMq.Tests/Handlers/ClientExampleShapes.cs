using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Org.Apache.Rocketmq;

namespace MessageTrace.RocketMq.Tests.Handlers;

/// <summary>
/// Consumers written the way the official client's examples write them: a private nested listener class,
/// the consumer group as a <c>const</c> local handed to the builder, no group on the attribute.
/// </summary>
public static class PushConsumerExample
{
    public static HandlerProbe Probe { get; } = new();

    public static Task<PushConsumer> StartAsync(ClientConfig clientConfig)
    {
        const string topic = "orders";
        const string consumerGroup = "yourConsumerGroup";
        var subscription = new Dictionary<string, FilterExpression> { { topic, new FilterExpression("*") } };
        return new PushConsumer.Builder()
            .SetClientConfig(clientConfig)
            .SetConsumerGroup(consumerGroup)
            .SetSubscriptionExpression(subscription)
            .SetMessageListener(new CustomMessageListener())
            .Build();
    }

    private class CustomMessageListener : IMessageListener
    {
        [TracedHandler]
        public ConsumeResult Consume(MessageView messageView)
        {
            Probe.Record(messageView);
            return ConsumeResult.SUCCESS;
        }
    }
}

/// <summary>A lite push consumer (client 5.2): its own builder, the same listener interface.</summary>
public static class LitePushConsumerExample
{
    public static HandlerProbe Probe { get; } = new();

    public static async Task<LitePushConsumer> StartAsync(ClientConfig clientConfig)
    {
        var builder = new LitePushConsumer.Builder();
        builder.SetClientConfig(clientConfig);
        builder.SetConsumerGroup("liteGroup");
        builder.SetBindTopic("orders");
        builder.SetMessageListener(new LiteListener());
        return await builder.Build();
    }

    private sealed class LiteListener : IMessageListener
    {
        [TracedHandler]
        public ConsumeResult Consume(MessageView messageView)
        {
            Probe.Record(messageView);
            return ConsumeResult.SUCCESS;
        }
    }
}

/// <summary>The simple-consumer example: the consumer is built in the method that polls it.</summary>
public static class SimpleConsumerExample
{
    [TracedConsumer]
    public static async Task<List<MessageView>> PollOnceAsync(ClientConfig clientConfig, Action<SimpleConsumer> script)
    {
        const string consumerGroup = "yourConsumerGroup";
        var subscription = new Dictionary<string, FilterExpression> { { "orders", new FilterExpression("*") } };
        await using var simpleConsumer = await new SimpleConsumer.Builder()
            .SetClientConfig(clientConfig)
            .SetConsumerGroup(consumerGroup)
            .SetAwaitDuration(TimeSpan.FromSeconds(15))
            .SetSubscriptionExpression(subscription)
            .Build();
        script(simpleConsumer);
        return await simpleConsumer.Receive(16, TimeSpan.FromSeconds(15));
    }
}
