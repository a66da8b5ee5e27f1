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
    /// <summary>Starts a process span for one message, or returns null when nothing listens.</summary>
    public static Activity? StartSingle<TMessage, TAdapter>(MessagingSite site, TMessage message, out Baggage baggage)
        where TAdapter : struct, IIncomingMessages<TMessage>
    {
        baggage = default;
        if (!MessageTraceSource.Source.HasListeners())
        {
            return null;
        }

        // A null message or missing, malformed or oversized headers give no context: a root span, no link.
        var adapter = default(TAdapter);
        var propagation = message is null ? default : ContextPropagation.Extract(message, adapter);
        var activity = MessagingSpans.StartProcess(site.System, Destination(message, adapter), site.Template, site.ConsumerGroup, propagation.ActivityContext, site.ParentPolicy);
        if (activity is not null && activity.IsAllDataRequested)
        {
            Record(activity, message, site, adapter);
        }

        baggage = propagation.Baggage;
        return activity;
    }

    /// <summary>
    /// Starts a span over several messages (a batch <c>process</c>, kind Consumer, or a <c>receive</c>, kind
    /// Client) linked to each message's creation context, or returns null when nothing listens.
    /// </summary>
    public static Activity? StartBatch<TMessage, TAdapter>(MessagingSite site, IEnumerable<TMessage>? messages, string operationType, ActivityKind kind, DateTimeOffset startTime = default)
        where TAdapter : struct, IIncomingMessages<TMessage>
    {
        if (!MessageTraceSource.Source.HasListeners())
        {
            return null;
        }

        // A batch has many creation contexts: the span hangs under the ambient span and links each message.
        var adapter = default(TAdapter);
        var links = Links(messages, adapter, out var destination, out int count);
        var activity = MessagingSpans.StartBatch(operationType, kind, site.System, destination, site.Template, site.ConsumerGroup, links, count, startTime);
        if (activity is not null && activity.IsAllDataRequested)
        {
            RecordSite<TMessage, TAdapter>(activity, site, adapter);
        }

        return activity;
    }

    /// <summary>Starts a settle span (kind Client) linked to the settled message's creation context.</summary>
    public static Activity? StartSettle<TMessage, TAdapter>(MessagingSite site, string operationName, TMessage message)
        where TAdapter : struct, IIncomingMessages<TMessage>
    {
        if (!MessageTraceSource.Source.HasListeners())
        {
            return null;
        }

        var adapter = default(TAdapter);
        var context = message is null ? default : ContextPropagation.Extract(message, adapter).ActivityContext;
        var activity = MessagingSpans.StartSettle(site.System, operationName, Destination(message, adapter), site.ConsumerGroup, context);
        if (activity is not null && activity.IsAllDataRequested)
        {
            RecordSite<TMessage, TAdapter>(activity, site, adapter);
            if (message is not null && MessageId(message, adapter) is { Length: > 0 } id)
            {
                activity.SetTag(MessagingAttributes.MessageId, id);
            }
        }

        return activity;
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
            if (adapter.MessageId(message) is { Length: > 0 } id)
            {
                activity.SetTag(MessagingAttributes.MessageId, id);
            }

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
