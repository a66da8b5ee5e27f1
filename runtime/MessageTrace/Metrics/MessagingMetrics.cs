using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MessageTrace;

/// <summary>
/// The <see cref="System.Diagnostics.Metrics.Meter"/> every MessageTrace metric comes from, and its four
/// instruments. Subscribe with <c>AddMeter(MessagingMetrics.MeterName)</c> (or
/// <c>AddMessageTraceInstrumentation()</c>) in the OpenTelemetry SDK. Metrics are recorded for every traced
/// call while an instrument is enabled, whether or not its span is sampled; with no listener they cost one
/// flag read per call.
/// </summary>
public static class MessagingMetrics
{
    /// <summary>The meter name, <c>MessageTrace</c> (the same as the activity source's).</summary>
    public const string MeterName = MessageTraceSource.Name;

    /// <summary>
    /// The explicit bucket boundaries the conventions advise for the duration histograms, in seconds:
    /// the SDK's defaults are in milliseconds and would put every messaging call in the first bucket.
    /// </summary>
    public static readonly double[] DurationBuckets = { 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10 };

    /// <summary>The shared meter, versioned like the library.</summary>
    public static Meter Meter { get; } = new(MeterName, MessageTraceSource.Version);

    /// <summary><c>messaging.client.operation.duration</c>: sends, receives and settlements.</summary>
    public static Histogram<double> ClientOperationDuration { get; } = Meter.CreateHistogram(
        MessagingMetricNames.ClientOperationDuration,
        MessagingMetricNames.SecondsUnit,
        "Duration of messaging operation initiated by a producer or consumer client.",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });

    /// <summary><c>messaging.process.duration</c>: handlers, for one message or a batch.</summary>
    public static Histogram<double> ProcessDuration { get; } = Meter.CreateHistogram(
        MessagingMetricNames.ProcessDuration,
        MessagingMetricNames.SecondsUnit,
        "Duration of processing operation.",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });

    /// <summary><c>messaging.client.sent.messages</c>.</summary>
    public static Counter<long> ClientSentMessages { get; } = Meter.CreateCounter<long>(
        MessagingMetricNames.ClientSentMessages,
        MessagingMetricNames.MessagesUnit,
        "Number of messages producer attempted to send to the broker.");

    /// <summary><c>messaging.client.consumed.messages</c>: counted where a message first reaches the application (its receive, else its process).</summary>
    public static Counter<long> ClientConsumedMessages { get; } = Meter.CreateCounter<long>(
        MessagingMetricNames.ClientConsumedMessages,
        MessagingMetricNames.MessagesUnit,
        "Number of messages that were delivered to the application.");

    /// <summary>Whether a send has a metric to record.</summary>
    internal static bool SendEnabled => ClientOperationDuration.Enabled || ClientSentMessages.Enabled;

    /// <summary>Whether a receive or settle has a metric to record.</summary>
    internal static bool ClientEnabled => ClientOperationDuration.Enabled || ClientConsumedMessages.Enabled;

    /// <summary>Whether a process has a metric to record.</summary>
    internal static bool ProcessEnabled => ProcessDuration.Enabled || ClientConsumedMessages.Enabled;

    /// <summary>Whether an operation of <paramref name="kind"/> has a metric to record.</summary>
    internal static bool Enabled(OperationKind kind) => kind switch
    {
        OperationKind.Send => SendEnabled,
        OperationKind.Process => ProcessEnabled,
        _ => ClientEnabled,
    };

    /// <summary>
    /// Records one finished operation: its duration, and its messages on the kind's counter. The
    /// attributes are the conventions' metric attributes, with the template in place of the destination
    /// when there is one, so series stay bounded.
    /// </summary>
    internal static void Record(in MessagingOperation operation, double seconds, string? errorType)
    {
        var site = operation.Site!;
        var tags = default(TagList);
        tags.Add(MessagingAttributes.System, site.System);
        tags.Add(MessagingAttributes.OperationName, operation.OperationName);
        tags.Add(MessagingAttributes.OperationType, OperationKinds.TypeName(operation.Kind));
        if (MessagingSpans.TemplateUnlessItIsTheName(site.Template, operation.Destination) is { } template)
        {
            tags.Add(MessagingAttributes.DestinationTemplate, template);
        }
        else if (operation.Destination is { } destination)
        {
            tags.Add(MessagingAttributes.DestinationName, destination);
        }

        if (operation.Kind != OperationKind.Send && site.ConsumerGroup is { } group)
        {
            tags.Add(MessagingAttributes.ConsumerGroupName, group);
        }

        if (errorType is not null)
        {
            tags.Add(MessagingAttributes.ErrorType, errorType);
        }

        var duration = operation.Kind == OperationKind.Process ? ProcessDuration : ClientOperationDuration;
        duration.Record(seconds, tags);
        if (operation.MessageCount > 0)
        {
            switch (operation.Kind)
            {
                case OperationKind.Send:
                    ClientSentMessages.Add(operation.MessageCount, tags);
                    break;
                case OperationKind.Receive:
                    ClientConsumedMessages.Add(operation.MessageCount, tags);
                    break;
                case OperationKind.Process when site.CountsConsumedMessages:
                    ClientConsumedMessages.Add(operation.MessageCount, tags);
                    break;
            }
        }
    }
}
