using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using MessageTrace.RocketMq.Tests.Infrastructure;
using MessageTrace.RocketMq.Tests.Producers;
using OpenTelemetry.Trace;
using Xunit;
using static MessageTrace.RocketMq.Tests.ProducerTests.ProducerKit;

namespace MessageTrace.RocketMq.Tests.ProducerTests;

/// <summary>What the sampler sees at start, and how a send that is not sampled still propagates.</summary>
[Collection(TracingCollection.Name)]
public sealed class SamplingTests
{
    [Fact]
    public async Task Sampling_relevant_attributes_are_passed_when_the_span_starts()
    {
        var sampler = new RecordingSampler();
        using var capture = new TraceCapture(sampler);
        var producer = await NewProducerAsync();

        await new OptionPublishers(producer).SendTemplated(NewMessage("orders-eu"));

        var call = Assert.Single(sampler.Calls, c => c.Name == "send " + OptionPublishers.Template);
        Assert.Equal(ActivityKind.Producer, call.Kind);
        var tags = call.Tags.ToDictionary(t => t.Key, t => t.Value);
        Assert.Equal("rocketmq", tags["messaging.system"]);
        Assert.Equal("send", tags["messaging.operation.name"]);
        Assert.Equal("send", tags["messaging.operation.type"]);
        Assert.Equal("orders-eu", tags["messaging.destination.name"]);
        Assert.Equal(OptionPublishers.Template, tags["messaging.destination.template"]);
    }

    [Fact]
    public async Task Sampler_sees_no_template_when_none_is_set()
    {
        var sampler = new RecordingSampler();
        using var capture = new TraceCapture(sampler);
        var producer = await NewProducerAsync();

        await new OrderPublisher(producer).PublishAsync(NewMessage());

        var call = Assert.Single(sampler.Calls, c => c.Name == "send orders");
        var keys = call.Tags.Select(t => t.Key).ToHashSet();
        Assert.Contains("messaging.system", keys);
        Assert.Contains("messaging.destination.name", keys);
        Assert.DoesNotContain("messaging.destination.template", keys);
    }

    [Fact]
    public async Task Sampler_sees_the_users_creation_context_as_a_link()
    {
        var sampler = new RecordingSampler();
        using var capture = new TraceCapture(sampler);
        var producer = await NewProducerAsync();
        const string user = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

        await new OrderPublisher(producer).PublishAsync(NewBuilder().AddProperty(TraceParentKey, user).Build());

        var link = Assert.Single(Assert.Single(sampler.Calls, c => c.Name == "send orders").Links);
        Assert.Equal("0af7651916cd43dd8448eb211c80319c", link.TraceId.ToHexString());
        Assert.Equal("b7ad6b7169203331", link.SpanId.ToHexString());
    }

    [Fact]
    public async Task Send_span_dropped_by_the_sampler_inside_a_sampled_ambient_span_injects_the_ambient_context()
    {
        using var capture = new TraceCapture(RecordingSampler.DroppingSends());
        var producer = await NewProducerAsync();
        using var ambient = TraceCapture.TestSource.StartActivity("ambient")!;
        Assert.True(ambient.Recorded);

        await new OrderPublisher(producer).PublishAsync(NewMessage());

        Assert.DoesNotContain(capture.Spans, s => s.Source.Name == MessageTraceSource.Name);
        var record = Assert.Single(producer.SentMessagesForTest);
        Assert.Equal(SampledTraceParent(ambient), Sent(record, TraceParentKey));
    }

    [Fact]
    public async Task Send_under_an_unsampled_ambient_root_still_continues_the_ambient_trace()
    {
        // ParentBased(AlwaysOff): the ambient root is created for propagation only, and the send, a
        // child of an unsampled local parent, gets no activity at all.
        using var capture = new TraceCapture(new ParentBasedSampler(new AlwaysOffSampler()));
        var producer = await NewProducerAsync();
        using var ambient = TraceCapture.TestSource.StartActivity("ambient");
        Assert.NotNull(ambient);
        Assert.False(ambient!.Recorded);

        await new OrderPublisher(producer).PublishAsync(NewMessage());

        Assert.Empty(capture.Spans);
        var sent = Sent(Assert.Single(producer.SentMessagesForTest), TraceParentKey);
        Assert.NotNull(sent);
        Assert.True(ActivityContext.TryParse(sent, null, out var context));
        Assert.Equal(ambient.TraceId, context.TraceId);
        Assert.Equal(ambient.SpanId, context.SpanId);
        Assert.Equal(ActivityTraceFlags.None, context.TraceFlags & ActivityTraceFlags.Recorded);
    }

    [Fact]
    public async Task Unsampled_root_send_propagates_its_own_not_sampled_context()
    {
        using var capture = new TraceCapture(new AlwaysOffSampler());
        using var probe = new SpanProbe();
        var producer = await NewProducerAsync();
        Assert.Null(Activity.Current);

        await new OrderPublisher(producer).PublishAsync(NewMessage());

        Assert.Empty(capture.Spans);
        var span = Assert.Single(probe.Started);
        Assert.False(span.Recorded);
        Assert.Empty(probe.Running);
        var sent = Sent(Assert.Single(producer.SentMessagesForTest), TraceParentKey);
        Assert.Equal(TraceParentOf(span.Context), sent);
        Assert.EndsWith("-00", sent);
    }
}
