using System;
using System.Diagnostics;
using System.Threading.Tasks;

namespace MessageTrace;

/// <summary>
/// Traced sends, called by generated interceptors: one method per shape of the client's send method.
/// Each starts the send span and writes the creation context (<see cref="SendSpan"/>), calls the client
/// through the generated <c>send</c> lambda with the message as prepared, records a failure without replacing the
/// exception, ends the span when the call completes, and leaves the caller's current span as it was: put back
/// as soon as the client call returns (the send span must not stay current in the caller), before the span
/// ends, so ending it does not build another execution context.
/// The metrics of the send are recorded where its span ends, also when the span is not sampled. With nothing
/// listening (no tracer, no meter) and no ambient span the client is called directly, with nothing allocated.
/// </summary>
/// <remarks>
/// <c>send</c> is a static lambda (cached once by the compiler) that makes the original call with the
/// adapter's message; <c>args</c> carries the call's other arguments, usually a value tuple.
/// </remarks>
public static class TracedSend
{
    /// <summary>A send returning <see cref="Task{TResult}"/>.</summary>
    public static Task<TResult> SendAsync<TMessage, TArgs, TResult>(MessagingSite site, TMessage message, TArgs args, Func<TMessage, TArgs, Task<TResult>> send)
        where TMessage : struct, IOutgoingMessage
    {
        if (SendSpan.IsIdle)
        {
            return send(message, args);
        }

        var caller = CallerContext.Capture();
        var operation = SendSpan.Begin(ref message, site, caller.Span);
        if (operation.IsNone)
        {
            return send(message, args);
        }

        Task<TResult> sent;
        caller.Entered();
        try
        {
            sent = send(message, args);
        }
        catch (Exception exception) when (operation.FailAndStop(exception))
        {
            throw;
        }
        finally
        {
            caller.Restore();
        }

        return SpanCompletion.StopWhenDone(sent, operation, new SendResult<TMessage>(message));
    }

    /// <summary>A send returning <see cref="Task"/>.</summary>
    public static Task SendAsync<TMessage, TArgs>(MessagingSite site, TMessage message, TArgs args, Func<TMessage, TArgs, Task> send)
        where TMessage : struct, IOutgoingMessage
    {
        if (SendSpan.IsIdle)
        {
            return send(message, args);
        }

        var caller = CallerContext.Capture();
        var operation = SendSpan.Begin(ref message, site, caller.Span);
        if (operation.IsNone)
        {
            return send(message, args);
        }

        Task sent;
        caller.Entered();
        try
        {
            sent = send(message, args);
        }
        catch (Exception exception) when (operation.FailAndStop(exception))
        {
            throw;
        }
        finally
        {
            caller.Restore();
        }

        return SpanCompletion.StopWhenDone(sent, operation);
    }

    /// <summary>A send returning <see cref="ValueTask{TResult}"/>.</summary>
    public static ValueTask<TResult> SendAsync<TMessage, TArgs, TResult>(MessagingSite site, TMessage message, TArgs args, Func<TMessage, TArgs, ValueTask<TResult>> send)
        where TMessage : struct, IOutgoingMessage
    {
        if (SendSpan.IsIdle)
        {
            return send(message, args);
        }

        var caller = CallerContext.Capture();
        var operation = SendSpan.Begin(ref message, site, caller.Span);
        if (operation.IsNone)
        {
            return send(message, args);
        }

        ValueTask<TResult> sent;
        caller.Entered();
        try
        {
            sent = send(message, args);
        }
        catch (Exception exception) when (operation.FailAndStop(exception))
        {
            throw;
        }
        finally
        {
            caller.Restore();
        }

        return SpanCompletion.StopWhenDone(sent, operation, new SendResult<TMessage>(message));
    }

    /// <summary>A send returning <see cref="ValueTask"/>.</summary>
    public static ValueTask SendAsync<TMessage, TArgs>(MessagingSite site, TMessage message, TArgs args, Func<TMessage, TArgs, ValueTask> send)
        where TMessage : struct, IOutgoingMessage
    {
        if (SendSpan.IsIdle)
        {
            return send(message, args);
        }

        var caller = CallerContext.Capture();
        var operation = SendSpan.Begin(ref message, site, caller.Span);
        if (operation.IsNone)
        {
            return send(message, args);
        }

        ValueTask sent;
        caller.Entered();
        try
        {
            sent = send(message, args);
        }
        catch (Exception exception) when (operation.FailAndStop(exception))
        {
            throw;
        }
        finally
        {
            caller.Restore();
        }

        return SpanCompletion.StopWhenDone(sent, operation);
    }

    /// <summary>A synchronous send returning a value.</summary>
    public static TResult Send<TMessage, TArgs, TResult>(MessagingSite site, TMessage message, TArgs args, Func<TMessage, TArgs, TResult> send)
        where TMessage : struct, IOutgoingMessage
    {
        if (SendSpan.IsIdle)
        {
            return send(message, args);
        }

        var caller = CallerContext.Capture();
        var operation = SendSpan.Begin(ref message, site, caller.Span);
        if (operation.IsNone)
        {
            return send(message, args);
        }

        TResult sent;
        caller.Entered();
        try
        {
            sent = send(message, args);
        }
        catch (Exception exception) when (operation.FailAndStop(exception))
        {
            throw;
        }
        finally
        {
            caller.Restore();
        }

        return SpanCompletion.StopAfter(sent, operation, new SendResult<TMessage>(message));
    }

    /// <summary>A synchronous send returning nothing.</summary>
    public static void SendVoid<TMessage, TArgs>(MessagingSite site, TMessage message, TArgs args, Action<TMessage, TArgs> send)
        where TMessage : struct, IOutgoingMessage
    {
        if (SendSpan.IsIdle)
        {
            send(message, args);
            return;
        }

        var caller = CallerContext.Capture();
        var operation = SendSpan.Begin(ref message, site, caller.Span);
        if (operation.IsNone)
        {
            send(message, args);
            return;
        }

        caller.Entered();
        try
        {
            send(message, args);
        }
        catch (Exception exception) when (operation.FailAndStop(exception))
        {
            throw;
        }
        finally
        {
            caller.Restore();
        }

        operation.Stop();
    }

    /// <summary>
    /// A send that reports its outcome to a callback (Kafka's <c>Produce</c> with a delivery handler): the
    /// span ends when the report arrives, with the report's attributes and failure, and the caller's
    /// <paramref name="handler"/> then runs once, as the client would have run it. A send that throws
    /// at once is recorded as failed and its exception goes on unchanged. A client that refuses the
    /// callback when the caller passed none (Kafka with delivery reports off) is called the caller's way.
    /// </summary>
    public static void SendWithReport<TMessage, TArgs, TReport>(MessagingSite site, TMessage message, Action<TReport>? handler, TArgs args, Action<TMessage, TArgs, Action<TReport>?> send)
        where TMessage : struct, IOutgoingMessage, IReportedOutcome<TReport>
    {
        if (SendSpan.IsIdle)
        {
            send(message, args, handler);
            return;
        }

        var caller = CallerContext.Capture();
        var operation = SendSpan.Begin(ref message, site, caller.Span);
        if (operation.IsNone)
        {
            send(message, args, handler);
            return;
        }

        var completion = new ReportCompletion<TMessage, TReport>(operation, message, handler);
        caller.Entered();
        try
        {
            send(message, args, completion.OnReport);
        }
        catch (InvalidOperationException) when (handler is null && completion.TryWithdraw())
        {
            // The client refuses a callback the caller did not pass (Kafka with delivery reports turned off):
            // send the caller's way, without one; the span then ends when the call returns.
            SendWithoutReport(message, args, send, operation);
        }
        catch (Exception exception) when (operation.FailAndStop(exception))
        {
            throw;
        }
        finally
        {
            caller.Restore();
        }
    }

    private static void SendWithoutReport<TMessage, TArgs, TReport>(TMessage message, TArgs args, Action<TMessage, TArgs, Action<TReport>?> send, MessagingOperation operation)
    {
        try
        {
            send(message, args, null);
            operation.Stop();
        }
        catch (Exception exception) when (operation.FailAndStop(exception))
        {
            throw;
        }
    }
}
