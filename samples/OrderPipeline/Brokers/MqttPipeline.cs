using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MessageTrace;
using MQTTnet;
using MQTTnet.Packets;
using MQTTnet.Protocol;
using MQTTnet.Server;
using OrderPipeline.Domain;

namespace OrderPipeline.Brokers.Mqtt;

// The services, as a user writes them: broker calls and two attributes, no tracing code. The MQTT 5
// user properties of each message carry the W3C trace context.

/// <summary>Places orders: each publish in <see cref="PlaceAsync"/> becomes a <c>send orders</c> span.</summary>
public sealed class OrderService(IMqttClient client, PipelineLedger ledger)
{
    [TracedProducer]
    public async Task PlaceAsync(Order order, CancellationToken cancellationToken)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(Topics.Orders)
            .WithPayload(Payloads.Serialize(order))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        var result = await client.PublishAsync(message, cancellationToken);
        MqttPipeline.EnsureDelivered(result, Topics.Orders);
        ledger.OrderPublished();
    }
}

/// <summary>Issues invoices; called from billing's handler, so <c>send invoices</c> is a child of <c>process orders</c>.</summary>
public sealed class InvoicePublisher(IMqttClient client, PipelineLedger ledger)
{
    [TracedProducer]
    public async Task PublishAsync(Invoice invoice, CancellationToken cancellationToken)
    {
        var result = await client.PublishBinaryAsync(Topics.Invoices, Payloads.Serialize(invoice), MqttQualityOfServiceLevel.AtLeastOnce, cancellationToken: cancellationToken);
        MqttPipeline.EnsureDelivered(result, Topics.Invoices);
        ledger.InvoicePublished();
    }
}

/// <summary>Bills each order (a <c>process orders</c> span per call) and publishes its invoice.</summary>
public sealed class Billing(InvoicePublisher invoices)
{
    [TracedHandler(ConsumerGroup = "billing", Destination = Topics.Orders)]
    public async Task HandleAsync(MqttApplicationMessage message)
    {
        var order = Payloads.ReadOrder(message.Payload);
        var invoice = BillingRules.Bill(order); // throws for an invalid amount: the span records the error
        await invoices.PublishAsync(invoice, CancellationToken.None);
    }
}

/// <summary>Ships each invoiced order (a <c>process invoices</c> span per call).</summary>
public sealed class Shipping(PipelineLedger ledger)
{
    [TracedHandler(ConsumerGroup = "shipping", Destination = Topics.Invoices)]
    public Task HandleAsync(MqttApplicationMessageReceivedEventArgs received)
    {
        var invoice = Payloads.ReadInvoice(received.ApplicationMessage.Payload);
        ledger.OrderShipped(invoice.OrderId);
        return Task.CompletedTask;
    }
}

/// <summary>Parks an order billing gave up on: a <c>send orders.dead</c> span.</summary>
public sealed class DeadLetters(IMqttClient client)
{
    [TracedProducer]
    public async Task ParkAsync(MqttApplicationMessage failed, Exception error, CancellationToken cancellationToken)
    {
        var parked = new MqttApplicationMessageBuilder()
            .WithTopic(Topics.OrdersDead)
            .WithPayload(failed.Payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        // The parked message keeps the original user properties, the order's trace context among them:
        // MessageTrace leaves a context it did not write untouched and links the send span to it.
        parked.UserProperties = new List<MqttUserProperty>(failed.UserProperties ?? []) { new("x-error", new ReadOnlyMemory<byte>(Encoding.UTF8.GetBytes(error.Message))) };
        var result = await client.PublishAsync(parked, cancellationToken);
        MqttPipeline.EnsureDelivered(result, Topics.OrdersDead);
    }
}

/// <summary>Takes parked orders off <c>orders.dead</c> (a <c>process orders.dead</c> span per call).</summary>
public sealed class ParkingLot(PipelineLedger ledger)
{
    [TracedHandler(ConsumerGroup = "parking-lot", Destination = Topics.OrdersDead)]
    public Task HandleAsync(MqttApplicationMessage message)
    {
        ledger.OrderParked(Payloads.ReadOrder(message.Payload).Id);
        return Task.CompletedTask;
    }
}

/// <summary>
/// The default pipeline: MQTTnet's MQTT server embedded in this process on a free loopback port, and one
/// MQTT 5 client per service.
/// </summary>
public sealed class MqttPipeline(PipelineLedger ledger) : IBrokerPipeline
{
    private readonly MqttClientFactory _clients = new();
    private readonly List<IMqttClient> _connected = [];
    private MqttServer? _server;
    private int _port;
    private OrderService? _orderService;

    public string Description => $"embedded MQTT server (MQTTnet) on 127.0.0.1:{_port}";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _server = await StartServerAsync();

        // Connected before any span exists: a client's receive loop keeps the execution context of
        // ConnectAsync, so no span may be current here or every handler would run inside it.
        var orders = await ConnectAsync("order-service", cancellationToken);
        var billingClient = await ConnectAsync("billing", cancellationToken);
        var shippingClient = await ConnectAsync("shipping", cancellationToken);
        var parkingClient = await ConnectAsync("parking-lot", cancellationToken);

        _orderService = new OrderService(orders, ledger);
        var billing = new Billing(new InvoicePublisher(billingClient, ledger));
        var deadLetters = new DeadLetters(billingClient);
        var shipping = new Shipping(ledger);
        var parkingLot = new ParkingLot(ledger);

        // Handlers are traced where they are called: call them in a lambda (a method group,
        // `+= shipping.HandleAsync`, would not be traced).
        billingClient.ApplicationMessageReceivedAsync += e => DeliveryPolicy.RetryOnceThenParkAsync(
            () => billing.HandleAsync(e.ApplicationMessage),
            error => deadLetters.ParkAsync(e.ApplicationMessage, error, CancellationToken.None),
            ledger);
        shippingClient.ApplicationMessageReceivedAsync += e => shipping.HandleAsync(e);
        parkingClient.ApplicationMessageReceivedAsync += e => parkingLot.HandleAsync(e.ApplicationMessage);

        await SubscribeAsync(billingClient, Topics.Orders, cancellationToken);
        await SubscribeAsync(shippingClient, Topics.Invoices, cancellationToken);
        await SubscribeAsync(parkingClient, Topics.OrdersDead, cancellationToken);
    }

    public Task PlaceOrderAsync(Order order, CancellationToken cancellationToken) =>
        (_orderService ?? throw new InvalidOperationException("not started")).PlaceAsync(order, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _connected)
        {
            try
            {
                await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build());
            }
            catch (Exception)
            {
                // Already gone: nothing to close.
            }

            client.Dispose();
        }

        if (_server is not null)
        {
            await _server.StopAsync();
            _server.Dispose();
        }
    }

    internal static void EnsureDelivered(MqttClientPublishResult result, string topic)
    {
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"publishing to {topic} failed: {result.ReasonCode} {result.ReasonString}");
        }
    }

    private async Task<MqttServer> StartServerAsync()
    {
        var factory = new MqttServerFactory();
        for (var attempt = 1; ; attempt++)
        {
            _port = FreeLoopbackPort();
            var options = factory.CreateServerOptionsBuilder()
                .WithDefaultEndpoint()
                .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
                .WithDefaultEndpointBoundIPV6Address(IPAddress.None)
                .WithDefaultEndpointPort(_port)
                .Build();
            var server = factory.CreateMqttServer(options);
            try
            {
                await server.StartAsync();
                return server;
            }
            catch (SocketException) when (attempt < 3)
            {
                // Another process took the port between our probe and the bind: try another one.
                server.Dispose();
            }
        }
    }

    private async Task<IMqttClient> ConnectAsync(string clientId, CancellationToken cancellationToken)
    {
        var client = _clients.CreateMqttClient();
        var options = _clients.CreateClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", _port)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithClientId(clientId)
            .WithCleanStart()
            .Build();
        await client.ConnectAsync(options, cancellationToken);
        _connected.Add(client);
        return client;
    }

    private async Task SubscribeAsync(IMqttClient client, string topic, CancellationToken cancellationToken)
    {
        var options = _clients.CreateSubscribeOptionsBuilder()
            .WithTopicFilter(filter => filter.WithTopic(topic).WithAtLeastOnceQoS())
            .Build();
        await client.SubscribeAsync(options, cancellationToken);
    }

    private static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
