using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Confluent.Kafka;

namespace MessageTrace.EndToEnd.Apps.KafkaProducer;

/// <summary>Sends traced by MessageTrace: the attribute is all the tracing code there is.</summary>
public sealed class OrderPublisher(IProducer<string, string> producer)
{
    [TracedProducer]
    public async Task PublishAsync(string topic, string key, CancellationToken cancellationToken) =>
        await producer.ProduceAsync(topic, new Message<string, string> { Key = key, Value = "order " + key }, cancellationToken);

    [TracedProducer]
    public void Publish(string topic, string key, Action<DeliveryReport<string, string>> report) =>
        producer.Produce(topic, new Message<string, string> { Key = key, Value = "order " + key }, report);
}

/// <summary>A producer nobody instrumented: no attribute, so no interception; headers as given.</summary>
public sealed class UninstrumentedPublisher(IProducer<string, string> producer)
{
    public async Task PublishAsync(string topic, string key, Headers? headers, CancellationToken cancellationToken) =>
        await producer.ProduceAsync(topic, new Message<string, string> { Key = key, Value = "order " + key, Headers = headers }, cancellationToken);
}

/// <summary>Trace headers a consumer must survive: each gives a root process span with no link, and no exception.</summary>
public static class MalformedContext
{
    private const string TraceId = "0af7651916cd43dd8448eb211c80319c";
    private const string SpanId = "b7ad6b7169203331";

    public static IEnumerable<(string Name, Headers? Headers)> Cases()
    {
        yield return ("no-headers", null);
        yield return ("other-headers", new Headers { { "x-origin", Encoding.UTF8.GetBytes("legacy") } });
        yield return ("garbage", Bytes("garbage"));
        yield return ("empty", new Headers { { "traceparent", Array.Empty<byte>() } });
        yield return ("null-value", new Headers { { "traceparent", null } });
        yield return ("not-utf8", new Headers { { "traceparent", new byte[] { 0xff, 0xfe, 0xc3, 0x28, 0x80 } } });
        yield return ("version-ff", Bytes($"ff-{TraceId}-{SpanId}-01"));
        yield return ("zero-trace-id", Bytes($"00-{new string('0', 32)}-{SpanId}-01"));
        yield return ("truncated", Bytes($"00-{TraceId}-{SpanId}"));
        yield return ("oversized", Bytes($"00-{TraceId}-{SpanId}-01" + new string('x', 8192)));
        yield return ("two-values", new Headers { { "traceparent", Encoding.UTF8.GetBytes("garbage") }, { "traceparent", Encoding.UTF8.GetBytes("00-xyz") } });
        yield return ("junk-companions", new Headers
        {
            { "traceparent", Encoding.UTF8.GetBytes("00-xyz") },
            { "tracestate", new byte[] { 0x01, 0x3d, 0x3d, 0x2c } },
            { "baggage", Encoding.UTF8.GetBytes("%%%;;;===") },
        });
    }

    private static Headers Bytes(string value) => new() { { "traceparent", Encoding.UTF8.GetBytes(value) } };
}
