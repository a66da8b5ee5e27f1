#nullable disable
using System.IO;
using Org.Apache.Rocketmq.Error;

namespace Org.Apache.Rocketmq
{
    /// <summary>
    /// The checks and message-type inference the real client performs when it wraps a message for
    /// publishing (its PublishingMessage constructor).
    /// </summary>
    internal static class PublishingRules
    {
        /// <summary>Default maximum body size (the broker may change it in the real client).</summary>
        internal const int MaxBodySizeBytes = 4 * 1024 * 1024;

        /// <summary>
        /// Infers the type; throws <see cref="System.NullReferenceException"/> for a null message,
        /// <see cref="IOException"/> for an oversized body and <see cref="InternalErrorException"/> for a
        /// transactional message with a group, lite topic, priority or delivery time.
        /// </summary>
        internal static MessageType InferMessageType(Message message, bool txEnabled)
        {
            if (message.Body.Length > MaxBodySizeBytes)
            {
                throw new IOException($"Message body size exceed the threshold, max size={MaxBodySizeBytes} bytes");
            }

            if (txEnabled)
            {
                if (!string.IsNullOrEmpty(message.MessageGroup) || !string.IsNullOrEmpty(message.LiteTopic) ||
                    message.Priority.HasValue || message.DeliveryTimestamp.HasValue)
                {
                    throw new InternalErrorException(
                        "Transactional message should not set messageGroup, liteTopic, priority or deliveryTimestamp");
                }

                return MessageType.Transaction;
            }

            if (!string.IsNullOrEmpty(message.MessageGroup))
            {
                return MessageType.Fifo;
            }

            if (!string.IsNullOrEmpty(message.LiteTopic))
            {
                return MessageType.Lite;
            }

            if (message.DeliveryTimestamp.HasValue)
            {
                return MessageType.Delay;
            }

            return message.Priority.HasValue ? MessageType.Priority : MessageType.Normal;
        }
    }
}
