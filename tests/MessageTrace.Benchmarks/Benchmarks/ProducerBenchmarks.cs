using System;
using System.Collections.Generic;
using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using MessageTrace.Benchmarks.App;
using MessageTrace.Benchmarks.Environment;
using Org.Apache.Rocketmq;

namespace MessageTrace.Benchmarks.Benchmarks;

/// <summary>
/// Producer, string-valued headers: a RocketMQ send through the API-shape double (records the message,
/// completes synchronously). Every operation builds a new message (a traced send claims the headers of
/// the message it writes into, so a message is sent once), in all three variants alike.
/// </summary>
[BenchmarkCategory("Producer", "String")]
public class ProducerStringBenchmarks : ScenarioBenchmarks
{
    private const int SendsBetweenResets = 1024;
    private static readonly byte[] s_body = "{\"order\":17,\"total\":\"42.00\"}"u8.ToArray();

    private Producer? _producer;
    private OrderPublisher? _publisher;
    private Message? _last;
    private int _sends;

    /// <summary>Starts the scenario and a producer of the double.</summary>
    [GlobalSetup]
    public void GlobalSetup()
    {
        StartScenario(ambientParentWhenTraceStatePresent: true);
        var config = new ClientConfig.Builder().SetEndpoints("127.0.0.1:8081").EnableSsl(false).Build();
        _producer = new Producer.Builder().SetClientConfig(config).Build().GetAwaiter().GetResult();
        _publisher = new OrderPublisher(_producer);
    }

    /// <summary>Checks what the traced variants wrote into the last message, then ends the scenario.</summary>
    [GlobalCleanup(Targets = [nameof(Generated), nameof(HandWritten)])]
    public void CleanupTraced()
    {
        Checks.TracedHeaders(Scenario, TraceState, _last!.Properties, Checks.StringValue);
        End();
    }

    /// <summary>Checks that the bare variant wrote nothing, then ends the scenario.</summary>
    [GlobalCleanup(Target = nameof(Bare))]
    public void CleanupBare()
    {
        Checks.NoTraceHeaders(_last!.Properties);
        End();
    }

    /// <summary>The send without tracing.</summary>
    [Benchmark(Baseline = true)]
    public ISendReceipt Bare() => Sent(_publisher!.PublishBare(_last = NewMessage()).GetAwaiter().GetResult());

    /// <summary>The send traced by the generated interceptor.</summary>
    [Benchmark]
    public ISendReceipt Generated() => Sent(_publisher!.PublishGenerated(_last = NewMessage()).GetAwaiter().GetResult());

    /// <summary>The send traced by hand, OpenTelemetry-docs style.</summary>
    [Benchmark]
    public ISendReceipt HandWritten() => Sent(_publisher!.PublishHandWritten(_last = NewMessage()).GetAwaiter().GetResult());

    private static Message NewMessage() => new Message.Builder()
        .SetTopic("orders")
        .SetBody(s_body)
        .SetTag("created")
        .SetKeys("order-17")
        .AddProperty("app", "shop")
        .Build();

    // The double records every send; forget them now and then so the record list does not grow
    // without bound (the same amortised cost in every variant).
    private ISendReceipt Sent(ISendReceipt receipt)
    {
        if (++_sends == SendsBetweenResets)
        {
            _sends = 0;
            _producer!.ResetForTest();
        }

        return receipt;
    }

    private void End()
    {
        _producer?.Dispose();
        StopScenario();
    }
}

/// <summary>
/// Producer, byte-valued headers: a user-defined carrier (<c>[MessageHeaders] IDictionary&lt;string, object?&gt;</c>)
/// on an in-process bus, so there is no client cost around the tracing.
/// </summary>
[BenchmarkCategory("Producer", "Bytes")]
public class ProducerBytesBenchmarks : ScenarioBenchmarks
{
    private static readonly byte[] s_body = "{\"order\":17,\"total\":\"42.00\"}"u8.ToArray();
    private static readonly byte[] s_contentType = "application/json"u8.ToArray();

    private InHouseBus? _bus;
    private EnvelopePublisher? _publisher;

    /// <summary>Starts the scenario.</summary>
    [GlobalSetup]
    public void GlobalSetup()
    {
        StartScenario(ambientParentWhenTraceStatePresent: true);
        _bus = new InHouseBus();
        _publisher = new EnvelopePublisher(_bus);
    }

    /// <summary>Checks what the traced variants wrote into the last envelope, then ends the scenario.</summary>
    [GlobalCleanup(Targets = [nameof(Generated), nameof(HandWritten)])]
    public void CleanupTraced()
    {
        Checks.TracedHeaders(Scenario, TraceState, _bus!.Last!.Headers!, Checks.BytesValue);
        StopScenario();
    }

    /// <summary>Checks that the bare variant wrote nothing, then ends the scenario.</summary>
    [GlobalCleanup(Target = nameof(Bare))]
    public void CleanupBare()
    {
        Checks.NoTraceHeaders(_bus!.Last!.Headers!);
        StopScenario();
    }

    /// <summary>The send without tracing.</summary>
    [Benchmark(Baseline = true)]
    public void Bare() => _publisher!.PublishBare(NewEnvelope());

    /// <summary>The send traced by the generated interceptor.</summary>
    [Benchmark]
    public void Generated() => _publisher!.PublishGenerated(NewEnvelope());

    /// <summary>The send traced by hand, OpenTelemetry-docs style.</summary>
    [Benchmark]
    public void HandWritten() => _publisher!.PublishHandWritten(NewEnvelope());

    private static Envelope NewEnvelope() => new()
    {
        Topic = "orders",
        MessageId = "order-17",
        Body = s_body,
        Headers = new Dictionary<string, object?> { ["content-type"] = s_contentType },
    };
}
