using System;
using System.Diagnostics;
using System.Threading.Tasks;
using MessageTrace.RocketMq.Tests.Infrastructure;
using MessageTrace.RocketMq.Tests.Producers;
using Org.Apache.Rocketmq.Error;
using Org.Apache.Rocketmq.Testing;
using Xunit;
using static MessageTrace.RocketMq.Tests.ProducerTests.ProducerKit;

namespace MessageTrace.RocketMq.Tests.ProducerTests;

/// <summary>The send span is current only during the client call: it never leaks into the caller.</summary>
[Collection(TracingCollection.Name)]
public sealed class ActivityCurrentTests
{
    [Fact]
    public async Task Ambient_span_is_current_again_right_after_a_synchronously_completed_send()
    {
        using var capture = new TraceCapture();
        var producer = await NewProducerAsync();
        using var ambient = TraceCapture.TestSource.StartActivity("ambient")!;

        var send = new OrderPublisher(producer).Forward(NewMessage());

        Assert.True(send.IsCompletedSuccessfully);
        Assert.Same(ambient, Activity.Current);
        await send;
        Assert.Same(ambient, Activity.Current);
        Assert.Equal(ambient.SpanId, SingleSend(capture).ParentSpanId);
    }

    [Fact]
    public async Task Ambient_span_is_current_while_an_asynchronous_send_is_in_flight_and_after_it()
    {
        using var capture = new TraceCapture();
        var producer = await NewProducerAsync();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        producer.EnqueueSendBehaviorForTest(OperationBehavior.WaitFor(gate.Task));
        using var ambient = TraceCapture.TestSource.StartActivity("ambient")!;

        var send = new OrderPublisher(producer).Forward(NewMessage());

        Assert.False(send.IsCompleted);
        Assert.Same(ambient, Activity.Current);
        gate.SetResult();
        await send;
        Assert.Same(ambient, Activity.Current);
        Assert.Equal(ambient.SpanId, SingleSend(capture).ParentSpanId);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task No_current_span_after_a_send_made_without_one(bool asynchronously)
    {
        using var capture = new TraceCapture();
        var producer = await NewProducerAsync();
        Activity.Current = null;
        if (asynchronously)
        {
            producer.EnqueueSendBehaviorForTest(OperationBehavior.Yield());
        }

        var send = new OrderPublisher(producer).Forward(NewMessage());
        Assert.Null(Activity.Current);
        await send;

        Assert.Null(Activity.Current);
        Assert.Single(capture.Spans);
    }

    [Fact]
    public async Task Ambient_span_is_current_after_awaiting_inside_user_async_code()
    {
        using var capture = new TraceCapture();
        var producer = await NewProducerAsync();
        producer.EnqueueSendBehaviorForTest(OperationBehavior.Yield());
        producer.EnqueueSendBehaviorForTest(OperationBehavior.Yield());
        using var ambient = TraceCapture.TestSource.StartActivity("ambient")!;
        var publisher = new OrderPublisher(producer);

        await publisher.PublishAsync(NewMessage());
        Assert.Same(ambient, Activity.Current);
        await publisher.PublishConfigureAwaitFalseAsync(NewMessage());
        Assert.Same(ambient, Activity.Current);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Ambient_span_is_current_after_a_failed_send(bool asynchronously)
    {
        using var capture = new TraceCapture();
        var producer = await NewProducerAsync();
        producer.EnqueueSendBehaviorForTest(OperationBehavior.Fail(new InternalErrorException("boom"), asynchronously));
        using var ambient = TraceCapture.TestSource.StartActivity("ambient")!;

        var send = new OrderPublisher(producer).Forward(NewMessage());
        Assert.Same(ambient, Activity.Current);
        await Assert.ThrowsAsync<InternalErrorException>(() => send);

        Assert.Same(ambient, Activity.Current);
    }

    [Fact]
    public void Sending_from_a_synchronous_caller_leaves_its_current_span_in_place()
    {
        using var capture = new TraceCapture();
        var producer = NewProducer();
        var before = Activity.Current;
        using var ambient = TraceCapture.TestSource.StartActivity("ambient")!;
        var publisher = new OrderPublisher(producer);

        publisher.FireAndForget(NewMessage());
        Assert.Same(ambient, Activity.Current);
        var send = publisher.Forward(NewMessage());
        Assert.True(send.IsCompletedSuccessfully);
        Assert.Same(ambient, Activity.Current);

        ambient.Stop();
        Assert.Same(before, Activity.Current);
    }
}
