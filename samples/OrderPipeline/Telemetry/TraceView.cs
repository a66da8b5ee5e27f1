using System;
using System.Collections.Generic;
using System.Linq;

namespace OrderPipeline.Telemetry;

/// <summary>The spans of one trace, as a tree (children ordered by start time).</summary>
public sealed class TraceView
{
    private readonly Dictionary<string, List<SpanRecord>> _children;

    private TraceView(string traceId, IReadOnlyList<SpanRecord> spans)
    {
        TraceId = traceId;
        Spans = spans;
        var ids = spans.Select(span => span.SpanId).ToHashSet(StringComparer.Ordinal);
        // A root has no parent, or a parent this run never saw (a context from elsewhere).
        Roots = spans.Where(span => span.ParentSpanId is null || !ids.Contains(span.ParentSpanId)).OrderBy(span => span.Start).ToList();
        _children = spans
            .Where(span => span.ParentSpanId is not null && ids.Contains(span.ParentSpanId))
            .GroupBy(span => span.ParentSpanId!, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.OrderBy(span => span.Start).ToList(), StringComparer.Ordinal);
        Start = spans.Min(span => span.Start);
        End = spans.Max(span => span.End);
    }

    public string TraceId { get; }

    public IReadOnlyList<SpanRecord> Spans { get; }

    public IReadOnlyList<SpanRecord> Roots { get; }

    public DateTimeOffset Start { get; }

    public DateTimeOffset End { get; }

    public TimeSpan Duration => End - Start;

    public bool HasError => Spans.Any(span => span.IsError);

    public IReadOnlyList<SpanRecord> ChildrenOf(SpanRecord span) =>
        _children.TryGetValue(span.SpanId, out var children) ? children : [];

    /// <summary>Groups spans by trace, ordered by the start of each trace.</summary>
    public static IReadOnlyList<TraceView> Build(IEnumerable<SpanRecord> spans) => spans
        .GroupBy(span => span.TraceId, StringComparer.Ordinal)
        .Select(group => new TraceView(group.Key, group.ToList()))
        .OrderBy(trace => trace.Start)
        .ToList();
}
