using System.Text;
using BenchmarkDotNet.Attributes;
using Confluent.Kafka;
using MessageTrace.Benchmarks.App;
using MessageTrace.Benchmarks.Environment;

namespace MessageTrace.Benchmarks.Benchmarks;

/// <summary>
/// Producer, Kafka: <c>IProducer&lt;string, byte[]&gt;.ProduceAsync</c> on an in-memory producer (the
/// delivery result at once, no librdkafka), a new <see cref="Message{TKey, TValue}"/> with one header per
/// send, the context written into its headers as UTF-8 bytes.
/// </summary>
[BenchmarkCategory("Producer", "Kafka")]
public class ProducerKafkaBenchmarks : TracingScenarioBenchmarks
{
    private static readonly byte[] s_body = "{\"order\":17,\"total\":\"42.00\"}"u8.ToArray();
    private static readonly byte[] s_contentType = "application/json"u8.ToArray();

    private readonly InMemoryKafkaProducer<string, byte[]> _producer = new();
    private KafkaOrderPublisher? _publisher;

    /// <summary>Starts the scenario.</summary>
    [GlobalSetup]
    public void GlobalSetup()
    {
        StartScenario(ambientParentWhenTraceStatePresent: true);
        _publisher = new KafkaOrderPublisher(_producer);
    }

    /// <summary>Checks what the traced variants wrote into the last message, then ends the scenario.</summary>
    [GlobalCleanup(Targets = [nameof(Generated), nameof(HandWritten)])]
    public void CleanupTraced()
    {
        Checks.TracedHeaders(Scenario, TraceState, Headers(), Checks.BytesValue);
        StopScenario();
    }

    /// <summary>Checks that the bare variant wrote nothing, then ends the scenario.</summary>
    [GlobalCleanup(Target = nameof(Bare))]
    public void CleanupBare()
    {
        Checks.NoTraceHeaders(Headers());
        StopScenario();
    }

    /// <summary>The send without tracing.</summary>
    [Benchmark(Baseline = true)]
    public DeliveryResult<string, byte[]> Bare() => _publisher!.PublishBare(NewMessage()).GetAwaiter().GetResult();

    /// <summary>The send traced by the generated interceptor.</summary>
    [Benchmark]
    public DeliveryResult<string, byte[]> Generated() => _publisher!.PublishGenerated(NewMessage()).GetAwaiter().GetResult();

    /// <summary>The send traced by hand, OpenTelemetry-docs style.</summary>
    [Benchmark]
    public DeliveryResult<string, byte[]> HandWritten() => _publisher!.PublishHandWritten(NewMessage()).GetAwaiter().GetResult();

    private static Message<string, byte[]> NewMessage() => new()
    {
        Key = "order-17",
        Value = s_body,
        Headers = new Headers { { "content-type", s_contentType } },
    };

    // The last message's headers as the checks read them (name to last value).
    private System.Collections.Generic.Dictionary<string, object?> Headers()
    {
        var headers = new System.Collections.Generic.Dictionary<string, object?>();
        foreach (var header in _producer.Last!.Headers)
        {
            headers[header.Key] = header.GetValueBytes();
        }

        return headers;
    }
}

/// <summary>
/// Consumer, Kafka: a <see cref="ConsumeResult{TKey, TValue}"/> whose message headers carry the upstream
/// context as UTF-8 bytes, handed to a handler. No ambient span, as in a poll loop.
/// </summary>
[BenchmarkCategory("Consumer", "Kafka")]
public class ConsumerKafkaBenchmarks : TracingScenarioBenchmarks
{
    private readonly KafkaBillingHandler _handler = new();
    private ConsumeResult<string, byte[]>? _record;

    /// <summary>Starts the scenario and builds the consumed record.</summary>
    [GlobalSetup]
    public void GlobalSetup()
    {
        StartScenario(ambientParentWhenTraceStatePresent: false);
        var headers = new Headers
        {
            { "content-type", "application/json"u8.ToArray() },
            { "traceparent", Encoding.UTF8.GetBytes(TracingSetup.UpstreamTraceParent) },
        };
        if (TraceState == TraceStateCase.Present)
        {
            headers.Add("tracestate", Encoding.UTF8.GetBytes(TracingSetup.TraceStateValue));
        }

        _record = new ConsumeResult<string, byte[]>
        {
            TopicPartitionOffset = new TopicPartitionOffset("orders", new Partition(0), new Offset(17)),
            Message = new Message<string, byte[]> { Key = "order-17", Value = "{\"order\":17,\"total\":\"42.00\"}"u8.ToArray(), Headers = headers },
        };
    }

    /// <summary>Ends the scenario.</summary>
    [GlobalCleanup]
    public void GlobalCleanup() => StopScenario();

    /// <summary>The handler without tracing.</summary>
    [Benchmark(Baseline = true)]
    public bool Bare() => _handler.HandleBare(_record!);

    /// <summary>The handler call intercepted by the generator.</summary>
    [Benchmark]
    public bool Generated() => _handler.HandleGenerated(_record!);

    /// <summary>The handler traced by hand, OpenTelemetry-docs style.</summary>
    [Benchmark]
    public bool HandWritten() => _handler.HandleHandWritten(_record!);
}
