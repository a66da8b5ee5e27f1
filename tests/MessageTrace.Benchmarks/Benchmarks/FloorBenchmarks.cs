using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using MessageTrace.Benchmarks.App;
using MessageTrace.Benchmarks.Environment;

namespace MessageTrace.Benchmarks.Benchmarks;

/// <summary>
/// The floors the S4 targets are stated against, measured under the same S4 SDK pipeline: what one
/// Activity costs on its own (start + stop, no attributes), the same Activity with exactly the
/// attributes (and, for consumers, the link) the traced variants record, the injected header value,
/// and the parsed ids of an incoming context. Whatever records these attributes pays at least this.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Floor")]
public class ProducerFloorBenchmarks
{
    private static readonly string[] s_keys = ["order-17"];
    private static readonly ActivityContext s_context = new(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);

    private TracingSetup? _setup;

    /// <summary>As in the producer comparisons: Present runs under an ambient sampled parent with tracestate.</summary>
    [Params(TraceStateCase.Absent, TraceStateCase.Present)]
    public TraceStateCase TraceState { get; set; }

    /// <summary>Starts S4.</summary>
    [GlobalSetup]
    public void GlobalSetup()
    {
        _setup = TracingSetup.Start(Scenario.S4_SdkAlwaysOn);
        if (TraceState == TraceStateCase.Present)
        {
            _setup.StartAmbientParent();
        }
    }

    /// <summary>Ends S4.</summary>
    [GlobalCleanup]
    public void GlobalCleanup() => _setup?.Dispose();

    /// <summary>A producer Activity alone: start and stop.</summary>
    [Benchmark]
    public void ProducerActivity()
    {
        using var activity = HandWritten.Source.StartActivity("send orders", ActivityKind.Producer);
    }

    /// <summary>The producer Activity with the RocketMQ send's attributes (9, one a string[]).</summary>
    [Benchmark]
    public void ProducerActivityWithStringCarrierAttributes()
    {
        using var activity = HandWritten.Source.StartActivity("send orders", ActivityKind.Producer);
        activity!.SetTag("messaging.system", "rocketmq");
        activity.SetTag("messaging.operation.name", "send");
        activity.SetTag("messaging.operation.type", "send");
        activity.SetTag("messaging.destination.name", "orders");
        activity.SetTag("messaging.rocketmq.namespace", "");
        activity.SetTag("messaging.rocketmq.message.type", "normal");
        activity.SetTag("messaging.rocketmq.message.tag", "created");
        activity.SetTag("messaging.rocketmq.message.keys", new[] { s_keys[0] });
        activity.SetTag("messaging.message.id", "010A0B0C0D0E0F1F2B0A3C4D5E00000011");
    }

    /// <summary>The producer Activity with the in-house bus send's attributes (5).</summary>
    [Benchmark]
    public void ProducerActivityWithBytesCarrierAttributes()
    {
        using var activity = HandWritten.Source.StartActivity("send orders", ActivityKind.Producer);
        activity!.SetTag("messaging.system", "inhouse");
        activity.SetTag("messaging.operation.name", "send");
        activity.SetTag("messaging.operation.type", "send");
        activity.SetTag("messaging.destination.name", "orders");
        activity.SetTag("messaging.message.id", "order-17");
    }

    /// <summary>
    /// The same span as <see cref="ProducerActivityWithBytesCarrierAttributes"/> started through the runtime's
    /// <c>MessagingSpans.StartSend</c>, as the generated code does (start tags and links through reused
    /// enumerables), to tell the span start apart from the rest of a traced send.
    /// </summary>
    [Benchmark]
    public void ProducerSpanViaMessagingSpans()
    {
        var activity = MessagingSpans.StartSend("inhouse", "orders", null, default);
        activity!.SetTag("messaging.message.id", "order-17");
        activity.Stop();
    }

    /// <summary>The injected header value for a string carrier: a 55-character traceparent.</summary>
    [Benchmark]
    public string TraceParentAsString() => TraceParent.Format(Activity.Current?.Context ?? s_context);

    /// <summary>The injected header value for a byte carrier: a 55-byte traceparent.</summary>
    [Benchmark]
    public byte[] TraceParentAsUtf8() => TraceParent.FormatUtf8(Activity.Current?.Context ?? s_context);

}

/// <summary>The consumer floors (see <see cref="ProducerFloorBenchmarks"/>), with no ambient span as in the consumer comparisons.</summary>
[MemoryDiagnoser]
[BenchmarkCategory("Floor")]
public class ConsumerFloorBenchmarks
{
    private static readonly string[] s_keys = ["order-17"];

    private readonly ReusableLink _link = new();
    private TracingSetup? _setup;
    private ActivityContext _upstream;

    /// <summary>As in the consumer comparisons: whether the upstream context carries a tracestate.</summary>
    [Params(TraceStateCase.Absent, TraceStateCase.Present)]
    public TraceStateCase TraceState { get; set; }

    /// <summary>Starts S4 and parses the upstream context once.</summary>
    [GlobalSetup]
    public void GlobalSetup()
    {
        _setup = TracingSetup.Start(Scenario.S4_SdkAlwaysOn);
        ActivityContext.TryParse(
            TracingSetup.UpstreamTraceParent,
            TraceState == TraceStateCase.Present ? TracingSetup.TraceStateValue : null,
            isRemote: true,
            out _upstream);
    }

    /// <summary>Ends S4.</summary>
    [GlobalCleanup]
    public void GlobalCleanup() => _setup?.Dispose();

    /// <summary>The parsed ids of an incoming traceparent (the ids of an ActivityContext are strings).</summary>
    [Benchmark]
    public bool ParseTraceParent() => ActivityContext.TryParse(TracingSetup.UpstreamTraceParent, null, isRemote: true, out _);

    /// <summary>A consumer Activity alone, parented on the (already parsed) upstream context.</summary>
    [Benchmark]
    public void ConsumerActivity()
    {
        using var activity = HandWritten.Source.StartActivity("process orders", ActivityKind.Consumer, _upstream);
    }

    /// <summary>The consumer Activity with the RocketMQ process span's link and attributes (10, one int, one string[]).</summary>
    [Benchmark]
    public void ConsumerActivityWithStringCarrierAttributes()
    {
        using var activity = HandWritten.Source.StartActivity("process orders", ActivityKind.Consumer, _upstream, links: _link.Set(_upstream));
        activity!.SetTag("messaging.system", "rocketmq");
        activity.SetTag("messaging.operation.name", "process");
        activity.SetTag("messaging.operation.type", "process");
        activity.SetTag("messaging.destination.name", "orders");
        activity.SetTag("messaging.consumer.group.name", "billing");
        activity.SetTag("messaging.rocketmq.namespace", "");
        activity.SetTag("messaging.message.id", "010A0B0C0D0E0F1F2B0A3C4D5E00000011");
        activity.SetTag("messaging.rocketmq.message.tag", "created");
        activity.SetTag("messaging.rocketmq.message.keys", new[] { s_keys[0] });
        activity.SetTag("messaging.rocketmq.message.delivery_attempt", 1);
    }

    /// <summary>
    /// The same span as <see cref="ConsumerActivityWithBytesCarrierAttributes"/> started through the runtime's
    /// <c>MessagingSpans.StartProcess</c>, as the generated code does.
    /// </summary>
    [Benchmark]
    public void ConsumerSpanViaMessagingSpans()
    {
        var activity = MessagingSpans.StartProcess("inhouse", "orders", null, "billing", _upstream, HandlerParentPolicy.CreationContextWhenNoAmbient);
        activity!.SetTag("messaging.message.id", "order-17");
        activity.Stop();
    }

    /// <summary>The consumer Activity with the in-house bus process span's link and attributes (6).</summary>
    [Benchmark]
    public void ConsumerActivityWithBytesCarrierAttributes()
    {
        using var activity = HandWritten.Source.StartActivity("process orders", ActivityKind.Consumer, _upstream, links: _link.Set(_upstream));
        activity!.SetTag("messaging.system", "inhouse");
        activity.SetTag("messaging.operation.name", "process");
        activity.SetTag("messaging.operation.type", "process");
        activity.SetTag("messaging.destination.name", "orders");
        activity.SetTag("messaging.consumer.group.name", "billing");
        activity.SetTag("messaging.message.id", "order-17");
    }
}

/// <summary>
/// One link handed to StartActivity without allocating (an array would allocate itself and its
/// enumerator), so the consumer floors show only what the Activity itself stores for the link.
/// </summary>
internal sealed class ReusableLink : IEnumerable<ActivityLink>, IEnumerator<ActivityLink>
{
    private ActivityLink _link;
    private int _position = -1;

    public ActivityLink Current => _link;

    object IEnumerator.Current => _link;

    public ReusableLink Set(in ActivityContext context)
    {
        _link = new ActivityLink(context);
        _position = -1;
        return this;
    }

    public IEnumerator<ActivityLink> GetEnumerator()
    {
        _position = -1;
        return this;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool MoveNext() => ++_position == 0;

    public void Reset() => _position = -1;

    public void Dispose()
    {
    }
}
