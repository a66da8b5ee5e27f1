using System;
using System.Diagnostics;

namespace MessageTrace;

/// <summary>
/// One messaging call in progress: its span, when one was started, and what its metrics need, when an
/// instrument is enabled. Every traced call ends through <see cref="Stop"/>, which stops the span and
/// records the metrics in the same place, so metrics count exactly the calls spans cover, sampled or
/// not. The default value is "nothing to do": the caller then calls the client directly.
/// </summary>
/// <remarks>
/// The duration is the span's when there is one (no second clock read); only a metered call without a
/// span reads <see cref="Stopwatch"/>, at its start and its end.
/// </remarks>
internal readonly struct MessagingOperation
{
    private readonly long _startTimestamp;

    private MessagingOperation(Activity? activity, MessagingSite? site, OperationKind kind, string operationName, string? destination, int messageCount, long startTimestamp)
    {
        Activity = activity;
        Site = site;
        Kind = kind;
        OperationName = operationName;
        Destination = destination;
        MessageCount = messageCount;
        _startTimestamp = startTimestamp;
    }

    /// <summary>The span, or null when none was created (nothing listens, or it was not sampled).</summary>
    public Activity? Activity { get; }

    /// <summary>The call site's options when the call is metered; null when no instrument is enabled.</summary>
    public MessagingSite? Site { get; }

    /// <summary>The operation's kind.</summary>
    public OperationKind Kind { get; }

    /// <summary>The <c>messaging.operation.name</c>.</summary>
    public string OperationName { get; }

    /// <summary>The actual destination; metrics use the site's template instead when it has one.</summary>
    public string? Destination { get; }

    /// <summary>How many messages the call sent or delivered (0 for a settlement or an empty receive).</summary>
    public int MessageCount { get; }

    /// <summary>Whether there is neither a span nor a metric: the caller calls the client directly.</summary>
    public bool IsNone => Activity is null && Site is null;

    /// <summary>
    /// An operation over <paramref name="activity"/> (which may be null), metered when an instrument for
    /// <paramref name="kind"/> is enabled. <paramref name="startTimestamp"/> is a <see cref="Stopwatch"/>
    /// reading taken when the call began, for calls whose span is created afterwards; 0 means now.
    /// </summary>
    public static MessagingOperation Start(Activity? activity, MessagingSite site, OperationKind kind, string? destination, int messageCount, string? operationName = null, long startTimestamp = 0)
    {
        operationName ??= OperationKinds.TypeName(kind);
        if (!MessagingMetrics.Enabled(kind))
        {
            return activity is null ? default : new MessagingOperation(activity, null, kind, operationName, destination, messageCount, 0);
        }

        long start = activity is not null ? 0 : startTimestamp != 0 ? startTimestamp : Stopwatch.GetTimestamp();
        return new MessagingOperation(activity, site, kind, operationName, destination, messageCount, start);
    }

    /// <summary>An operation with a span and no metrics, for hand-written callers of <see cref="SpanCompletion"/>.</summary>
    public static MessagingOperation ForSpan(Activity activity) =>
        new(activity, null, OperationKind.Send, MessagingOperationTypes.Send, null, 0, 0);

    /// <summary>Stops the span and records the metrics, with <paramref name="errorType"/> when the call failed. Never throws.</summary>
    public void Stop(string? errorType = null)
    {
        var activity = Activity;
        activity?.Stop();
        if (Site is null)
        {
            return;
        }

        try
        {
            double seconds = activity is not null
                ? activity.Duration.TotalSeconds
                : (Stopwatch.GetTimestamp() - _startTimestamp) / (double)Stopwatch.Frequency;
            MessagingMetrics.Record(this, seconds, errorType);
        }
        catch (Exception)
        {
            // A meter listener that throws costs a measurement, never the user's call.
        }
    }

    /// <summary>
    /// Records <paramref name="exception"/> on the span and keeps its <c>error.type</c> for
    /// <see cref="Stop"/>. Returns false, for an exception filter: the exception goes on unchanged.
    /// </summary>
    public bool Fail(Exception exception, ref string? errorType)
    {
        SpanFailure.Record(Activity, exception);
        errorType = ErrorTypeOf(exception);
        return false;
    }

    /// <summary>Records <paramref name="exception"/> and stops: for a call that threw before any completion could stop it. Returns false.</summary>
    public bool FailAndStop(Exception exception)
    {
        SpanFailure.Record(Activity, exception);
        Stop(ErrorTypeOf(exception));
        return false;
    }

    /// <summary>The <c>error.type</c> of an exception: its full type name, as on spans.</summary>
    public static string ErrorTypeOf(Exception exception)
    {
        try
        {
            return exception.GetType().FullName ?? "_OTHER";
        }
        catch (Exception)
        {
            return "_OTHER";
        }
    }
}
