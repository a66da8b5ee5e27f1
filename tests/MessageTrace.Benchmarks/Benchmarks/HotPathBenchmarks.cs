using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using BenchmarkDotNet.Attributes;

namespace MessageTrace.Benchmarks.Benchmarks;

/// <summary>
/// Isolates runtime helpers the generated code calls on every message, each next to the least work
/// that gives the same result, to size avoidable costs found in the comparison (see docs/benchmarks.md).
/// No listener: these are pure CPU/allocation costs.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("HotPath")]
public class HotPathBenchmarks
{
    private static readonly byte[] s_traceStateUtf8 = Encoding.UTF8.GetBytes(Environment.TracingSetup.TraceStateValue);
    private static readonly List<string> s_oneKey = ["order-17"];
    private static readonly ActivityContext s_context = new(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
    private static readonly byte[] s_contentType = "application/json"u8.ToArray();
    private static readonly Dictionary<string, string> s_properties = new() { ["app"] = "shop" };

    /// <summary>
    /// What the generated producer does for a byte-valued carrier: inject through
    /// <c>ProducerContext.TryInject</c>, which takes the collection's gate flag, checks the headers again
    /// inside it and writes under MessageTrace's own key instances.
    /// </summary>
    [Benchmark]
    public IDictionary<string, object?> InjectThroughGate()
    {
        var headers = new Dictionary<string, object?> { ["content-type"] = s_contentType };
        ProducerContext.TryInject(headers, s_context, false, default(ObjectDictionaryHeaders));
        return headers;
    }

    /// <summary>The same headers written by <c>ContextPropagation.Inject</c>, with no gate and no second look.</summary>
    [Benchmark(Baseline = true)]
    public IDictionary<string, object?> InjectWithoutGate()
    {
        var headers = new Dictionary<string, object?> { ["content-type"] = s_contentType };
        ContextPropagation.Inject(headers, s_context, default(ObjectDictionaryHeaders));
        return headers;
    }

    /// <summary><c>TagValues.StringArray</c> on RocketMQ's one-key <c>List&lt;string&gt;</c>, as the generated code records keys.</summary>
    [Benchmark]
    public string[]? KeysViaTagValues() => TagValues.StringArray(s_oneKey);

    /// <summary>The same array made directly from the list.</summary>
    [Benchmark]
    public string[] KeysViaToArray() => s_oneKey.ToArray();

    /// <summary><c>HeaderValue.GetValidTraceState</c> on a UTF-8 tracestate, as the generated consumer reads it.</summary>
    [Benchmark]
    public string? TraceStateFromBytesViaHeaderValue() => new HeaderValue(s_traceStateUtf8).GetValidTraceState();

    /// <summary>The same validation, then one decode straight from the bytes (no intermediate copy).</summary>
    [Benchmark]
    public string? TraceStateFromBytesDirect() => TraceState.IsValid(s_traceStateUtf8.AsSpan()) ? Encoding.ASCII.GetString(s_traceStateUtf8) : null;

    /// <summary>The span-name cache lookup done on every span start.</summary>
    [Benchmark]
    public string SpanName() => SpanNames.Get("send", "orders");

    /// <summary>
    /// Reading <see cref="Activity.Current"/> (an AsyncLocal): what a generated handler does before it
    /// learns that nothing listens, and what <c>ProducerContext.IsActive</c> does when nothing listens.
    /// </summary>
    [Benchmark]
    public Activity? ReadActivityCurrent() => Activity.Current;

    /// <summary>Asking the MessageTrace source whether anything listens.</summary>
    [Benchmark]
    public bool HasListeners() => MessageTraceSource.Source.HasListeners();

    /// <summary>One lookup of <c>traceparent</c> in a RocketMQ-sized property dictionary, as the untraced RocketMQ path does to find an earlier send's context.</summary>
    [Benchmark]
    public bool ProbeCarrierForTraceParent() => s_properties.TryGetValue("traceparent", out _);
}
