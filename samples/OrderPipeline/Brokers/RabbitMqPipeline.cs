using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MessageTrace;
using OrderPipeline.Domain;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace OrderPipeline.Brokers.RabbitMq;

// The same services on RabbitMQ (default exchange, queues orders, invoices, orders.dead): the AMQP
// message headers carry the W3C trace context.

/// <summary>Places orders: a <c>send orders</c> span per publish (confirmed by the broker).</summary>
public sealed class OrderService(IChannel channel, PipelineLedger ledger)
{
    [TracedProducer]
    public async Task PlaceAsync(Order order, CancellationToken cancellationToken)
    {
        var properties = new BasicProperties { MessageId = order.Id, ContentType = "application/json" };
        await channel.BasicPublishAsync("", Topics.Orders, mandatory: true, properties, Payloads.Serialize(order), cancellationToken);
        ledger.OrderPublished();
    }
}

/// <summary>Issues invoices; called from billing's handler, so <c>send invoices</c> is a child of <c>process orders</c>.</summary>
public sealed class InvoicePublisher(IChannel channel, PipelineLedger ledger)
{
    [TracedProducer]
    public async Task PublishAsync(Invoice invoice, CancellationToken cancellationToken)
    {
        var properties = new BasicProperties { MessageId = invoice.Id, ContentType = "application/json" };
        await channel.BasicPublishAsync("", Topics.Invoices, mandatory: true, properties, Payloads.Serialize(invoice), cancellationToken);
        ledger.InvoicePublished();
    }
}

/// <summary>Bills each order and publishes its invoice.</summary>
public sealed class Billing(InvoicePublisher invoices)
{
    [TracedHandler(ConsumerGroup = "billing", Destination = Topics.Orders)]
    public async Task HandleAsync(BasicDeliverEventArgs delivery)
    {
        var order = Payloads.ReadOrder(delivery.Body.Span);
        var invoice = BillingRules.Bill(order);
        await invoices.PublishAsync(invoice, CancellationToken.None);
    }
}

/// <summary>Ships each invoiced order.</summary>
public sealed class Shipping(PipelineLedger ledger)
{
    [TracedHandler(ConsumerGroup = "shipping", Destination = Topics.Invoices)]
    public Task HandleAsync(BasicDeliverEventArgs delivery)
    {
        ledger.OrderShipped(Payloads.ReadInvoice(delivery.Body.Span).OrderId);
        return Task.CompletedTask;
    }
}

/// <summary>Parks an order billing gave up on.</summary>
public sealed class DeadLetters(IChannel channel)
{
    [TracedProducer]
    public async Task ParkAsync(BasicDeliverEventArgs failed, Exception error, CancellationToken cancellationToken)
    {
        // The original headers (the order's trace context among them) travel on, plus the error.
        var headers = new Dictionary<string, object?>(failed.BasicProperties.Headers ?? new Dictionary<string, object?>())
        {
            ["x-error"] = error.Message,
        };
        var properties = new BasicProperties { MessageId = failed.BasicProperties.MessageId, ContentType = "application/json", Headers = headers };
        await channel.BasicPublishAsync("", Topics.OrdersDead, mandatory: true, properties, failed.Body.ToArray(), cancellationToken);
    }
}

/// <summary>Takes parked orders off <c>orders.dead</c>.</summary>
public sealed class ParkingLot(PipelineLedger ledger)
{
    [TracedHandler(ConsumerGroup = "parking-lot", Destination = Topics.OrdersDead)]
    public Task HandleAsync(BasicDeliverEventArgs delivery)
    {
        ledger.OrderParked(Payloads.ReadOrder(delivery.Body.Span).Id);
        return Task.CompletedTask;
    }
}

/// <summary>The pipeline on an external RabbitMQ broker.</summary>
public sealed class RabbitMqPipeline(string uri, PipelineLedger ledger) : IBrokerPipeline
{
    private static readonly CreateChannelOptions s_confirmed = new(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true);
    private readonly List<IChannel> _channels = [];
    private IConnection? _connection;
    private OrderService? _orderService;

    public string Description => $"RabbitMQ broker at {Redacted(uri)}";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = new Uri(uri), ClientProvidedName = "OrderPipeline" };
        _connection = await factory.CreateConnectionAsync(cancellationToken);

        var orders = await OpenAsync(s_confirmed, cancellationToken);
        var billingIn = await OpenAsync(null, cancellationToken);
        var billingOut = await OpenAsync(s_confirmed, cancellationToken);
        var shippingIn = await OpenAsync(null, cancellationToken);
        var parkingIn = await OpenAsync(null, cancellationToken);
        foreach (var queue in new[] { Topics.Orders, Topics.Invoices, Topics.OrdersDead })
        {
            // Non-durable, deleted once the last consumer leaves; emptied of anything a crashed run left.
            await orders.QueueDeclareAsync(queue, durable: false, exclusive: false, autoDelete: true, arguments: null, cancellationToken: cancellationToken);
            await orders.QueuePurgeAsync(queue, cancellationToken);
        }

        _orderService = new OrderService(orders, ledger);
        var billing = new Billing(new InvoicePublisher(billingOut, ledger));
        var deadLetters = new DeadLetters(billingOut);
        var shipping = new Shipping(ledger);
        var parkingLot = new ParkingLot(ledger);

        var billingConsumer = new AsyncEventingBasicConsumer(billingIn);
        billingConsumer.ReceivedAsync += async (_, delivery) =>
        {
            await DeliveryPolicy.RetryOnceThenParkAsync(
                () => billing.HandleAsync(delivery),
                error => deadLetters.ParkAsync(delivery, error, CancellationToken.None),
                ledger);
            await billingIn.BasicAckAsync(delivery.DeliveryTag, multiple: false);
        };
        var shippingConsumer = new AsyncEventingBasicConsumer(shippingIn);
        shippingConsumer.ReceivedAsync += async (_, delivery) =>
        {
            await shipping.HandleAsync(delivery);
            await shippingIn.BasicAckAsync(delivery.DeliveryTag, multiple: false);
        };
        var parkingConsumer = new AsyncEventingBasicConsumer(parkingIn);
        parkingConsumer.ReceivedAsync += async (_, delivery) =>
        {
            await parkingLot.HandleAsync(delivery);
            await parkingIn.BasicAckAsync(delivery.DeliveryTag, multiple: false);
        };

        await billingIn.BasicConsumeAsync(Topics.Orders, autoAck: false, billingConsumer, cancellationToken);
        await shippingIn.BasicConsumeAsync(Topics.Invoices, autoAck: false, shippingConsumer, cancellationToken);
        await parkingIn.BasicConsumeAsync(Topics.OrdersDead, autoAck: false, parkingConsumer, cancellationToken);
    }

    public Task PlaceOrderAsync(Order order, CancellationToken cancellationToken) =>
        (_orderService ?? throw new InvalidOperationException("not started")).PlaceAsync(order, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in _channels)
        {
            await channel.DisposeAsync();
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    private async Task<IChannel> OpenAsync(CreateChannelOptions? options, CancellationToken cancellationToken)
    {
        var channel = await _connection!.CreateChannelAsync(options, cancellationToken);
        _channels.Add(channel);
        return channel;
    }

    private static string Redacted(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var parsed) && parsed.UserInfo.Length > 0
            ? text.Replace(parsed.UserInfo + "@", "***@", StringComparison.Ordinal)
            : text;
}
