using System;
using System.Diagnostics;
using System.Threading.Tasks;
using MessageTrace.RocketMq.Tests.Handlers;
using MessageTrace.RocketMq.Tests.Infrastructure;
using Org.Apache.Rocketmq;
using Xunit;

namespace MessageTrace.RocketMq.Tests.HandlerTests;

/// <summary>
/// A push consumer whose listener's Consume is a [TracedHandler]: registering it is intercepted and the
/// client calls a traced decorator, on the caller's thread or on its own consumption threads.
/// </summary>
[Collection(TracingCollection.Name)]
public sealed class PushConsumerTests
{
    [Fact]
    public async Task The_registered_listener_is_wrapped_and_still_called()
    {
        var listener = new BillingListener();
        await using var consumer = await BillingConsumerHost.StartAsync(TestClients.Config(), listener);

        Assert.NotSame(listener, consumer.MessageListenerForTest);
        var message = TestMessages.WithContext(TestMessages.RandomContext());
        Assert.Equal(ConsumeResult.SUCCESS, consumer.DeliverForTest(message));
        Assert.Same(message, Assert.Single(listener.Probe.Seen).Argument);
    }

    [Fact]
    public async Task A_delivery_on_the_callers_thread_gets_a_process_span()
    {
        using var capture = new TraceCapture();
        var listener = new BillingListener();
        await using var consumer = await BillingConsumerHost.StartAsync(TestClients.Config(), listener);
        var creation = TestMessages.RandomContext();
        var message = TestMessages.WithContext(creation, deliveryAttempt: 2);

        Assert.Equal(ConsumeResult.SUCCESS, consumer.DeliverForTest(message));

        var span = capture.SingleProcess();
        Assert.Equal("process orders", span.DisplayName);
        Assert.Equal(ActivityKind.Consumer, span.Kind);
        Assert.Equal("billing", Spans.Tag(span, "messaging.consumer.group.name"));
        Assert.Equal("shop", Spans.Tag(span, "messaging.rocketmq.namespace"));
        Assert.Equal(message.MessageId, Spans.Tag(span, "messaging.message.id"));
        Assert.Equal(2, Spans.Tag(span, "messaging.rocketmq.message.delivery_attempt"));
        Spans.AssertChildOf(span, creation);
        Spans.AssertLinks(span, creation);
        var seen = Assert.Single(listener.Probe.Seen);
        Assert.Same(message, seen.Argument);
        Assert.Same(span, seen.Current);
        Assert.Null(Activity.Current);
    }

    [Fact]
    public async Task A_delivery_on_a_consumption_thread_gets_a_process_span_parented_on_the_creation_context()
    {
        using var capture = new TraceCapture();
        var listener = new BillingListener();
        await using var consumer = await BillingConsumerHost.StartAsync(TestClients.Config(), listener);
        var creation = TestMessages.RandomContext();
        var message = TestMessages.WithContext(creation, baggage: "tenant=acme");

        // A span current here must not matter: the client calls the listener in its own context.
        ConsumeResult result;
        using (TraceCapture.TestSource.StartActivity("unrelated"))
        {
            result = await consumer.DeliverOnConsumptionThreadForTest(message);
        }

        Assert.Equal(ConsumeResult.SUCCESS, result);
        var span = capture.SingleProcess();
        Spans.AssertChildOf(span, creation);
        Spans.AssertLinks(span, creation);
        var seen = Assert.Single(listener.Probe.Seen);
        Assert.Same(message, seen.Argument);
        Assert.Same(span, seen.Current);
        Assert.Equal("acme", seen.Baggage["tenant"]);
    }

    [Fact]
    public async Task Many_deliveries_on_consumption_threads_each_get_their_own_span_in_their_own_trace()
    {
        using var capture = new TraceCapture();
        var listener = new BillingListener();
        await using var consumer = await BillingConsumerHost.StartAsync(TestClients.Config(), listener);
        var contexts = new ActivityContext[50];
        var deliveries = new Task<ConsumeResult>[contexts.Length];
        var messages = new MessageView[contexts.Length];
        for (int i = 0; i < contexts.Length; i++)
        {
            contexts[i] = TestMessages.RandomContext();
            messages[i] = TestMessages.WithContext(contexts[i]);
            deliveries[i] = consumer.DeliverOnConsumptionThreadForTest(messages[i]);
        }

        await Task.WhenAll(deliveries);

        var spans = capture.Process();
        Assert.Equal(contexts.Length, spans.Count);
        for (int i = 0; i < contexts.Length; i++)
        {
            var span = Assert.Single(spans, s => (string?)Spans.Tag(s, "messaging.message.id") == messages[i].MessageId);
            Spans.AssertChildOf(span, contexts[i]);
            Spans.AssertLinks(span, contexts[i]);
        }
    }

    [Fact]
    public async Task FAILURE_from_the_listener_is_recorded_on_the_consumption_thread_span()
    {
        using var capture = new TraceCapture();
        var listener = new BillingListener { Outcome = static _ => ConsumeResult.FAILURE };
        await using var consumer = await BillingConsumerHost.StartAsync(TestClients.Config(), listener);

        var result = await consumer.DeliverOnConsumptionThreadForTest(TestMessages.WithContext(TestMessages.RandomContext()));

        Assert.Equal(ConsumeResult.FAILURE, result);
        var span = capture.SingleProcess();
        Assert.Equal("FAILURE", Spans.Tag(span, "error.type"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
    }

    [Fact]
    public async Task A_listener_exception_is_recorded_and_the_client_still_sees_it()
    {
        using var capture = new TraceCapture();
        var thrown = new TimeoutException("ledger unavailable");
        var listener = new BillingListener { Outcome = _ => throw thrown };
        await using var consumer = await BillingConsumerHost.StartAsync(TestClients.Config(), listener);

        var caught = Assert.Throws<TimeoutException>(() => consumer.DeliverForTest(TestMessages.WithContext(TestMessages.RandomContext())));
        var result = await consumer.DeliverOnConsumptionThreadForTest(TestMessages.WithContext(TestMessages.RandomContext()));

        Assert.Same(thrown, caught);
        Assert.Equal(ConsumeResult.FAILURE, result);
        var spans = capture.Process();
        Assert.Equal(2, spans.Count);
        Assert.All(spans, span =>
        {
            Assert.Equal("System.TimeoutException", Spans.Tag(span, "error.type"));
            Assert.Equal(ActivityStatusCode.Error, span.Status);
            Assert.Single(span.Events, e => e.Name == "exception");
        });
    }

    [Fact]
    public async Task A_message_without_context_delivered_on_a_consumption_thread_is_a_root_span()
    {
        using var capture = new TraceCapture();
        var listener = new BillingListener();
        await using var consumer = await BillingConsumerHost.StartAsync(TestClients.Config(), listener);
        var message = TestMessages.WithProperties(null);

        await consumer.DeliverOnConsumptionThreadForTest(message);

        Assert.Same(message, Assert.Single(listener.Probe.Seen).Argument);
        var span = capture.SingleProcess();
        Spans.AssertRoot(span);
        Assert.Empty(span.Links);
    }
}
