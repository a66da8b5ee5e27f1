using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Xunit;

namespace MessageTrace.Runtime.Tests;

/// <summary>
/// <c>AddMessageTraceInstrumentation()</c> on both OpenTelemetry builders: spans and metrics reach the
/// SDK's exporters, the histograms use the advised buckets, and metrics do not depend on trace sampling.
/// </summary>
[Collection(GlobalStateCollection.Name)]
public sealed class ProviderRegistrationTests
{
    [Fact]
    public void The_tracer_provider_extension_subscribes_to_the_MessageTrace_source()
    {
        var exported = new List<Activity>();
        using (var provider = Sdk.CreateTracerProviderBuilder().AddMessageTraceInstrumentation().AddInMemoryExporter(exported).Build())
        {
            TracedSend.Send(new MessagingSite("test"), new TestOutgoing(new TestMessage("orders")), 0, static (m, a) => 1);
            provider.ForceFlush();
        }

        Assert.Equal("send orders", Assert.Single(exported).DisplayName);
    }

    [Fact]
    public void The_meter_provider_extension_exports_every_instrument_with_the_advised_buckets_even_when_no_span_is_sampled()
    {
        var exported = new List<Metric>();
        using (Sdk.CreateTracerProviderBuilder().AddMessageTraceInstrumentation().SetSampler(new AlwaysOffSampler()).Build())
        using (var provider = Sdk.CreateMeterProviderBuilder().AddMessageTraceInstrumentation().AddInMemoryExporter(exported).Build())
        {
            var site = new MessagingSite("test", consumerGroup: "billing");
            for (int i = 0; i < 3; i++)
            {
                TracedSend.Send(site, new TestOutgoing(new TestMessage("orders")), 0, static (m, a) => 1);
            }

            TracedHandler.Invoke(site, default(TestIncoming), new TestMessage("orders"), 0, static (m, a) => "ok");
            provider.ForceFlush();
        }

        var byName = exported.GroupBy(m => m.Name).ToDictionary(g => g.Key, g => g.Last());
        Assert.Equal(
            new[] { "messaging.client.operation.duration", "messaging.client.sent.messages", "messaging.process.duration", "messaging.client.consumed.messages" }.OrderBy(n => n),
            byName.Keys.OrderBy(n => n));
        Assert.Equal(3, SumOf(byName["messaging.client.sent.messages"]));
        Assert.Equal(1, SumOf(byName["messaging.client.consumed.messages"]));

        var process = Points(byName["messaging.process.duration"]).Single();
        Assert.Equal(1, process.GetHistogramCount());
        var bounds = new List<double>();
        foreach (var bucket in process.GetHistogramBuckets())
        {
            bounds.Add(bucket.ExplicitBound);
        }

        Assert.Equal(MessagingMetrics.DurationBuckets.Append(double.PositiveInfinity), bounds);
    }

    private static long SumOf(Metric metric) => Points(metric).Sum(p => p.GetSumLong());

    private static List<MetricPoint> Points(Metric metric)
    {
        var points = new List<MetricPoint>();
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            points.Add(point);
        }

        return points;
    }
}
