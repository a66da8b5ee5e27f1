using System.Collections.Generic;
using System.Diagnostics;
using MessageTrace.RocketMq.Tests.Handlers;
using MessageTrace.RocketMq.Tests.Infrastructure;
using Org.Apache.Rocketmq;
using Xunit;

namespace MessageTrace.RocketMq.Tests.HandlerTests;

/// <summary>
/// Hostile or broken input: the handler runs exactly as it would untraced (same argument), the span is
/// a root without links when no valid creation context exists, and nothing of ours throws.
/// </summary>
[Collection(TracingCollection.Name)]
public sealed class BadInputTests
{
    private const string TraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    private const string SpanId = "00f067aa0ba902b7";

    public static IEnumerable<object[]> InvalidTraceParents => new[]
    {
        new object[] { "uppercase hex", "00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-01" },
        new object[] { "oversized version 00", "00-" + TraceId + "-" + SpanId + "-01-extra" },
        new object[] { "far too long", "00-" + TraceId + "-" + SpanId + "-01" + new string('0', 10_000) },
        new object[] { "truncated", "00-" + TraceId + "-" + SpanId + "-0" },
        new object[] { "empty", string.Empty },
        new object[] { "garbage", "not a traceparent at all" },
        new object[] { "all-zero trace id", "00-00000000000000000000000000000000-" + SpanId + "-01" },
        new object[] { "all-zero span id", "00-" + TraceId + "-0000000000000000-01" },
        new object[] { "version ff", "ff-" + TraceId + "-" + SpanId + "-01" },
        new object[] { "wrong separators", "00_" + TraceId + "_" + SpanId + "_01" },
        new object[] { "non-hex", "00-" + TraceId.Replace('4', 'g') + "-" + SpanId + "-01" },
        new object[] { "non-ascii", "00-" + TraceId.Substring(0, 31) + "é-" + SpanId + "-01" },
    };

    [Fact]
    public void A_null_message_reaches_the_handler_and_gets_a_root_span_without_link()
    {
        using var capture = new TraceCapture();
        var handler = new BillingHandler();

        var result = handler.Handle(null!);

        Assert.Equal(ConsumeResult.SUCCESS, result);
        Assert.Null(Assert.Single(handler.Probe.Seen).Argument);
        var span = capture.SingleProcess();
        Spans.AssertRoot(span);
        Assert.Empty(span.Links);
        Assert.Equal("process", span.DisplayName);
        Assert.False(Spans.HasTag(span, "messaging.destination.name"));
        Assert.False(Spans.HasTag(span, "messaging.message.id"));
        Assert.Equal("billing", Spans.Tag(span, "messaging.consumer.group.name"));
        Assert.Null(Activity.Current);
    }

    [Fact]
    public void A_null_message_inside_an_ambient_span_is_processed_under_the_ambient()
    {
        using var capture = new TraceCapture();
        var handler = new CreationParentHandler();
        using var ambient = TraceCapture.TestSource.StartActivity("ambient");
        Assert.NotNull(ambient);

        handler.Handle(null!);

        Assert.Null(Assert.Single(handler.Probe.Seen).Argument);
        var span = capture.SingleProcess();
        Spans.AssertChildOf(span, ambient!.Context);
        Assert.Empty(span.Links);
        Assert.Same(ambient, Activity.Current);
    }

    [Fact]
    public void A_message_with_null_properties_reaches_the_handler_and_gets_a_root_span_without_link()
    {
        using var capture = new TraceCapture();
        var handler = new BillingHandler();
        var message = TestMessages.WithProperties(null);
        Assert.Null(message.Properties);

        handler.Handle(message);

        Assert.Same(message, Assert.Single(handler.Probe.Seen).Argument);
        var span = capture.SingleProcess();
        Spans.AssertRoot(span);
        Assert.Empty(span.Links);
        Assert.Equal("process orders", span.DisplayName);
        Assert.Equal(message.MessageId, Spans.Tag(span, "messaging.message.id"));
        Assert.Empty(Assert.Single(handler.Probe.Seen).Baggage);
    }

    [Fact]
    public void A_message_without_trace_headers_gets_a_root_span_without_link()
    {
        using var capture = new TraceCapture();
        var handler = new BillingHandler();
        var message = TestMessages.WithProperties(new Dictionary<string, string> { ["origin"] = "checkout" });

        handler.Handle(message);

        Assert.Same(message, Assert.Single(handler.Probe.Seen).Argument);
        var span = capture.SingleProcess();
        Spans.AssertRoot(span);
        Assert.Empty(span.Links);
    }

    [Fact]
    public void A_traceparent_property_holding_null_is_ignored()
    {
        using var capture = new TraceCapture();
        var handler = new BillingHandler();
        var message = TestMessages.WithProperties(new Dictionary<string, string> { ["traceparent"] = null! });

        handler.Handle(message);

        Assert.Same(message, Assert.Single(handler.Probe.Seen).Argument);
        var span = capture.SingleProcess();
        Spans.AssertRoot(span);
        Assert.Empty(span.Links);
    }

    [Theory]
    [MemberData(nameof(InvalidTraceParents))]
    public void An_invalid_traceparent_gives_a_root_span_without_link_and_the_handler_runs_unchanged(string kind, string traceParent)
    {
        _ = kind;
        using var capture = new TraceCapture();
        var handler = new BillingHandler();
        var properties = new Dictionary<string, string> { ["traceparent"] = traceParent, ["tracestate"] = "vendor=abc" };
        var message = TestMessages.WithProperties(properties);

        var result = handler.Handle(message);

        Assert.Equal(ConsumeResult.SUCCESS, result);
        Assert.Same(message, Assert.Single(handler.Probe.Seen).Argument);
        Assert.Equal(properties, message.Properties);
        var span = capture.SingleProcess();
        Spans.AssertRoot(span, ActivityTraceId.CreateFromString(TraceId));
        Assert.Empty(span.Links);
        Assert.Null(Activity.Current);
    }

    [Theory]
    [MemberData(nameof(InvalidTraceParents))]
    public void An_invalid_traceparent_inside_an_ambient_span_keeps_the_ambient_as_parent_under_every_policy(string kind, string traceParent)
    {
        _ = kind;
        using var capture = new TraceCapture();
        using var ambient = TraceCapture.TestSource.StartActivity("ambient");
        Assert.NotNull(ambient);
        var message = TestMessages.WithProperties(new Dictionary<string, string> { ["traceparent"] = traceParent });

        new DefaultPolicyHandler().Handle(message);
        new LinkOnlyHandler().Handle(message);
        new CreationParentHandler().Handle(message);

        var spans = capture.Process();
        Assert.Equal(3, spans.Count);
        Assert.All(spans, span =>
        {
            Spans.AssertChildOf(span, ambient!.Context);
            Assert.Empty(span.Links);
        });
    }

    [Fact]
    public void A_future_version_traceparent_with_extra_fields_is_accepted()
    {
        using var capture = new TraceCapture();
        var message = TestMessages.WithProperties(new Dictionary<string, string> { ["traceparent"] = "01-" + TraceId + "-" + SpanId + "-01-what-the-future-holds" });

        new BillingHandler().Handle(message);

        var span = capture.SingleProcess();
        Assert.Equal(TraceId, span.TraceId.ToHexString());
        Assert.Equal(SpanId, span.ParentSpanId.ToHexString());
    }

    [Fact]
    public void An_invalid_tracestate_is_dropped_but_the_valid_traceparent_is_kept()
    {
        using var capture = new TraceCapture();
        var creation = TestMessages.RandomContext();

        new BillingHandler().Handle(TestMessages.WithContext(creation, traceState: "this is not=a valid,,tracestate"));

        var span = capture.SingleProcess();
        Spans.AssertChildOf(span, creation);
        var link = Assert.Single(span.Links);
        Spans.AssertLinksTo(link, creation);
        Assert.Null(link.Context.TraceState);
    }

    [Theory]
    [InlineData("no-equals-sign")]
    [InlineData("=value-without-key")]
    [InlineData("bad key=value")]
    public void Malformed_baggage_is_ignored_and_the_context_still_used(string baggage)
    {
        using var capture = new TraceCapture();
        var handler = new BillingHandler();
        var creation = TestMessages.RandomContext();

        handler.Handle(TestMessages.WithContext(creation, baggage: baggage));

        Assert.Empty(Assert.Single(handler.Probe.Seen).Baggage);
        Spans.AssertChildOf(capture.SingleProcess(), creation);
    }

    [Fact]
    public void Oversized_baggage_is_ignored()
    {
        using var capture = new TraceCapture();
        var handler = new BillingHandler();

        handler.Handle(TestMessages.WithContext(TestMessages.RandomContext(), baggage: "big=" + new string('x', 9000)));

        Assert.Empty(Assert.Single(handler.Probe.Seen).Baggage);
    }

    [Fact]
    public void A_batch_with_null_entries_reaches_the_handler_as_the_same_list_and_links_only_the_valid_messages()
    {
        using var capture = new TraceCapture();
        var handler = new SettlementBatchHandler();
        var first = TestMessages.RandomContext();
        var second = TestMessages.RandomContext();
        var batch = new List<MessageView?>
        {
            null,
            TestMessages.WithContext(first, topic: "settlements"),
            TestMessages.WithProperties(null, topic: "settlements"),
            null,
            TestMessages.WithProperties(new Dictionary<string, string> { ["traceparent"] = "garbage" }, topic: "settlements"),
            TestMessages.WithContext(second, topic: "settlements"),
        };

        var handled = handler.HandleReadOnly(batch);

        Assert.Equal(4, handled);
        Assert.Same(batch, Assert.Single(handler.Probe.Seen).Argument);
        Assert.Equal(6, batch.Count);
        var span = capture.SingleProcess();
        Assert.Equal("process settlements", span.DisplayName);
        Spans.AssertLinks(span, first, second);
        Spans.AssertRoot(span, first.TraceId, second.TraceId);
    }

    [Fact]
    public void A_null_batch_reaches_the_handler_and_gets_a_root_span_without_links()
    {
        using var capture = new TraceCapture();
        var handler = new SettlementBatchHandler();

        Assert.Throws<System.ArgumentNullException>(() => handler.HandleSequence(null!));

        Assert.Null(Assert.Single(handler.Probe.Seen).Argument);
        var span = capture.SingleProcess();
        Spans.AssertRoot(span);
        Assert.Empty(span.Links);
        Assert.Equal("System.ArgumentNullException", Spans.Tag(span, "error.type"));
    }

    [Fact]
    public void A_batch_of_only_null_entries_gets_a_span_named_after_the_operation_alone()
    {
        using var capture = new TraceCapture();
        var handler = new SettlementBatchHandler();
        var batch = new MessageView?[] { null, null };

        Assert.Equal(0, handler.HandleReadOnly(batch));

        Assert.Same(batch, Assert.Single(handler.Probe.Seen).Argument);
        var span = capture.SingleProcess();
        Assert.Equal("process", span.DisplayName);
        Assert.Empty(span.Links);
    }
}
