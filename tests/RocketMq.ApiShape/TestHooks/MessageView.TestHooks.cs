using System;
using System.Collections.Generic;

namespace Org.Apache.Rocketmq
{
    // Test hooks, not in the real client.
    public partial class MessageView
    {
        /// <summary>
        /// Test hook, not in the real client (which creates views only from broker responses): creates
        /// a received message. Keys and properties are copied; a UTC-kind delivery timestamp or born
        /// time is converted to local time, as the real client does.
        /// </summary>
        /// <param name="messageId">The message id.</param>
        /// <param name="topic">The topic.</param>
        /// <param name="body">The body.</param>
        /// <param name="tag">The tag; null for none.</param>
        /// <param name="keys">The keys; null for none (an empty list, as from the real client).</param>
        /// <param name="properties">
        /// The user properties; null makes <see cref="Properties"/> null (the real client always gives a
        /// dictionary, so this models a defensive case).
        /// </param>
        /// <param name="messageGroup">The message group; null unless FIFO.</param>
        /// <param name="deliveryTimestamp">The delivery time; null unless a delay message.</param>
        /// <param name="deliveryAttempt">The delivery attempt, 1 for the first delivery.</param>
        /// <param name="bornHost">The born host; <c>"127.0.0.1"</c> when null.</param>
        /// <param name="bornTime">The born time; now when null.</param>
        /// <param name="priority">The priority; null unless a priority message.</param>
        /// <param name="corrupted">What <see cref="IsCorrupted"/> returns.</param>
        /// <returns>The message view.</returns>
        public static MessageView CreateForTest(
            string messageId,
            string topic,
            byte[] body,
            string? tag = null,
            IEnumerable<string>? keys = null,
            IEnumerable<KeyValuePair<string, string>>? properties = null,
            string? messageGroup = null,
            DateTime? deliveryTimestamp = null,
            int deliveryAttempt = 1,
            string? bornHost = null,
            DateTime? bornTime = null,
            int? priority = null,
            bool corrupted = false)
        {
            return new MessageView(
                messageId,
                topic,
                body,
                tag,
                messageGroup,
                deliveryTimestamp is { } delivery ? ToLocal(delivery) : null,
                keys is null ? new List<string>() : new List<string>(keys),
                properties is null ? null : new Dictionary<string, string>(properties),
                bornHost ?? "127.0.0.1",
                bornTime is { } born ? ToLocal(born) : DateTime.Now,
                deliveryAttempt,
                corrupted,
                priority);
        }

        private static DateTime ToLocal(DateTime value)
        {
            return value.Kind == DateTimeKind.Utc ? TimeZoneInfo.ConvertTimeFromUtc(value, TimeZoneInfo.Local) : value;
        }
    }
}
