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
    public static Task<TResult> StopWhenDone<TResult>(Task<TResult> task, Activity activity, Action<Activity, TResult>? onResult)
    {
        if (task is null)
        {
            // A method that returned no task at all: the caller gets exactly that, and the span ends.
            activity.Stop();
            return task!;
        }

        if (task.Status == TaskStatus.RanToCompletion)
        {
            Finish(activity, task.Result, onResult);
            return task;
        }

        return Await(task, activity, onResult);
    }

    /// <summary>Stops <paramref name="activity"/> when <paramref name="task"/> completes.</summary>
    public static Task StopWhenDone(Task task, Activity activity)
    {
        if (task is null)
        {
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
    public static ValueTask<TResult> StopWhenDone<TResult>(ValueTask<TResult> task, Activity activity, Action<Activity, TResult>? onResult)
    {
        if (task.IsCompletedSuccessfully)
        {
            // Reading Result consumes the ValueTask (a pooled IValueTaskSource may be reused at once), so
            // the caller gets a new one holding the result rather than the consumed original.
            var result = task.Result;
            Finish(activity, result, onResult);
            return new ValueTask<TResult>(result);
        }

        return new ValueTask<TResult>(Await(task.AsTask(), activity, onResult));
    }

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

    private static async Task<TResult> Await<TResult>(Task<TResult> task, Activity activity, Action<Activity, TResult>? onResult)
    {
        try
        {
            var result = await task.ConfigureAwait(false);
            Finish(activity, result, onResult);
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

    private static void Finish<TResult>(Activity activity, TResult result, Action<Activity, TResult>? onResult)
    {
        if (onResult is not null && activity.IsAllDataRequested)
        {
            try
            {
                onResult(activity, result);
            }
            catch (Exception)
            {
                // Reading a result attribute must not turn a successful send into a failure.
            }
        }

        activity.Stop();
    }
}
