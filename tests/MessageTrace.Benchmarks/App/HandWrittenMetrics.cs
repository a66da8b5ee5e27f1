using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MessageTrace.Benchmarks.App;

/// <summary>
/// The messaging metrics recorded by hand, as the .NET metrics docs teach: the conventions' four
/// instruments (same names, units and bucket advice as MessageTrace's) on the application's own meter,
/// a <see cref="Stopwatch"/> timestamp per operation and a <see cref="TagList"/> per measurement. Like
/// the generated code, it asks whether anyone listens before it reads the clock, so with no meter
/// listener the hand-written variants cost what they cost before metrics existed.
/// </summary>
public static class HandWrittenMetrics
{
    private static readonly Meter s_meter = new(HandWritten.SourceName, "1.0.0");

    private static readonly InstrumentAdvice<double> s_buckets = new()
    {
        HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10],
    };

    private static readonly Histogram<double> s_operationDuration =
        s_meter.CreateHistogram("messaging.client.operation.duration", "s", "Duration of messaging operation initiated by a producer or consumer client.", tags: null, advice: s_buckets);

    private static readonly Histogram<double> s_processDuration =
        s_meter.CreateHistogram("messaging.process.duration", "s", "Duration of processing operation.", tags: null, advice: s_buckets);

    private static readonly Counter<long> s_sent = s_meter.CreateCounter<long>("messaging.client.sent.messages", "{message}");

    private static readonly Counter<long> s_consumed = s_meter.CreateCounter<long>("messaging.client.consumed.messages", "{message}");

    /// <summary>The start timestamp of a send, or 0 when no one listens to the send instruments.</summary>
    public static long StartSend() => s_operationDuration.Enabled || s_sent.Enabled ? Stopwatch.GetTimestamp() : 0;

    /// <summary>The start timestamp of a process operation, or 0 when no one listens.</summary>
    public static long StartProcess() => s_processDuration.Enabled || s_consumed.Enabled ? Stopwatch.GetTimestamp() : 0;

    public static void RecordSend(long start, string system, string destination)
    {
        if (start == 0)
        {
            return;
        }

        var tags = new TagList
        {
            { "messaging.system", system },
            { "messaging.operation.name", "send" },
            { "messaging.operation.type", "send" },
            { "messaging.destination.name", destination },
        };
        s_operationDuration.Record(Stopwatch.GetElapsedTime(start).TotalSeconds, tags);
        s_sent.Add(1, tags);
    }

    public static void RecordProcess(long start, string system, string destination, string consumerGroup, string? errorType)
    {
        if (start == 0)
        {
            return;
        }

        var tags = new TagList
        {
            { "messaging.system", system },
            { "messaging.operation.name", "process" },
            { "messaging.operation.type", "process" },
            { "messaging.destination.name", destination },
            { "messaging.consumer.group.name", consumerGroup },
        };
        if (errorType is not null)
        {
            tags.Add("error.type", errorType);
        }

        s_processDuration.Record(Stopwatch.GetElapsedTime(start).TotalSeconds, tags);
        s_consumed.Add(1, tags);
    }
}
