using System.Diagnostics;
using MessageTrace.RocketMq.Tests.Handlers;
using MessageTrace.RocketMq.Tests.Infrastructure;
using Org.Apache.Rocketmq;
using Xunit;

namespace MessageTrace.RocketMq.Tests.HandlerTests;

/// <summary>The name, kind and attributes of the process span a [TracedHandler] call produces.</summary>
[Collection(TracingCollection.Name)]
public sealed class ProcessSpanAttributeTests
{
    [Fact]
    public void Process_span_is_named_after_the_topic_and_is_a_consumer_span()
    {
        using var capture = new TraceCapture();
        var handler = new BillingHandler();

        handler.Handle(TestMessages.WithContext(TestMessages.RandomContext(), topic: "payments"));

        var span = capture.SingleProcess();
        Assert.Equal("process payments", span.DisplayName);
        Assert.Equal(ActivityKind.Consumer, span.Kind);
        Assert.Equal(MessageTraceSource.Name, span.Source.Name);
    }

    [Fact]
    public void Process_span_carries_the_messaging_and_rocketmq_attributes()
    {
        using var capture = new TraceCapture();
        var handler = new BillingHandler();
        var message = TestMessages.WithContext(
            TestMessages.RandomContext(),
            topic: "orders",
            tag: "paid",
            keys: new[] { "order-42", "customer-7" },
            messageGroup: "customer-7",
            deliveryAttempt: 3);

        handler.Handle(message);

        var span = capture.SingleProcess();
        Assert.Equal("rocketmq", Spans.Tag(span, "messaging.system"));
        Assert.Equal("process", Spans.Tag(span, "messaging.operation.type"));
        Assert.Equal("process", Spans.Tag(span, "messaging.operation.name"));
        Assert.Equal("orders", Spans.Tag(span, "messaging.destination.name"));
        Assert.Equal("billing", Spans.Tag(span, "messaging.consumer.group.name"));
        Assert.Equal("shop", Spans.Tag(span, "messaging.rocketmq.namespace"));
        Assert.Equal(message.MessageId, Spans.Tag(span, "messaging.message.id"));
        Assert.Equal("paid", Spans.Tag(span, "messaging.rocketmq.message.tag"));
        Assert.Equal(new[] { "order-42", "customer-7" }, Assert.IsType<string[]>(Spans.Tag(span, "messaging.rocketmq.message.keys")));
        Assert.Equal("customer-7", Spans.Tag(span, "messaging.rocketmq.message.group"));
        Assert.Equal(3, Spans.Tag(span, "messaging.rocketmq.message.delivery_attempt"));
        Assert.False(Spans.HasTag(span, "messaging.destination.template"));
        Assert.False(Spans.HasTag(span, "error.type"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
    }

    [Fact]
    public void Optional_message_fields_that_are_absent_are_not_recorded()
    {
        using var capture = new TraceCapture();
        var handler = new BillingHandler();

        handler.Handle(TestMessages.WithContext(TestMessages.RandomContext(), tag: null, keys: null, messageGroup: null));

        var span = capture.SingleProcess();
        Assert.False(Spans.HasTag(span, "messaging.rocketmq.message.tag"));
        Assert.False(Spans.HasTag(span, "messaging.rocketmq.message.keys"));
        Assert.False(Spans.HasTag(span, "messaging.rocketmq.message.group"));
        Assert.Equal(1, Spans.Tag(span, "messaging.rocketmq.message.delivery_attempt"));
    }

    [Fact]
    public void The_delivery_time_of_a_delay_message_is_recorded_in_epoch_milliseconds()
    {
        using var capture = new TraceCapture();
        var deliverAt = new System.DateTime(2030, 1, 1, 0, 0, 0, System.DateTimeKind.Utc);

        new BillingHandler().Handle(TestMessages.WithContext(TestMessages.RandomContext(), deliveryTimestamp: deliverAt));

        Assert.Equal(1_893_456_000_000L, Spans.Tag(capture.SingleProcess(), "messaging.rocketmq.message.delivery_timestamp"));
    }

    [Fact]
    public void Destination_template_names_the_span_and_the_topic_stays_the_destination_name()
    {
        using var capture = new TraceCapture();
        var handler = new RegionalOrderHandler();

        handler.Handle(TestMessages.WithContext(TestMessages.RandomContext(), topic: "orders-eu"));

        var span = capture.SingleProcess();
        Assert.Equal("process orders.{region}", span.DisplayName);
        Assert.Equal("orders.{region}", Spans.Tag(span, "messaging.destination.template"));
        Assert.Equal("orders-eu", Spans.Tag(span, "messaging.destination.name"));
        Assert.Equal("regional", Spans.Tag(span, "messaging.consumer.group.name"));
    }

    [Fact]
    public void A_handler_without_options_records_no_consumer_group()
    {
        using var capture = new TraceCapture();
        var handler = new BareHandler();

        handler.Handle(TestMessages.WithContext(TestMessages.RandomContext()));

        var span = capture.SingleProcess();
        Assert.Equal("process orders", span.DisplayName);
        Assert.False(Spans.HasTag(span, "messaging.consumer.group.name"));
        Assert.Equal("rocketmq", Spans.Tag(span, "messaging.system"));
    }

    [Fact]
    public void Sampling_relevant_attributes_are_visible_to_the_sampler()
    {
        var sampler = new RecordingSampler();
        using var capture = new TraceCapture(sampler);
        var handler = new BillingHandler();

        handler.Handle(TestMessages.WithContext(TestMessages.RandomContext()));

        var parameters = Assert.Single(sampler.Seen, p => p.Name == "process orders");
        Assert.Equal(ActivityKind.Consumer, parameters.Kind);
        Assert.Contains(parameters.Tags, t => t.Key == "messaging.system" && (string?)t.Value == "rocketmq");
        Assert.Contains(parameters.Tags, t => t.Key == "messaging.operation.type" && (string?)t.Value == "process");
        Assert.Contains(parameters.Tags, t => t.Key == "messaging.destination.name" && (string?)t.Value == "orders");
        Assert.Contains(parameters.Tags, t => t.Key == "messaging.consumer.group.name" && (string?)t.Value == "billing");
    }

    [Fact]
    public void A_dropped_span_still_runs_the_handler_and_exports_nothing()
    {
        using var capture = new TraceCapture(new OpenTelemetry.Trace.AlwaysOffSampler());
        var handler = new BillingHandler();
        var message = TestMessages.WithContext(TestMessages.RandomContext());

        var result = handler.Handle(message);

        Assert.Equal(ConsumeResult.SUCCESS, result);
        Assert.Same(message, Assert.Single(handler.Probe.Seen).Argument);
        Assert.Empty(capture.Process());
        Assert.Null(Activity.Current);
    }

    [Fact]
    public void Without_a_listener_the_handler_runs_untouched()
    {
        var handler = new BillingHandler { Outcome = static _ => ConsumeResult.FAILURE };
        var message = TestMessages.WithContext(TestMessages.RandomContext());

        var result = handler.Handle(message);

        Assert.Equal(ConsumeResult.FAILURE, result);
        var seen = Assert.Single(handler.Probe.Seen);
        Assert.Same(message, seen.Argument);
        Assert.Null(seen.Current);
        Assert.Null(Activity.Current);
    }

    /// <summary>Samples everything and remembers what it was asked about.</summary>
    private sealed class RecordingSampler : OpenTelemetry.Trace.Sampler
    {
        public System.Collections.Concurrent.ConcurrentBag<(string Name, ActivityKind Kind, System.Collections.Generic.List<System.Collections.Generic.KeyValuePair<string, object?>> Tags)> Seen { get; } = new();

        public override OpenTelemetry.Trace.SamplingResult ShouldSample(in OpenTelemetry.Trace.SamplingParameters samplingParameters)
        {
            Seen.Add((samplingParameters.Name, samplingParameters.Kind, new System.Collections.Generic.List<System.Collections.Generic.KeyValuePair<string, object?>>(samplingParameters.Tags ?? System.Array.Empty<System.Collections.Generic.KeyValuePair<string, object?>>())));
            return new OpenTelemetry.Trace.SamplingResult(OpenTelemetry.Trace.SamplingDecision.RecordAndSample);
        }
    }
}
