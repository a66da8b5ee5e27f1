using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace MessageTrace.Sample.Tests.Infrastructure;

/// <summary>A link as the sample prints it.</summary>
public sealed record JsonLink(string TraceId, string SpanId);

/// <summary>One line of the sample's <c>--json</c> output.</summary>
public sealed record JsonSpan(
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    string Kind,
    string Status,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<JsonLink> Links,
    IReadOnlyList<string> EventNames)
{
    public string? Attribute(string key) => Attributes.TryGetValue(key, out var value) ? value : null;

    public bool IsLinkedTo(JsonSpan other) => Links.Contains(new JsonLink(other.TraceId, other.SpanId));

    public override string ToString() => $"{Name} ({Kind}, {TraceId}/{SpanId}, parent {ParentSpanId ?? "none"}, {Status})";

    /// <summary>
    /// Parses the span lines of stdout. Every line must be a complete JSON object whose "type" is
    /// "span" or "metric" (metric points follow the spans; <see cref="JsonMetric.ParseAll"/>).
    /// </summary>
    public static IReadOnlyList<JsonSpan> ParseAll(IEnumerable<string> lines) =>
        lines.Where(line => JsonLineType.Of(line) == "span").Select(Parse).ToList();

    public static JsonSpan Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        Assert.Equal("span", root.GetProperty("type").GetString());
        return new JsonSpan(
            root.GetProperty("trace_id").GetString()!,
            root.GetProperty("span_id").GetString()!,
            root.GetProperty("parent_span_id").ValueKind == JsonValueKind.Null ? null : root.GetProperty("parent_span_id").GetString(),
            root.GetProperty("name").GetString()!,
            root.GetProperty("kind").GetString()!,
            root.GetProperty("status").GetString()!,
            root.GetProperty("attributes").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString(), StringComparer.Ordinal),
            root.GetProperty("links").EnumerateArray()
                .Select(link => new JsonLink(link.GetProperty("trace_id").GetString()!, link.GetProperty("span_id").GetString()!))
                .ToList(),
            root.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("name").GetString()!).ToList());
    }
}
