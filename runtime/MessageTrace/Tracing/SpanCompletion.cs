using System;
using System.Diagnostics;
using System.Threading.Tasks;

namespace MessageTrace;

/// <summary>
/// Ends a span when the asynchronous operation it covers finishes: result recorded, failure recorded,
/// the span stopped in every case (cancellation included), and the task's outcome passed through
/// unchanged. A task that has already completed is handled without an async state machine. Traced calls
/// end here too, where their metrics are recorded with the span's end.
/// </summary>
public static class SpanCompletion
{
    /// <summary>Stops <paramref name="activity"/> when <paramref name="task"/> completes, recording its result through <paramref name="onResult"/>.</summary>
    public static Task<TResult> StopWhenDone<TResult>(Task<TResult> task, Activity activity, Action<Activity, TResult>? onResult) =>
        StopWhenDone(task, MessagingOperation.ForSpan(activity), new CallbackResult<TResult>(onResult));

    /// <summary>Stops <paramref name="activity"/> when <paramref name="task"/> completes.</summary>
    public static Task StopWhenDone(Task task, Activity activity) => StopWhenDone(task, MessagingOperation.ForSpan(activity));

    /// <summary>Stops <paramref name="activity"/> when <paramref name="task"/> completes, recording its result through <paramref name="onResult"/>.</summary>
    public static ValueTask<TResult> StopWhenDone<TResult>(ValueTask<TResult> task, Activity activity, Action<Activity, TResult>? onResult) =>
        StopWhenDone(task, MessagingOperation.ForSpan(activity), new CallbackResult<TResult>(onResult));

    /// <summary>Stops <paramref name="activity"/> when <paramref name="task"/> completes.</summary>
    public static ValueTask StopWhenDone(ValueTask task, Activity activity) => StopWhenDone(task, MessagingOperation.ForSpan(activity));

    /// <summary>Stops <paramref name="activity"/> after a synchronous call returned <paramref name="result"/>, and passes it on.</summary>
    public static TResult StopAfter<TResult>(TResult result, Activity activity)
    {
        activity.Stop();
        return result;
    }

    internal static Task StopWhenDone(Task task, MessagingOperation operation)
    {
        if (task is null)
        {
            // A method that returned no task at all: the caller gets exactly that, and the span ends.
            operation.Stop();
            return task!;
        }

        if (task.Status == TaskStatus.RanToCompletion)
        {
            operation.Stop();
            return task;
        }

        return Await(task, operation);
    }

    internal static ValueTask StopWhenDone(ValueTask task, MessagingOperation operation)
    {
        if (task.IsCompletedSuccessfully)
        {
            operation.Stop();
            return task;
        }

        return new ValueTask(Await(task.AsTask(), operation));
    }

    internal static Task<TResult> StopWhenDone<TResult, TRecorder>(Task<TResult> task, MessagingOperation operation, TRecorder recorder)
        where TRecorder : struct, IResultRecorder
    {
        if (task is null)
        {
            operation.Stop();
            return task!;
        }

        if (task.Status == TaskStatus.RanToCompletion)
        {
            Finish(operation, task.Result, recorder);
            return task;
        }

        return Await(task, operation, recorder);
    }

    internal static ValueTask<TResult> StopWhenDone<TResult, TRecorder>(ValueTask<TResult> task, MessagingOperation operation, TRecorder recorder)
        where TRecorder : struct, IResultRecorder
    {
        if (task.IsCompletedSuccessfully)
        {
            // Reading Result consumes the ValueTask (a pooled IValueTaskSource may be reused at once), so
            // the caller gets a new one holding the result rather than the consumed original.
            var result = task.Result;
            Finish(operation, result, recorder);
            return new ValueTask<TResult>(result);
        }

        return new ValueTask<TResult>(Await(task.AsTask(), operation, recorder));
    }

    /// <summary>Records a synchronous call's result and stops the span.</summary>
    internal static TResult StopAfter<TResult, TRecorder>(TResult result, MessagingOperation operation, TRecorder recorder)
        where TRecorder : struct, IResultRecorder
    {
        Finish(operation, result, recorder);
        return result;
    }

    private static async Task<TResult> Await<TResult, TRecorder>(Task<TResult> task, MessagingOperation operation, TRecorder recorder)
        where TRecorder : struct, IResultRecorder
    {
        string? errorType = null;
        try
        {
            var result = await task.ConfigureAwait(false);
            errorType = Record(operation.Activity, result, recorder);
            return result;
        }
        catch (Exception exception) when (operation.Fail(exception, ref errorType))
        {
            throw;
        }
        finally
        {
            operation.Stop(errorType);
        }
    }

    private static async Task Await(Task task, MessagingOperation operation)
    {
        string? errorType = null;
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception exception) when (operation.Fail(exception, ref errorType))
        {
            throw;
        }
        finally
        {
            operation.Stop(errorType);
        }
    }

    private static void Finish<TResult, TRecorder>(MessagingOperation operation, TResult result, TRecorder recorder)
        where TRecorder : struct, IResultRecorder
    {
        operation.Stop(Record(operation.Activity, result, recorder));
    }

    /// <summary>Records what <paramref name="result"/> says on the span; returns its <c>error.type</c> when it reports a failure.</summary>
    internal static string? Record<TResult, TRecorder>(Activity? activity, TResult result, TRecorder recorder)
        where TRecorder : struct, IResultRecorder
    {
        try
        {
            return recorder.Record(activity, result);
        }
        catch (Exception)
        {
            // Reading a result attribute must not turn a successful call into a failure.
            return null;
        }
    }
}
