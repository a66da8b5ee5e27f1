using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using MessageTrace.RocketMq.Tests.Handlers;
using MessageTrace.RocketMq.Tests.Infrastructure;
using Org.Apache.Rocketmq;
using Org.Apache.Rocketmq.Testing;
using Xunit;

namespace MessageTrace.RocketMq.Tests.HandlerTests;

/// <summary>
/// SimpleConsumer.Receive inside a [TracedConsumer]: a receive span (kind Client) per pull that returned
/// messages, linked to each one; acknowledgements traced only when TraceSettle is on.
/// </summary>
[Collection(TracingCollection.Name)]
public sealed class PullConsumerTests
{
    [Fact]
    public async Task A_receive_that_returns_messages_gets_a_client_span_linked_to_each_message()
    {
        using var capture = new TraceCapture();
        await using var consumer = await TestClients.SimpleConsumerAsync();
        var poller = new InventoryPoller(consumer, new BillingHandler());
        var contexts = Enumerable.Range(0, 3).Select(_ => TestMessages.RandomContext()).ToArray();
        var batch = contexts.Select(c => TestMessages.WithContext(c)).ToArray();
        consumer.EnqueueReceiveBatchForTest(batch);

        var received = await poller.PollOnceAsync();

        Assert.Equal(batch, received);
        var receive = Assert.Single(capture.OfType("receive"));
        Assert.Equal("receive orders", receive.DisplayName);
        Assert.Equal(ActivityKind.Client, receive.Kind);
        Assert.Equal("rocketmq", Spans.Tag(receive, "messaging.system"));
        Assert.Equal("receive", Spans.Tag(receive, "messaging.operation.name"));
        Assert.Equal("orders", Spans.Tag(receive, "messaging.destination.name"));
        Assert.Equal("inventory", Spans.Tag(receive, "messaging.consumer.group.name"));
        Assert.Equal("shop", Spans.Tag(receive, "messaging.rocketmq.namespace"));
        Assert.Equal(3, Spans.Tag(receive, "messaging.batch.message_count"));
        Spans.AssertLinks(receive, contexts);
        for (int i = 0; i < batch.Length; i++)
        {
            Assert.Equal(batch[i].MessageId, receive.Links.ElementAt(i).Tags!.Single(t => t.Key == "messaging.message.id").Value);
        }

        Spans.AssertRoot(receive, contexts.Select(c => c.TraceId).ToArray());
        Assert.Null(Activity.Current);
    }

    [Fact]
    public async Task The_receive_span_is_a_child_of_the_ambient_span_and_covers_the_pull()
    {
        using var capture = new TraceCapture();
        await using var consumer = await TestClients.SimpleConsumerAsync();
        var poller = new InventoryPoller(consumer, new BillingHandler());
        consumer.EnqueueReceiveBatchForTest(TestMessages.WithContext(TestMessages.RandomContext()));
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        consumer.EnqueueReceiveBehaviorForTest(OperationBehavior.WaitFor(gate.Task));
        using var ambient = TraceCapture.TestSource.StartActivity("poll-loop");
        Assert.NotNull(ambient);

        var poll = poller.PollOnceAsync();
        Assert.Same(ambient, Activity.Current);
        gate.SetResult();
        await poll;

        var receive = Assert.Single(capture.OfType("receive"));
        Spans.AssertChildOf(receive, ambient!.Context);
        Assert.Same(ambient, Activity.Current);
    }

    [Fact]
    public async Task An_empty_receive_gets_no_span()
    {
        using var capture = new TraceCapture();
        await using var consumer = await TestClients.SimpleConsumerAsync();
        var poller = new InventoryPoller(consumer, new BillingHandler());

        var received = await poller.PollOnceAsync();

        Assert.Empty(received);
        Assert.Single(consumer.ReceiveCallsForTest);
        Assert.Empty(capture.Spans);
    }

    [Fact]
    public async Task An_explicitly_empty_batch_gets_no_span()
    {
        using var capture = new TraceCapture();
        await using var consumer = await TestClients.SimpleConsumerAsync();
        var poller = new InventoryPoller(consumer, new BillingHandler());
        consumer.EnqueueReceiveBatchForTest(Array.Empty<MessageView>());

        Assert.Empty(await poller.PollAndSettleAsync());

        Assert.Empty(capture.Spans);
    }

    [Fact]
    public async Task A_receive_outside_a_traced_consumer_gets_no_span()
    {
        using var capture = new TraceCapture();
        await using var consumer = await TestClients.SimpleConsumerAsync();
        var poller = new InventoryPoller(consumer, new BillingHandler());
        consumer.EnqueueReceiveBatchForTest(TestMessages.WithContext(TestMessages.RandomContext()));

        Assert.Single(await poller.ReceiveUntracedAsync());

        Assert.Empty(capture.Spans);
    }

    [Fact]
    public async Task A_failed_receive_is_an_error_span_and_the_exception_reaches_the_caller()
    {
        using var capture = new TraceCapture();
        await using var consumer = await TestClients.SimpleConsumerAsync();
        var poller = new InventoryPoller(consumer, new BillingHandler());
        var failure = new Org.Apache.Rocketmq.Error.ProxyTimeoutException(40800, "proxy timeout");
        consumer.EnqueueReceiveBehaviorForTest(OperationBehavior.Fail(failure, asynchronously: true));

        var caught = await Assert.ThrowsAsync<Org.Apache.Rocketmq.Error.ProxyTimeoutException>(() => poller.PollOnceAsync());

        Assert.Same(failure, caught);
        var receive = Assert.Single(capture.OfType("receive"));
        Assert.Equal(ActivityStatusCode.Error, receive.Status);
        Assert.Equal(typeof(Org.Apache.Rocketmq.Error.ProxyTimeoutException).FullName, Spans.Tag(receive, "error.type"));
        Assert.Equal(ActivityKind.Client, receive.Kind);
    }

    [Fact]
    public async Task Messages_handled_in_the_receive_loop_lambda_get_process_spans_in_their_own_traces()
    {
        using var capture = new TraceCapture();
        await using var consumer = await TestClients.SimpleConsumerAsync();
        var handler = new BillingHandler();
        var poller = new InventoryPoller(consumer, handler);
        var contexts = Enumerable.Range(0, 2).Select(_ => TestMessages.RandomContext()).ToArray();
        consumer.EnqueueReceiveBatchForTest(contexts.Select(c => TestMessages.WithContext(c)).ToArray());

        await poller.PollOnceAsync();

        var process = capture.Process();
        Assert.Equal(2, process.Count);
        for (int i = 0; i < contexts.Length; i++)
        {
            Spans.AssertChildOf(process[i], contexts[i]);
        }

        Assert.Equal(2, handler.Probe.Seen.Count);
    }

    [Fact]
    public async Task Ack_is_not_traced_without_TraceSettle()
    {
        using var capture = new TraceCapture();
        await using var consumer = await TestClients.SimpleConsumerAsync();
        var poller = new InventoryPoller(consumer, new BillingHandler());
        consumer.EnqueueReceiveBatchForTest(TestMessages.WithContext(TestMessages.RandomContext()));

        await poller.PollOnceAsync();

        Assert.Single(consumer.AckedMessagesForTest);
        Assert.Empty(capture.OfType("settle"));
        Assert.DoesNotContain(capture.Spans, s => s.DisplayName.StartsWith("ack", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ack_gets_a_settle_span_with_TraceSettle()
    {
        using var capture = new TraceCapture();
        await using var consumer = await TestClients.SimpleConsumerAsync();
        var poller = new InventoryPoller(consumer, new BillingHandler());
        var creation = TestMessages.RandomContext();
        var message = TestMessages.WithContext(creation);
        consumer.EnqueueReceiveBatchForTest(message);

        await poller.PollAndSettleAsync();

        Assert.Same(message, Assert.Single(consumer.AckedMessagesForTest));
        var settle = Assert.Single(capture.OfType("settle"));
        Assert.Equal("ack orders", settle.DisplayName);
        Assert.Equal(ActivityKind.Client, settle.Kind);
        Assert.Equal("ack", Spans.Tag(settle, "messaging.operation.name"));
        Assert.Equal("rocketmq", Spans.Tag(settle, "messaging.system"));
        Assert.Equal("inventory", Spans.Tag(settle, "messaging.consumer.group.name"));
        Assert.Equal(message.MessageId, Spans.Tag(settle, "messaging.message.id"));
        Spans.AssertLinks(settle, creation);
        Assert.Single(capture.OfType("receive"));
        Assert.Null(Activity.Current);
    }

    [Fact]
    public async Task A_failed_ack_is_an_error_settle_span_and_the_exception_reaches_the_caller()
    {
        using var capture = new TraceCapture();
        await using var consumer = await TestClients.SimpleConsumerAsync();
        var poller = new InventoryPoller(consumer, new BillingHandler());
        consumer.EnqueueReceiveBatchForTest(TestMessages.WithContext(TestMessages.RandomContext()));
        var failure = new Org.Apache.Rocketmq.Error.BadRequestException(40000, "invalid receipt handle");
        consumer.EnqueueAckBehaviorForTest(OperationBehavior.Fail(failure, asynchronously: true));

        var caught = await Assert.ThrowsAsync<Org.Apache.Rocketmq.Error.BadRequestException>(() => poller.PollAndSettleAsync());

        Assert.Same(failure, caught);
        var settle = Assert.Single(capture.OfType("settle"));
        Assert.Equal(ActivityStatusCode.Error, settle.Status);
        Assert.Equal(typeof(Org.Apache.Rocketmq.Error.BadRequestException).FullName, Spans.Tag(settle, "error.type"));
    }
}
