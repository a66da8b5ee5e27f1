using System;
using System.Diagnostics;
using System.Threading.Tasks;
using MessageTrace.Nats.Tests.App;
using MessageTrace.Nats.Tests.Infrastructure;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;
using NATS.Net;
using Xunit;
using MessageTrace.Tests.Shared;
using static MessageTrace.Tests.Shared.TraceCapture;

namespace MessageTrace.Nats.Tests;

/// <summary>
/// JetStream's PublishAsync and TryPublishAsync inside [TracedProducer], and [TracedHandler] methods taking
/// the messages a stream consumer hands out, through a real NATS server with JetStream: one trace from
/// the publish to the processing, the context stored with the message.
/// </summary>
[Collection(NatsCollection.Name)]
public sealed class JetStreamTests(NatsServer server) : IAsyncLifetime
{
    private readonly string _name = "orders" + Guid.NewGuid().ToString("N")[..8];
    private INatsJSContext _js = null!;

    private string Subject => _name + ".new";

    public async Task InitializeAsync()
    {
        _js = server.Client.CreateJetStreamContext();
        await _js.CreateStreamAsync(new StreamConfig(_name, [_name + ".>"]));
    }

    public async Task DisposeAsync() => await _js.DeleteStreamAsync(_name);

    [Fact]
    public async Task A_stored_message_carries_its_publish_span_context_to_the_process_span()
    {
        using var capture = new TraceCapture();
        var ack = await new OrderStore(_js).StoreAsync(Subject, "{\"total\":42}", "order-17");
        var consumer = await _js.CreateOrUpdateConsumerAsync(_name, new ConsumerConfig("billing"));
        var processor = new OrderProcessor();

        var message = await consumer.NextAsync<string>();
        Assert.NotNull(message);
        await processor.ProcessAsync(message);

        Assert.Equal(_name, ack.Stream);
        var send = capture.Single("send " + Subject);
        Assert.Equal(ActivityKind.Producer, send.Kind);
        Assert.Equal(send.Id, message.Headers?["traceparent"].ToString());

        var process = capture.Single("process " + Subject);
        Assert.Equal(ActivityKind.Consumer, process.Kind);
        Assert.Equal(send.TraceId, process.TraceId);
        Assert.Equal(send.SpanId, process.ParentSpanId);
        Assert.Equal("order-17", Tag(process, "messaging.message.id"));
        Assert.Equal("billing", Tag(process, "messaging.consumer.group.name"));
        Assert.Same(process, Assert.Single(processor.Seen));
    }

    [Fact]
    public async Task A_pull_of_one_message_is_a_receive_span_linked_to_its_publish()
    {
        using var capture = new TraceCapture();
        await new OrderStore(_js).StoreAsync(Subject, "{}", "order-18");
        var consumer = await _js.CreateOrUpdateConsumerAsync(_name, new ConsumerConfig("billing"));

        var message = await new OrderPuller(consumer).NextAsync();

        Assert.NotNull(message);
        var send = capture.Single("send " + Subject);
        var receive = capture.Single("receive " + Subject);
        Assert.Equal(ActivityKind.Client, receive.Kind);
        Assert.Equal("billing", Tag(receive, "messaging.consumer.group.name"));
        Assert.Equal(send.SpanId, Assert.Single(receive.Links).Context.SpanId);
        await message.AckAsync();
    }

    [Fact]
    public async Task A_message_handled_as_the_struct_is_traced_like_one_handled_as_the_interface()
    {
        using var capture = new TraceCapture();
        Assert.True(await new OrderStore(_js).TryStoreAsync(Subject, "{}"));
        var consumer = await _js.CreateOrUpdateConsumerAsync(_name, new ConsumerConfig("billing"));
        var processor = new OrderProcessor();

        var message = Assert.IsType<NatsJSMsg<string>>(await consumer.NextAsync<string>());
        await processor.Process(message);

        var send = capture.Single("send " + Subject);
        var process = capture.Single("process " + Subject);
        Assert.Equal(send.SpanId, process.ParentSpanId);
        Assert.Null(Tag(process, "messaging.message.id")); // published without a MsgId
        Assert.Same(process, Assert.Single(processor.Seen));
    }
}
