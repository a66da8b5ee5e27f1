using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace OrderPipeline.Telemetry;

/// <summary>A link of a span: the linked span's context and the link's attributes.</summary>
public sealed record SpanLink(string TraceId, string SpanId, IReadOnlyList<KeyValuePair<string, object?>> Attributes);

/// <summary>An event of a span (the <c>exception</c> event of a failed handler).</summary>
public sealed record SpanEvent(string Name, DateTimeOffset Time, IReadOnlyList<KeyValuePair<string, object?>> Attributes);

/// <summary>A finished span, copied out of its <see cref="Activity"/> when it ended.</summary>
public sealed record SpanRecord(
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    ActivityKind Kind,
    DateTimeOffset Start,
    TimeSpan Duration,
    ActivityStatusCode Status,
    string? StatusDescription,
    IReadOnlyList<KeyValuePair<string, object?>> Attributes,
    IReadOnlyList<SpanLink> Links,
    IReadOnlyList<SpanEvent> Events)
{
    public DateTimeOffset End => Start + Duration;

    public bool IsError => Status == ActivityStatusCode.Error;

    public object? Attribute(string key) => Attributes.FirstOrDefault(tag => tag.Key == key).Value;

    public static SpanRecord From(Activity activity) => new(
        activity.TraceId.ToHexString(),
        activity.SpanId.ToHexString(),
        activity.ParentSpanId == default ? null : activity.ParentSpanId.ToHexString(),
        activity.DisplayName,
        activity.Kind,
        new DateTimeOffset(activity.StartTimeUtc, TimeSpan.Zero),
        activity.Duration,
        activity.Status,
        activity.StatusDescription,
        activity.TagObjects.ToList(),
        activity.Links.Select(link => new SpanLink(
            link.Context.TraceId.ToHexString(),
            link.Context.SpanId.ToHexString(),
            link.Tags?.ToList() ?? [])).ToList(),
        activity.Events.Select(e => new SpanEvent(e.Name, e.Timestamp, e.Tags.ToList())).ToList());
}
