using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace MessageTrace.Packaging.Tests.Infrastructure;

/// <summary>One <c>span</c> line printed by Consumers/Traced/Program.cs.</summary>
public sealed record ReportedSpan(
    string Name, string Kind, string TraceId, string SpanId, string ParentSpanId, string Link, string System, string Destination);

/// <summary>
/// What the traced consumer printed: its finished spans, the traceparent found in the sent message's
/// properties (as the broker got them) and its closing line.
/// </summary>
public sealed class ConsumerReport
{
    private ConsumerReport(ProcessResult run, List<ReportedSpan> spans, string? sentTopic, string? sentTraceparent, string? handlerResult)
    {
        Run = run;
        Spans = spans;
        SentTopic = sentTopic;
        SentTraceparent = sentTraceparent;
        HandlerResult = handlerResult;
    }

    public ProcessResult Run { get; }

    public IReadOnlyList<ReportedSpan> Spans { get; }

    public string? SentTopic { get; }

    public string? SentTraceparent { get; }

    public string? HandlerResult { get; }

    public static ConsumerReport Parse(ProcessResult run)
    {
        var spans = new List<ReportedSpan>();
        string? topic = null, traceparent = null, result = null;
        foreach (var line in run.Lines)
        {
            var fields = line.Split('\t');
            var values = fields.Skip(1)
                .Select(field => field.Split('=', 2))
                .Where(pair => pair.Length == 2)
                .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
            string Get(string key) => values.TryGetValue(key, out var value) ? value : "";
            switch (fields[0])
            {
                case "span":
                    spans.Add(new ReportedSpan(Get("name"), Get("kind"), Get("trace"), Get("id"), Get("parent"), Get("link"), Get("system"), Get("destination")));
                    break;
                case "sent":
                    topic = Get("topic");
                    traceparent = Get("traceparent");
                    break;
                case "done":
                    result = Get("result");
                    break;
            }
        }

        return new ConsumerReport(run, spans, topic, traceparent, result);
    }

    /// <summary>
    /// The send became a <c>send orders</c> producer span whose context is the traceparent injected into the
    /// message, and the handler a <c>process orders</c> consumer span parented on and linked to it.
    /// </summary>
    public void AssertSendAndProcessTraced()
    {
        Check(Run is { TimedOut: false, ExitCode: 0 }, "the consumer program did not exit with code 0");
        Check(HandlerResult == "SUCCESS", "the program did not reach its closing line with the handler's SUCCESS");

        var sends = Spans.Where(span => span.Name == "send orders").ToList();
        Check(sends.Count == 1, $"expected exactly one `send orders` span, found {sends.Count}");
        var send = sends[0];
        Check(send.Kind == "Producer", $"`send orders` has kind {send.Kind}, expected Producer");
        Check(send.System == "rocketmq", $"`send orders` has messaging.system `{send.System}`, expected rocketmq");
        Check(send.Destination == "orders", $"`send orders` has messaging.destination.name `{send.Destination}`, expected orders");

        Check(SentTopic == "orders", $"the program reported no message sent to `orders` (got `{SentTopic}`)");
        var expected = $"00-{send.TraceId}-{send.SpanId}-01";
        Check(SentTraceparent == expected,
            $"the sent message's traceparent is `{SentTraceparent}`, expected the send span's context `{expected}`");

        var process = Spans.SingleOrDefault(span => span.Name == "process orders");
        Check(process is not null, "no `process orders` span: the [TracedHandler] call was not traced");
        Check(process!.Kind == "Consumer", $"`process orders` has kind {process.Kind}, expected Consumer");
        Check(process.TraceId == send.TraceId && process.ParentSpanId == send.SpanId,
            $"`process orders` is not parented on the send span (trace {process.TraceId}, parent {process.ParentSpanId})");
        Check(process.Link == $"{send.TraceId}-{send.SpanId}", $"`process orders` does not link to the send span (link {process.Link})");
    }

    private void Check(bool condition, string failure)
        => Assert.True(condition, $"{failure}.{Environment.NewLine}{Run.Describe()}");
}
