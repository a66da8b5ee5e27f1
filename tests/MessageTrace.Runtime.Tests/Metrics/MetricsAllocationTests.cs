using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Xunit;

namespace MessageTrace.Runtime.Tests;

/// <summary>
/// Metrics cost nothing while no listener enables them, and recording one allocates nothing of
/// MessageTrace's own (the attributes travel in a <see cref="TagList"/> on the stack).
/// </summary>
[Collection(GlobalStateCollection.Name)]
public sealed class MetricsAllocationTests
{
    private const int Iterations = 10_000;
    private static readonly MessagingSite s_site = new("test", consumerGroup: "billing");
    private static readonly TestMessage s_message = new("orders");

    [Fact]
    public void Sends_and_handlers_allocate_nothing_with_no_tracer_and_a_meter_listener_on_other_meters_only()
    {
        using var other = new Meter("Someone.Else");
        var counter = other.CreateCounter<long>("their.counter");
        using var listener = new MeterListener { InstrumentPublished = (instrument, l) => { if (instrument.Meter == other) l.EnableMeasurementEvents(instrument); } };
        listener.Start();
        Assert.True(counter.Enabled);
        Assert.False(MessagingMetrics.SendEnabled || MessagingMetrics.ProcessEnabled || MessagingMetrics.ClientEnabled);

        long allocated = Measure();

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Recording_the_metrics_of_a_send_and_a_handler_allocates_nothing()
    {
        using var listener = new MeterListener { InstrumentPublished = (instrument, l) => { if (instrument.Meter == MessagingMetrics.Meter) l.EnableMeasurementEvents(instrument); } };
        long measurements = 0;
        listener.SetMeasurementEventCallback<double>((_, _, tags, _) => measurements += tags.Length);
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => measurements += value);
        listener.Start();

        long allocated = Measure();

        Assert.True(measurements > 0);
        Assert.Equal(0, allocated);
    }

    private static long Measure()
    {
        Activity.Current = null;
        int sum = 0;
        for (int i = 0; i < 100; i++)
        {
            sum += Once();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Iterations; i++)
        {
            sum += Once();
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(2 * (Iterations + 100), sum);
        return allocated;
    }

    private static int Once() =>
        TracedSend.Send(s_site, new TestOutgoing(s_message), 1, static (m, a) => a)
        + TracedHandler.Invoke(s_site, default(TestIncoming), s_message, 1, static (m, a) => a);
}
