using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;
using MessageTrace.RocketMq.Tests.Infrastructure;
using MessageTrace.RocketMq.Tests.Producers;
using OpenTelemetry;
using OpenTelemetry.Context.Propagation;
using Xunit;
using static MessageTrace.RocketMq.Tests.ProducerTests.ProducerKit;

namespace MessageTrace.RocketMq.Tests.ProducerTests;

/// <summary>
/// Shared-builder cases beyond the plain one: another propagator, a message the builder cannot
/// rebuild, the user's own baggage header, and a later send made with tracing inactive. Each of these
/// failed at commit c521354 (the second message went out with the first send's context, or lost the
/// user's baggage) and passes since eb41c09.
/// </summary>
[Collection(TracingCollection.Name)]
public sealed class SharedBuilderEdgeCaseTests
{
    /// <summary>
    /// A composite propagator with a non-W3C member takes the propagator path of
    /// ProducerContext.TryInject; the traceparent it writes must be claimed like the fast path's, or
    /// the second message's header is taken for a user context (linked, not replaced).
    /// </summary>
    [Fact]
    public async Task Shared_builder_under_a_composite_propagator_gives_each_message_its_own_context()
    {
        var previous = Propagators.DefaultTextMapPropagator;
        Sdk.SetDefaultTextMapPropagator(new CompositeTextMapPropagator(new TextMapPropagator[]
        {
            new TraceContextPropagator(),
            new BaggagePropagator(),
            new CorrelationPropagator(),
        }));
        try
        {
            using var capture = new TraceCapture();
            var producer = await NewProducerAsync();
            var builder = NewBuilder();
            var publisher = new OrderPublisher(producer);

            await publisher.PublishAsync(builder.Build());
            await publisher.PublishAsync(builder.Build());

            var records = producer.SentMessagesForTest;
            var firstSpan = SpanFor(capture, records[0]);
            var secondSpan = SpanFor(capture, records[1]);
            Assert.Equal(SampledTraceParent(firstSpan), Sent(records[0], TraceParentKey));
            Assert.Empty(secondSpan.Links);
            Assert.Equal(SampledTraceParent(secondSpan), Sent(records[1], TraceParentKey));
            Assert.Equal(secondSpan.TraceId.ToHexString(), Sent(records[1], "x-correlation-id"));
        }
        finally
        {
            Sdk.SetDefaultTextMapPropagator(previous);
        }
    }

    /// <summary>
    /// Message.Properties is a public mutable dictionary and the client sends a blank value, which
    /// Message.Builder.AddProperty refuses: the copy for the second message must still be made (or the
    /// message sent without context), never sent with the first send's traceparent.
    /// </summary>
    [Fact]
    public async Task Shared_builder_message_that_the_builder_cannot_rebuild_does_not_carry_the_first_sends_context()
    {
        using var capture = new TraceCapture();
        var producer = await NewProducerAsync();
        var builder = NewBuilder();
        var first = builder.Build();
        var second = builder.Build();
        first.Properties["note"] = string.Empty;
        var publisher = new OrderPublisher(producer);

        await publisher.PublishAsync(first);
        await publisher.PublishAsync(second);

        var records = producer.SentMessagesForTest;
        Assert.Equal(2, records.Count);
        Assert.Equal(string.Empty, Sent(records[1], "note"));
        var firstContext = Sent(records[0], TraceParentKey);
        Assert.Equal(SampledTraceParent(SpanFor(capture, records[0])), firstContext);
        Assert.NotEqual(firstContext, Sent(records[1], TraceParentKey));
    }

    /// <summary>A baggage header the user put on the builder (MessageTrace wrote none) travels on every message.</summary>
    [Fact]
    public async Task Shared_builder_keeps_the_users_own_baggage_header_on_every_message()
    {
        using var capture = new TraceCapture();
        var producer = await NewProducerAsync();
        Assert.Equal(0, Baggage.Current.Count);
        var builder = NewBuilder().AddProperty(BaggageKey, "tenant=acme");
        var publisher = new OrderPublisher(producer);

        await publisher.PublishAsync(builder.Build());
        await publisher.PublishAsync(builder.Build());

        var records = producer.SentMessagesForTest;
        Assert.Equal("tenant=acme", Sent(records[0], BaggageKey));
        Assert.Equal("tenant=acme", Sent(records[1], BaggageKey));
    }

    /// <summary>
    /// Tracing inactive (no listener, no ambient span) for the second message of a shared builder: it
    /// must not go out with the context written for the first (here an unrelated ambient span).
    /// </summary>
    [Fact]
    public async Task Shared_builder_message_sent_with_tracing_inactive_does_not_carry_an_earlier_sends_context()
    {
        var producer = await NewProducerAsync();
        var builder = NewBuilder();
        var publisher = new OrderPublisher(producer);
        string earlier;
        using (var ambient = new ForeignAmbient())
        {
            await publisher.PublishAsync(builder.Build());
            earlier = SampledTraceParent(ambient.Activity);
        }

        Assert.Null(Activity.Current);
        Assert.False(MessageTraceSource.Source.HasListeners());
        await publisher.PublishAsync(builder.Build());

        var records = producer.SentMessagesForTest;
        Assert.Equal(earlier, Sent(records[0], TraceParentKey));
        Assert.NotEqual(earlier, Sent(records[1], TraceParentKey));
    }

    /// <summary>A propagator for an extra correlation header, as applications add next to W3C.</summary>
    private sealed class CorrelationPropagator : TextMapPropagator
    {
        public override ISet<string> Fields { get; } = new HashSet<string> { "x-correlation-id" };

        public override void Inject<T>(PropagationContext context, T carrier, System.Action<T, string, string> setter)
        {
            if (context.ActivityContext.TraceId != default)
            {
                setter(carrier, "x-correlation-id", context.ActivityContext.TraceId.ToHexString());
            }
        }

        public override PropagationContext Extract<T>(PropagationContext context, T carrier, System.Func<T, string, IEnumerable<string>?> getter) => context;
    }
}
