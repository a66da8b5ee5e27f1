using System.Linq;
using System.Threading.Tasks;
using MessageTrace.RocketMq.Tests.Infrastructure;
using MessageTrace.RocketMq.Tests.Producers;
using OpenTelemetry.Trace;
using Org.Apache.Rocketmq.Error;
using Org.Apache.Rocketmq.Testing;
using Xunit;
using static MessageTrace.RocketMq.Tests.ProducerTests.ProducerKit;

namespace MessageTrace.RocketMq.Tests.ProducerTests;

/// <summary>
/// Metrics of sends traced by the generated interceptors: a duration and a sent message per send, with
/// the span's own duration when there is a span, and recorded whether or not the span is sampled.
/// </summary>
[Collection(TracingCollection.Name)]
public sealed class SendMetricsTests
{
    private const string Duration = "messaging.client.operation.duration";
    private const string SentMessages = "messaging.client.sent.messages";

    [Fact]
    public async Task Every_send_records_its_span_duration_and_one_sent_message_per_topic()
    {
        using var capture = new TraceCapture();
        using var metrics = new MetricCapture();
        var publisher = new OrderPublisher(await NewProducerAsync());

        await publisher.PublishAsync(NewMessage("orders"));
        await publisher.PublishAsync(NewMessage("orders"));
        await publisher.PublishAsync(NewMessage("invoices"));

        var sent = metrics.Of(SentMessages);
        Assert.Equal(new[] { ("invoices", 1.0), ("orders", 2.0) },
            sent.GroupBy(m => m.Tag("messaging.destination.name")!).Select(g => (g.Key, g.Sum(m => m.Value))).OrderBy(p => p.Key).ToArray());
        Assert.All(metrics.Of(SentMessages).Concat(metrics.Of(Duration)), m =>
        {
            Assert.Equal("rocketmq", m.Tag("messaging.system"));
            Assert.Equal("send", m.Tag("messaging.operation.name"));
            Assert.Equal("send", m.Tag("messaging.operation.type"));
            Assert.False(m.Tags.ContainsKey("messaging.consumer.group.name"));
            Assert.False(m.Tags.ContainsKey("error.type"));
        });
        // The measurement is the span's own duration: one clock for both.
        var spans = capture.Spans.Where(s => s.Source.Name == MessageTraceSource.Name).ToList();
        Assert.Equal(
            spans.Select(s => s.Duration.TotalSeconds).Order(),
            metrics.Of(Duration).Select(m => m.Value).Order());
    }

    [Fact]
    public async Task A_failed_send_records_the_exception_type_as_error_type()
    {
        using var capture = new TraceCapture();
        using var metrics = new MetricCapture();
        var producer = await NewProducerAsync();
        producer.EnqueueSendBehaviorForTest(OperationBehavior.Fail(new TooManyRequestsException(42900, "request-1", "throttled"), asynchronously: true));

        await Assert.ThrowsAsync<TooManyRequestsException>(() => new OrderPublisher(producer).PublishAsync(NewMessage()));

        var duration = Assert.Single(metrics.Of(Duration));
        Assert.Equal("Org.Apache.Rocketmq.Error.TooManyRequestsException", duration.Tag("error.type"));
        var attempted = Assert.Single(metrics.Of(SentMessages)); // "messages the producer attempted to send"
        Assert.Equal("Org.Apache.Rocketmq.Error.TooManyRequestsException", attempted.Tag("error.type"));
    }

    [Fact]
    public async Task An_unsampled_send_is_still_measured()
    {
        using var capture = new TraceCapture(new AlwaysOffSampler());
        using var metrics = new MetricCapture();

        await new OrderPublisher(await NewProducerAsync()).PublishAsync(NewMessage());

        Assert.Empty(capture.Spans);
        Assert.Equal(1.0, Assert.Single(metrics.Of(SentMessages)).Value);
        Assert.True(Assert.Single(metrics.Of(Duration)).Value >= 0);
    }

    [Fact]
    public async Task With_a_meter_listener_and_no_tracer_the_send_is_measured_and_writes_no_context()
    {
        using var metrics = new MetricCapture();
        var producer = await NewProducerAsync();

        await new OrderPublisher(producer).PublishAsync(NewMessage());

        Assert.Equal("orders", Assert.Single(metrics.Of(SentMessages)).Tag("messaging.destination.name"));
        Assert.Single(metrics.Of(Duration));
        Assert.Null(Sent(Assert.Single(producer.SentMessagesForTest), TraceParentKey));
    }
}
