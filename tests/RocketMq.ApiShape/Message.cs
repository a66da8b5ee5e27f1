#nullable disable
// Mirrors Org.Apache.Rocketmq.Message of RocketMQ.Client 5.2.1 (not nullable-annotated).
// Like the real client, the message keeps the very Keys list and Properties dictionary its
// builder hands over: nothing is copied.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Org.Apache.Rocketmq
{
    /// <summary>A message to publish. Immutable; built through <see cref="Builder"/>, no public constructor.</summary>
    public partial class Message
    {
        internal static readonly Regex TopicRegex = new Regex("^[%a-zA-Z0-9_-]+$");

        private Message(string topic, byte[] body, string tag, List<string> keys,
            Dictionary<string, string> properties, DateTime? deliveryTimestamp, string messageGroup,
            int? priority, string liteTopic)
        {
            Topic = topic;
            Tag = tag;
            Keys = keys;
            Body = body;
            Properties = properties;
            DeliveryTimestamp = deliveryTimestamp;
            MessageGroup = messageGroup;
            Priority = priority;
            LiteTopic = liteTopic;
        }

        /// <summary>The topic.</summary>
        public string Topic { get; }

        /// <summary>The body (non-empty).</summary>
        public byte[] Body { get; }

        /// <summary>The tag; null when not set.</summary>
        public string Tag { get; }

        /// <summary>The keys; the builder's own list (empty when not set).</summary>
        public List<string> Keys { get; }

        /// <summary>
        /// The user properties: the message's own dictionary, not a copy. It is the dictionary of the
        /// builder that built the message, shared with every other message built by that builder.
        /// </summary>
        public Dictionary<string, string> Properties { get; }

        /// <summary>The delivery time of a delay message (local time); null otherwise.</summary>
        public DateTime? DeliveryTimestamp { get; }

        /// <summary>The message group of a FIFO message; null otherwise.</summary>
        public string MessageGroup { get; }

        /// <summary>The lite topic of a lite message; null otherwise.</summary>
        public string LiteTopic { get; }

        /// <summary>The priority of a priority message; null otherwise.</summary>
        public int? Priority { get; }

        /// <inheritdoc />
        public override string ToString()
        {
            return
                $"{nameof(Topic)}: {Topic}, {nameof(Tag)}: {Tag}, {nameof(Keys)}: {string.Join(", ", Keys)}, {nameof(Properties)}: " +
                $"{string.Join(", ", Properties.Select(kvp => kvp.ToString()))}, {nameof(DeliveryTimestamp)}: {DeliveryTimestamp}, {nameof(MessageGroup)}: " +
                $"{MessageGroup}, {nameof(Priority)}: {Priority}, {nameof(LiteTopic)}: {LiteTopic}";
        }
    }
}
