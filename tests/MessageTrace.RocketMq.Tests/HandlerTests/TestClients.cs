using System.Collections.Generic;
using System.Threading.Tasks;
using Org.Apache.Rocketmq;

namespace MessageTrace.RocketMq.Tests.HandlerTests;

/// <summary>Clients of the RocketMQ test double, built the way the client's examples build them.</summary>
internal static class TestClients
{
    public static ClientConfig Config() =>
        new ClientConfig.Builder()
            .SetEndpoints("127.0.0.1:8081")
            .EnableSsl(false)
            .SetCredentialsProvider(new StaticSessionCredentialsProvider("access", "secret"))
            .Build();

    public static Task<Producer> ProducerAsync() =>
        new Producer.Builder().SetClientConfig(Config()).SetTopics("orders", "shipments").Build();

    public static Task<SimpleConsumer> SimpleConsumerAsync(string topic = "orders") =>
        new SimpleConsumer.Builder()
            .SetClientConfig(Config())
            .SetConsumerGroup("inventory")
            .SetAwaitDuration(System.TimeSpan.FromSeconds(1))
            .SetSubscriptionExpression(new Dictionary<string, FilterExpression> { [topic] = new FilterExpression("*") })
            .Build();
}
