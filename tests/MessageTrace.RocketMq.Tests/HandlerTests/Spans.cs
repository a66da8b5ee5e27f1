using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using MessageTrace.RocketMq.Tests.Infrastructure;
using Xunit;

namespace MessageTrace.RocketMq.Tests.HandlerTests;

/// <summary>Reading exported spans.</summary>
internal static class Spans
{
    public static IReadOnlyList<Activity> Process(this TraceCapture capture) =>
        capture.Spans.Where(static s => s.Source.Name == MessageTraceSource.Name && (string?)Tag(s, MessagingAttributes.OperationType) == "process").ToList();

    public static Activity SingleProcess(this TraceCapture capture) => Assert.Single(capture.Process());

    public static IReadOnlyList<Activity> OfType(this TraceCapture capture, string operationType) =>
        capture.Spans.Where(s => s.Source.Name == MessageTraceSource.Name && (string?)Tag(s, MessagingAttributes.OperationType) == operationType).ToList();

    public static object? Tag(Activity span, string name) => span.TagObjects.FirstOrDefault(t => t.Key == name).Value;

    public static bool HasTag(Activity span, string name) => span.TagObjects.Any(t => t.Key == name);

    /// <summary>The span is a root of a trace of its own: no parent, and not in any of the given traces.</summary>
    public static void AssertRoot(Activity span, params ActivityTraceId[] notIn)
    {
        Assert.Equal(default, span.ParentSpanId);
        Assert.Null(span.Parent);
        foreach (var traceId in notIn)
        {
            Assert.NotEqual(traceId, span.TraceId);
        }
    }

    public static void AssertChildOf(Activity span, ActivityContext parent)
    {
        Assert.Equal(parent.TraceId, span.TraceId);
        Assert.Equal(parent.SpanId, span.ParentSpanId);
    }

    public static void AssertLinksTo(ActivityLink link, ActivityContext context)
    {
        Assert.Equal(context.TraceId, link.Context.TraceId);
        Assert.Equal(context.SpanId, link.Context.SpanId);
    }

    /// <summary>Exactly these links, in this order, compared by trace and span id.</summary>
    public static void AssertLinks(Activity span, params ActivityContext[] expected)
    {
        var actual = span.Links.Select(static l => (l.Context.TraceId, l.Context.SpanId)).ToList();
        Assert.Equal(expected.Select(static c => (c.TraceId, c.SpanId)).ToList(), actual);
    }
}
