#nullable disable
// Mirrors Org.Apache.Rocketmq.MessageView of RocketMQ.Client 5.2.1 (not nullable-annotated).
// The real static FromProtobuf takes protobuf types and is not mirrored; tests create views with
// the test hook MessageView.CreateForTest (TestHooks/MessageView.TestHooks.cs).
using System;
using System.Collections.Generic;
using System.Linq;

namespace Org.Apache.Rocketmq
{
    /// <summary>Read-only view of a received message. No public constructor.</summary>
    public partial class MessageView
    {
        private readonly bool _corrupted;

        private MessageView(string messageId, string topic, byte[] body, string tag, string messageGroup,
            DateTime? deliveryTimestamp, List<string> keys, Dictionary<string, string> properties, string bornHost,
            DateTime bornTime, int deliveryAttempt, bool corrupted, int? priority)
        {
            MessageId = messageId;
            Topic = topic;
            Body = body;
            Tag = tag;
            MessageGroup = messageGroup;
            DeliveryTimestamp = deliveryTimestamp;
            Keys = keys;
            Properties = properties;
            BornHost = bornHost;
            BornTime = bornTime;
            DeliveryAttempt = deliveryAttempt;
            _corrupted = corrupted;
            Priority = priority;
        }

        /// <summary>The message id.</summary>
        public string MessageId { get; }

        /// <summary>The topic.</summary>
        public string Topic { get; }

        /// <summary>The body.</summary>
        public byte[] Body { get; }

        /// <summary>The tag; null when the message has none.</summary>
        public string Tag { get; }

        /// <summary>The message group; null unless FIFO.</summary>
        public string MessageGroup { get; }

        /// <summary>The delivery time (local) of a delay message; null otherwise.</summary>
        public DateTime? DeliveryTimestamp { get; }

        /// <summary>The keys.</summary>
        public List<string> Keys { get; }

        /// <summary>The user properties as received from the broker.</summary>
        public Dictionary<string, string> Properties { get; }

        /// <summary>The host the message was born on.</summary>
        public string BornHost { get; }

        /// <summary>The time the message was born (local).</summary>
        public DateTime BornTime { get; }

        /// <summary>The delivery attempt, starting at 1.</summary>
        public int DeliveryAttempt { get; set; }

        /// <summary>The priority of a priority message; null otherwise.</summary>
        public int? Priority { get; }

        /// <summary>Increments <see cref="DeliveryAttempt"/> and returns the new value.</summary>
        /// <returns>The new delivery attempt.</returns>
        public int IncrementAndGetDeliveryAttempt()
        {
            return ++DeliveryAttempt;
        }

        /// <summary>Whether the body failed its checksum.</summary>
        /// <returns>True when corrupted.</returns>
        public bool IsCorrupted()
        {
            return _corrupted;
        }

        /// <inheritdoc />
        public override string ToString()
        {
            return $"{nameof(MessageId)}: {MessageId}, {nameof(Topic)}: {Topic}, {nameof(Tag)}: {Tag}," +
                   $" {nameof(MessageGroup)}: {MessageGroup}, {nameof(DeliveryTimestamp)}: {DeliveryTimestamp}," +
                   $" {nameof(Keys)}: {string.Join(", ", Keys)}, {nameof(Properties)}: {string.Join(", ", Properties.Select(kvp => kvp.ToString()))}, {nameof(BornHost)}: {BornHost}, " +
                   $"{nameof(BornTime)}: {BornTime}, {nameof(DeliveryAttempt)}: {DeliveryAttempt}, " +
                   $"{nameof(Priority)}: {Priority}";
        }
    }
}
