#nullable disable
// Mirrors IRecallReceipt and RecallReceipt of RocketMQ.Client 5.2.1.
namespace Org.Apache.Rocketmq
{
    /// <summary>Result of recalling a delay message.</summary>
    public interface IRecallReceipt
    {
        /// <summary>Id of the recalled message.</summary>
        string MessageId { get; }
    }

    /// <summary>Result of recalling a delay message.</summary>
    public sealed class RecallReceipt : IRecallReceipt
    {
        /// <summary>Creates the receipt.</summary>
        /// <param name="messageId">Id of the recalled message.</param>
        public RecallReceipt(string messageId)
        {
            MessageId = messageId;
        }

        /// <inheritdoc />
        public string MessageId { get; }

        /// <inheritdoc />
        public override string ToString()
        {
            return $"{nameof(MessageId)}: {MessageId}";
        }
    }
}
