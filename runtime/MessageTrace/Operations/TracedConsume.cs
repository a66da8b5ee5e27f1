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
        if (!MessageTraceSource.Source.HasListeners())
        {
            return receive(args);
        }

        return ReceiveTraced<TMessage, TAdapter, TArgs>(site, args, receive);
    }

    /// <summary>An acknowledgement (or other settlement) returning <see cref="Task"/>.</summary>
    public static Task SettleAsync<TMessage, TAdapter, TArgs>(MessagingSite site, string operationName, TAdapter adapter, TMessage message, TArgs args, Func<TMessage, TArgs, Task> settle)
        where TAdapter : struct, IIncomingMessages<TMessage>
    {
        if (!MessageTraceSource.Source.HasListeners())
        {
            return settle(message, args);
        }

        var previous = Activity.Current;
        var activity = ProcessSpan.StartSettle<TMessage, TAdapter>(site, operationName, message);
        if (activity is null)
        {
            return settle(message, args);
        }

        try
        {
            return SpanCompletion.StopWhenDone(settle(message, args), activity);
        }
        catch (Exception exception) when (SpanFailure.RecordAndStop(activity, exception))
        {
            throw;
        }
        finally
        {
            Activity.Current = previous;
        }
    }

    private static async Task<List<TMessage>> ReceiveTraced<TMessage, TAdapter, TArgs>(MessagingSite site, TArgs args, Func<TArgs, Task<List<TMessage>>> receive)
        where TAdapter : struct, IIncomingMessages<TMessage>
    {
        // The span is created only once messages arrived, yet covers the whole pull.
        var startTime = DateTimeOffset.UtcNow;
        List<TMessage> messages;
        try
        {
            messages = await receive(args).ConfigureAwait(false);
        }
        catch (Exception exception) when (RecordFailedReceive<TMessage, TAdapter>(site, exception, startTime))
        {
            throw;
        }

        if (messages is { Count: > 0 })
        {
            ProcessSpan.StartBatch<TMessage, TAdapter>(site, messages, MessagingOperationTypes.Receive, ActivityKind.Client, startTime)?.Stop();
        }

        return messages;
    }

    private static bool RecordFailedReceive<TMessage, TAdapter>(MessagingSite site, Exception exception, DateTimeOffset startTime)
        where TAdapter : struct, IIncomingMessages<TMessage>
    {
        var activity = ProcessSpan.StartBatch<TMessage, TAdapter>(site, null, MessagingOperationTypes.Receive, ActivityKind.Client, startTime);
        return SpanFailure.RecordAndStop(activity, exception);
    }
}
