using System;
using System.Diagnostics;
using System.Threading.Tasks;

namespace MessageTrace;

/// <summary>A handler call on a struct receiver passed by reference, as a generated interceptor makes it.</summary>
public delegate TResult ReceiverFunc<TReceiver, in TMessage, in TArgs, out TResult>(ref TReceiver receiver, TMessage message, TArgs args);

/// <summary>A handler call returning nothing on a struct receiver passed by reference.</summary>
public delegate void ReceiverAction<TReceiver, in TMessage, in TArgs>(ref TReceiver receiver, TMessage message, TArgs args);

/// <summary>
/// Traced calls of <c>[TracedHandler]</c> instance methods of mutable structs that are not async: the
/// receiver travels by reference, so what the handler changes in it lands in the caller's variable, as
/// in the untraced call. The same span, baggage, failure and completion handling as
/// <see cref="TracedHandler"/>, for one message.
/// </summary>
public static class TracedStructHandler
{
    /// <summary>A handler returning a value.</summary>
    public static TResult Invoke<TReceiver, TMessage, TAdapter, TArgs, TResult>(MessagingSite site, TAdapter adapter, ref TReceiver receiver, TMessage message, TArgs args, ReceiverFunc<TReceiver, TMessage, TArgs, TResult> handler)
        where TAdapter : struct, IIncomingMessages<TMessage>
    {
        var operation = Start<TMessage, TAdapter>(site, message, out var caller, out var baggage);
        if (operation.IsNone)
        {
            return handler(ref receiver, message, args);
        }

        var scope = HandlerRun.Enter(baggage);
        caller.Entered();
        string? errorType = null;
        try
        {
            var result = handler(ref receiver, message, args);
            errorType = SpanCompletion.Record(operation.Activity, result, default(HandlerResult<TMessage, TAdapter>));
            return result;
        }
        catch (Exception exception) when (operation.Fail(exception, ref errorType))
        {
            throw;
        }
        finally
        {
            HandlerRun.Exit(caller, scope);
            operation.Stop(errorType);
        }
    }

    /// <summary>A handler returning nothing.</summary>
    public static void InvokeVoid<TReceiver, TMessage, TAdapter, TArgs>(MessagingSite site, TAdapter adapter, ref TReceiver receiver, TMessage message, TArgs args, ReceiverAction<TReceiver, TMessage, TArgs> handler)
        where TAdapter : struct, IIncomingMessages<TMessage>
    {
        var operation = Start<TMessage, TAdapter>(site, message, out var caller, out var baggage);
        if (operation.IsNone)
        {
            handler(ref receiver, message, args);
            return;
        }

        var scope = HandlerRun.Enter(baggage);
        caller.Entered();
        string? errorType = null;
        try
        {
            handler(ref receiver, message, args);
        }
        catch (Exception exception) when (operation.Fail(exception, ref errorType))
        {
            throw;
        }
        finally
        {
            HandlerRun.Exit(caller, scope);
            operation.Stop(errorType);
        }
    }

    /// <summary>A handler returning <see cref="Task"/> without being async (it runs on the receiver until it returns).</summary>
    public static Task InvokeAsync<TReceiver, TMessage, TAdapter, TArgs>(MessagingSite site, TAdapter adapter, ref TReceiver receiver, TMessage message, TArgs args, ReceiverFunc<TReceiver, TMessage, TArgs, Task> handler)
        where TAdapter : struct, IIncomingMessages<TMessage>
    {
        var operation = Start<TMessage, TAdapter>(site, message, out var caller, out var baggage);
        if (operation.IsNone)
        {
            return handler(ref receiver, message, args);
        }

        var scope = HandlerRun.Enter(baggage);
        caller.Entered();
        Task handled;
        try
        {
            handled = handler(ref receiver, message, args);
        }
        catch (Exception exception) when (operation.FailAndStop(exception))
        {
            throw;
        }
        finally
        {
            HandlerRun.Exit(caller, scope);
        }

        return SpanCompletion.StopWhenDone(handled, operation);
    }

    /// <summary>A handler returning <see cref="Task{TResult}"/> without being async.</summary>
    public static Task<TResult> InvokeAsync<TReceiver, TMessage, TAdapter, TArgs, TResult>(MessagingSite site, TAdapter adapter, ref TReceiver receiver, TMessage message, TArgs args, ReceiverFunc<TReceiver, TMessage, TArgs, Task<TResult>> handler)
        where TAdapter : struct, IIncomingMessages<TMessage>
    {
        var operation = Start<TMessage, TAdapter>(site, message, out var caller, out var baggage);
        if (operation.IsNone)
        {
            return handler(ref receiver, message, args);
        }

        var scope = HandlerRun.Enter(baggage);
        caller.Entered();
        Task<TResult> handled;
        try
        {
            handled = handler(ref receiver, message, args);
        }
        catch (Exception exception) when (operation.FailAndStop(exception))
        {
            throw;
        }
        finally
        {
            HandlerRun.Exit(caller, scope);
        }

        return SpanCompletion.StopWhenDone(handled, operation, default(HandlerResult<TMessage, TAdapter>));
    }

    /// <summary>A handler returning <see cref="ValueTask"/> without being async.</summary>
    public static ValueTask InvokeAsync<TReceiver, TMessage, TAdapter, TArgs>(MessagingSite site, TAdapter adapter, ref TReceiver receiver, TMessage message, TArgs args, ReceiverFunc<TReceiver, TMessage, TArgs, ValueTask> handler)
        where TAdapter : struct, IIncomingMessages<TMessage>
    {
        var operation = Start<TMessage, TAdapter>(site, message, out var caller, out var baggage);
        if (operation.IsNone)
        {
            return handler(ref receiver, message, args);
        }

        var scope = HandlerRun.Enter(baggage);
        caller.Entered();
        ValueTask handled;
        try
        {
            handled = handler(ref receiver, message, args);
        }
        catch (Exception exception) when (operation.FailAndStop(exception))
        {
            throw;
        }
        finally
        {
            HandlerRun.Exit(caller, scope);
        }

        return SpanCompletion.StopWhenDone(handled, operation);
    }

    /// <summary>A handler returning <see cref="ValueTask{TResult}"/> without being async.</summary>
    public static ValueTask<TResult> InvokeAsync<TReceiver, TMessage, TAdapter, TArgs, TResult>(MessagingSite site, TAdapter adapter, ref TReceiver receiver, TMessage message, TArgs args, ReceiverFunc<TReceiver, TMessage, TArgs, ValueTask<TResult>> handler)
        where TAdapter : struct, IIncomingMessages<TMessage>
    {
        var operation = Start<TMessage, TAdapter>(site, message, out var caller, out var baggage);
        if (operation.IsNone)
        {
            return handler(ref receiver, message, args);
        }

        var scope = HandlerRun.Enter(baggage);
        caller.Entered();
        ValueTask<TResult> handled;
        try
        {
            handled = handler(ref receiver, message, args);
        }
        catch (Exception exception) when (operation.FailAndStop(exception))
        {
            throw;
        }
        finally
        {
            HandlerRun.Exit(caller, scope);
        }

        return SpanCompletion.StopWhenDone(handled, operation, default(HandlerResult<TMessage, TAdapter>));
    }

    private static MessagingOperation Start<TMessage, TAdapter>(MessagingSite site, TMessage message, out CallerContext caller, out OpenTelemetry.Baggage baggage)
        where TAdapter : struct, IIncomingMessages<TMessage>
    {
        caller = default;
        baggage = default;
        if (TracedHandler.IsOff)
        {
            return default;
        }

        caller = CallerContext.Capture();
        return ProcessSpan.StartSingle<TMessage, TAdapter>(site, message, out baggage);
    }
}
