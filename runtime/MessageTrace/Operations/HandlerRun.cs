using System;
using System.Diagnostics;
using System.Threading.Tasks;
using OpenTelemetry;

namespace MessageTrace;

/// <summary>
/// Runs a handler under its started process operation: the message's baggage current for the handler
/// body only (awaits included), a failure result or exception recorded without touching the exception,
/// the span stopped and the metrics recorded when the handler completes, and the caller's current span
/// and baggage put back.
/// </summary>
internal static class HandlerRun
{
    public static TResult Value<TMessage, TArgs, TResult, TRecorder>(MessagingOperation operation, CallerContext caller, in Baggage baggage, TMessage message, TArgs args, Func<TMessage, TArgs, TResult> handler, TRecorder recorder)
        where TRecorder : struct, IResultRecorder
    {
        var scope = Enter(baggage);
        caller.Entered();
        string? errorType = null;
        try
        {
            var result = handler(message, args);
            errorType = SpanCompletion.Record(operation.Activity, result, recorder);
            return result;
        }
        catch (Exception exception) when (operation.Fail(exception, ref errorType))
        {
            throw;
        }
        finally
        {
            // The caller's context first: ending the span then has nothing left to put back.
            Exit(caller, scope);
            operation.Stop(errorType);
        }
    }

    public static void Void<TMessage, TArgs>(MessagingOperation operation, CallerContext caller, in Baggage baggage, TMessage message, TArgs args, Action<TMessage, TArgs> handler)
    {
        var scope = Enter(baggage);
        caller.Entered();
        string? errorType = null;
        try
        {
            handler(message, args);
        }
        catch (Exception exception) when (operation.Fail(exception, ref errorType))
        {
            throw;
        }
        finally
        {
            // The caller's context first: ending the span then has nothing left to put back.
            Exit(caller, scope);
            operation.Stop(errorType);
        }
    }

    public static Task Task<TMessage, TArgs>(MessagingOperation operation, CallerContext caller, in Baggage baggage, TMessage message, TArgs args, Func<TMessage, TArgs, Task> handler)
    {
        var scope = Enter(baggage);
        caller.Entered();
        Task handled;
        try
        {
            handled = handler(message, args);
        }
        catch (Exception exception) when (operation.FailAndStop(exception))
        {
            throw;
        }
        finally
        {
            Exit(caller, scope);
        }

        return SpanCompletion.StopWhenDone(handled, operation);
    }

    public static Task<TResult> TaskOf<TMessage, TArgs, TResult, TRecorder>(MessagingOperation operation, CallerContext caller, in Baggage baggage, TMessage message, TArgs args, Func<TMessage, TArgs, Task<TResult>> handler, TRecorder recorder)
        where TRecorder : struct, IResultRecorder
    {
        var scope = Enter(baggage);
        caller.Entered();
        Task<TResult> handled;
        try
        {
            handled = handler(message, args);
        }
        catch (Exception exception) when (operation.FailAndStop(exception))
        {
            throw;
        }
        finally
        {
            Exit(caller, scope);
        }

        return SpanCompletion.StopWhenDone(handled, operation, recorder);
    }

    public static ValueTask ValueTask<TMessage, TArgs>(MessagingOperation operation, CallerContext caller, in Baggage baggage, TMessage message, TArgs args, Func<TMessage, TArgs, ValueTask> handler)
    {
        var scope = Enter(baggage);
        caller.Entered();
        ValueTask handled;
        try
        {
            handled = handler(message, args);
        }
        catch (Exception exception) when (operation.FailAndStop(exception))
        {
            throw;
        }
        finally
        {
            Exit(caller, scope);
        }

        return SpanCompletion.StopWhenDone(handled, operation);
    }

    public static ValueTask<TResult> ValueTaskOf<TMessage, TArgs, TResult, TRecorder>(MessagingOperation operation, CallerContext caller, in Baggage baggage, TMessage message, TArgs args, Func<TMessage, TArgs, ValueTask<TResult>> handler, TRecorder recorder)
        where TRecorder : struct, IResultRecorder
    {
        var scope = Enter(baggage);
        caller.Entered();
        ValueTask<TResult> handled;
        try
        {
            handled = handler(message, args);
        }
        catch (Exception exception) when (operation.FailAndStop(exception))
        {
            throw;
        }
        finally
        {
            Exit(caller, scope);
        }

        return SpanCompletion.StopWhenDone(handled, operation, recorder);
    }

    public static object? Enter(in Baggage baggage) => baggage.Count > 0 ? HandlerBaggage.Enter(baggage) : null;

    public static void Exit(in CallerContext caller, object? scope)
    {
        // The process span ends here for the caller, whatever parent it was given.
        caller.Restore();
        HandlerBaggage.Exit(scope);
    }
}
