using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Org.Apache.Rocketmq;
using MessageTrace.RocketMq.Tests.Infrastructure;
using Org.Apache.Rocketmq.Testing;
using Xunit;

namespace MessageTrace.RocketMq.Tests.ProducerTests;

/// <summary>Small helpers shared by the producer tests.</summary>
internal static class ProducerKit
{
    public const string Topic = "orders";
    public const string TraceParentKey = "traceparent";
    public const string TraceStateKey = "tracestate";
    public const string BaggageKey = "baggage";

    public static readonly byte[] Body = { 1, 2, 3, 4, 5 };

    /// <summary>A running producer of the double; its sends succeed at once unless scripted.</summary>
    public static async Task<Producer> NewProducerAsync()
    {
        var config = new ClientConfig.Builder().SetEndpoints("127.0.0.1:8081").EnableSsl(false).Build();
        return await new Producer.Builder().SetClientConfig(config).Build();
    }

    /// <summary>Same, for synchronous tests (the double's Build completes synchronously).</summary>
    public static Producer NewProducer() => NewProducerAsync().GetAwaiter().GetResult();

    public static Message.Builder NewBuilder(string topic = Topic) => new Message.Builder().SetTopic(topic).SetBody(Body);

    public static Message NewMessage(string topic = Topic) => NewBuilder(topic).Build();

    /// <summary>The traceparent a sampled span's context must travel as.</summary>
    public static string SampledTraceParent(Activity span) => $"00-{span.TraceId.ToHexString()}-{span.SpanId.ToHexString()}-01";

    /// <summary>The traceparent of a context with the flags it carries.</summary>
    public static string TraceParentOf(ActivityContext context) =>
        $"00-{context.TraceId.ToHexString()}-{context.SpanId.ToHexString()}-{((context.TraceFlags & ActivityTraceFlags.Recorded) != 0 ? "01" : "00")}";

    /// <summary>A property as it reached the producer (the copy taken when Send was called).</summary>
    public static string? Sent(SentMessageRecord record, string key) =>
        record.Properties is { } properties && properties.TryGetValue(key, out var value) ? value : null;

    public static object? Tag(Activity span, string key) => span.TagObjects.FirstOrDefault(t => t.Key == key).Value;

    public static bool HasTag(Activity span, string key) => span.TagObjects.Any(t => t.Key == key);

    /// <summary>The only send span of the capture (any name).</summary>
    public static Activity SingleSend(TraceCapture capture) =>
        Assert.Single(capture.Spans, s => s.Source.Name == MessageTraceSource.Name && s.Kind == ActivityKind.Producer);

    /// <summary>The exported send span whose messaging.message.id is the receipt's.</summary>
    public static Activity SpanFor(TraceCapture capture, SentMessageRecord record)
    {
        Assert.NotNull(record.Receipt);
        return Assert.Single(capture.Spans, s => (string?)Tag(s, MessagingAttributes.MessageId) == record.Receipt!.MessageId);
    }
}

/// <summary>
/// Sees every MessageTrace activity start and stop, whoever samples it, without taking part in
/// sampling. Use it only together with a <see cref="TraceCapture"/>: it is a listener itself.
/// </summary>
internal sealed class SpanProbe : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<Activity> _started = new();
    private readonly ConcurrentQueue<Activity> _stopped = new();

    public SpanProbe()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = static source => source.Name == MessageTraceSource.Name,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.None,
            ActivityStarted = a => _started.Enqueue(a),
            ActivityStopped = a => _stopped.Enqueue(a),
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<Activity> Started => _started.ToArray();

    /// <summary>Started MessageTrace activities that have not stopped.</summary>
    public IReadOnlyList<Activity> Running
    {
        get
        {
            var stopped = _stopped.ToHashSet();
            return _started.Where(a => !stopped.Contains(a)).ToArray();
        }
    }

    public void Dispose() => _listener.Dispose();
}

/// <summary>One call of <see cref="RecordingSampler"/>: the parameters copied at the time of the call.</summary>
internal sealed record SamplerCall(string Name, ActivityKind Kind, ActivityContext Parent, IReadOnlyList<KeyValuePair<string, object?>> Tags, IReadOnlyList<ActivityContext> Links);

/// <summary>An OpenTelemetry sampler that records what it was asked, then decides through <see cref="Decide"/> (sample by default).</summary>
internal sealed class RecordingSampler : Sampler
{
    private readonly ConcurrentQueue<SamplerCall> _calls = new();

    public Func<SamplerCall, SamplingResult>? Decide { get; init; }

    /// <summary>Runs inside ShouldSample after the call was recorded (e.g. to pause the sending thread).</summary>
    public Action<SamplerCall>? OnCall { get; set; }

    public IReadOnlyList<SamplerCall> Calls => _calls.ToArray();

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters)
    {
        // The tags enumerable is reused by the caller after the call: copy it now.
        var call = new SamplerCall(
            samplingParameters.Name,
            samplingParameters.Kind,
            samplingParameters.ParentContext,
            samplingParameters.Tags?.ToList() ?? new List<KeyValuePair<string, object?>>(),
            samplingParameters.Links?.Select(static l => l.Context).ToList() ?? new List<ActivityContext>());
        _calls.Enqueue(call);
        OnCall?.Invoke(call);
        return Decide?.Invoke(call) ?? new SamplingResult(SamplingDecision.RecordAndSample);
    }

    /// <summary>Drops MessageTrace send spans, samples everything else.</summary>
    public static RecordingSampler DroppingSends() => new()
    {
        Decide = static call => new SamplingResult(call.Tags.Any(t => t.Key == MessagingAttributes.OperationType && (string?)t.Value == "send")
            ? SamplingDecision.Drop
            : SamplingDecision.RecordAndSample),
    };
}

/// <summary>An ambient span from a source MessageTrace knows nothing about, with its own listener.</summary>
internal sealed class ForeignAmbient : IDisposable
{
    private readonly ActivitySource _source = new("MessageTrace.Tests.Foreign." + Guid.NewGuid().ToString("N"));
    private readonly ActivityListener _listener;

    public ForeignAmbient(string? traceState = null)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => ReferenceEquals(source, _source),
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(_listener);
        Activity = _source.StartActivity("foreign ambient")!;
        if (traceState is not null)
        {
            Activity.TraceStateString = traceState;
        }
    }

    public Activity Activity { get; }

    public void Dispose()
    {
        Activity.Dispose();
        _listener.Dispose();
        _source.Dispose();
    }
}
