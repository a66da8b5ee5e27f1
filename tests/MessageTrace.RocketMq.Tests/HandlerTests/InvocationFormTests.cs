using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using MessageTrace.RocketMq.Tests.Handlers;
using MessageTrace.RocketMq.Tests.Infrastructure;
using Org.Apache.Rocketmq;
using Xunit;

namespace MessageTrace.RocketMq.Tests.HandlerTests;

/// <summary>Every way user code calls a [TracedHandler] gets the process span.</summary>
[Collection(TracingCollection.Name)]
public sealed class InvocationFormTests
{
    [Fact]
    public void A_direct_call_is_traced()
    {
        using var capture = new TraceCapture();
        var handler = new BillingHandler();
        var creation = TestMessages.RandomContext();
        var message = TestMessages.WithContext(creation);

        handler.Handle(message);

        AssertProcessed(capture, handler.Probe, message, creation, "billing");
    }

    [Fact]
    public void A_call_inside_an_event_handler_lambda_is_traced()
    {
        using var capture = new TraceCapture();
        var handler = new BillingHandler();
        var pump = MessagePump.WiredTo(handler);
        var creation = TestMessages.RandomContext();
        var message = TestMessages.WithContext(creation);

        pump.Publish(message);

        AssertProcessed(capture, handler.Probe, message, creation, "billing");
    }

    [Fact]
    public void A_call_inside_a_loop_lambda_is_traced_once_per_message()
    {
        using var capture = new TraceCapture();
        var handler = new BillingHandler();
        var contexts = Enumerable.Range(0, 3).Select(_ => TestMessages.RandomContext()).ToArray();
        var messages = contexts.Select(c => TestMessages.WithContext(c)).ToArray();

        LambdaDispatch.Each(messages, handler);

        var spans = capture.Process();
        Assert.Equal(3, spans.Count);
        for (int i = 0; i < messages.Length; i++)
        {
            var span = Assert.Single(spans, s => (string?)Spans.Tag(s, "messaging.message.id") == messages[i].MessageId);
            Spans.AssertChildOf(span, contexts[i]);
            Spans.AssertLinks(span, contexts[i]);
        }
    }

    [Fact]
    public async Task A_call_inside_a_thread_pool_lambda_is_traced()
    {
        using var capture = new TraceCapture();
        var handler = new BillingHandler();
        var creation = TestMessages.RandomContext();
        var message = TestMessages.WithContext(creation);

        await LambdaDispatch.EachOnThreadPool(message, handler);

        AssertProcessed(capture, handler.Probe, message, creation, "billing");
    }

    [Fact]
    public void A_call_inside_a_test_lambda_is_traced()
    {
        using var capture = new TraceCapture();
        var handler = new BillingHandler();
        var creation = TestMessages.RandomContext();
        var message = TestMessages.WithContext(creation);
        System.Func<MessageView, ConsumeResult> consume = m => handler.Handle(m);

        consume(message);

        AssertProcessed(capture, handler.Probe, message, creation, "billing");
    }

    [Fact]
    public void A_static_handler_is_traced()
    {
        using var capture = new TraceCapture();
        var creation = TestMessages.RandomContext();
        var message = TestMessages.WithContext(creation);
        int before = Notifications.Probe.Seen.Count;

        Assert.Equal(ConsumeResult.SUCCESS, Notifications.Notify(message));

        var span = capture.SingleProcess();
        Assert.Equal("notifications", Spans.Tag(span, "messaging.consumer.group.name"));
        Spans.AssertChildOf(span, creation);
        var seen = Notifications.Probe.Seen.Skip(before).Single();
        Assert.Same(message, seen.Argument);
        Assert.Same(span, seen.Current);
    }

    [Fact]
    public void A_private_handler_in_a_partial_class_is_traced_through_its_bridge()
    {
        using var capture = new TraceCapture();
        var trail = new AuditTrail();
        var creation = TestMessages.RandomContext();
        var message = TestMessages.WithContext(creation);

        Assert.Equal(ConsumeResult.SUCCESS, trail.Accept(message));

        AssertProcessed(capture, trail.Probe, message, creation, "audit");
    }

    [Fact]
    public void A_generic_handler_in_a_generic_type_is_traced_and_returns_its_result()
    {
        using var capture = new TraceCapture();
        var router = new Router<string>("eu-west");
        var creation = TestMessages.RandomContext();
        var message = TestMessages.WithContext(creation);

        var routed = router.Route(message, static (m, region) => region + "/" + m.Topic);
        int length = new Router<int>(7).Route<int>(TestMessages.WithContext(TestMessages.RandomContext()), static (m, n) => n + m.Topic.Length);

        Assert.Equal("eu-west/orders", routed);
        Assert.Equal(13, length);
        var spans = capture.Process();
        Assert.Equal(2, spans.Count);
        var first = Assert.Single(spans, s => (string?)Spans.Tag(s, "messaging.message.id") == message.MessageId);
        Assert.Equal("router", Spans.Tag(first, "messaging.consumer.group.name"));
        Spans.AssertChildOf(first, creation);
        Assert.Same(first, Assert.Single(router.Probe.Seen).Current);
    }

    [Fact]
    public void An_extension_method_handler_with_more_arguments_is_traced_in_reduced_and_static_call_form()
    {
        using var capture = new TraceCapture();
        var first = TestMessages.RandomContext();
        var second = TestMessages.RandomContext();
        var reduced = TestMessages.WithContext(first);
        var classic = TestMessages.WithContext(second);
        int before = MessageViewExtensions.Probe.Seen.Count;

        Assert.Equal(ConsumeResult.SUCCESS, reduced.ArchiveWith("expired"));
        Assert.Equal(ConsumeResult.FAILURE, MessageViewExtensions.ArchiveWith(classic, string.Empty));

        var seen = MessageViewExtensions.Probe.Seen.Skip(before).ToList();
        Assert.Equal(new object[] { reduced, classic }, seen.Select(static o => o.Argument!).ToArray());
        var spans = capture.Process();
        Assert.Equal(2, spans.Count);
        Spans.AssertChildOf(spans[0], first);
        Assert.Same(spans[0], seen[0].Current);
        Spans.AssertChildOf(spans[1], second);
        Assert.Equal("FAILURE", Spans.Tag(spans[1], "error.type"));
    }

    [Fact]
    public void A_handler_calling_another_handler_nests_the_second_process_span()
    {
        using var capture = new TraceCapture();
        var inner = new LinkOnlyHandler();
        var outer = new BillingHandler { Outcome = m => inner.Handle(m!) };
        var creation = TestMessages.RandomContext();

        outer.Handle(TestMessages.WithContext(creation));

        var spans = capture.Process();
        Assert.Equal(2, spans.Count);
        var outerSpan = Assert.Single(spans, s => (string?)Spans.Tag(s, "messaging.consumer.group.name") == "billing");
        var innerSpan = Assert.Single(spans, s => (string?)Spans.Tag(s, "messaging.consumer.group.name") == "policy");
        Spans.AssertChildOf(outerSpan, creation);
        Spans.AssertChildOf(innerSpan, outerSpan.Context);
        Spans.AssertLinks(innerSpan, creation);
        Assert.Null(Activity.Current);
    }

    private static void AssertProcessed(TraceCapture capture, HandlerProbe probe, MessageView message, ActivityContext creation, string group)
    {
        var span = capture.SingleProcess();
        Assert.Equal("process " + message.Topic, span.DisplayName);
        Assert.Equal(group, Spans.Tag(span, "messaging.consumer.group.name"));
        Assert.Equal(message.MessageId, Spans.Tag(span, "messaging.message.id"));
        Spans.AssertChildOf(span, creation);
        Spans.AssertLinks(span, creation);
        var seen = Assert.Single(probe.Seen);
        Assert.Same(message, seen.Argument);
        Assert.Same(span, seen.Current);
    }
}
