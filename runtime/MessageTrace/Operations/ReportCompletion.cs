using System;
using System.Diagnostics;

namespace MessageTrace;

/// <summary>
/// Ends a send whose outcome arrives in a callback: when the client reports, the report's attributes and
/// failure are recorded, the span stops and the metrics are recorded, and then the caller's own callback
/// runs, exactly once, its exceptions untouched. One object per traced send: the client needs a delegate
/// to call, and the operation must travel with it (hand-written code allocates the same closure).
/// </summary>
internal sealed class ReportCompletion<TMessage, TReport>
    where TMessage : struct, IOutgoingMessage, IReportedOutcome<TReport>
{
    private const int Pending = 0;
    private const int Reported = 1;
    private const int Withdrawn = 2;

    private readonly MessagingOperation _operation;
    private readonly TMessage _message;
    private readonly Action<TReport>? _handler;
    private int _state;

    public ReportCompletion(MessagingOperation operation, TMessage message, Action<TReport>? handler)
    {
        _operation = operation;
        _message = message;
        _handler = handler;
        OnReport = Report;
    }

    /// <summary>The callback handed to the client in place of the caller's.</summary>
    public Action<TReport> OnReport { get; }

    /// <summary>
    /// Takes the callback back before the client ever called it (the client refused it): it will then do
    /// nothing if called. False when the report has already been handled.
    /// </summary>
    public bool TryWithdraw() => System.Threading.Interlocked.CompareExchange(ref _state, Withdrawn, Pending) == Pending;

    private void Report(TReport report)
    {
        if (System.Threading.Interlocked.CompareExchange(ref _state, Reported, Pending) != Pending)
        {
            // Withdrawn: the send went out the caller's way, without a callback; or a second report.
            return;
        }

        string? errorType = null;
        try
        {
            var activity = _operation.Activity;
            if (activity is { IsAllDataRequested: true })
            {
                _message.RecordResult(activity, report);
            }

            errorType = _message.FailureOf(report);
            if (errorType is not null)
            {
                SpanFailure.RecordResult(activity, errorType);
            }
        }
        catch (Exception)
        {
            // An adapter that fails to read the report costs attributes, never the caller's callback.
        }

        _operation.Stop(errorType);
        _handler?.Invoke(report);
    }
}
