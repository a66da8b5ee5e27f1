#nullable disable
// Mirrors Org.Apache.Rocketmq.Message.Builder of RocketMQ.Client 5.2.1, checks and messages included.
using System;
using System.Collections.Generic;

namespace Org.Apache.Rocketmq
{
    public partial class Message
    {
        /// <summary>
        /// Builder of <see cref="Message"/>. Setters are chainable and throw <see cref="ArgumentException"/>
        /// on invalid input. <see cref="Build"/> hands the builder's own keys list and properties
        /// dictionary to the message without copying them.
        /// </summary>
        public class Builder
        {
            private string _topic;
            private byte[] _body;
            private string _tag;
            private List<string> _keys = new List<string>();
            private readonly Dictionary<string, string> _properties = new Dictionary<string, string>();
            private DateTime? _deliveryTimestamp;
            private string _messageGroup;
            private int? _priority;
            private string _liteTopic;

            /// <summary>Sets the topic, which must match <c>^[%a-zA-Z0-9_-]+$</c>.</summary>
            /// <param name="topic">The topic.</param>
            /// <returns>This builder.</returns>
            /// <exception cref="ArgumentException">The topic is null or does not match.</exception>
            public Builder SetTopic(string topic)
            {
                Preconditions.CheckArgument(null != topic, "topic should not be null");
                Preconditions.CheckArgument(topic != null && TopicRegex.Match(topic).Success,
                    $"topic does not match the regex {TopicRegex}");
                _topic = topic;
                return this;
            }

            /// <summary>Sets the body, which must be non-empty.</summary>
            /// <param name="body">The body.</param>
            /// <returns>This builder.</returns>
            /// <exception cref="ArgumentException">The body is null or empty.</exception>
            public Builder SetBody(byte[] body)
            {
                Preconditions.CheckArgument(null != body && body.Length > 0, "body should not be empty");
                _body = body;
                return this;
            }

            /// <summary>Sets the tag, which must not be blank nor contain <c>|</c>.</summary>
            /// <param name="tag">The tag.</param>
            /// <returns>This builder.</returns>
            /// <exception cref="ArgumentException">The tag is blank or contains <c>|</c>.</exception>
            public Builder SetTag(string tag)
            {
                Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(tag), "tag should not be null or white space");
                Preconditions.CheckArgument(tag != null && !tag.Contains('|', StringComparison.Ordinal),
                    "tag should not contain \"|\"");
                _tag = tag;
                return this;
            }

            /// <summary>Replaces the keys; none may be blank.</summary>
            /// <param name="keys">The keys.</param>
            /// <returns>This builder.</returns>
            /// <exception cref="ArgumentException">A key is blank.</exception>
            public Builder SetKeys(params string[] keys)
            {
                _keys = new List<string>();
                foreach (var key in keys)
                {
                    Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(key),
                        "key should not be null or white space");
                    _keys.Add(key);
                }

                return this;
            }

            /// <summary>Adds or replaces a user property; neither key nor value may be blank.</summary>
            /// <param name="key">The key.</param>
            /// <param name="value">The value.</param>
            /// <returns>This builder.</returns>
            /// <exception cref="ArgumentException">The key or value is blank.</exception>
            public Builder AddProperty(string key, string value)
            {
                Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(key),
                    "key should not be null or white space");
                Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(value),
                    "value should not be null or white space");
                _properties[key] = value;
                return this;
            }

            /// <summary>
            /// Sets the delivery time of a delay message; a UTC-kind value is converted to local time.
            /// Excludes message group, priority and lite topic.
            /// </summary>
            /// <param name="deliveryTimestamp">The delivery time.</param>
            /// <returns>This builder.</returns>
            /// <exception cref="ArgumentException">A message group, priority or lite topic is already set.</exception>
            public Builder SetDeliveryTimestamp(DateTime deliveryTimestamp)
            {
                Preconditions.CheckArgument(null == _messageGroup,
                    "deliveryTimestamp and messageGroup should not be set at same time");
                Preconditions.CheckArgument(!_priority.HasValue,
                    "deliveryTimestamp and priority should not be set at same time");
                Preconditions.CheckArgument(null == _liteTopic,
                    "deliveryTimestamp and liteTopic should not be set at same time");
                _deliveryTimestamp = DateTimeKind.Utc == deliveryTimestamp.Kind
                    ? TimeZoneInfo.ConvertTimeFromUtc(deliveryTimestamp, TimeZoneInfo.Local)
                    : deliveryTimestamp;
                return this;
            }

            /// <summary>Sets the message group of a FIFO message. Excludes delivery time, priority and lite topic.</summary>
            /// <param name="messageGroup">The message group; must not be blank.</param>
            /// <returns>This builder.</returns>
            /// <exception cref="ArgumentException">The group is blank, or a conflicting value is already set.</exception>
            public Builder SetMessageGroup(string messageGroup)
            {
                Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(messageGroup),
                    "messageGroup should not be null or white space");
                Preconditions.CheckArgument(null == _deliveryTimestamp,
                    "messageGroup and deliveryTimestamp should not be set at same time");
                Preconditions.CheckArgument(!_priority.HasValue,
                    "messageGroup and priority should not be set at same time");
                Preconditions.CheckArgument(null == _liteTopic,
                    "messageGroup and liteTopic should not be set at same time");
                _messageGroup = messageGroup;
                return this;
            }

            /// <summary>Sets the lite topic of a lite message. Excludes delivery time, message group and priority.</summary>
            /// <param name="liteTopic">The lite topic; must not be blank.</param>
            /// <returns>This builder.</returns>
            /// <exception cref="ArgumentException">The lite topic is blank, or a conflicting value is already set.</exception>
            public Builder SetLiteTopic(string liteTopic)
            {
                Preconditions.CheckArgument(null == _deliveryTimestamp,
                    "liteTopic and deliveryTimestamp should not be set at same time");
                Preconditions.CheckArgument(null == _messageGroup,
                    "liteTopic and messageGroup should not be set at same time");
                Preconditions.CheckArgument(null == _priority,
                    "liteTopic and priority should not be set at same time");
                Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(liteTopic),
                    "liteTopic should not be null or white space");
                _liteTopic = liteTopic;
                return this;
            }

            /// <summary>Sets the priority of a priority message. Excludes delivery time, message group and lite topic.</summary>
            /// <param name="priority">The priority; must be at least 0.</param>
            /// <returns>This builder.</returns>
            /// <exception cref="ArgumentException">The priority is negative, or a conflicting value is already set.</exception>
            public Builder SetPriority(int priority)
            {
                Preconditions.CheckArgument(priority >= 0,
                    "priority must be greater than or equal to 0");
                Preconditions.CheckArgument(null == _deliveryTimestamp,
                    "priority and deliveryTimestamp should not be set at same time");
                Preconditions.CheckArgument(null == _messageGroup,
                    "priority and messageGroup should not be set at same time");
                Preconditions.CheckArgument(null == _liteTopic,
                    "priority and liteTopic should not be set at same time");
                _priority = priority;
                return this;
            }

            /// <summary>
            /// Builds the message (synchronous). The message receives this builder's own keys list and
            /// properties dictionary, so messages built by one builder share them.
            /// </summary>
            /// <returns>The message.</returns>
            /// <exception cref="ArgumentException">Topic or body has not been set.</exception>
            public Message Build()
            {
                Preconditions.CheckArgument(null != _topic, "topic has not been set yet");
                Preconditions.CheckArgument(null != _body, "body has not been set yet");
                return new Message(_topic, _body, _tag, _keys, _properties, _deliveryTimestamp, _messageGroup,
                    _priority, _liteTopic);
            }
        }
    }
}
