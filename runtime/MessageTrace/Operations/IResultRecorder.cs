using System.Diagnostics;

namespace MessageTrace;

/// <summary>
/// Records what a call's result says on its span (a message id, a failure result) before the span
/// stops, and returns the <c>error.type</c> when the result reports a failure, for the metrics.
/// </summary>
internal interface IResultRecorder
{
    string? Record<TResult>(Activity? activity, TResult result);
}

/// <summary>A result that says nothing.</summary>
internal readonly struct IgnoreResult : IResultRecorder
{
    public string? Record<TResult>(Activity? activity, TResult result) => null;
}

/// <summary>A send's result, read by its message adapter (a RocketMQ receipt's message id).</summary>
internal readonly struct SendResult<TMessage> : IResultRecorder
    where TMessage : struct, IOutgoingMessage
{
    private readonly TMessage _message;

    public SendResult(TMessage message) => _message = message;

    public string? Record<TResult>(Activity? activity, TResult result)
    {
        if (activity is { IsAllDataRequested: true })
        {
            _message.RecordResult(activity, result);
        }

        return null;
    }
}

/// <summary>A handler's result, which may report failure (RocketMQ <c>ConsumeResult.FAILURE</c>).</summary>
internal readonly struct HandlerResult<TMessage, TAdapter> : IResultRecorder
    where TAdapter : struct, IIncomingMessages<TMessage>
{
    public string? Record<TResult>(Activity? activity, TResult result)
    {
        var errorType = default(TAdapter).FailureOf(result);
        if (errorType is not null)
        {
            SpanFailure.RecordResult(activity, errorType);
        }

        return errorType;
    }
}

/// <summary>A result read through a callback, for hand-written callers of <see cref="SpanCompletion"/>.</summary>
internal readonly struct CallbackResult<T> : IResultRecorder
{
    private readonly System.Action<Activity, T>? _onResult;

    public CallbackResult(System.Action<Activity, T>? onResult) => _onResult = onResult;

    public string? Record<TResult>(Activity? activity, TResult result)
    {
        if (_onResult is not null && activity is { IsAllDataRequested: true } && result is T value)
        {
            _onResult(activity, value);
        }

        return null;
    }
}
