#nullable disable
// Mirrors ISendReceipt and SendReceipt of RocketMQ.Client 5.2.1. The real public static
// ProcessSendMessageResponse takes protobuf/RPC types and is not mirrored.
namespace Org.Apache.Rocketmq
{
    /// <summary>Result of a send.</summary>
    public interface ISendReceipt
    {
        /// <summary>The message id.</summary>
        string MessageId { get; }

        /// <summary>Handle to recall a delay message; empty for other messages.</summary>
        string RecallHandle { get; }
    }

    /// <summary>Result of a send. No public constructor.</summary>
    public sealed class SendReceipt : ISendReceipt
    {
        internal SendReceipt(string messageId, string transactionId, Endpoints endpoints, long offset,
            string recallHandle)
        {
            MessageId = messageId;
            TransactionId = transactionId;
            Endpoints = endpoints;
            Offset = offset;
            RecallHandle = recallHandle;
        }

        /// <inheritdoc />
        public string MessageId { get; }

        /// <inheritdoc />
        public string RecallHandle { get; }

        /// <summary>Offset of the message in its queue.</summary>
        public long Offset { get; }

        /// <summary>Transaction id of a transactional message; empty otherwise.</summary>
        public string TransactionId { get; }

        /// <summary>The broker the message was sent to.</summary>
        public Endpoints Endpoints { get; }

        /// <inheritdoc />
        public override string ToString()
        {
            return $"{nameof(MessageId)}: {MessageId}, {nameof(RecallHandle)}: {RecallHandle}";
        }
    }
}
