using System.Diagnostics.Metrics;
using Xunit;

namespace MessageTrace.Runtime.Tests;

/// <summary>The four instruments as the conventions (v1.44) define them: name, unit, kind and bucket advice.</summary>
public sealed class InstrumentTests
{
    private static readonly double[] s_conventionBuckets = { 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10 };

    [Fact]
    public void The_meter_is_named_MessageTrace_and_versioned_like_the_library()
    {
        Assert.Equal("MessageTrace", MessagingMetrics.Meter.Name);
        Assert.Equal(typeof(MessagingMetrics).Assembly.GetName().Version!.ToString(3), MessagingMetrics.Meter.Version);
        Assert.Equal(MessageTraceSource.Source.Version, MessagingMetrics.Meter.Version);
    }

    [Fact]
    public void Client_operation_duration_is_a_histogram_of_seconds_with_the_advised_buckets()
    {
        Histogram<double> histogram = MessagingMetrics.ClientOperationDuration;

        Assert.Equal("messaging.client.operation.duration", histogram.Name);
        Assert.Equal("s", histogram.Unit);
        Assert.Same(MessagingMetrics.Meter, histogram.Meter);
        Assert.Equal(s_conventionBuckets, histogram.Advice!.HistogramBucketBoundaries);
    }

    [Fact]
    public void Process_duration_is_a_histogram_of_seconds_with_the_advised_buckets()
    {
        Histogram<double> histogram = MessagingMetrics.ProcessDuration;

        Assert.Equal("messaging.process.duration", histogram.Name);
        Assert.Equal("s", histogram.Unit);
        Assert.Equal(s_conventionBuckets, histogram.Advice!.HistogramBucketBoundaries);
    }

    [Fact]
    public void Sent_messages_is_a_counter_of_messages()
    {
        Counter<long> counter = MessagingMetrics.ClientSentMessages;

        Assert.Equal("messaging.client.sent.messages", counter.Name);
        Assert.Equal("{message}", counter.Unit);
        Assert.Same(MessagingMetrics.Meter, counter.Meter);
    }

    [Fact]
    public void Consumed_messages_is_a_counter_of_messages()
    {
        Counter<long> counter = MessagingMetrics.ClientConsumedMessages;

        Assert.Equal("messaging.client.consumed.messages", counter.Name);
        Assert.Equal("{message}", counter.Unit);
    }
}
