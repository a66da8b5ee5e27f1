using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using MessageTrace;
using NATS.Client.Core;
using NATS.Net;
using OrderPipeline.Domain;

namespace OrderPipeline.Brokers.Nats;

// The same services on core NATS: NATS headers carry the W3C trace context.

/// <summary>Places orders: a <c>send orders</c> span per publish.</summary>
public sealed class OrderService(NatsClient client, PipelineLedger ledger)
{
    [TracedProducer]
    public async Task PlaceAsync(Order order, CancellationToken cancellationToken)
    {
        await client.PublishAsync(Topics.Orders, Payloads.Serialize(order), cancellationToken: cancellationToken);
        ledger.OrderPublished();
    }
}

/// <summary>Issues invoices; called from billing's handler, so <c>send invoices</c> is a child of <c>process orders</c>.</summary>
public sealed class InvoicePublisher(NatsClient client, PipelineLedger ledger)
{
    [TracedProducer]
    public async Task PublishAsync(Invoice invoice, CancellationToken cancellationToken)
    {
        await client.PublishAsync(Topics.Invoices, Payloads.Serialize(invoice), cancellationToken: cancellationToken);
        ledger.InvoicePublished();
    }
}

/// <summary>Bills each order and publishes its invoice.</summary>
public sealed class Billing(InvoicePublisher invoices)
{
    [TracedHandler(ConsumerGroup = "billing", Destination = Topics.Orders)]
    public async Task HandleAsync(NatsMsg<byte[]> message)
    {
        var order = Payloads.ReadOrder(message.Data);
        var invoice = BillingRules.Bill(order);
        await invoices.PublishAsync(invoice, CancellationToken.None);
    }
}

/// <summary>Ships each invoiced order.</summary>
public sealed class Shipping(PipelineLedger ledger)
{
    [TracedHandler(ConsumerGroup = "shipping", Destination = Topics.Invoices)]
    public Task HandleAsync(NatsMsg<byte[]> message)
    {
        ledger.OrderShipped(Payloads.ReadInvoice(message.Data).OrderId);
        return Task.CompletedTask;
    }
}

/// <summary>Parks an order billing gave up on.</summary>
public sealed class DeadLetters(NatsClient client)
{
    [TracedProducer]
    public async Task ParkAsync(NatsMsg<byte[]> failed, Exception error, CancellationToken cancellationToken)
    {
        // Received headers are read-only: copy them (the order's trace context among them) and add the error.
        var headers = new NatsHeaders();
        foreach (var (name, values) in failed.Headers ?? [])
        {
            headers[name] = values;
        }

        headers["x-error"] = error.Message;
        await client.PublishAsync(Topics.OrdersDead, failed.Data, headers: headers, cancellationToken: cancellationToken);
    }
}

/// <summary>Takes parked orders off <c>orders.dead</c>.</summary>
public sealed class ParkingLot(PipelineLedger ledger)
{
    [TracedHandler(ConsumerGroup = "parking-lot", Destination = Topics.OrdersDead)]
    public Task HandleAsync(NatsMsg<byte[]> message)
    {
        ledger.OrderParked(Payloads.ReadOrder(message.Data).Id);
        return Task.CompletedTask;
    }
}

/// <summary>The pipeline on an external NATS server (core NATS subjects orders, invoices, orders.dead).</summary>
public sealed class NatsPipeline(string url, PipelineLedger ledger) : IBrokerPipeline
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<NatsClient> _clients = [];
    private readonly List<INatsSub<byte[]>> _subscriptions = [];
    private readonly List<Task> _loops = [];
    private OrderService? _orderService;

    public string Description => $"NATS server at {url}";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var orders = await ConnectAsync("order-service");
        var billingClient = await ConnectAsync("billing");
        var shippingClient = await ConnectAsync("shipping");
        var parkingClient = await ConnectAsync("parking-lot");

        _orderService = new OrderService(orders, ledger);
        var billing = new Billing(new InvoicePublisher(billingClient, ledger));
        var deadLetters = new DeadLetters(billingClient);
        var shipping = new Shipping(ledger);
        var parkingLot = new ParkingLot(ledger);

        var stopping = _stopping.Token;
        var orderMessages = await SubscribeAsync(billingClient, Topics.Orders, cancellationToken);
        var invoiceMessages = await SubscribeAsync(shippingClient, Topics.Invoices, cancellationToken);
        var parkedMessages = await SubscribeAsync(parkingClient, Topics.OrdersDead, cancellationToken);

        // One receive loop per service, each calling its traced handler.
        _loops.Add(Task.Run(async () =>
        {
            await foreach (var message in orderMessages.Msgs.ReadAllAsync(stopping))
            {
                await DeliveryPolicy.RetryOnceThenParkAsync(
                    () => billing.HandleAsync(message),
                    error => deadLetters.ParkAsync(message, error, CancellationToken.None),
                    ledger);
            }
        }, CancellationToken.None));
        _loops.Add(Task.Run(async () =>
        {
            await foreach (var message in invoiceMessages.Msgs.ReadAllAsync(stopping))
            {
                await shipping.HandleAsync(message);
            }
        }, CancellationToken.None));
        _loops.Add(Task.Run(async () =>
        {
            await foreach (var message in parkedMessages.Msgs.ReadAllAsync(stopping))
            {
                await parkingLot.HandleAsync(message);
            }
        }, CancellationToken.None));
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

        foreach (var subscription in _subscriptions)
        {
            await subscription.DisposeAsync();
        }

        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }

        _stopping.Dispose();
    }

    private async Task<NatsClient> ConnectAsync(string name)
    {
        var client = new NatsClient(new NatsOpts
        {
            Url = url,
            Name = "OrderPipeline " + name,
            // A slow consumer waits instead of dropping messages (the default drops the newest).
            SubPendingChannelFullMode = BoundedChannelFullMode.Wait,
        });
        _clients.Add(client);
        await client.ConnectAsync();
        return client;
    }

    private async Task<INatsSub<byte[]>> SubscribeAsync(NatsClient client, string subject, CancellationToken cancellationToken)
    {
        var subscription = await client.Connection.SubscribeCoreAsync<byte[]>(subject, cancellationToken: cancellationToken);
        _subscriptions.Add(subscription);
        // The server answers a PING only after it has processed the SUB sent before it.
        await client.PingAsync(cancellationToken);
        return subscription;
    }
}
