using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Primitives;
using NATS.Client.Core;
using NATS.Net;

namespace MessageTrace.EndToEnd.Apps.NatsProducer;

/// <summary>Sends traced by MessageTrace: the attribute is all the tracing code there is.</summary>
public sealed class OrderPublisher(NatsClient client)
{
    [TracedProducer]
    public async Task PublishAsync(string subject, string messageId, CancellationToken cancellationToken) =>
        await client.PublishAsync(subject, "message " + messageId, headers: new NatsHeaders { ["message-id"] = messageId },
            cancellationToken: cancellationToken);

    /// <summary>Two sends with one NatsHeaders instance: each message must still carry its own send's context.</summary>
    [TracedProducer]
    public async Task PublishTwiceWithOneHeadersAsync(string firstSubject, string firstId, string secondSubject, string secondId,
        CancellationToken cancellationToken)
    {
        var headers = new NatsHeaders { ["message-id"] = firstId };
        await client.PublishAsync(firstSubject, "message " + firstId, headers: headers, cancellationToken: cancellationToken);
        headers["message-id"] = secondId;
        await client.PublishAsync(secondSubject, "message " + secondId, headers: headers, cancellationToken: cancellationToken);
    }

    [TracedProducer]
    public async Task PublishWithoutHeadersAsync(string subject, string messageId, CancellationToken cancellationToken) =>
        await client.PublishAsync(subject, "message " + messageId, cancellationToken: cancellationToken);
}

/// <summary>A publisher nobody instrumented: no attribute, so no interception; headers as given.</summary>
public sealed class UninstrumentedPublisher(NatsClient client)
{
    public async Task PublishAsync(string subject, string messageId, NatsHeaders? headers, CancellationToken cancellationToken)
    {
        if (headers is not null)
        {
            headers["message-id"] = messageId;
        }

        await client.PublishAsync(subject, "message " + messageId, headers: headers, cancellationToken: cancellationToken);
    }
}

/// <summary>Trace headers a consumer must survive: each gives a root process span with no link, and no exception.</summary>
public static class MalformedContext
{
    private const string TraceId = "0af7651916cd43dd8448eb211c80319c";
    private const string SpanId = "b7ad6b7169203331";

    public static IEnumerable<(string Name, NatsHeaders? Headers)> Cases()
    {
        yield return ("no-headers", null);
        yield return ("other-headers", new NatsHeaders { ["x-origin"] = "legacy" });
        yield return ("garbage", Headers("garbage"));
        yield return ("empty", Headers(""));
        yield return ("uppercase-hex", Headers($"00-{TraceId.ToUpperInvariant()}-{SpanId.ToUpperInvariant()}-01"));
        yield return ("zero-trace-id", Headers($"00-{new string('0', 32)}-{SpanId}-01"));
        yield return ("zero-span-id", Headers($"00-{TraceId}-{new string('0', 16)}-01"));
        yield return ("version-ff", Headers($"ff-{TraceId}-{SpanId}-01"));
        yield return ("truncated", Headers($"00-{TraceId}-{SpanId}"));
        yield return ("oversized", Headers($"00-{TraceId}-{SpanId}-01" + new string('x', 8192)));
        yield return ("non-ascii", Headers($"00-{TraceId[..31]}é-{SpanId}-01"));
        yield return ("control-chars", Headers($"00-{TraceId[..30]}\u0001\u007f-{SpanId}-01"));
        yield return ("two-values", Headers(new StringValues(["garbage", "00-xyz"])));
        yield return ("junk-companions", new NatsHeaders
        {
            ["traceparent"] = "00-xyz",
            ["tracestate"] = "\u0001==,,,",
            ["baggage"] = "%%%;;;===",
        });
    }

    private static NatsHeaders Headers(StringValues value) => new() { ["traceparent"] = value };
}
