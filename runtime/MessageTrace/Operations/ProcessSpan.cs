using System;
using System.Collections.Generic;
using System.Diagnostics;
using OpenTelemetry;

namespace MessageTrace;

/// <summary>
/// Starts the spans of received messages from a broker adapter: a process span for one message (its
/// creation context extracted, the parent chosen by the site's policy, the message's baggage returned for
/// the handler body), and a span over a batch with one link per message. Never throws: a message whose
/// properties throw gives a span without those attributes.
/// </summary>
internal static class ProcessSpan
{
    /// <summary>
    /// Starts the process operation of one message: its span when a listener samples one, its metrics
    /// when an instrument is enabled; the default operation when neither.
    /// </summary>
    public static MessagingOperation StartSingle<TMessage, TAdapter>(MessagingSite site, TMessage message, out Baggage baggage)
        where TAdapter : struct, IIncomingMessages<TMessage>
    {
        baggage = default;
        var adapter = default(TAdapter);
        int count = message is null ? 0 : 1;
        if (!MessageTraceSource.Source.HasListeners())
        {
            // Metrics only: no context to extract, no span to start.
            return MessagingMetrics.ProcessEnabled
                ? MessagingOperation.Start(null, site, OperationKind.Process, Destination(message, adapter), count)
                : default;
        }

        // A null message or missing, malformed or oversized headers give no context: a root span, no link.
        var propagation = message is null ? default : ContextPropagation.Extract(message, adapter);
        var destination = Destination(message, adapter);
        var activity = MessagingSpans.StartProcess(site, destination, propagation.ActivityContext);
        if (activity is not null && activity.IsAllDataRequested)
        {
            Record(activity, message, site, adapter);
        }

        baggage = propagation.Baggage;
        return MessagingOperation.Start(activity, site, OperationKind.Process, destination, count);
    }

    /// <summary>
    /// Starts an operation over several messages (a batch <c>process</c>, kind Consumer, or a
    /// <c>receive</c>, kind Client): a span linked to each message's creation context when a listener
    /// samples one, and its metrics when an instrument is enabled.
    /// </summary>
    public static MessagingOperation StartBatch<TMessage, TAdapter>(MessagingSite site, IEnumerable<TMessage>? messages, OperationKind kind, DateTimeOffset startTime = default, long startTimestamp = 0)
        where TAdapter : struct, IIncomingMessages<TMessage>
    {
        var adapter = default(TAdapter);
        if (!MessageTraceSource.Source.HasListeners())
        {
            if (!MessagingMetrics.Enabled(kind))
            {
                return default;
            }

            int messageCount = Count(messages, adapter, out var firstDestination);
            return MessagingOperation.Start(null, site, kind, firstDestination, messageCount, startTimestamp: startTimestamp);
        }

        // A batch has many creation contexts: the span hangs under the ambient span and links each message.
        var links = Links(messages, adapter, out var destination, out int count);
        var (operationType, activityKind) = kind == OperationKind.Receive
            ? (MessagingOperationTypes.Receive, ActivityKind.Client)
            : (MessagingOperationTypes.Process, ActivityKind.Consumer);
        var activity = MessagingSpans.StartBatch(operationType, activityKind, site.System, destination, site.Template, site.ConsumerGroup, links, count, startTime);
        if (activity is not null && activity.IsAllDataRequested)
        {
            RecordSite<TMessage, TAdapter>(activity, site, adapter);
        }

        return MessagingOperation.Start(activity, site, kind, destination, count, startTimestamp: startTimestamp);
    }

    /// <summary>Starts a settle operation: a span (kind Client) linked to the settled message's creation context, and its metrics.</summary>
    public static MessagingOperation StartSettle<TMessage, TAdapter>(MessagingSite site, string operationName, TMessage message)
        where TAdapter : struct, IIncomingMessages<TMessage>
    {
        var adapter = default(TAdapter);
        if (!MessageTraceSource.Source.HasListeners())
        {
            return MessagingMetrics.ClientEnabled
                ? MessagingOperation.Start(null, site, OperationKind.Settle, Destination(message, adapter), 0, operationName)
                : default;
        }

        var context = message is null ? default : ContextPropagation.Extract(message, adapter).ActivityContext;
        var destination = Destination(message, adapter);
        var activity = MessagingSpans.StartSettle(site.System, operationName, destination, site.ConsumerGroup, context);
        if (activity is not null && activity.IsAllDataRequested)
        {
            RecordSite<TMessage, TAdapter>(activity, site, adapter);
            if (message is not null)
            {
                MessagingAttributes.RecordMessageId(activity, MessageId(message, adapter));
            }
        }

        return MessagingOperation.Start(activity, site, OperationKind.Settle, destination, 0, operationName);
    }

    /// <summary>The number of non-null messages and the first one's destination, for metrics without a span.</summary>
    private static int Count<TMessage, TAdapter>(IEnumerable<TMessage>? messages, TAdapter adapter, out string? destination)
        where TAdapter : struct, IIncomingMessages<TMessage>
    {
        destination = null;
        int count = 0;
        if (messages is null)
        {
            return 0;
        }

        try
        {
            foreach (var message in messages)
            {
                if (message is not null)
                {
                    count++;
                    destination ??= Destination(message, adapter);
                }
            }
        }
        catch (Exception)
        {
            // A collection that throws while enumerated: the messages read so far are counted.
        }

        return count;
    }

    /// <summary>One link per message with a valid creation context, carrying that message's id; null messages are neither linked nor counted.</summary>
    private static List<ActivityLink> Links<TMessage, TAdapter>(IEnumerable<TMessage>? messages, TAdapter adapter, out string? destination, out int count)
        where TAdapter : struct, IIncomingMessages<TMessage>
    {
        var links = new List<ActivityLink>();
        destination = null;
        count = 0;
        if (messages is null)
        {
            return links;
        }

        try
        {
            foreach (var message in messages)
            {
                if (message is null)
                {
                    continue;
                }

                count++;
                destination ??= Destination(message, adapter);
                var context = ContextPropagation.Extract(message, adapter).ActivityContext;
                if (context != default)
                {
                    links.Add(MessagingSpans.LinkFor(context, MessageId(message, adapter)));
                }
            }
        }
        catch (Exception)
        {
            // A collection that throws while enumerated: the span keeps the links read so far.
        }

        return links;
    }

    private static string? Destination<TMessage, TAdapter>(TMessage message, TAdapter adapter)
        where TAdapter : struct, IIncomingMessages<TMessage>
    {
        try
        {
            return message is null ? null : adapter.Destination(message);
        }
        catch (Exception)
        {
            return null;
        }
    }

    private static string? MessageId<TMessage, TAdapter>(TMessage message, TAdapter adapter)
        where TAdapter : struct, IIncomingMessages<TMessage>
    {
        try
        {
            return adapter.MessageId(message);
        }
        catch (Exception)
        {
            return null;
        }
    }

    private static void Record<TMessage, TAdapter>(Activity activity, TMessage message, MessagingSite site, TAdapter adapter)
        where TAdapter : struct, IIncomingMessages<TMessage>
    {
        RecordSite<TMessage, TAdapter>(activity, site, adapter);
        if (message is null)
        {
            return;
        }

        try
        {
            MessagingAttributes.RecordMessageId(activity, adapter.MessageId(message));
            adapter.RecordAttributes(activity, message, site);
        }
        catch (Exception)
        {
            // A message property that throws costs the span an attribute, never the handler.
        }
    }

    private static void RecordSite<TMessage, TAdapter>(Activity activity, MessagingSite site, TAdapter adapter)
        where TAdapter : struct, IIncomingMessages<TMessage>
    {
        try
        {
            adapter.RecordSiteAttributes(activity, site);
        }
        catch (Exception)
        {
            // As above: an attribute lost, nothing else.
        }
    }
}
