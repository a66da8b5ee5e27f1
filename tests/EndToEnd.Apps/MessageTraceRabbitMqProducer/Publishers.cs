using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using RabbitMQ.Client;

namespace MessageTrace.EndToEnd.Apps.RabbitMqProducer;

/// <summary>Sends traced by MessageTrace: the attribute is all the tracing code there is.</summary>
public sealed class OrderPublisher(IChannel channel)
{
    /// <summary>IChannel.BasicPublishAsync with properties, through the default exchange: destination = the queue.</summary>
    [TracedProducer]
    public async Task PublishAsync(string queue, string messageId, CancellationToken cancellationToken)
    {
        var properties = new BasicProperties { MessageId = messageId, ContentType = "text/plain" };
        await channel.BasicPublishAsync("", queue, true, properties, Body(messageId), cancellationToken);
    }

    /// <summary>The IChannelExtensions overload without properties, to a named exchange: destination = the exchange.</summary>
    [TracedProducer]
    public async Task PublishToExchangeAsync(string exchange, string routingKey, string messageId, CancellationToken cancellationToken) =>
        await channel.BasicPublishAsync(exchange, routingKey, Body(messageId), cancellationToken);

    /// <summary>Two sends with one BasicProperties instance: each message must still carry its own send's context.</summary>
    [TracedProducer]
    public async Task PublishTwiceWithOnePropertiesAsync(string queue, string firstId, string secondId, CancellationToken cancellationToken)
    {
        var properties = new BasicProperties { MessageId = firstId, ContentType = "text/plain" };
        await channel.BasicPublishAsync("", queue, true, properties, Body(firstId), cancellationToken);
        properties.MessageId = secondId;
        await channel.BasicPublishAsync("", queue, true, properties, Body(secondId), cancellationToken);
    }

    internal static byte[] Body(string messageId) => Encoding.UTF8.GetBytes("message " + messageId);
}

/// <summary>A publisher nobody instrumented: no attribute, so no interception; headers as given.</summary>
public sealed class UninstrumentedPublisher(IChannel channel)
{
    public async Task PublishAsync(string queue, string messageId, IDictionary<string, object?>? headers, CancellationToken cancellationToken)
    {
        var properties = new BasicProperties { MessageId = messageId, ContentType = "text/plain", Headers = headers };
        await channel.BasicPublishAsync("", queue, true, properties, OrderPublisher.Body(messageId), cancellationToken);
    }
}

/// <summary>Trace headers a consumer must survive: each gives a root process span with no link, and no exception.</summary>
public static class MalformedContext
{
    private const string TraceId = "0af7651916cd43dd8448eb211c80319c";
    private const string SpanId = "b7ad6b7169203331";

    public static IEnumerable<(string Name, IDictionary<string, object?>? Headers)> Cases()
    {
        yield return ("no-headers", null);
        yield return ("other-headers", new Dictionary<string, object?> { ["x-origin"] = "legacy" });
        yield return ("garbage", Headers("garbage"));
        yield return ("empty", Headers(""));
        yield return ("uppercase-hex", Headers($"00-{TraceId.ToUpperInvariant()}-{SpanId.ToUpperInvariant()}-01"));
        yield return ("zero-trace-id", Headers($"00-{new string('0', 32)}-{SpanId}-01"));
        yield return ("zero-span-id", Headers($"00-{TraceId}-{new string('0', 16)}-01"));
        yield return ("version-ff", Headers($"ff-{TraceId}-{SpanId}-01"));
        yield return ("truncated", Headers($"00-{TraceId}-{SpanId}"));
        yield return ("oversized", Headers($"00-{TraceId}-{SpanId}-01" + new string('x', 8192)));
        yield return ("byte-junk", Headers(new byte[] { 0xff, 0xfe, 0x00, 0x80, 0xc3, 0x28, 0x2d, 0x2d, 0xa0, 0xa1 }));
        yield return ("non-ascii", Headers(Encoding.UTF8.GetBytes($"00-{TraceId[..31]}é-{SpanId}-01")));
        yield return ("number", Headers(42L));
        yield return ("table", Headers(new Dictionary<string, object?> { ["traceparent"] = $"00-{TraceId}-{SpanId}-01" }));
        yield return ("junk-companions", new Dictionary<string, object?>
        {
            ["traceparent"] = "00-xyz",
            ["tracestate"] = "\u0001==,,,",
            ["baggage"] = "%%%;;;===",
        });
    }

    private static Dictionary<string, object?> Headers(object value) => new() { ["traceparent"] = value };
}
