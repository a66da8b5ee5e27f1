using System.Collections.Generic;
using System.Text;
using BenchmarkDotNet.Attributes;
using MessageTrace.Benchmarks.App;
using MessageTrace.Benchmarks.Environment;
using Org.Apache.Rocketmq;

namespace MessageTrace.Benchmarks.Benchmarks;

/// <summary>
/// Consumer, string-valued headers: a RocketMQ <see cref="MessageView"/> whose properties carry the
/// upstream <c>traceparent</c> (and <c>tracestate</c>), handed to a handler. No ambient span, as on a
/// push consumer's thread.
/// </summary>
[BenchmarkCategory("Consumer", "String")]
public class ConsumerStringBenchmarks : ScenarioBenchmarks
{
    private readonly BillingHandler _handler = new();
    private MessageView? _message;

    /// <summary>Starts the scenario and builds the received message.</summary>
    [GlobalSetup]
    public void GlobalSetup()
    {
        StartScenario(ambientParentWhenTraceStatePresent: false);
        var properties = new Dictionary<string, string>
        {
            ["app"] = "shop",
            ["traceparent"] = TracingSetup.UpstreamTraceParent,
        };
        if (TraceState == TraceStateCase.Present)
        {
            properties["tracestate"] = TracingSetup.TraceStateValue;
        }

        _message = MessageView.CreateForTest(
            "010A0B0C0D0E0F1F2B0A3C4D5E00000011",
            "orders",
            "{\"order\":17,\"total\":\"42.00\"}"u8.ToArray(),
            tag: "created",
            keys: ["order-17"],
            properties: properties);
    }

    /// <summary>Ends the scenario.</summary>
    [GlobalCleanup]
    public void GlobalCleanup() => StopScenario();

    /// <summary>The handler without tracing.</summary>
    [Benchmark(Baseline = true)]
    public ConsumeResult Bare() => _handler.ConsumeBare(_message!);

    /// <summary>The handler call intercepted by the generator.</summary>
    [Benchmark]
    public ConsumeResult Generated() => _handler.ConsumeGenerated(_message!);

    /// <summary>The handler traced by hand, OpenTelemetry-docs style.</summary>
    [Benchmark]
    public ConsumeResult HandWritten() => _handler.ConsumeHandWritten(_message!);
}

/// <summary>
/// Consumer, byte-valued headers: an envelope of the in-process bus whose headers hold the upstream
/// context as UTF-8 bytes, as RabbitMQ and Kafka deliver them.
/// </summary>
[BenchmarkCategory("Consumer", "Bytes")]
public class ConsumerBytesBenchmarks : ScenarioBenchmarks
{
    private readonly EnvelopeHandler _handler = new();
    private Envelope? _envelope;

    /// <summary>Starts the scenario and builds the received envelope.</summary>
    [GlobalSetup]
    public void GlobalSetup()
    {
        StartScenario(ambientParentWhenTraceStatePresent: false);
        var headers = new Dictionary<string, object?>
        {
            ["content-type"] = "application/json"u8.ToArray(),
            ["traceparent"] = Encoding.UTF8.GetBytes(TracingSetup.UpstreamTraceParent),
        };
        if (TraceState == TraceStateCase.Present)
        {
            headers["tracestate"] = Encoding.UTF8.GetBytes(TracingSetup.TraceStateValue);
        }

        _envelope = new Envelope
        {
            Topic = "orders",
            MessageId = "order-17",
            Body = "{\"order\":17,\"total\":\"42.00\"}"u8.ToArray(),
            Headers = headers,
        };
    }

    /// <summary>Ends the scenario.</summary>
    [GlobalCleanup]
    public void GlobalCleanup() => StopScenario();

    /// <summary>The handler without tracing.</summary>
    [Benchmark(Baseline = true)]
    public void Bare() => _handler.HandleBare(_envelope!);

    /// <summary>The handler call intercepted by the generator.</summary>
    [Benchmark]
    public void Generated() => _handler.HandleGenerated(_envelope!);

    /// <summary>The handler traced by hand, OpenTelemetry-docs style.</summary>
    [Benchmark]
    public void HandWritten() => _handler.HandleHandWritten(_envelope!);
}
