namespace MessageTrace.Generator.Tests.Topology;

/// <summary>Small projects, one per broker profile, written the way each client's docs write them.</summary>
internal static class AsyncApiSources
{
    public const string RocketMq = """
        using System;
        using System.Threading.Tasks;
        using MessageTrace;
        using Org.Apache.Rocketmq;

        namespace Shop.Orders;

        public sealed class OrderService(Producer producer)
        {
            [TracedProducer]
            public Task<ISendReceipt> PlaceAsync(byte[] body) =>
                producer.Send(new Message.Builder().SetTopic("orders").SetTag("created").SetBody(body).Build());

            // Not traced: outside every [TracedProducer] scope (MT0001).
            public Task<ISendReceipt> AuditAsync(byte[] body) =>
                producer.Send(new Message.Builder().SetTopic("audit").SetBody(body).Build());

            [TracedProducer]
            public Task<ISendReceipt> RegionalAsync(string region, byte[] body) =>
                producer.Send(new Message.Builder().SetTopic($"orders-{region}").SetBody(body).Build());
        }

        public sealed class Billing
        {
            [TracedHandler(ConsumerGroup = "billing", Destination = "orders")]
            public ConsumeResult Consume(MessageView message) => ConsumeResult.SUCCESS;
        }

        public static class Inventory
        {
            [TracedConsumer(ConsumerGroup = "inventory", Destination = "orders")]
            public static async Task PollAsync(SimpleConsumer consumer)
            {
                foreach (var view in await consumer.Receive(16, TimeSpan.FromSeconds(15)))
                {
                    await consumer.Ack(view);
                }
            }
        }
        """;

    public const string RabbitMq = """
        using System;
        using System.Threading.Tasks;
        using MessageTrace;
        using RabbitMQ.Client;
        using RabbitMQ.Client.Events;

        namespace Shop.Rabbit;

        public sealed class Orders(IChannel channel)
        {
            [TracedProducer]
            public async Task PublishAsync(ReadOnlyMemory<byte> body)
            {
                await channel.BasicPublishAsync("", "orders", body);
                await channel.BasicPublishAsync("shop", "orders.created", body);
            }

            [TracedHandler(ConsumerGroup = "billing", Destination = "orders")]
            public Task HandleAsync(BasicDeliverEventArgs delivery) => Task.CompletedTask;
        }
        """;

    public const string Nats = """
        using System.Threading.Tasks;
        using MessageTrace;
        using NATS.Client.Core;
        using NATS.Net;

        namespace Shop.Nats;

        public sealed record Order(int Id);

        public sealed class Regions(NatsClient client)
        {
            [TracedProducer]
            public async Task PublishAsync(string region, Order order)
            {
                await client.PublishAsync($"orders.{region}", order);
                await client.PublishAsync("orders.audit", "created");
                // Placeholders written twice, and two that read the same once made AsyncAPI parameter names.
                await client.PublishAsync($"{order.Id}.orders.{order.Id}", order);
                await client.PublishAsync($"audit.{region.Length * 2}.{region.Length + 2}", order);
            }

            [TracedHandler(ConsumerGroup = "billing", Destination = "orders.eu")]
            public Task HandleAsync(NatsMsg<Order> message) => Task.CompletedTask;
        }
        """;

    public const string Mqtt = """
        using System.Threading.Tasks;
        using MessageTrace;
        using MQTTnet;

        namespace Shop.Mqtt;

        public sealed class Orders(IMqttClient client)
        {
            [TracedProducer]
            public async Task PublishAsync(string json)
            {
                var message = new MqttApplicationMessageBuilder().WithTopic("orders").WithPayload(json).Build();
                await client.PublishAsync(message);
                await client.PublishStringAsync("orders/audit", json);
            }

            [TracedHandler(ConsumerGroup = "billing", Destination = "orders")]
            public Task HandleAsync(MqttApplicationMessage message) => Task.CompletedTask;
        }
        """;

    public const string Kafka = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Confluent.Kafka;
        using MessageTrace;

        namespace Shop.Kafka;

        public sealed class Orders(IProducer<string, string> producer)
        {
            [TracedProducer]
            public Task<DeliveryResult<string, string>> PublishAsync(string key, string value) =>
                producer.ProduceAsync("orders", new Message<string, string> { Key = key, Value = value });

            [TracedHandler(ConsumerGroup = "billing", Destination = "orders")]
            public void Handle(IReadOnlyList<ConsumeResult<string, string>> batch) { }
        }

        public sealed class Poller(IConsumer<string, string> consumer)
        {
            [TracedConsumer(ConsumerGroup = "inventory", Destination = "orders")]
            public ConsumeResult<string, string> Poll(CancellationToken cancellationToken) => consumer.Consume(cancellationToken);
        }
        """;

    public const string UserCarrier = """
        using System.Collections.Generic;
        using MessageTrace;

        namespace Shop.InHouse;

        public sealed class Envelope
        {
            public string Queue { get; set; } = "";

            [MessageHeaders(System = "inhouse")]
            public IDictionary<string, object?> Headers { get; } = new Dictionary<string, object?>();
        }

        public static class InHouseBus
        {
            public static void Post(string queue, [MessageHeaders(System = "inhouse")] IDictionary<string, object?> headers) { }
        }

        public sealed class Audit
        {
            [TracedProducer]
            public void Record(Envelope envelope) => InHouseBus.Post("audit", envelope.Headers);

            [TracedHandler(ConsumerGroup = "auditors", Destination = "audit")]
            public void Handle(Envelope envelope) { }
        }
        """;
}
