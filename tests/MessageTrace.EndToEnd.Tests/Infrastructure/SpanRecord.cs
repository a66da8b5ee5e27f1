using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace MessageTrace.EndToEnd.Tests.Infrastructure;

/// <summary>
/// One span as the OTLP backend stored it. Ids are lower-case hex (32 digits for a trace, 16 for
/// a span). Attribute values are strings: the Aspire dashboard keeps every attribute as a string
/// (an int 10 comes back as "10", a bool as "true").
/// </summary>
public sealed record SpanRecord(
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    ActivityKind Kind,
    string ServiceName,
    string ScopeName,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<SpanLinkRecord> Links,
    IReadOnlyList<SpanEventRecord> Events,
    ActivityStatusCode Status,
    string? StatusMessage,
    DateTimeOffset StartTime,
    DateTimeOffset EndTime,
    IReadOnlyDictionary<string, string> ResourceAttributes)
{
    public string? Attribute(string key) => Attributes.TryGetValue(key, out var value) ? value : null;

    /// <summary>True when this span has a link to OTHER.</summary>
    public bool LinksTo(SpanRecord other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Links.Any(link => link.TraceId == other.TraceId && link.SpanId == other.SpanId);
    }

    /// <summary>True when OTHER is this span's parent.</summary>
    public bool IsChildOf(SpanRecord other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return TraceId == other.TraceId && ParentSpanId == other.SpanId;
    }

    /// <summary>One line for failure messages.</summary>
    public override string ToString()
    {
        var links = Links.Count == 0 ? "" : " links=" + string.Join(",", Links.Select(link => link.TraceId + "/" + link.SpanId));
        return $"'{Name}' {Kind} service={ServiceName} scope={ScopeName} trace={TraceId} span={SpanId} parent={ParentSpanId ?? "-"}{links}";
    }
}

/// <summary>A link of a span: the linked context and the link's own attributes.</summary>
public sealed record SpanLinkRecord(string TraceId, string SpanId, string? TraceState, IReadOnlyDictionary<string, string> Attributes);

/// <summary>An event of a span (an exception, say).</summary>
public sealed record SpanEventRecord(string Name, DateTimeOffset Time, IReadOnlyDictionary<string, string> Attributes);
