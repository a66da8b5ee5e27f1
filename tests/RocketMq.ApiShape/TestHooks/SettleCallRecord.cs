using System;
using System.Diagnostics;

namespace Org.Apache.Rocketmq.Testing
{
    /// <summary>Test hook, not in the real client: which settlement call a <see cref="SettleCallRecord"/> is.</summary>
    public enum SettleOperation
    {
        /// <summary><see cref="SimpleConsumer.Ack"/> or <see cref="PushConsumer.AckMessage"/>.</summary>
        Ack,

        /// <summary><see cref="SimpleConsumer.ChangeInvisibleDuration"/>.</summary>
        ChangeInvisibleDuration,
    }

    /// <summary>Test hook, not in the real client: one settlement call on a running consumer.</summary>
    public sealed class SettleCallRecord
    {
        private volatile bool _succeeded;
        private volatile Exception? _failure;

        internal SettleCallRecord(int sequence, SettleOperation operation, MessageView messageView,
            TimeSpan? invisibleDuration, Activity? ambientActivity)
        {
            Sequence = sequence;
            Operation = operation;
            MessageView = messageView;
            InvisibleDuration = invisibleDuration;
            AmbientActivity = ambientActivity;
        }

        /// <summary>Test hook: 0-based position among this consumer's recorded settlements.</summary>
        public int Sequence { get; }

        /// <summary>Test hook: the operation.</summary>
        public SettleOperation Operation { get; }

        /// <summary>Test hook: the message settled.</summary>
        public MessageView MessageView { get; }

        /// <summary>Test hook: the new invisible duration of <see cref="SettleOperation.ChangeInvisibleDuration"/>; null for an ack.</summary>
        public TimeSpan? InvisibleDuration { get; }

        /// <summary>Test hook: <see cref="Activity.Current"/> when the call was made.</summary>
        public Activity? AmbientActivity { get; }

        /// <summary>Test hook: whether the call completed successfully.</summary>
        public bool Succeeded => _succeeded;

        /// <summary>Test hook: the exception the call ended with; null otherwise.</summary>
        public Exception? Failure => _failure;

        /// <summary>Test hook: whether the call has completed, successfully or not.</summary>
        public bool IsCompleted => _succeeded || _failure is not null;

        internal void SetSucceeded()
        {
            _succeeded = true;
        }

        internal void SetFailure(Exception failure)
        {
            _failure = failure;
        }
    }
}
