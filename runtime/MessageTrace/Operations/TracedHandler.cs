using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;

namespace MessageTrace;

/// <summary>
/// Traced handler calls, made by generated interceptors of <c>[TracedHandler]</c> calls and by generated
/// listener decorators: one method per shape of the handler, for one message and for a batch. The
/// adapter argument only names the broker adapter type (pass <c>default</c>); <c>handler</c> is a static
/// lambda making the original call, with the handler's other arguments in <c>args</c>.
/// </summary>
public static class TracedHandler
{
    /// <summary>A handler of one message returning a value.</summary>
    public static TResult Invoke<TMessage, TAdapter, TArgs, TResult>(MessagingSite site, TAdapter adapter, TMessage message, TArgs args, Func<TMessage, TArgs, TResult> handler)
        where TAdapter : struct, IIncomingMessages<TMessage>
    {
        if (IsOff)
        {
            return handler(message, args);
        }

        var caller = CallerContext.Capture();
        var operation = ProcessSpan.StartSingle<TMessage, TAdapter>(site, message, out var baggage);
        return operation.IsNone ? handler(message, args) : HandlerRun.Value(operation, caller, baggage, message, args, handler, default(HandlerResult<TMessage, TAdapter>));
    }

    /// <summary>A handler of one message returning nothing.</summary>
    public static void InvokeVoid<TMessage, TAdapter, TArgs>(MessagingSite site, TAdapter adapter, TMessage message, TArgs args, Action<TMessage, TArgs> handler)
        where TAdapter : struct, IIncomingMessages<TMessage>
    {
        if (IsOff)
        {
            handler(message, args);
            return;
        }

        var caller = CallerContext.Capture();
        var operation = ProcessSpan.StartSingle<TMessage, TAdapter>(site, message, out var baggage);
        if (operation.IsNone)
        {
            handler(message, args);
            return;
        }

        HandlerRun.Void(operation, caller, baggage, message, args, handler);
    }

    /// <summary>A handler of one message returning <see cref="Task"/>.</summary>
    public static Task InvokeAsync<TMessage, TAdapter, TArgs>(MessagingSite site, TAdapter adapter, TMessage message, TArgs args, Func<TMessage, TArgs, Task> handler)
        where TAdapter : struct, IIncomingMessages<TMessage>
    {
        if (IsOff)
        {
            return handler(message, args);
        }

        var caller = CallerContext.Capture();
        var operation = ProcessSpan.StartSingle<TMessage, TAdapter>(site, message, out var baggage);
        return operation.IsNone ? handler(message, args) : HandlerRun.Task(operation, caller, baggage, message, args, handler);
    }

    /// <summary>A handler of one message returning <see cref="Task{TResult}"/>.</summary>
    public static Task<TResult> InvokeAsync<TMessage, TAdapter, TArgs, TResult>(MessagingSite site, TAdapter adapter, TMessage message, TArgs args, Func<TMessage, TArgs, Task<TResult>> handler)
        where TAdapter : struct, IIncomingMessages<TMessage>
    {
        if (IsOff)
        {
            return handler(message, args);
        }

        var caller = CallerContext.Capture();
        var operation = ProcessSpan.StartSingle<TMessage, TAdapter>(site, message, out var baggage);
        return operation.IsNone ? handler(message, args) : HandlerRun.TaskOf(operation, caller, baggage, message, args, handler, default(HandlerResult<TMessage, TAdapter>));
    }

    /// <summary>A handler of one message returning <see cref="ValueTask"/>.</summary>
    public static ValueTask InvokeAsync<TMessage, TAdapter, TArgs>(MessagingSite site, TAdapter adapter, TMessage message, TArgs args, Func<TMessage, TArgs, ValueTask> handler)
        where TAdapter : struct, IIncomingMessages<TMessage>
    {
        if (IsOff)
        {
            return handler(message, args);
        }

        var caller = CallerContext.Capture();
        var operation = ProcessSpan.StartSingle<TMessage, TAdapter>(site, message, out var baggage);
        return operation.IsNone ? handler(message, args) : HandlerRun.ValueTask(operation, caller, baggage, message, args, handler);
    }

    /// <summary>A handler of one message returning <see cref="ValueTask{TResult}"/>.</summary>
    public static ValueTask<TResult> InvokeAsync<TMessage, TAdapter, TArgs, TResult>(MessagingSite site, TAdapter adapter, TMessage message, TArgs args, Func<TMessage, TArgs, ValueTask<TResult>> handler)
        where TAdapter : struct, IIncomingMessages<TMessage>
    {
        if (IsOff)
        {
            return handler(message, args);
        }

        var caller = CallerContext.Capture();
        var operation = ProcessSpan.StartSingle<TMessage, TAdapter>(site, message, out var baggage);
        return operation.IsNone ? handler(message, args) : HandlerRun.ValueTaskOf(operation, caller, baggage, message, args, handler, default(HandlerResult<TMessage, TAdapter>));
    }

    /// <summary>
    /// A handler of a batch returning a value. With <paramref name="readOnce"/> (the handler takes an
    /// <c>IEnumerable&lt;T&gt;</c>) a single-pass sequence is read once, into a list, so the links and the
    /// handler see the same messages; <c>handler</c> receives the batch it must pass on.
    /// </summary>
    public static TResult InvokeBatch<TMessage, TAdapter, TArgs, TResult>(MessagingSite site, TAdapter adapter, IEnumerable<TMessage>? messages, TArgs args, Func<IEnumerable<TMessage>?, TArgs, TResult> handler, bool readOnce = false)
        where TAdapter : struct, IIncomingMessages<TMessage>
    {
        if (IsOff)
        {
            return handler(messages, args);
        }

        var caller = CallerContext.Capture();
        var operation = StartBatch<TMessage, TAdapter>(site, ref messages, readOnce);
        return operation.IsNone ? handler(messages, args) : HandlerRun.Value(operation, caller, default, messages, args, handler, default(HandlerResult<TMessage, TAdapter>));
    }

    /// <summary>A handler of a batch returning nothing.</summary>
    public static void InvokeBatchVoid<TMessage, TAdapter, TArgs>(MessagingSite site, TAdapter adapter, IEnumerable<TMessage>? messages, TArgs args, Action<IEnumerable<TMessage>?, TArgs> handler, bool readOnce = false)
        where TAdapter : struct, IIncomingMessages<TMessage>
    {
        if (IsOff)
        {
            handler(messages, args);
            return;
        }

        var caller = CallerContext.Capture();
        var operation = StartBatch<TMessage, TAdapter>(site, ref messages, readOnce);
        if (operation.IsNone)
        {
            handler(messages, args);
            return;
        }

        HandlerRun.Void(operation, caller, default, messages, args, handler);
    }

    /// <summary>A handler of a batch returning <see cref="Task"/>.</summary>
    public static Task InvokeBatchAsync<TMessage, TAdapter, TArgs>(MessagingSite site, TAdapter adapter, IEnumerable<TMessage>? messages, TArgs args, Func<IEnumerable<TMessage>?, TArgs, Task> handler, bool readOnce = false)
        where TAdapter : struct, IIncomingMessages<TMessage>
    {
        if (IsOff)
        {
            return handler(messages, args);
        }

        var caller = CallerContext.Capture();
        var operation = StartBatch<TMessage, TAdapter>(site, ref messages, readOnce);
        return operation.IsNone ? handler(messages, args) : HandlerRun.Task(operation, caller, default, messages, args, handler);
    }

    /// <summary>A handler of a batch returning <see cref="Task{TResult}"/>.</summary>
    public static Task<TResult> InvokeBatchAsync<TMessage, TAdapter, TArgs, TResult>(MessagingSite site, TAdapter adapter, IEnumerable<TMessage>? messages, TArgs args, Func<IEnumerable<TMessage>?, TArgs, Task<TResult>> handler, bool readOnce = false)
        where TAdapter : struct, IIncomingMessages<TMessage>
    {
        if (IsOff)
        {
            return handler(messages, args);
        }

        var caller = CallerContext.Capture();
        var operation = StartBatch<TMessage, TAdapter>(site, ref messages, readOnce);
        return operation.IsNone ? handler(messages, args) : HandlerRun.TaskOf(operation, caller, default, messages, args, handler, default(HandlerResult<TMessage, TAdapter>));
    }

    /// <summary>A handler of a batch returning <see cref="ValueTask"/>.</summary>
    public static ValueTask InvokeBatchAsync<TMessage, TAdapter, TArgs>(MessagingSite site, TAdapter adapter, IEnumerable<TMessage>? messages, TArgs args, Func<IEnumerable<TMessage>?, TArgs, ValueTask> handler, bool readOnce = false)
        where TAdapter : struct, IIncomingMessages<TMessage>
    {
        if (IsOff)
        {
            return handler(messages, args);
        }

        var caller = CallerContext.Capture();
        var operation = StartBatch<TMessage, TAdapter>(site, ref messages, readOnce);
        return operation.IsNone ? handler(messages, args) : HandlerRun.ValueTask(operation, caller, default, messages, args, handler);
    }

    /// <summary>A handler of a batch returning <see cref="ValueTask{TResult}"/>.</summary>
    public static ValueTask<TResult> InvokeBatchAsync<TMessage, TAdapter, TArgs, TResult>(MessagingSite site, TAdapter adapter, IEnumerable<TMessage>? messages, TArgs args, Func<IEnumerable<TMessage>?, TArgs, ValueTask<TResult>> handler, bool readOnce = false)
        where TAdapter : struct, IIncomingMessages<TMessage>
    {
        if (IsOff)
        {
            return handler(messages, args);
        }

        var caller = CallerContext.Capture();
        var operation = StartBatch<TMessage, TAdapter>(site, ref messages, readOnce);
        return operation.IsNone ? handler(messages, args) : HandlerRun.ValueTaskOf(operation, caller, default, messages, args, handler, default(HandlerResult<TMessage, TAdapter>));
    }

    /// <summary>Whether a handler call has nothing to do: no tracer and no meter listens.</summary>
    internal static bool IsOff => !MessageTraceSource.Source.HasListeners() && !MessagingMetrics.ProcessEnabled;

    private static MessagingOperation StartBatch<TMessage, TAdapter>(MessagingSite site, ref IEnumerable<TMessage>? messages, bool readOnce)
        where TAdapter : struct, IIncomingMessages<TMessage>
    {
        if (readOnce)
        {
            // Building the links or counting enumerates the batch: a single-pass sequence is read once, into a list.
            messages = MessageBatch.ReadOnce(messages);
        }

        return ProcessSpan.StartBatch<TMessage, TAdapter>(site, messages, OperationKind.Process);
    }
}
