using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace MessageTrace;

/// <summary>
/// Records the RocketMQ attributes of the conventions from a message's values; generated RocketMQ adapters
/// pass the values, so this library needs no reference to the client.
/// </summary>
public static class RocketMqAttributes
{
    /// <summary>The <c>messaging.rocketmq.message.type</c> values: the conventions' four, and the two kinds client 5.2 adds.</summary>
    public static class MessageTypes
    {
        /// <summary>A normal message.</summary>
        public const string Normal = "normal";

        /// <summary>A FIFO message (it has a message group).</summary>
        public const string Fifo = "fifo";

        /// <summary>A delay message (it has a delivery timestamp).</summary>
        public const string Delay = "delay";

        /// <summary>A transactional message.</summary>
        public const string Transaction = "transaction";

        /// <summary>A lite-topic message (client 5.2; not in the conventions' enum: the client's own name, lower case).</summary>
        public const string Lite = "lite";

        /// <summary>A priority message (client 5.2; not in the conventions' enum: the client's own name, lower case).</summary>
        public const string Priority = "priority";
    }

    /// <summary>
    /// Records <c>messaging.rocketmq.namespace</c>, required on every RocketMQ span (<c>""</c>, the client's default,
    /// when unset). Appended, not set: call it once per span.
    /// </summary>
    public static void RecordNamespace(Activity activity, MessagingSite site) =>
        activity.AddTag(MessagingAttributes.RocketMqNamespace, site.Namespace ?? string.Empty);

    /// <summary>The message kind the client sends: the properties that select it are mutually exclusive.</summary>
    public static string MessageType(string? messageGroup, DateTime? deliveryTimestamp, string? liteTopic, int? priority, bool transactional)
    {
        if (transactional)
        {
            return MessageTypes.Transaction;
        }

        if (!string.IsNullOrEmpty(messageGroup))
        {
            return MessageTypes.Fifo;
        }

        if (deliveryTimestamp.HasValue)
        {
            return MessageTypes.Delay;
        }

        if (!string.IsNullOrEmpty(liteTopic))
        {
            return MessageTypes.Lite;
        }

        return priority.HasValue ? MessageTypes.Priority : MessageTypes.Normal;
    }

    /// <summary>Records the attributes of a message being sent.</summary>
    public static void RecordOutgoing(Activity activity, MessagingSite site, string? tag, List<string>? keys, string? messageGroup, DateTime? deliveryTimestamp, string? liteTopic, int? priority, bool transactional, int? bodySize)
    {
        RecordNamespace(activity, site);
        activity.AddTag(MessagingAttributes.RocketMqMessageType, MessageType(messageGroup, deliveryTimestamp, liteTopic, priority, transactional));
        RecordMessage(activity, site, tag, keys, messageGroup, deliveryTimestamp, bodySize);
    }

    /// <summary>Records the attributes of a received message.</summary>
    public static void RecordIncoming(Activity activity, MessagingSite site, string? tag, List<string>? keys, string? messageGroup, DateTime? deliveryTimestamp, int deliveryAttempt, int? bodySize)
    {
        RecordMessage(activity, site, tag, keys, messageGroup, deliveryTimestamp, bodySize);
        activity.AddTag(MessagingAttributes.RocketMqDeliveryAttempt, TagValues.Int(deliveryAttempt));
    }

    // Each of these attributes is recorded once per span, so they are appended (AddTag) rather than set:
    // SetTag walks the span's attributes for the same key first.
    private static void RecordMessage(Activity activity, MessagingSite site, string? tag, List<string>? keys, string? messageGroup, DateTime? deliveryTimestamp, int? bodySize)
    {
        MessagingAttributes.AddText(activity, MessagingAttributes.RocketMqMessageTag, tag);
        if (TagValues.StringArray(keys) is { } keyArray)
        {
            activity.AddTag(MessagingAttributes.RocketMqMessageKeys, keyArray);
        }

        MessagingAttributes.AddText(activity, MessagingAttributes.RocketMqMessageGroup, messageGroup);
        if (TagValues.EpochMilliseconds(deliveryTimestamp) is { } epochMilliseconds)
        {
            activity.AddTag(MessagingAttributes.RocketMqDeliveryTimestamp, epochMilliseconds);
        }

        MessagingAttributes.SetBodySize(activity, site, bodySize);
    }
}
