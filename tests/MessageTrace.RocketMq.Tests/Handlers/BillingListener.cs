using System;
using Org.Apache.Rocketmq;

namespace MessageTrace.RocketMq.Tests.Handlers;

/// <summary>
/// A push-consumer listener whose callback is a traced handler. Registering it with
/// <c>PushConsumer.Builder.SetMessageListener</c> is what gets traced: the client calls
/// <see cref="Consume"/> itself, from its own threads.
/// </summary>
public sealed class BillingListener : IMessageListener
{
    public HandlerProbe Probe { get; } = new();

    public Func<MessageView, ConsumeResult> Outcome { get; set; } = static _ => ConsumeResult.SUCCESS;

    [TracedHandler(ConsumerGroup = "billing", Namespace = "shop")]
    public ConsumeResult Consume(MessageView messageView)
    {
        Probe.Record(messageView);
        return Outcome(messageView);
    }
}

/// <summary>The way an application typically starts its push consumer.</summary>
public static class BillingConsumerHost
{
    public static System.Threading.Tasks.Task<PushConsumer> StartAsync(ClientConfig config, BillingListener listener, string topic = "orders") =>
        new PushConsumer.Builder()
            .SetClientConfig(config)
            .SetConsumerGroup("billing")
            .SetSubscriptionExpression(new System.Collections.Generic.Dictionary<string, FilterExpression> { [topic] = new FilterExpression("*") })
            .SetMessageListener(listener)
            .Build();
}
