using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using MessageTrace.RocketMq.Tests.Handlers;
using MessageTrace.RocketMq.Tests.Infrastructure;
using Org.Apache.Rocketmq;
using Xunit;

namespace MessageTrace.RocketMq.Tests.HandlerTests;

/// <summary>
/// The process span is Activity.Current while the handler body runs, so work done there (sends
/// included) hangs under it; the caller's current span is restored afterwards in every case.
/// </summary>
[Collection(TracingCollection.Name)]
public sealed class CurrentSpanTests
{
    [Fact]
    public void The_process_span_is_current_inside_a_sync_handler_and_the_caller_has_nothing_current_after()
    {
        using var capture = new TraceCapture();
        var handler = new BillingHandler();
        Assert.Null(Activity.Current);

        handler.Handle(TestMessages.WithContext(TestMessages.RandomContext()));

        var span = capture.SingleProcess();
        Assert.Same(span, Assert.Single(handler.Probe.Seen).Current);
        Assert.Null(Activity.Current);
    }

    [Fact]
    public void The_ambient_span_is_current_again_after_a_sync_handler()
    {
        using var capture = new TraceCapture();
        var handler = new CreationParentHandler();
        using var ambient = TraceCapture.TestSource.StartActivity("ambient");
        Assert.NotNull(ambient);

        handler.Handle(TestMessages.WithContext(TestMessages.RandomContext()));

        Assert.Same(capture.SingleProcess(), Assert.Single(handler.Probe.Seen).Current);
        Assert.Same(ambient, Activity.Current);
    }

    [Fact]
    public void The_ambient_span_is_current_again_after_a_sync_handler_throws()
    {
        using var capture = new TraceCapture();
        var handler = new CreationParentHandler { Outcome = static _ => throw new InvalidOperationException("boom") };
        using var ambient = TraceCapture.TestSource.StartActivity("ambient");
        Assert.NotNull(ambient);

        Assert.Throws<InvalidOperationException>(() => handler.Handle(TestMessages.WithContext(TestMessages.RandomContext())));

        Assert.Same(capture.SingleProcess(), Assert.Single(handler.Probe.Seen).Current);
        Assert.Same(ambient, Activity.Current);
    }

    [Fact]
    public void Nothing_is_current_after_a_sync_handler_throws_without_ambient()
    {
        using var capture = new TraceCapture();
        var handler = new BillingHandler { Outcome = static _ => throw new InvalidOperationException("boom") };

        Assert.Throws<InvalidOperationException>(() => handler.Handle(TestMessages.WithContext(TestMessages.RandomContext())));

        Assert.Null(Activity.Current);
        Assert.True(capture.SingleProcess().IsStopped);
    }

    [Fact]
    public async Task The_process_span_is_current_inside_an_async_handler_and_restored_as_soon_as_it_returns_a_task()
    {
        using var capture = new TraceCapture();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new AsyncBillingHandler { Gate = gate.Task };
        using var ambient = TraceCapture.TestSource.StartActivity("ambient");
        Assert.NotNull(ambient);

        var task = handler.HandleUnderCreationParentAsync(TestMessages.WithContext(TestMessages.RandomContext()));
        Assert.Same(ambient, Activity.Current);
        Assert.False(task.IsCompleted);
        Assert.Empty(capture.Process());

        gate.SetResult();
        await task;

        var span = capture.SingleProcess();
        Assert.Same(span, Assert.Single(handler.Probe.Seen).Current);
        Assert.Same(ambient, Activity.Current);
    }

    [Fact]
    public async Task The_ambient_span_is_current_again_after_an_async_handler_faults()
    {
        using var capture = new TraceCapture();
        var handler = new AsyncBillingHandler { Outcome = static _ => throw new InvalidOperationException("boom") };
        using var ambient = TraceCapture.TestSource.StartActivity("ambient");
        Assert.NotNull(ambient);

        var task = handler.HandleUnderCreationParentAsync(TestMessages.WithContext(TestMessages.RandomContext()));
        Assert.Same(ambient, Activity.Current);
        await Assert.ThrowsAsync<InvalidOperationException>(() => task);

        Assert.Same(ambient, Activity.Current);
        Assert.Same(capture.SingleProcess(), Assert.Single(handler.Probe.Seen).Current);
    }

    [Fact]
    public void The_ambient_span_is_current_again_after_a_task_returning_handler_throws_synchronously()
    {
        using var capture = new TraceCapture();
        var handler = new AsyncBillingHandler { Outcome = static _ => throw new InvalidOperationException("boom") };
        using var ambient = TraceCapture.TestSource.StartActivity("ambient");
        Assert.NotNull(ambient);

        Assert.Throws<InvalidOperationException>(() => { _ = handler.HandleThrowingSynchronously(TestMessages.WithContext(TestMessages.RandomContext())); });

        Assert.Same(ambient, Activity.Current);
        var span = capture.SingleProcess();
        Assert.True(span.IsStopped);
        Assert.Equal(typeof(InvalidOperationException).FullName, Spans.Tag(span, "error.type"));
    }

    [Fact]
    public async Task The_process_span_ends_when_the_async_handler_completes_not_when_it_returns_a_task()
    {
        using var capture = new TraceCapture();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new AsyncBillingHandler { Gate = gate.Task };

        var task = handler.HandleAsync(TestMessages.WithContext(TestMessages.RandomContext()));
        Assert.Empty(capture.Process());
        gate.SetResult();
        Assert.Equal(ConsumeResult.SUCCESS, await task);

        var span = capture.SingleProcess();
        Assert.True(span.IsStopped);
        Assert.Same(span, Assert.Single(handler.Probe.Seen).Current);
        Assert.Null(Activity.Current);
    }

    [Fact]
    public async Task A_send_inside_an_async_handler_is_a_child_of_the_process_span_and_carries_its_context_on()
    {
        using var capture = new TraceCapture();
        await using var producer = await TestClients.ProducerAsync();
        var handler = new ShipmentHandler(new ShipmentPublisher(producer));
        var creation = TestMessages.RandomContext();

        Assert.Equal(ConsumeResult.SUCCESS, await handler.HandleAsync(TestMessages.WithContext(creation)));

        var process = capture.SingleProcess();
        var send = Assert.Single(capture.OfType("send"));
        Assert.Equal("send shipments", send.DisplayName);
        Spans.AssertChildOf(send, process.Context);
        Spans.AssertChildOf(process, creation);
        var sent = Assert.Single(producer.SentMessagesForTest);
        Assert.Equal(TestMessages.TraceParent(send.Context), sent.Properties!["traceparent"]);
        Assert.Null(Activity.Current);
    }

    [Fact]
    public async Task A_send_inside_a_sync_handler_is_a_child_of_the_process_span()
    {
        using var capture = new TraceCapture();
        await using var producer = await TestClients.ProducerAsync();
        var handler = new ShipmentHandler(new ShipmentPublisher(producer));

        handler.Handle(TestMessages.WithContext(TestMessages.RandomContext()));

        var process = capture.SingleProcess();
        var send = Assert.Single(capture.OfType("send"));
        Spans.AssertChildOf(send, process.Context);
        Assert.Same(process, Assert.Single(handler.Probe.Seen).Current);
    }

    [Fact]
    public async Task A_message_sent_by_a_traced_producer_is_processed_in_the_producers_trace()
    {
        using var capture = new TraceCapture();
        await using var producer = await TestClients.ProducerAsync();
        var publisher = new ShipmentPublisher(producer);
        using (var root = TraceCapture.TestSource.StartActivity("checkout"))
        {
            Assert.NotNull(root);
            await publisher.PublishAsync("orders", TestMessages.Body, "created");
        }

        var send = Assert.Single(capture.OfType("send"));
        var received = Assert.Single(producer.SentMessagesForTest).ToMessageView();
        var handler = new BillingHandler();

        handler.Handle(received);

        var process = capture.SingleProcess();
        Spans.AssertChildOf(process, send.Context);
        Spans.AssertLinks(process, send.Context);
        Assert.Equal(received.MessageId, Spans.Tag(process, "messaging.message.id"));
        Assert.Equal(producer.SentMessagesForTest[0].Receipt!.MessageId, received.MessageId);
    }
}
