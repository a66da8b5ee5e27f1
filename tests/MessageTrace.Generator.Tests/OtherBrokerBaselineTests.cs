using System.Linq;
using MessageTrace.Generator.Tests.Infrastructure;
using Xunit;

namespace MessageTrace.Generator.Tests;

/// <summary>The RabbitMQ, NATS, MQTT and Kafka profiles: generated sends and handlers, against baselines.</summary>
public sealed class OtherBrokerBaselineTests
{
    [Fact]
    public void RabbitMqPublishAndHandlers() => Verify(nameof(RabbitMqPublishAndHandlers), """
        using System;
        using System.Threading.Tasks;
        using MessageTrace;
        using RabbitMQ.Client;
        using RabbitMQ.Client.Events;

        namespace Shop;

        public sealed class Orders(IChannel channel)
        {
            [TracedProducer]
            public async Task PublishAsync(ReadOnlyMemory<byte> body)
            {
                var properties = new BasicProperties { MessageId = "m-1" };
                await channel.BasicPublishAsync("", "orders", false, properties, body);
                await channel.BasicPublishAsync("shop", "orders.created", body);
            }

            [TracedHandler(ConsumerGroup = "billing")]
            public Task HandleAsync(BasicDeliverEventArgs delivery) => Task.CompletedTask;

            [TracedHandler]
            public void Handle(BasicGetResult result) { }

            public void Subscribe(AsyncEventingBasicConsumer consumer, BasicGetResult polled)
            {
                consumer.ReceivedAsync += (_, delivery) => HandleAsync(delivery);
                Handle(polled);
            }

            // basic.get, as the RabbitMQ API guide pulls: a receive span when a message came back.
            [TracedConsumer(ConsumerGroup = "audit")]
            public async Task PollAsync()
            {
                BasicGetResult? result = await channel.BasicGetAsync("orders", autoAck: false);
                if (result is not null)
                {
                    Handle(result);
                }
            }
        }
        """);

    // An extension send written in static form (IChannelExtensions.BasicPublishAsync(channel, ...)) is the same
    // call as channel.BasicPublishAsync(...): one interceptor serves both, and the destination and its
    // template are read from the same arguments.
    [Fact]
    public void ExtensionSendsCalledInStaticForm() => Verify(nameof(ExtensionSendsCalledInStaticForm), """
        using System;
        using System.Threading.Tasks;
        using MessageTrace;
        using MQTTnet;
        using RabbitMQ.Client;

        namespace Shop;

        public sealed class Outbox { }

        public static class OutboxExtensions
        {
            public static void Post(this Outbox outbox, string queue, byte[] body, [MessageHeaders] System.Collections.Generic.IDictionary<string, object?> headers) { }
        }

        public sealed class Orders(IChannel channel, IMqttClient client, Outbox outbox)
        {
            [TracedProducer]
            public async Task PublishAsync(ReadOnlyMemory<byte> body, string region, string json, byte[] raw)
            {
                await IChannelExtensions.BasicPublishAsync(channel, "", $"orders.{region}", body);
                await channel.BasicPublishAsync("", $"orders.{region}", body);
                await MqttClientExtensions.PublishStringAsync(client, $"orders/{region}", json);
                await client.PublishStringAsync($"orders/{region}", json);
                OutboxExtensions.Post(outbox, $"audit.{region}", raw, new System.Collections.Generic.Dictionary<string, object?>());
                outbox.Post($"audit.{region}", raw, new System.Collections.Generic.Dictionary<string, object?>());
            }
        }
        """);

    [Fact]
    public void InterpolatedSubjectsGiveTemplates() => Verify(nameof(InterpolatedSubjectsGiveTemplates), """
        using System.Threading.Tasks;
        using MessageTrace;
        using NATS.Net;

        namespace Shop;

        public sealed class Regions(NatsClient client)
        {
            [TracedProducer]
            public async Task PublishAsync(string region, int shard)
            {
                await client.PublishAsync($"orders.{region}", "created");
                await client.PublishAsync(subject: $"orders.{region}.{shard:D2}", data: "created");
                await client.PublishAsync("orders.audit", "created");
                await client.PublishAsync($"orders.{{pending}}.{region}", "created"); // a brace of its own: no template
            }
        }
        """);

    [Fact]
    public void InterpolatedRoutingKeysOfTheDefaultExchangeGiveTemplates() => Verify(nameof(InterpolatedRoutingKeysOfTheDefaultExchangeGiveTemplates), """
        using System;
        using System.Threading.Tasks;
        using MessageTrace;
        using RabbitMQ.Client;

        namespace Shop;

        public sealed class Regions(IChannel channel)
        {
            [TracedProducer]
            public async Task PublishAsync(string region, ReadOnlyMemory<byte> body)
            {
                await channel.BasicPublishAsync("", $"orders.{region}", body);
                await channel.BasicPublishAsync(string.Empty, $"invoices.{region}", false, new BasicProperties(), body);
                await channel.BasicPublishAsync("shop", $"orders.{region}", body);
                await channel.BasicPublishAsync($"shop.{region}", "orders", body);
            }
        }
        """);

    [Fact]
    public void NatsPublishAndHandlers() => Verify(nameof(NatsPublishAndHandlers), """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using MessageTrace;
        using NATS.Client.Core;
        using NATS.Net;

        namespace Shop;

        public sealed record Order(string Id);

        public sealed class Orders(NatsClient client, NatsConnection connection)
        {
            [TracedProducer]
            public async Task PublishAsync(Order order)
            {
                await client.PublishAsync("orders", order);
                await client.PublishAsync("orders.audit", order, headers: new NatsHeaders { ["origin"] = "shop" });
                await connection.PublishAsync("orders.mirror", order);
            }

            [TracedHandler]
            public ValueTask HandleAsync(NatsMsg<Order> message) => ValueTask.CompletedTask;

            [TracedHandler]
            public void HandleBatch(IReadOnlyList<NatsMsg<Order>> messages) { }

            public async Task ListenAsync()
            {
                await foreach (var message in client.SubscribeAsync<Order>("orders"))
                {
                    await HandleAsync(message);
                    HandleBatch(new[] { message });
                }
            }
        }
        """);

    // The NATS docs' request/reply, JetStream and services examples: a request and a stream publish are sends
    // (the caller's headers, or ones created for the trace); a JetStream message, as a struct or as the
    // interface ConsumeAsync hands out, and a service endpoint's request are handlers' messages.
    [Fact]
    public void NatsRequestsAndJetStream() => Verify(nameof(NatsRequestsAndJetStream), """
        using System.Threading.Tasks;
        using MessageTrace;
        using NATS.Client.Core;
        using NATS.Client.JetStream;
        using NATS.Client.Services;
        using NATS.Net;

        namespace Shop;

        public sealed record Order(string Id);

        public sealed class Orders(NatsClient client, INatsJSContext js, NatsJSContext context)
        {
            [TracedProducer]
            public async Task<int> PriceAsync(Order order)
            {
                NatsMsg<int> reply = await client.RequestAsync<Order, int>("prices", order);
                await client.RequestAsync<Order, int>(subject: "prices", data: order, headers: new NatsHeaders { ["origin"] = "shop" });
                await client.RequestAsync<System.DateTime>("time");
                return reply.Data;
            }

            [TracedProducer]
            public async Task StoreAsync(Order order)
            {
                await js.PublishAsync("orders.new", order);
                await js.PublishAsync(subject: "orders.new", data: order, opts: new NatsJSPubOpts { MsgId = order.Id });
                await context.TryPublishAsync("orders.new", order);
                await using var future = await context.PublishConcurrentAsync("orders.new", order);
            }

            [TracedHandler(ConsumerGroup = "billing")]
            public ValueTask HandleAsync(NatsJSMsg<Order> message) => message.AckAsync();

            [TracedHandler(ConsumerGroup = "billing")]
            public ValueTask HandleConsumedAsync(INatsJSMsg<Order> message) => message.AckAsync();

            public async Task ConsumeAsync(INatsJSConsumer consumer)
            {
                await foreach (var message in consumer.ConsumeAsync<Order>())
                {
                    await HandleConsumedAsync(message);
                }
            }

            public Task HandleOneAsync(NatsJSMsg<Order> message) => HandleAsync(message).AsTask();

            // JetStream's pull of one message: a receive span when one came.
            [TracedConsumer(ConsumerGroup = "billing")]
            public async Task<INatsJSMsg<Order>?> NextAsync(INatsJSConsumer consumer) => await consumer.NextAsync<Order>();

            [TracedHandler]
            [TracedProducer]
            public ValueTask PriceAsync(NatsSvcMsg<Order> request) => request.ReplyAsync(42);

            // Replies are sends to the requester's inbox; the message is a struct, so the interceptor takes it by 'in'.
            [TracedProducer]
            public async Task AnswerAsync(NatsMsg<Order> request, INatsMsg<Order> viaInterface)
            {
                await request.ReplyAsync("ok", headers: new NatsHeaders { ["origin"] = "shop" });
                await request.ReplyAsync();
                await viaInterface.ReplyAsync(1);
            }

            public async Task ServeAsync()
            {
                var service = await client.CreateServicesContext().AddServiceAsync("pricing", "1.0.0");
                await service.AddEndpointAsync<Order>(handler: request => PriceAsync(request), name: "price");
            }
        }
        """);

    [Fact]
    public void MqttPublishAndHandlers() => Verify(nameof(MqttPublishAndHandlers), """
        using System.Threading.Tasks;
        using MessageTrace;
        using MQTTnet;

        namespace Shop;

        public sealed class Orders(IMqttClient client)
        {
            [TracedProducer]
            public async Task PublishAsync(string json)
            {
                var message = new MqttApplicationMessageBuilder().WithTopic("orders").WithPayload(json).Build();
                await client.PublishAsync(message);
                await client.PublishStringAsync("orders/audit", json);
            }

            [TracedHandler]
            public Task HandleAsync(MqttApplicationMessage message) => Task.CompletedTask;

            public void Subscribe() => client.ApplicationMessageReceivedAsync += e => HandleAsync(e.ApplicationMessage);
        }
        """);

    [Fact]
    public void KafkaProduceAndHandlers() => Verify(nameof(KafkaProduceAndHandlers), """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Confluent.Kafka;
        using MessageTrace;

        namespace Shop;

        public sealed class Orders(IProducer<string, string> producer, IProducer<Null, byte[]> raw)
        {
            [TracedProducer]
            public async Task PublishAsync(string id, string json, string region, CancellationToken cancellationToken)
            {
                await producer.ProduceAsync("orders", new Message<string, string> { Key = id, Value = json }, cancellationToken);
                await producer.ProduceAsync($"orders.{region}", new Message<string, string> { Key = id, Value = json });
                await producer.ProduceAsync(new TopicPartition("orders", new Partition(3)), new Message<string, string> { Key = id, Value = null! });
                await raw.ProduceAsync("blobs", new Message<Null, byte[]> { Value = new byte[] { 1 } });
                producer.Produce("orders", new Message<string, string> { Key = id, Value = json }, report => System.Console.WriteLine(report.Offset));
                producer.Produce(new TopicPartition("orders", new Partition(1)), new Message<string, string> { Key = id, Value = json });
            }

            [TracedHandler(ConsumerGroup = "billing")]
            public void Handle(ConsumeResult<string, string> record) { }

            [TracedHandler(ConsumerGroup = "billing")]
            public void HandleBatch(IReadOnlyList<ConsumeResult<string, string>> records) { }

            [TracedHandler(Destination = "orders")]
            public Task HandleMessageAsync(Message<string, string> message) => Task.CompletedTask;

            public async Task PumpAsync(IConsumer<string, string> consumer, CancellationToken cancellationToken)
            {
                var record = consumer.Consume(cancellationToken);
                Handle(record);
                HandleBatch(new[] { record });
                await HandleMessageAsync(record.Message);
            }

            [TracedConsumer(ConsumerGroup = "billing", TraceSettle = true)]
            public void Poll(IConsumer<string, string> consumer)
            {
                var record = consumer.Consume(System.TimeSpan.FromSeconds(1));
                if (record is not null)
                {
                    Handle(record);
                    consumer.StoreOffset(record);
                    consumer.Commit(record);
                }

                _ = consumer.Consume(100);
            }
        }
        """);

    // A call whose key and value types generated code can name gets a non-generic interceptor and the adapter
    // written out for those types; a generic method's call, or one over a private type, keeps the generic
    // ones. Nullable, tuple, array and nested public types are named as the call names them, and a value type
    // that cannot be null (Confluent's MultiProducer and ExactlyOnce examples send Message<Null, int>) still
    // gets a tombstone test that compiles.
    [Fact]
    public void KafkaTypeArgumentsWrittenOutWhereTheyCanBeNamed() => Verify(nameof(KafkaTypeArgumentsWrittenOutWhereTheyCanBeNamed), """
        #nullable enable
        using System.Threading.Tasks;
        using Confluent.Kafka;
        using MessageTrace;

        namespace Shop;

        public sealed class Orders
        {
            public sealed record Order(string Id);

            private sealed record Secret(string Value);

            private readonly IProducer<string, Secret> hidden = null!;

            [TracedProducer]
            public async Task PublishAsync<TKey>(IProducer<TKey, string> generic, TKey key,
                IProducer<string?, Order?> nullable, IProducer<(int Shard, string Id), Order[]> tuples,
                IProducer<Null, int> counts, IProducer<string, long?> totals)
            {
                await counts.ProduceAsync("counts", new Message<Null, int> { Value = 42 });
                counts.Produce(new TopicPartition("counts", 1), new Message<Null, int> { Value = 107 });
                await totals.ProduceAsync("totals", new Message<string, long?> { Key = "k", Value = null });
                await generic.ProduceAsync("orders", new Message<TKey, string> { Key = key, Value = "{}" });
                await hidden.ProduceAsync("secrets", new Message<string, Secret> { Key = "k", Value = new Secret("s") });
                await nullable.ProduceAsync("orders", new Message<string?, Order?> { Key = null, Value = null });
                await tuples.ProduceAsync("batches", new Message<(int Shard, string Id), Order[]> { Key = (1, "a"), Value = [] });
                await nullable.ProduceAsync("orders.audit", new Message<string?, Order?> { Key = "a", Value = new Order("a") });
            }
        }

        #nullable disable
        public sealed class LegacyOrders(IProducer<string, Orders.Order> producer)
        {
            [TracedProducer]
            public Task PublishAsync(Orders.Order order) => producer.ProduceAsync("orders", new Message<string, Orders.Order> { Key = order.Id, Value = order });
        }
        """);

    [Fact]
    public void KafkaClientDocsExamples() => Verify(nameof(KafkaClientDocsExamples), """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Confluent.Kafka;
        using MessageTrace;

        [assembly: MessageTraceDefaults(TraceAllProducers = true)]

        namespace Examples;

        // Confluent.Kafka's README examples, as written there, with a project-wide default for producers.
        public static class ProducerExample
        {
            public static async Task RunAsync(ProducerConfig config)
            {
                using (var p = new ProducerBuilder<Null, string>(config).Build())
                {
                    try
                    {
                        var dr = await p.ProduceAsync("test-topic", new Message<Null, string> { Value = "test" });
                        Console.WriteLine($"Delivered '{dr.Value}' to '{dr.TopicPartitionOffset}'");
                    }
                    catch (ProduceException<Null, string> e)
                    {
                        Console.WriteLine($"Delivery failed: {e.Error.Reason}");
                    }
                }
            }

            public static void Run(ProducerConfig conf)
            {
                Action<DeliveryReport<Null, string>> handler = r =>
                    Console.WriteLine(!r.Error.IsError ? $"Delivered message to {r.TopicPartitionOffset}" : $"Delivery Error: {r.Error.Reason}");
                using (var p = new ProducerBuilder<Null, string>(conf).Build())
                {
                    for (int i = 0; i < 100; ++i)
                    {
                        p.Produce("my-topic", new Message<Null, string> { Value = i.ToString() }, handler);
                    }

                    p.Flush(TimeSpan.FromSeconds(10));
                }
            }
        }

        public static class ConsumerExample
        {
            [TracedConsumer(ConsumerGroup = "test-consumer-group")]
            public static void Run(ConsumerConfig conf, CancellationTokenSource cts)
            {
                using (var c = new ConsumerBuilder<Ignore, string>(conf).Build())
                {
                    c.Subscribe("my-topic");
                    try
                    {
                        while (true)
                        {
                            try
                            {
                                var cr = c.Consume(cts.Token);
                                Console.WriteLine($"Consumed message '{cr.Message.Value}' at: '{cr.TopicPartitionOffset}'.");
                            }
                            catch (ConsumeException e)
                            {
                                Console.WriteLine($"Error occured: {e.Error.Reason}");
                            }
                        }
                    }
                    catch (OperationCanceledException)
                    {
                        c.Close();
                    }
                }
            }
        }
        """);

    [Fact]
    public void UserDefinedCarriers() => Verify(nameof(UserDefinedCarriers), """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using MessageTrace;

        namespace Shop.Bus;

        public sealed class Envelope
        {
            public string Topic { get; init; } = "";
            public string? MessageId { get; init; }
            public byte[] Body { get; init; } = [];

            [MessageHeaders(System = "inhouse")]
            public Dictionary<string, string>? Headers { get; set; }
        }

        public interface IBus
        {
            Task PublishAsync(Envelope envelope);
        }

        public static class RawBus
        {
            public static void Post(string queue, byte[] body, [MessageHeaders] IDictionary<string, object?> headers) { }
        }

        public sealed class Orders(IBus bus)
        {
            [TracedProducer]
            public async Task PublishAsync(byte[] body)
            {
                await bus.PublishAsync(new Envelope { Topic = "orders", Body = body });
                RawBus.Post("audit", body, new Dictionary<string, object?>());
            }

            [TracedHandler(ConsumerGroup = "billing")]
            public Task HandleAsync(Envelope envelope) => Task.CompletedTask;

            [TracedHandler]
            public void HandleRaw(byte[] body, [MessageHeaders] IDictionary<string, object?> headers) { }

            public Task DispatchAsync(Envelope envelope, IDictionary<string, object?> raw)
            {
                HandleRaw(envelope.Body, raw);
                return HandleAsync(envelope);
            }
        }
        """);

    private static void Verify(string testName, string source)
    {
        var run = GeneratorRun.Run(TestCompilation.Create(source));
        run.AssertNoProblems();
        Assert.NotEmpty(run.Sources);
        Baseline.VerifyAll(testName, run.Sources);
    }
}
