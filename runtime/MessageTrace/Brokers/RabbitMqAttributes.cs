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

    /// <summary>Records the attributes of a message being published.</summary>
    public static void RecordOutgoing(Activity activity, MessagingSite site, string? routingKey, string? messageId, int bodySize)
    {
        MessagingAttributes.SetText(activity, MessagingAttributes.RabbitMqRoutingKey, routingKey);
        MessagingAttributes.SetMessageId(activity, messageId);
        MessagingAttributes.SetBodySize(activity, site, bodySize);
    }

    /// <summary>Records the attributes of a delivered message.</summary>
    public static void RecordIncoming(Activity activity, MessagingSite site, string? routingKey, ulong deliveryTag, int bodySize)
    {
        MessagingAttributes.SetText(activity, MessagingAttributes.RabbitMqRoutingKey, routingKey);
        activity.SetTag(MessagingAttributes.RabbitMqDeliveryTag, (long)deliveryTag);
        MessagingAttributes.SetBodySize(activity, site, bodySize);
    }
}
