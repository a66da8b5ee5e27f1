using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;

namespace MessageTrace;

/// <summary>
/// Traced pull-consumer calls inside <c>[TracedConsumer]</c> scopes, made by generated interceptors: a
/// receive span over each pull that returned messages (an empty pull has none, as the conventions ask)
/// linked to every message's creation context, and settle spans for acknowledgements.
/// </summary>
public static class TracedConsume
{
    /// <summary>A pull returning a list of messages.</summary>
    public static Task<List<TMessage>> ReceiveAsync<TMessage, TAdapter, TArgs>(MessagingSite site, TAdapter adapter, TArgs args, Func<TArgs, Task<List<TMessage>>> receive)
        where TAdapter : struct, IIncomingMessages<TMessage>
    {
        if (IsOff)
        {
            return receive(args);
        }

        return ReceiveTraced<TMessage, TAdapter, TArgs>(site, args, receive);
    }

    /// <summary>
    /// A synchronous pull returning one message, or null when none arrived in time (Kafka's
    /// <c>Consume</c>): a receive span linked to the message's creation context; none for a null result
    /// (its duration is still measured); an error span for an exception, which goes on unchanged.
    /// </summary>
    public static TMessage ReceiveOne<TMessage, TAdapter, TArgs>(MessagingSite site, TAdapter adapter, TArgs args, Func<TArgs, TMessage> receive)
        where TMessage : class?
        where TAdapter : struct, IIncomingMessages<TMessage>
        => ReceiveOne(site, adapter, args, receive, isEmpty: null);

    /// <summary>
    /// As <see cref="ReceiveOne{TMessage, TAdapter, TArgs}(MessagingSite, TAdapter, TArgs, Func{TArgs, TMessage})"/>,
    /// for a client whose pull can also return a result that holds no message (Kafka's partition-EOF
    /// event): <paramref name="isEmpty"/> says so, and such a result is treated as an empty pull.
    /// </summary>
    public static TMessage ReceiveOne<TMessage, TAdapter, TArgs>(MessagingSite site, TAdapter adapter, TArgs args, Func<TArgs, TMessage> receive, Func<TMessage, bool>? isEmpty)
        where TMessage : class?
        where TAdapter : struct, IIncomingMessages<TMessage>
    {
        if (IsOff)
        {
            return receive(args);
        }

        var startTime = DateTimeOffset.UtcNow;
        long startTimestamp = MessagingMetrics.ClientEnabled ? Stopwatch.GetTimestamp() : 0;
        TMessage message;
        try
        {
            message = receive(args);
        }
        catch (Exception exception) when (ProcessSpan.StartBatch<TMessage, TAdapter>(site, null, OperationKind.Receive, startTime, startTimestamp).FailAndStop(exception))
        {
            throw;
        }

        RecordOne<TMessage, TAdapter>(site, message, isEmpty, startTime, startTimestamp);
        return message;
    }

    /// <summary>
    /// An asynchronous pull returning one message, or null when there was none (RabbitMQ's
    /// <c>BasicGetAsync</c>): as <see cref="ReceiveOne{TMessage, TAdapter, TArgs}(MessagingSite, TAdapter, TArgs, Func{TArgs, TMessage})"/>,
    /// once the pull completes.
    /// </summary>
    public static Task<TMessage> ReceiveOneAsync<TMessage, TAdapter, TArgs>(MessagingSite site, TAdapter adapter, TArgs args, Func<TArgs, Task<TMessage>> receive)
        where TMessage : class?
        where TAdapter : struct, IIncomingMessages<TMessage>
    {
        if (IsOff)
        {
            return receive(args);
        }

        // One pull per call, not per message: the Task the caller expects may cost its allocation here.
        return ReceiveOneTracedValue<TMessage, TAdapter, (Func<TArgs, Task<TMessage>> Receive, TArgs Args)>(
            site, (receive, args), static state => new ValueTask<TMessage>(state.Receive(state.Args))).AsTask();
    }

    /// <summary>As the <see cref="Task{TResult}"/> overload, for a client whose pull returns a <see cref="ValueTask{TResult}"/> (JetStream's <c>NextAsync</c>).</summary>
    public static ValueTask<TMessage> ReceiveOneAsync<TMessage, TAdapter, TArgs>(MessagingSite site, TAdapter adapter, TArgs args, Func<TArgs, ValueTask<TMessage>> receive)
        where TMessage : class?
        where TAdapter : struct, IIncomingMessages<TMessage>
    {
        if (IsOff)
        {
            return receive(args);
        }

        return ReceiveOneTracedValue<TMessage, TAdapter, TArgs>(site, args, receive);
    }

    // A pull that completes later: the span (or the duration alone) once it completed. The ValueTask is
    // awaited once, as its contract asks.
    private static async ValueTask<TMessage> ReceiveOneTracedValue<TMessage, TAdapter, TArgs>(MessagingSite site, TArgs args, Func<TArgs, ValueTask<TMessage>> receive)
        where TMessage : class?
        where TAdapter : struct, IIncomingMessages<TMessage>
    {
        var startTime = DateTimeOffset.UtcNow;
        long startTimestamp = MessagingMetrics.ClientEnabled ? Stopwatch.GetTimestamp() : 0;
        TMessage message;
        try
        {
            message = await receive(args).ConfigureAwait(false);
        }
        catch (Exception exception) when (ProcessSpan.StartBatch<TMessage, TAdapter>(site, null, OperationKind.Receive, startTime, startTimestamp).FailAndStop(exception))
        {
            throw;
        }

        RecordOne<TMessage, TAdapter>(site, message, isEmpty: null, startTime, startTimestamp);
        return message;
    }

    // A pull's one message gets a receive span; a pull that brought none only its duration.
    private static void RecordOne<TMessage, TAdapter>(MessagingSite site, TMessage message, Func<TMessage, bool>? isEmpty, DateTimeOffset startTime, long startTimestamp)
        where TMessage : class?
        where TAdapter : struct, IIncomingMessages<TMessage>
    {
        if (message is not null && (isEmpty is null || !IsEmptyResult(isEmpty, message)))
        {
            // The span starts after the pull (its start time set back to the pull's) and stops at once, which
            // puts the caller's current span back. Its links go to the Activity as a sequence: a one-element
            // array is what that costs.
            ProcessSpan.StartBatch<TMessage, TAdapter>(site, new[] { message }, OperationKind.Receive, startTime, startTimestamp).Stop();
        }
        else if (startTimestamp != 0)
        {
            MessagingOperation.Start(null, site, OperationKind.Receive, destination: null, messageCount: 0, startTimestamp: startTimestamp).Stop();
        }
    }

    // The client's own predicate; if it throws, the result is traced as a message rather than the
    // exception reaching the caller from tracing.
    private static bool IsEmptyResult<TMessage>(Func<TMessage, bool> isEmpty, TMessage message)
    {
        try
        {
            return isEmpty(message);
        }
        catch (Exception)
        {
            return false;
        }
    }

    /// <summary>An acknowledgement (or other settlement) returning <see cref="Task"/>.</summary>
    public static Task SettleAsync<TMessage, TAdapter, TArgs>(MessagingSite site, string operationName, TAdapter adapter, TMessage message, TArgs args, Func<TMessage, TArgs, Task> settle)
        where TAdapter : struct, IIncomingMessages<TMessage>
    {
        if (IsOff)
        {
            return settle(message, args);
        }

        var caller = CallerContext.Capture();
        var operation = ProcessSpan.StartSettle<TMessage, TAdapter>(site, operationName, message);
        if (operation.IsNone)
        {
            return settle(message, args);
        }

        Task settled;
        caller.Entered();
        try
        {
            settled = settle(message, args);
        }
        catch (Exception exception) when (operation.FailAndStop(exception))
        {
            throw;
        }
        finally
        {
            caller.Restore();
        }

        return SpanCompletion.StopWhenDone(settled, operation);
    }

    /// <summary>A synchronous settlement returning nothing (Kafka's <c>Commit</c> and <c>StoreOffset</c> of a record).</summary>
    public static void Settle<TMessage, TAdapter, TArgs>(MessagingSite site, string operationName, TAdapter adapter, TMessage message, TArgs args, Action<TMessage, TArgs> settle)
        where TAdapter : struct, IIncomingMessages<TMessage>
    {
        if (IsOff)
        {
            settle(message, args);
            return;
        }

        var caller = CallerContext.Capture();
        var operation = ProcessSpan.StartSettle<TMessage, TAdapter>(site, operationName, message);
        if (operation.IsNone)
        {
            settle(message, args);
            return;
        }

        caller.Entered();
        try
        {
            settle(message, args);
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

    /// <summary>Whether a pull or settle call has nothing to do: no tracer and no meter listens.</summary>
    private static bool IsOff => !MessageTraceSource.Source.HasListeners() && !MessagingMetrics.ClientEnabled;

    private static async Task<List<TMessage>> ReceiveTraced<TMessage, TAdapter, TArgs>(MessagingSite site, TArgs args, Func<TArgs, Task<List<TMessage>>> receive)
        where TAdapter : struct, IIncomingMessages<TMessage>
    {
        // The span is created only once messages arrived, yet covers the whole pull; metrics without a
        // span time the pull themselves.
        var startTime = DateTimeOffset.UtcNow;
        long startTimestamp = MessagingMetrics.ClientEnabled ? Stopwatch.GetTimestamp() : 0;
        List<TMessage> messages;
        try
        {
            messages = await receive(args).ConfigureAwait(false);
        }
        catch (Exception exception) when (ProcessSpan.StartBatch<TMessage, TAdapter>(site, null, OperationKind.Receive, startTime, startTimestamp).FailAndStop(exception))
        {
            throw;
        }

        if (messages is { Count: > 0 })
        {
            ProcessSpan.StartBatch<TMessage, TAdapter>(site, messages, OperationKind.Receive, startTime, startTimestamp).Stop();
        }
        else if (startTimestamp != 0)
        {
            // An empty pull has no span, but it took time: its duration is recorded, no message counted.
            MessagingOperation.Start(null, site, OperationKind.Receive, destination: null, messageCount: 0, startTimestamp: startTimestamp).Stop();
        }

        return messages;
    }
}
