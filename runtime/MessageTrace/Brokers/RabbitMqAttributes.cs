using System.Diagnostics;

namespace MessageTrace;

/// <summary>Records the RabbitMQ attributes of the conventions from a message's values, for generated RabbitMQ adapters.</summary>
public static class RabbitMqAttributes
{
    /// <summary>
    /// The destination: the exchange, or with the default (empty) exchange the queue named by the routing
    /// key, which is what users look for.
    /// </summary>
    public static string? Destination(string? exchange, string? routingKey) => string.IsNullOrEmpty(exchange) ? routingKey : exchange;

    // Each attribute is recorded once per span, so it is appended (AddTag): SetTag first walks the span's
    // attributes for the same key, under the tag list's lock.

    /// <summary>Records the attributes of a message being published. Appended, not set: call it once per span.</summary>
    public static void RecordOutgoing(Activity activity, MessagingSite site, string? routingKey, string? messageId, int bodySize)
    {
        MessagingAttributes.AddText(activity, MessagingAttributes.RabbitMqRoutingKey, routingKey);
        MessagingAttributes.RecordMessageId(activity, messageId);
        MessagingAttributes.SetBodySize(activity, site, bodySize);
    }

    /// <summary>Records the attributes of a delivered message. Appended, not set: call it once per span.</summary>
    public static void RecordIncoming(Activity activity, MessagingSite site, string? routingKey, ulong deliveryTag, int bodySize)
    {
        MessagingAttributes.AddText(activity, MessagingAttributes.RabbitMqRoutingKey, routingKey);
        activity.AddTag(MessagingAttributes.RabbitMqDeliveryTag, (long)deliveryTag);
        MessagingAttributes.SetBodySize(activity, site, bodySize);
    }
}
