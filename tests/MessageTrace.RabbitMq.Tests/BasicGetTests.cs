using System;
using System.Diagnostics;
using System.Threading.Tasks;
using MessageTrace.RabbitMq.Tests.App;
using MessageTrace.RabbitMq.Tests.Infrastructure;
using MessageTrace.Tests.Shared;
using RabbitMQ.Client;
using Xunit;
using static MessageTrace.Tests.Shared.TraceCapture;

namespace MessageTrace.RabbitMq.Tests;

/// <summary>
/// BasicGetAsync inside [TracedConsumer] through a real RabbitMQ node: a pull that returned a message is a
/// receive span linked to the message's send; an empty pull has none. A channel processes its commands in
/// order, so a get after a publish on the same channel finds the message without waiting.
/// </summary>
[Collection(RabbitMqCollection.Name)]
public sealed class BasicGetTests(RabbitMqNode node) : IAsyncLifetime
{
    private readonly string _queue = "orders-" + Guid.NewGuid().ToString("N")[..8];
    private IChannel _channel = null!;

    public async Task InitializeAsync()
    {
        _channel = await node.Connection.CreateChannelAsync();
        await _channel.QueueDeclareAsync(_queue, durable: false, exclusive: true, autoDelete: true);
    }

    public async Task DisposeAsync() => await _channel.DisposeAsync();

    [Fact]
    public async Task A_pulled_message_is_a_receive_span_linked_to_its_send()
    {
        using var capture = new TraceCapture();
        var queue = new OrderQueue(_channel);

        await queue.PublishAsync(_queue, [1, 2, 3]);
        var result = await queue.PollAsync(_queue);

        Assert.NotNull(result);
        Assert.Equal(new byte[] { 1, 2, 3 }, result.Body.ToArray());
        var send = capture.Single("send " + _queue);
        var receive = capture.Single("receive " + _queue);
        Assert.Equal(ActivityKind.Client, receive.Kind);
        Assert.Equal("receive", Tag(receive, "messaging.operation.type"));
        Assert.Equal("audit", Tag(receive, "messaging.consumer.group.name"));
        Assert.Equal(send.SpanId, Assert.Single(receive.Links).Context.SpanId);
    }

    [Fact]
    public async Task An_empty_pull_returns_null_and_has_no_span()
    {
        using var capture = new TraceCapture();

        Assert.Null(await new OrderQueue(_channel).PollAsync(_queue));

        Assert.DoesNotContain(capture.Spans, static s => s.DisplayName.StartsWith("receive", StringComparison.Ordinal));
    }
}
