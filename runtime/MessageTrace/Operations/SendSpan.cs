using System;
using System.Diagnostics;

namespace MessageTrace;

/// <summary>
/// Everything a traced send does before the client is called: decide whether there is work at all,
/// keep a shared header collection from carrying an earlier send's context, start the send span with
/// the message's attributes, and write the creation context. Never throws: an adapter that does (a
/// hostile message object) leaves the message to go out as it is.
/// </summary>
internal static class SendSpan
{
    /// <summary>
    /// Whether a send has nothing to do at all: nothing listens, no ambient context must travel, and no
    /// context was ever written that reused headers could still hold. Asked before anything else.
    /// </summary>
    public static bool IsIdle =>
        !MessageTraceSource.Source.HasListeners() && Activity.Current is null && !WrittenHeaders.AnyWritten && !MessagingMetrics.SendEnabled;

    /// <summary>
    /// Prepares <paramref name="message"/> for the client call and returns the started operation: its span
    /// when one was sampled, its metrics when an instrument is enabled, the default value when neither
    /// (the context, if one must travel, has still been written).
    /// </summary>
    public static MessagingOperation Begin<TMessage>(ref TMessage message, MessagingSite site, Activity? callerSpan)
        where TMessage : struct, IOutgoingMessage
    {
        if (!Prepare(ref message, out var state, out var userContext))
        {
            // No span work: the send is still counted and timed while a meter listens.
            return MessagingMetrics.SendEnabled && HasMessage(message)
                ? MessagingOperation.Start(null, site, OperationKind.Send, Destination(message), 1)
                : default;
        }

        var destination = Destination(message);
        var activity = MessagingSpans.StartSend(site, destination, userContext);
        if (activity is not null && activity.IsAllDataRequested)
        {
            RecordAttributes(message, activity, site);
        }

        // Our span's context, or the ambient one when our span was not created: the chain stays unbroken.
        var context = activity?.Context ?? callerSpan?.Context ?? default;
        Inject(ref message, state, context);
        return MessagingOperation.Start(activity, site, OperationKind.Send, destination, 1);
    }

    /// <summary>Whether the send needs tracing work; sets the headers' state when it does.</summary>
    private static bool Prepare<TMessage>(ref TMessage message, out CarrierState state, out ActivityContext userContext)
        where TMessage : struct, IOutgoingMessage
    {
        state = CarrierState.NotWritable;
        userContext = default;
        try
        {
            if (!message.HasMessage)
            {
                return false;
            }

            var headers = default(OutgoingHeaders<TMessage>);
            if (!ProducerContext.IsActive)
            {
                // Untraced, but never with the context written for an earlier send of reused headers.
                if (ProducerContext.HoldsEarlierContext(message, headers))
                {
                    // Shared or read-only headers (a published NatsHeaders) are left alone: the message is copied.
                    bool copied = (message.SharesHeaders || !message.CanWrite) && message.TryCopy();
                    if (!copied)
                    {
                        ProducerContext.RemoveEarlierContext(message, message.Headers, headers);
                    }
                }

                return false;
            }

            message.PrepareHeaders();
            state = ProducerContext.Inspect(message, out userContext, headers);
            if (state == CarrierState.NotWritable && ProducerContext.HoldsEarlierContext(message, headers) && message.TryCopy())
            {
                // Read-only headers still holding an earlier send's context (NATS makes published headers
                // read-only): the copy can take this send's.
                state = ProducerContext.Inspect(message, out userContext, headers);
            }

            if (state == CarrierState.WrittenForEarlierSend && message.SharesHeaders && message.TryCopy())
            {
                // The copy has headers of its own, without the earlier send's context.
                state = CarrierState.Empty;
            }

            return true;
        }
        catch (Exception)
        {
            return false;
        }
    }

    private static void Inject<TMessage>(ref TMessage message, CarrierState state, in ActivityContext context)
        where TMessage : struct, IOutgoingMessage
    {
        var headers = default(OutgoingHeaders<TMessage>);
        try
        {
            if (state == CarrierState.Empty)
            {
                // Losing the race for headers shared with a concurrent send: inject into a copy instead.
                if (!ProducerContext.TryInject(message, message.Headers, context, replaceOurs: false, headers)
                    && message.SharesHeaders
                    && message.TryCopy())
                {
                    ProducerContext.TryInject(message, message.Headers, context, replaceOurs: false, headers);
                }
            }
            else if (state == CarrierState.WrittenForEarlierSend && !message.SharesHeaders)
            {
                // Headers reused from an earlier send still hold its context: replace it with this send's.
                ProducerContext.TryInject(message, message.Headers, context, replaceOurs: true, headers);
            }
        }
        catch (Exception)
        {
            // The message goes out without context rather than the send failing.
        }
    }

    private static bool HasMessage<TMessage>(in TMessage message)
        where TMessage : struct, IOutgoingMessage
    {
        try
        {
            return message.HasMessage;
        }
        catch (Exception)
        {
            return false;
        }
    }

    private static string? Destination<TMessage>(in TMessage message)
        where TMessage : struct, IOutgoingMessage
    {
        try
        {
            return message.Destination;
        }
        catch (Exception)
        {
            return null;
        }
    }

    private static void RecordAttributes<TMessage>(in TMessage message, Activity activity, MessagingSite site)
        where TMessage : struct, IOutgoingMessage
    {
        try
        {
            message.RecordAttributes(activity, site);
        }
        catch (Exception)
        {
            // A message property that throws costs the span an attribute, never the send.
        }
    }
}
