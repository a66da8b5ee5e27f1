using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Confluent.Kafka;
using MessageTrace;
using OrderPipeline.Domain;

namespace OrderPipeline.Brokers.Kafka;

// The same services on Kafka (Confluent.Kafka): the message headers carry the W3C trace context as bytes.

/// <summary>Places orders: a <c>send orders</c> span per produce, the order id as the message key.</summary>
public sealed class OrderService(IProducer<string, byte[]> producer, PipelineLedger ledger)
{
    [TracedProducer]
    public async Task PlaceAsync(Order order, CancellationToken cancellationToken)
    {
        await producer.ProduceAsync(Topics.Orders, new Message<string, byte[]> { Key = order.Id, Value = Payloads.Serialize(order) }, cancellationToken);
        ledger.OrderPublished();
    }
}

/// <summary>Issues invoices; called from billing's handler, so <c>send invoices</c> is a child of <c>process orders</c>.</summary>
public sealed class InvoicePublisher(IProducer<string, byte[]> producer, PipelineLedger ledger)
{
    [TracedProducer]
    public async Task PublishAsync(Invoice invoice, CancellationToken cancellationToken)
    {
        await producer.ProduceAsync(Topics.Invoices, new Message<string, byte[]> { Key = invoice.OrderId, Value = Payloads.Serialize(invoice) }, cancellationToken);
        ledger.InvoicePublished();
    }
}

/// <summary>Bills each order and publishes its invoice.</summary>
public sealed class Billing(InvoicePublisher invoices)
{
    [TracedHandler(ConsumerGroup = "billing", Destination = Topics.Orders)]
    public async Task HandleAsync(ConsumeResult<string, byte[]> record)
    {
        var order = Payloads.ReadOrder(record.Message.Value);
        var invoice = BillingRules.Bill(order);
        await invoices.PublishAsync(invoice, CancellationToken.None);
    }
}

/// <summary>Ships each invoiced order.</summary>
public sealed class Shipping(PipelineLedger ledger)
{
    [TracedHandler(ConsumerGroup = "shipping", Destination = Topics.Invoices)]
    public Task HandleAsync(ConsumeResult<string, byte[]> record)
    {
        ledger.OrderShipped(Payloads.ReadInvoice(record.Message.Value).OrderId);
        return Task.CompletedTask;
    }
}

/// <summary>Parks an order billing gave up on.</summary>
public sealed class DeadLetters(IProducer<string, byte[]> producer)
{
    [TracedProducer]
    public async Task ParkAsync(ConsumeResult<string, byte[]> failed, Exception error, CancellationToken cancellationToken)
    {
        // The received headers (the order's trace context among them) go along, plus the error.
        var headers = new Headers();
        foreach (var header in failed.Message.Headers ?? [])
        {
            headers.Add(header.Key, header.GetValueBytes());
        }

        headers.Add("x-error", System.Text.Encoding.UTF8.GetBytes(error.Message));
        await producer.ProduceAsync(Topics.OrdersDead, new Message<string, byte[]> { Key = failed.Message.Key, Value = failed.Message.Value, Headers = headers }, cancellationToken);
    }
}

/// <summary>Takes parked orders off <c>orders.dead</c>.</summary>
public sealed class ParkingLot(PipelineLedger ledger)
{
    [TracedHandler(ConsumerGroup = "parking-lot", Destination = Topics.OrdersDead)]
    public Task HandleAsync(ConsumeResult<string, byte[]> record)
    {
        ledger.OrderParked(Payloads.ReadOrder(record.Message.Value).Id);
        return Task.CompletedTask;
    }
}

/// <summary>
/// The pipeline on Kafka with nothing to install: librdkafka's mock cluster, started in this process by
/// its first client, serves the Kafka protocol on a loopback port (topics orders, invoices, orders.dead);
/// the services connect to it as to any broker.
/// </summary>
public sealed class KafkaPipeline(PipelineLedger ledger) : IBrokerPipeline
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<IDisposable> _clients = [];
    private readonly List<Task> _loops = [];
    private IProducer<byte[], byte[]>? _cluster;
    private OrderService? _orderService;

    public string Description { get; private set; } = "librdkafka mock cluster (in process)";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var clusterConfig = new ProducerConfig();
        clusterConfig.Set("test.mock.num.brokers", "1");
        _cluster = new ProducerBuilder<byte[], byte[]>(clusterConfig).Build();
        using var admin = new DependentAdminClientBuilder(_cluster.Handle).Build();
        var broker = admin.GetMetadata(TimeSpan.FromSeconds(10)).Brokers.Single();
        var bootstrap = $"{broker.Host}:{broker.Port}";
        Description = $"librdkafka mock cluster on {bootstrap} (in process)";

        var orders = Producer(bootstrap, "order-service");
        var billingProducer = Producer(bootstrap, "billing");
        _orderService = new OrderService(orders, ledger);
        var billing = new Billing(new InvoicePublisher(billingProducer, ledger));
        var deadLetters = new DeadLetters(billingProducer);
        var shipping = new Shipping(ledger);
        var parkingLot = new ParkingLot(ledger);

        // One consume loop per service, each calling its traced handler.
        Loop(admin, bootstrap, "billing", Topics.Orders, record => DeliveryPolicy.RetryOnceThenParkAsync(
            () => billing.HandleAsync(record),
            error => deadLetters.ParkAsync(record, error, CancellationToken.None),
            ledger));
        Loop(admin, bootstrap, "shipping", Topics.Invoices, record => shipping.HandleAsync(record));
        Loop(admin, bootstrap, "parking-lot", Topics.OrdersDead, record => parkingLot.HandleAsync(record));
        return Task.CompletedTask;
    }

    public Task PlaceOrderAsync(Order order, CancellationToken cancellationToken) =>
        (_orderService ?? throw new InvalidOperationException("not started")).PlaceAsync(order, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        foreach (var loop in _loops)
        {
            try
            {
                await loop;
            }
            catch (OperationCanceledException)
            {
                // Stopped.
            }
        }

        foreach (var client in Enumerable.Reverse(_clients))
        {
            client.Dispose();
        }

        _cluster?.Dispose();
        _stopping.Dispose();
    }

    private IProducer<string, byte[]> Producer(string bootstrap, string name)
    {
        var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = bootstrap, ClientId = "OrderPipeline " + name, LingerMs = 0 }).Build();
        _clients.Add(producer);
        return producer;
    }

    /// <summary>
    /// Reads TOPIC from its beginning in GROUP and hands each record to HANDLE. Asking for the topic's
    /// metadata creates it in the mock cluster, so the consumer is assigned its partitions before any
    /// order is placed (no rebalance to wait for).
    /// </summary>
    private void Loop(IAdminClient admin, string bootstrap, string group, string topic, Func<ConsumeResult<string, byte[]>, Task> handle)
    {
        var partitions = admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics.Single().Partitions;
        var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrap,
            GroupId = group,
            ClientId = "OrderPipeline " + group,
            EnableAutoCommit = false,
        }).Build();
        consumer.Assign(partitions.Select(p => new TopicPartitionOffset(topic, new Partition(p.PartitionId), Offset.Beginning)));
        _clients.Add(consumer);
        var stopping = _stopping.Token;
        _loops.Add(Task.Factory.StartNew(async () =>
        {
            while (!stopping.IsCancellationRequested)
            {
                var record = consumer.Consume(stopping);
                await handle(record);
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap());
    }
}
