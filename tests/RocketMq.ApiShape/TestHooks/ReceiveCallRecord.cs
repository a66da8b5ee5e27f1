using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace Org.Apache.Rocketmq.Testing
{
    /// <summary>
    /// Test hook, not in the real client: one call of <see cref="SimpleConsumer.Receive"/> that passed
    /// the client's checks (running, positive count, at least one subscription).
    /// </summary>
    public sealed class ReceiveCallRecord
    {
        private volatile IReadOnlyList<MessageView>? _messages;
        private volatile Exception? _failure;

        internal ReceiveCallRecord(int sequence, string topic, int maxMessageNum, TimeSpan invisibleDuration,
            Activity? ambientActivity)
        {
            Sequence = sequence;
            Topic = topic;
            MaxMessageNum = maxMessageNum;
            InvisibleDuration = invisibleDuration;
            AmbientActivity = ambientActivity;
        }

        /// <summary>Test hook: 0-based position among this consumer's recorded receives.</summary>
        public int Sequence { get; }

        /// <summary>Test hook: the subscribed topic this call polled (round-robin, like the real client).</summary>
        public string Topic { get; }

        /// <summary>Test hook: the <c>maxMessageNum</c> argument.</summary>
        public int MaxMessageNum { get; }

        /// <summary>Test hook: the <c>invisibleDuration</c> argument.</summary>
        public TimeSpan InvisibleDuration { get; }

        /// <summary>Test hook: <see cref="Activity.Current"/> when Receive was called.</summary>
        public Activity? AmbientActivity { get; }

        /// <summary>Test hook: the messages returned; null before completion or on failure.</summary>
        public IReadOnlyList<MessageView>? Messages => _messages;

        /// <summary>Test hook: the exception the call ended with; null otherwise.</summary>
        public Exception? Failure => _failure;

        /// <summary>Test hook: whether the call has completed, successfully or not.</summary>
        public bool IsCompleted => _messages is not null || _failure is not null;

        internal void SetMessages(IReadOnlyList<MessageView> messages)
        {
            _messages = messages;
        }

        internal void SetFailure(Exception failure)
        {
            _failure = failure;
        }
    }
}
