using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Threading;
using Org.Apache.Rocketmq;

namespace MessageTrace.RocketMq.Tests.HandlerTests;

/// <summary>Received messages as a broker would hand them to a consumer, with or without a creation context.</summary>
internal static class TestMessages
{
    private static int s_sequence;

    public static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"order\":42}");

    /// <summary>A message id in the real 34-hex-digit format, unique in this process.</summary>
    public static string NextId() =>
        "01C0A80001" + "00002A9F" + "0001E240" + ((uint)Interlocked.Increment(ref s_sequence)).ToString("X8", CultureInfo.InvariantCulture);

    /// <summary>A sampled remote context, as a producer elsewhere would have written.</summary>
    public static ActivityContext RandomContext(string? traceState = null) =>
        new(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded, traceState, isRemote: true);

    public static string TraceParent(ActivityContext context) =>
        "00-" + context.TraceId.ToHexString() + "-" + context.SpanId.ToHexString() + "-" + ((context.TraceFlags & ActivityTraceFlags.Recorded) != 0 ? "01" : "00");

    /// <summary>A message whose properties carry <paramref name="context"/> as W3C trace context.</summary>
    public static MessageView WithContext(
        ActivityContext context,
        string topic = "orders",
        string? traceState = null,
        string? baggage = null,
        string? tag = "created",
        string[]? keys = null,
        string? messageGroup = null,
        int deliveryAttempt = 1,
        string? messageId = null,
        System.DateTime? deliveryTimestamp = null)
    {
        var properties = new Dictionary<string, string> { ["traceparent"] = TraceParent(context), ["origin"] = "checkout" };
        if (traceState is not null)
        {
            properties["tracestate"] = traceState;
        }

        if (baggage is not null)
        {
            properties["baggage"] = baggage;
        }

        return MessageView.CreateForTest(
            messageId ?? NextId(),
            topic,
            Body,
            tag: tag,
            keys: keys,
            properties: properties,
            messageGroup: messageGroup,
            deliveryTimestamp: deliveryTimestamp,
            deliveryAttempt: deliveryAttempt);
    }

    /// <summary>A message with exactly these properties (null: a view whose Properties is null).</summary>
    public static MessageView WithProperties(IDictionary<string, string>? properties, string topic = "orders") =>
        MessageView.CreateForTest(NextId(), topic, Body, tag: "created", properties: properties);
}
