using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using MessageTrace.EndToEnd.Apps;
using Xunit;
using Xunit.Abstractions;

namespace MessageTrace.EndToEnd.Tests.Infrastructure;

/// <summary>One app of a producer/consumer pair: its name, arguments and environment.</summary>
public sealed record AppRun(string App, IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string> Variables);

/// <summary>
/// Runs a consumer and a producer app against a broker: the consumer is started first and must
/// say it is ready, then the producer runs to completion, then the consumer must exit with code 0
/// (it exits after its message count, having flushed its spans).
/// </summary>
public static class MessagingRuns
{
    /// <summary>The apps' own ActivitySource, for spans a test needs on purpose (an ambient span).</summary>
    public const string AppScope = "MessageTrace.EndToEnd.Apps";

    /// <summary>The ActivitySource every MessageTrace span comes from.</summary>
    public const string MessageTraceScope = "MessageTrace";

    public static async Task<(AppResult Producer, AppResult Consumer)> RunAsync(AppRun consumer, AppRun producer, ITestOutputHelper output)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        ArgumentNullException.ThrowIfNull(producer);
        await using var consuming = await AppProcess.StartAppAsync(consumer.App, consumer.Arguments, consumer.Variables, output);
        await consuming.WaitForSignalAsync(AppProtocol.Ready);
        var produced = await AppProcess.RunAppAsync(producer.App, producer.Arguments, producer.Variables, output);
        var consumed = await consuming.WaitForSuccessAsync();
        return (produced, consumed);
    }

    /// <summary>
    /// Polls the traces of SERVICE until exactly one of its spans matches, and returns it with
    /// every span of the traces that involve SERVICE.
    /// </summary>
    public static async Task<(SpanRecord Span, IReadOnlyList<SpanRecord> All)> WaitForSpanAsync(this DashboardClient dashboard,
        string service, Func<SpanRecord, bool> match, string description)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        var all = await dashboard.WaitForSpansAsync(spans => spans.Any(s => s.ServiceName == service && match(s)),
            $"{description} in service {service}", resource: service);
        return (Assert.Single(all, s => s.ServiceName == service && match(s)), all);
    }

    /// <summary>Polls until SERVICE has COUNT spans that match; returns them.</summary>
    public static async Task<IReadOnlyList<SpanRecord>> WaitForSpansAsync(this DashboardClient dashboard,
        string service, Func<SpanRecord, bool> match, int count, string description)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        var all = await dashboard.WaitForSpansAsync(spans => spans.Count(s => s.ServiceName == service && match(s)) >= count,
            $"{count} spans: {description} in service {service}", resource: service);
        var matching = all.Where(s => s.ServiceName == service && match(s)).ToList();
        Assert.Equal(count, matching.Count);
        return matching;
    }

    /// <summary>A span MessageTrace made (its ActivitySource) with this name and kind.</summary>
    public static Func<SpanRecord, bool> MessageTraceSpan(string name, ActivityKind kind) =>
        span => span.ScopeName == MessageTraceScope && span.Name == name && span.Kind == kind;

    /// <summary>The send or process span's messaging attributes, as the conventions name them.</summary>
    public static void AssertMessagingAttributes(SpanRecord span, string system, string operation, string destination)
    {
        ArgumentNullException.ThrowIfNull(span);
        Assert.Equal(MessageTraceScope, span.ScopeName);
        Assert.Equal($"{operation} {destination}", span.Name);
        Assert.Equal(operation == "send" ? ActivityKind.Producer : ActivityKind.Consumer, span.Kind);
        Assert.Equal(system, span.Attribute("messaging.system"));
        Assert.Equal(operation, span.Attribute("messaging.operation.name"));
        Assert.Equal(operation, span.Attribute("messaging.operation.type"));
        Assert.Equal(destination, span.Attribute("messaging.destination.name"));
        Assert.Null(span.Attribute("messaging.destination.template"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.DoesNotContain(span.Events, e => e.Name == "exception");
    }

    /// <summary>
    /// The "activity=TRACE_ID-SPAN_ID" part of a consumer app's received line: Activity.Current
    /// inside the handler body (null when there was none).
    /// </summary>
    public static (string TraceId, string SpanId)? HandlerActivity(string received)
    {
        ArgumentNullException.ThrowIfNull(received);
        const string key = "activity=";
        var start = received.LastIndexOf(key, StringComparison.Ordinal);
        Assert.True(start >= 0, $"no {key} in received line '{received}'");
        var value = received[(start + key.Length)..].Split(' ')[0];
        if (value == "none")
        {
            return null;
        }

        var parts = value.Split('-');
        Assert.Equal(2, parts.Length);
        return (parts[0], parts[1]);
    }

    /// <summary>Asserts that the handler body ran with SPAN as Activity.Current.</summary>
    public static void AssertHandlerRanInside(string received, SpanRecord span)
    {
        ArgumentNullException.ThrowIfNull(span);
        var activity = HandlerActivity(received);
        Assert.True(activity is not null, $"the handler ran without Activity.Current, expected the process span {span}: '{received}'");
        Assert.Equal((span.TraceId, span.SpanId), activity.Value);
    }
}
