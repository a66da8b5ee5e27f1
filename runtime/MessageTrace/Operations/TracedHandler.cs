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
        if (!MessageTraceSource.Source.HasListeners())
        {
            return handler(message, args);
        }

        var previous = Activity.Current;
        var activity = ProcessSpan.StartSingle<TMessage, TAdapter>(site, message, out var baggage);
        return activity is null ? handler(message, args) : HandlerRun.Value(activity, previous, baggage, message, args, handler, default(HandlerResult<TMessage, TAdapter>));
    }

    /// <summary>A handler of one message returning nothing.</summary>
    public static void InvokeVoid<TMessage, TAdapter, TArgs>(MessagingSite site, TAdapter adapter, TMessage message, TArgs args, Action<TMessage, TArgs> handler)
        where TAdapter : struct, IIncomingMessages<TMessage>
    {
        if (!MessageTraceSource.Source.HasListeners())
        {
            handler(message, args);
            return;
        }

        var previous = Activity.Current;
        var activity = ProcessSpan.StartSingle<TMessage, TAdapter>(site, message, out var baggage);
        if (activity is null)
        {
            handler(message, args);
            return;
        }

        HandlerRun.Void(activity, previous, baggage, message, args, handler);
    }

    /// <summary>A handler of one message returning <see cref="Task"/>.</summary>
    public static Task InvokeAsync<TMessage, TAdapter, TArgs>(MessagingSite site, TAdapter adapter, TMessage message, TArgs args, Func<TMessage, TArgs, Task> handler)
        where TAdapter : struct, IIncomingMessages<TMessage>
    {
        if (!MessageTraceSource.Source.HasListeners())
        {
            return handler(message, args);
        }

        var previous = Activity.Current;
        var activity = ProcessSpan.StartSingle<TMessage, TAdapter>(site, message, out var baggage);
        return activity is null ? handler(message, args) : HandlerRun.Task(activity, previous, baggage, message, args, handler);
    }

    /// <summary>A handler of one message returning <see cref="Task{TResult}"/>.</summary>
    public static Task<TResult> InvokeAsync<TMessage, TAdapter, TArgs, TResult>(MessagingSite site, TAdapter adapter, TMessage message, TArgs args, Func<TMessage, TArgs, Task<TResult>> handler)
        where TAdapter : struct, IIncomingMessages<TMessage>
    {
        if (!MessageTraceSource.Source.HasListeners())
        {
            return handler(message, args);
        }

        var previous = Activity.Current;
        var activity = ProcessSpan.StartSingle<TMessage, TAdapter>(site, message, out var baggage);
        return activity is null ? handler(message, args) : HandlerRun.TaskOf(activity, previous, baggage, message, args, handler, default(HandlerResult<TMessage, TAdapter>));
    }

    /// <summary>A handler of one message returning <see cref="ValueTask"/>.</summary>
    public static ValueTask InvokeAsync<TMessage, TAdapter, TArgs>(MessagingSite site, TAdapter adapter, TMessage message, TArgs args, Func<TMessage, TArgs, ValueTask> handler)
        where TAdapter : struct, IIncomingMessages<TMessage>
    {
        if (!MessageTraceSource.Source.HasListeners())
        {
            return handler(message, args);
        }

        var previous = Activity.Current;
        var activity = ProcessSpan.StartSingle<TMessage, TAdapter>(site, message, out var baggage);
        return activity is null ? handler(message, args) : HandlerRun.ValueTask(activity, previous, baggage, message, args, handler);
    }

    /// <summary>A handler of one message returning <see cref="ValueTask{TResult}"/>.</summary>
    public static ValueTask<TResult> InvokeAsync<TMessage, TAdapter, TArgs, TResult>(MessagingSite site, TAdapter adapter, TMessage message, TArgs args, Func<TMessage, TArgs, ValueTask<TResult>> handler)
        where TAdapter : struct, IIncomingMessages<TMessage>
    {
        if (!MessageTraceSource.Source.HasListeners())
        {
            return handler(message, args);
        }

        var previous = Activity.Current;
        var activity = ProcessSpan.StartSingle<TMessage, TAdapter>(site, message, out var baggage);
        return activity is null ? handler(message, args) : HandlerRun.ValueTaskOf(activity, previous, baggage, message, args, handler, default(HandlerResult<TMessage, TAdapter>));
    }

    /// <summary>
    /// A handler of a batch returning a value. With <paramref name="readOnce"/> (the handler takes an
    /// <c>IEnumerable&lt;T&gt;</c>) a single-pass sequence is read once, into a list, so the links and the
    /// handler see the same messages; <c>handler</c> receives the batch it must pass on.
    /// </summary>
    public static TResult InvokeBatch<TMessage, TAdapter, TArgs, TResult>(MessagingSite site, TAdapter adapter, IEnumerable<TMessage>? messages, TArgs args, Func<IEnumerable<TMessage>?, TArgs, TResult> handler, bool readOnce = false)
        where TAdapter : struct, IIncomingMessages<TMessage>
    {
        if (!MessageTraceSource.Source.HasListeners())
        {
            return handler(messages, args);
        }

        var previous = Activity.Current;
        var activity = StartBatch<TMessage, TAdapter>(site, ref messages, readOnce);
        return activity is null ? handler(messages, args) : HandlerRun.Value(activity, previous, default, messages, args, handler, default(HandlerResult<TMessage, TAdapter>));
    }

    /// <summary>A handler of a batch returning nothing.</summary>
    public static void InvokeBatchVoid<TMessage, TAdapter, TArgs>(MessagingSite site, TAdapter adapter, IEnumerable<TMessage>? messages, TArgs args, Action<IEnumerable<TMessage>?, TArgs> handler, bool readOnce = false)
        where TAdapter : struct, IIncomingMessages<TMessage>
    {
        if (!MessageTraceSource.Source.HasListeners())
        {
            handler(messages, args);
            return;
        }

        var previous = Activity.Current;
        var activity = StartBatch<TMessage, TAdapter>(site, ref messages, readOnce);
        if (activity is null)
        {
            handler(messages, args);
            return;
        }

        HandlerRun.Void(activity, previous, default, messages, args, handler);
    }

    /// <summary>A handler of a batch returning <see cref="Task"/>.</summary>
    public static Task InvokeBatchAsync<TMessage, TAdapter, TArgs>(MessagingSite site, TAdapter adapter, IEnumerable<TMessage>? messages, TArgs args, Func<IEnumerable<TMessage>?, TArgs, Task> handler, bool readOnce = false)
        where TAdapter : struct, IIncomingMessages<TMessage>
    {
        if (!MessageTraceSource.Source.HasListeners())
        {
            return handler(messages, args);
        }

        var previous = Activity.Current;
        var activity = StartBatch<TMessage, TAdapter>(site, ref messages, readOnce);
        return activity is null ? handler(messages, args) : HandlerRun.Task(activity, previous, default, messages, args, handler);
    }

    /// <summary>A handler of a batch returning <see cref="Task{TResult}"/>.</summary>
    public static Task<TResult> InvokeBatchAsync<TMessage, TAdapter, TArgs, TResult>(MessagingSite site, TAdapter adapter, IEnumerable<TMessage>? messages, TArgs args, Func<IEnumerable<TMessage>?, TArgs, Task<TResult>> handler, bool readOnce = false)
        where TAdapter : struct, IIncomingMessages<TMessage>
    {
        if (!MessageTraceSource.Source.HasListeners())
        {
            return handler(messages, args);
        }

        var previous = Activity.Current;
        var activity = StartBatch<TMessage, TAdapter>(site, ref messages, readOnce);
        return activity is null ? handler(messages, args) : HandlerRun.TaskOf(activity, previous, default, messages, args, handler, default(HandlerResult<TMessage, TAdapter>));
    }

    /// <summary>A handler of a batch returning <see cref="ValueTask"/>.</summary>
    public static ValueTask InvokeBatchAsync<TMessage, TAdapter, TArgs>(MessagingSite site, TAdapter adapter, IEnumerable<TMessage>? messages, TArgs args, Func<IEnumerable<TMessage>?, TArgs, ValueTask> handler, bool readOnce = false)
        where TAdapter : struct, IIncomingMessages<TMessage>
    {
        if (!MessageTraceSource.Source.HasListeners())
        {
            return handler(messages, args);
        }

        var previous = Activity.Current;
        var activity = StartBatch<TMessage, TAdapter>(site, ref messages, readOnce);
        return activity is null ? handler(messages, args) : HandlerRun.ValueTask(activity, previous, default, messages, args, handler);
    }

    /// <summary>A handler of a batch returning <see cref="ValueTask{TResult}"/>.</summary>
    public static ValueTask<TResult> InvokeBatchAsync<TMessage, TAdapter, TArgs, TResult>(MessagingSite site, TAdapter adapter, IEnumerable<TMessage>? messages, TArgs args, Func<IEnumerable<TMessage>?, TArgs, ValueTask<TResult>> handler, bool readOnce = false)
        where TAdapter : struct, IIncomingMessages<TMessage>
    {
        if (!MessageTraceSource.Source.HasListeners())
        {
            return handler(messages, args);
        }

        var previous = Activity.Current;
        var activity = StartBatch<TMessage, TAdapter>(site, ref messages, readOnce);
        return activity is null ? handler(messages, args) : HandlerRun.ValueTaskOf(activity, previous, default, messages, args, handler, default(HandlerResult<TMessage, TAdapter>));
    }

    private static Activity? StartBatch<TMessage, TAdapter>(MessagingSite site, ref IEnumerable<TMessage>? messages, bool readOnce)
        where TAdapter : struct, IIncomingMessages<TMessage>
    {
        if (!MessageTraceSource.Source.HasListeners())
        {
            return null;
        }

        if (readOnce)
        {
            // Building the links enumerates the batch: a single-pass sequence is read once, into a list.
            messages = MessageBatch.ReadOnce(messages);
        }

        return ProcessSpan.StartBatch<TMessage, TAdapter>(site, messages, MessagingOperationTypes.Process, ActivityKind.Consumer);
    }
}
