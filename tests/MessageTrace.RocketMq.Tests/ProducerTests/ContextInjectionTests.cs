using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using MessageTrace.RocketMq.Tests.Infrastructure;
using MessageTrace.RocketMq.Tests.Producers;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Xunit;
using static MessageTrace.RocketMq.Tests.ProducerTests.ProducerKit;

namespace MessageTrace.RocketMq.Tests.ProducerTests;

/// <summary>The creation context written into the message properties.</summary>
[Collection(TracingCollection.Name)]
public sealed class ContextInjectionTests
{
    [Fact]
    public async Task Injected_traceparent_is_the_send_span_context()
    {
        using var capture = new TraceCapture();
        var producer = await NewProducerAsync();
        var message = NewMessage();

        await new OrderPublisher(producer).PublishAsync(message);

        var span = SingleSend(capture);
        var record = Assert.Single(producer.SentMessagesForTest);
        Assert.Equal(SampledTraceParent(span), Sent(record, TraceParentKey));
        Assert.Equal(SampledTraceParent(span), message.Properties[TraceParentKey]);
        Assert.Null(Sent(record, TraceStateKey));
        Assert.Null(Sent(record, BaggageKey));
    }

    [Fact]
    public async Task Send_span_is_a_child_of_the_ambient_span_and_its_own_context_is_injected()
    {
        using var capture = new TraceCapture();
        var producer = await NewProducerAsync();
        using var ambient = TraceCapture.TestSource.StartActivity("ambient")!;

        await new OrderPublisher(producer).PublishAsync(NewMessage());

        var span = SingleSend(capture);
        Assert.Equal(ambient.TraceId, span.TraceId);
        Assert.Equal(ambient.SpanId, span.ParentSpanId);
        Assert.Equal(SampledTraceParent(span), Sent(Assert.Single(producer.SentMessagesForTest), TraceParentKey));
    }

    [Fact]
    public async Task Tracestate_of_the_send_span_is_injected()
    {
        using var capture = new TraceCapture();
        var producer = await NewProducerAsync();
        using var ambient = TraceCapture.TestSource.StartActivity("ambient")!;
        ambient.TraceStateString = "vendor=abc,other=x1";

        await new OrderPublisher(producer).PublishAsync(NewMessage());

        var span = SingleSend(capture);
        Assert.Equal("vendor=abc,other=x1", span.TraceStateString);
        var record = Assert.Single(producer.SentMessagesForTest);
        Assert.Equal(SampledTraceParent(span), Sent(record, TraceParentKey));
        Assert.Equal(span.TraceStateString, Sent(record, TraceStateKey));
    }

    [Fact]
    public async Task Tracestate_set_by_the_sampler_on_the_send_span_is_injected()
    {
        var sampler = new RecordingSampler
        {
            Decide = static call => call.Kind == ActivityKind.Producer
                ? new SamplingResult(SamplingDecision.RecordAndSample, "sampler=on")
                : new SamplingResult(SamplingDecision.RecordAndSample),
        };
        using var capture = new TraceCapture(sampler);
        var producer = await NewProducerAsync();

        await new OrderPublisher(producer).PublishAsync(NewMessage());

        var span = SingleSend(capture);
        Assert.Equal("sampler=on", span.TraceStateString);
        Assert.Equal("sampler=on", Sent(Assert.Single(producer.SentMessagesForTest), TraceStateKey));
    }

    [Fact]
    public async Task Current_baggage_is_injected_as_the_baggage_header()
    {
        using var capture = new TraceCapture();
        var producer = await NewProducerAsync();
        var previous = Baggage.Current;
        try
        {
            Baggage.Current = Baggage.Create(new Dictionary<string, string> { ["tenant"] = "acme", ["user.id"] = "42" });

            await new OrderPublisher(producer).PublishAsync(NewMessage());
        }
        finally
        {
            Baggage.Current = previous;
        }

        var header = Sent(Assert.Single(producer.SentMessagesForTest), BaggageKey);
        Assert.NotNull(header);
        var members = header!.Split(',').Select(m => m.Trim()).OrderBy(m => m, System.StringComparer.Ordinal);
        Assert.Equal(new[] { "tenant=acme", "user.id=42" }, members);
    }

    [Fact]
    public async Task Users_traceparent_is_left_untouched_and_the_send_span_links_to_it()
    {
        using var capture = new TraceCapture();
        var producer = await NewProducerAsync();
        const string user = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        var message = NewBuilder().AddProperty(TraceParentKey, user).AddProperty(TraceStateKey, "user=kept").Build();
        using var ambient = TraceCapture.TestSource.StartActivity("ambient")!;

        await new OrderPublisher(producer).PublishAsync(message);

        var span = SingleSend(capture);
        var record = Assert.Single(producer.SentMessagesForTest);
        Assert.Equal(user, Sent(record, TraceParentKey));
        Assert.Equal("user=kept", Sent(record, TraceStateKey));
        Assert.Equal(user, message.Properties[TraceParentKey]);
        var link = Assert.Single(span.Links);
        Assert.Equal("0af7651916cd43dd8448eb211c80319c", link.Context.TraceId.ToHexString());
        Assert.Equal("b7ad6b7169203331", link.Context.SpanId.ToHexString());

        // The user's context is linked, not adopted: the span stays in the ambient trace.
        Assert.Equal(ambient.TraceId, span.TraceId);
    }

    [Fact]
    public async Task Users_malformed_traceparent_is_left_untouched_and_not_linked()
    {
        using var capture = new TraceCapture();
        var producer = await NewProducerAsync();
        const string user = "not-a-traceparent";

        await new OrderPublisher(producer).PublishAsync(NewBuilder().AddProperty(TraceParentKey, user).Build());

        var span = SingleSend(capture);
        Assert.Empty(span.Links);
        Assert.Equal(user, Sent(Assert.Single(producer.SentMessagesForTest), TraceParentKey));
    }

    [Fact]
    public async Task Ambient_span_of_another_source_is_injected_when_nothing_listens_to_MessageTrace()
    {
        var producer = await NewProducerAsync();
        using var ambient = new ForeignAmbient();
        Assert.False(MessageTraceSource.Source.HasListeners());
        Assert.Same(ambient.Activity, Activity.Current);

        await new OrderPublisher(producer).PublishAsync(NewMessage());

        var record = Assert.Single(producer.SentMessagesForTest);
        Assert.Equal(SampledTraceParent(ambient.Activity), Sent(record, TraceParentKey));

        // No span of ours was made: the client was called under the ambient span itself.
        Assert.Same(ambient.Activity, record.AmbientActivity);
    }

    [Fact]
    public async Task Ambient_tracestate_and_baggage_travel_when_nothing_listens_to_MessageTrace()
    {
        var producer = await NewProducerAsync();
        using var ambient = new ForeignAmbient(traceState: "foreign=1");
        Assert.False(MessageTraceSource.Source.HasListeners());
        var previous = Baggage.Current;
        try
        {
            Baggage.Current = Baggage.Create(new Dictionary<string, string> { ["tenant"] = "acme" });
            await new OrderPublisher(producer).PublishAsync(NewMessage());
        }
        finally
        {
            Baggage.Current = previous;
        }

        var record = Assert.Single(producer.SentMessagesForTest);
        Assert.Equal(SampledTraceParent(ambient.Activity), Sent(record, TraceParentKey));
        Assert.Equal("foreign=1", Sent(record, TraceStateKey));
        Assert.Equal("tenant=acme", Sent(record, BaggageKey));
    }

    [Fact]
    public async Task Nothing_is_written_when_a_listener_samples_nothing_and_there_is_no_ambient_span()
    {
        Activity.Current = null;
        using var probe = new SpanProbe();
        Assert.True(MessageTraceSource.Source.HasListeners());
        var producer = await NewProducerAsync();

        await new OrderPublisher(producer).PublishAsync(NewMessage());

        Assert.Empty(probe.Started);
        var record = Assert.Single(producer.SentMessagesForTest);
        Assert.Empty(record.Properties!);
    }

    [Fact]
    public async Task Nothing_is_written_when_nothing_listens_and_there_is_no_ambient_span()
    {
        Activity.Current = null;
        Assert.False(MessageTraceSource.Source.HasListeners());
        var producer = await NewProducerAsync();
        var message = NewBuilder().AddProperty("order-id", "17").Build();

        string messageId = await new OrderPublisher(producer).PublishAsync(message);

        var record = Assert.Single(producer.SentMessagesForTest);
        Assert.Equal(record.Receipt!.MessageId, messageId);
        Assert.Equal<KeyValuePair<string, string>>(new[] { KeyValuePair.Create("order-id", "17") }, record.Properties!);
        Assert.Equal<KeyValuePair<string, string>>(new[] { KeyValuePair.Create("order-id", "17") }, message.Properties);
    }
}
