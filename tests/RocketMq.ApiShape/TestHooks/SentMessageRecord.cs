using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics;

namespace Org.Apache.Rocketmq.Testing
{
    /// <summary>
    /// Test hook, not in the real client: one call of <see cref="Producer.Send(Message)"/> or
    /// <see cref="Producer.Send(Message, ITransaction)"/> that passed the client's local checks
    /// (running producer, non-null message, body size, transaction rules), taken at the time of the call.
    /// </summary>
    public sealed class SentMessageRecord
    {
        private volatile SendReceipt? _receipt;
        private volatile Exception? _failure;

        internal SentMessageRecord(int sequence, Message message, MessageType messageType,
            ITransaction? transaction, Activity? ambientActivity)
        {
            Sequence = sequence;
            Message = message;
            Topic = message.Topic;
            Properties = message.Properties is null
                ? null
                : new ReadOnlyDictionary<string, string>(new Dictionary<string, string>(message.Properties));
            MessageType = messageType;
            Transaction = transaction;
            AmbientActivity = ambientActivity;
        }

        /// <summary>Test hook: 0-based position among this producer's recorded sends.</summary>
        public int Sequence { get; }

        /// <summary>Test hook: the message object itself (its Properties may have changed since).</summary>
        public Message Message { get; }

        /// <summary>Test hook: the message's topic.</summary>
        public string Topic { get; }

        /// <summary>
        /// Test hook: a copy of <see cref="Rocketmq.Message.Properties"/> as it was when Send was called
        /// (null if the message had no dictionary).
        /// </summary>
        public IReadOnlyDictionary<string, string>? Properties { get; }

        /// <summary>Test hook: the message type the real client would infer for this send.</summary>
        public MessageType MessageType { get; }

        /// <summary>Test hook: the transaction of a transactional send; null otherwise.</summary>
        public ITransaction? Transaction { get; }

        /// <summary>Test hook: <see cref="Activity.Current"/> when Send was called.</summary>
        public Activity? AmbientActivity { get; }

        /// <summary>Test hook: the receipt once the send succeeded; null before or on failure.</summary>
        public SendReceipt? Receipt => _receipt;

        /// <summary>Test hook: the exception (or <see cref="OperationCanceledException"/>) the send ended with; null otherwise.</summary>
        public Exception? Failure => _failure;

        /// <summary>Test hook: whether the send has completed, successfully or not.</summary>
        public bool IsCompleted => _receipt is not null || _failure is not null;

        /// <summary>
        /// Test hook: the message as a consumer would receive it, with the properties of this record
        /// (the snapshot) and the receipt's message id (a fresh id when the send has not succeeded).
        /// </summary>
        /// <param name="deliveryAttempt">The delivery attempt, 1 for the first delivery.</param>
        /// <returns>The message view.</returns>
        public MessageView ToMessageView(int deliveryAttempt = 1)
        {
            return MessageView.CreateForTest(
                _receipt?.MessageId ?? TestIds.NextMessageId(),
                Topic,
                Message.Body,
                tag: Message.Tag,
                keys: Message.Keys,
                properties: Properties,
                messageGroup: Message.MessageGroup,
                deliveryTimestamp: Message.DeliveryTimestamp,
                deliveryAttempt: deliveryAttempt,
                priority: Message.Priority);
        }

        internal void SetReceipt(SendReceipt receipt)
        {
            _receipt = receipt;
        }

        internal void SetFailure(Exception failure)
        {
            _failure = failure;
        }
    }
}
