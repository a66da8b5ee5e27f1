using System;
using System.Diagnostics;
using System.Threading.Tasks;

namespace MessageTrace;

/// <summary>
/// Ends a span when the asynchronous operation it covers finishes: result recorded, failure recorded,
/// the span stopped in every case (cancellation included), and the task's outcome passed through
/// unchanged. A task that has already completed is handled without an async state machine.
/// </summary>
public static class SpanCompletion
{
    /// <summary>Stops <paramref name="activity"/> when <paramref name="task"/> completes, recording its result through <paramref name="onResult"/>.</summary>
    public static Task<TResult> StopWhenDone<TResult>(Task<TResult> task, Activity activity, Action<Activity, TResult>? onResult) =>
        StopWhenDone(task, activity, new CallbackResult<TResult>(onResult));

    /// <summary>Stops <paramref name="activity"/> when <paramref name="task"/> completes.</summary>
    public static Task StopWhenDone(Task task, Activity activity)
    {
        if (task is null)
        {
            // A method that returned no task at all: the caller gets exactly that, and the span ends.
            activity.Stop();
            return task!;
        }

        if (task.Status == TaskStatus.RanToCompletion)
        {
            activity.Stop();
            return task;
        }

        return Await(task, activity);
    }

    /// <summary>Stops <paramref name="activity"/> when <paramref name="task"/> completes, recording its result through <paramref name="onResult"/>.</summary>
    public static ValueTask<TResult> StopWhenDone<TResult>(ValueTask<TResult> task, Activity activity, Action<Activity, TResult>? onResult) =>
        StopWhenDone(task, activity, new CallbackResult<TResult>(onResult));

    /// <summary>Stops <paramref name="activity"/> when <paramref name="task"/> completes.</summary>
    public static ValueTask StopWhenDone(ValueTask task, Activity activity)
    {
        if (task.IsCompletedSuccessfully)
        {
            activity.Stop();
            return task;
        }

        return new ValueTask(Await(task.AsTask(), activity));
    }

    /// <summary>Stops <paramref name="activity"/> after a synchronous call returned <paramref name="result"/>, and passes it on.</summary>
    public static TResult StopAfter<TResult>(TResult result, Activity activity)
    {
        activity.Stop();
        return result;
    }

    internal static Task<TResult> StopWhenDone<TResult, TRecorder>(Task<TResult> task, Activity activity, TRecorder recorder)
        where TRecorder : struct, IResultRecorder
    {
        if (task is null)
        {
            activity.Stop();
            return task!;
        }

        if (task.Status == TaskStatus.RanToCompletion)
        {
            Finish(activity, task.Result, recorder);
            return task;
        }

        return Await(task, activity, recorder);
    }

    internal static ValueTask<TResult> StopWhenDone<TResult, TRecorder>(ValueTask<TResult> task, Activity activity, TRecorder recorder)
        where TRecorder : struct, IResultRecorder
    {
        if (task.IsCompletedSuccessfully)
        {
            // Reading Result consumes the ValueTask (a pooled IValueTaskSource may be reused at once), so
            // the caller gets a new one holding the result rather than the consumed original.
            var result = task.Result;
            Finish(activity, result, recorder);
            return new ValueTask<TResult>(result);
        }

        return new ValueTask<TResult>(Await(task.AsTask(), activity, recorder));
    }

    /// <summary>Records a synchronous call's result and stops the span.</summary>
    internal static TResult StopAfter<TResult, TRecorder>(TResult result, Activity activity, TRecorder recorder)
        where TRecorder : struct, IResultRecorder
    {
        Finish(activity, result, recorder);
        return result;
    }

    private static async Task<TResult> Await<TResult, TRecorder>(Task<TResult> task, Activity activity, TRecorder recorder)
        where TRecorder : struct, IResultRecorder
    {
        try
        {
            var result = await task.ConfigureAwait(false);
            Record(activity, result, recorder);
            return result;
        }
        catch (Exception exception) when (SpanFailure.Record(activity, exception))
        {
            throw;
        }
        finally
        {
            activity.Stop();
        }
    }

    private static async Task Await(Task task, Activity activity)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception exception) when (SpanFailure.Record(activity, exception))
        {
            throw;
        }
        finally
        {
            activity.Stop();
        }
    }

    private static void Finish<TResult, TRecorder>(Activity activity, TResult result, TRecorder recorder)
        where TRecorder : struct, IResultRecorder
    {
        Record(activity, result, recorder);
        activity.Stop();
    }

    internal static void Record<TResult, TRecorder>(Activity activity, TResult result, TRecorder recorder)
        where TRecorder : struct, IResultRecorder
    {
        try
        {
            recorder.Record(activity, result);
        }
        catch (Exception)
        {
            // Reading a result attribute must not turn a successful call into a failure.
        }
    }
}
