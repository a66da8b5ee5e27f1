#nullable disable
// Mirrors Org.Apache.Rocketmq.MessageType of RocketMQ.Client 5.2.1. The public MessageTypeHelper
// there only maps to protobuf and is not mirrored.
namespace Org.Apache.Rocketmq
{
    /// <summary>Type of a message; the client infers it at send time from the message's properties.</summary>
    public enum MessageType
    {
        /// <summary>Normal message.</summary>
        Normal,

        /// <summary>FIFO message (has a message group).</summary>
        Fifo,

        /// <summary>Lite message (has a lite topic).</summary>
        Lite,

        /// <summary>Delay message (has a delivery timestamp).</summary>
        Delay,

        /// <summary>Priority message (has a priority).</summary>
        Priority,

        /// <summary>Transactional message.</summary>
        Transaction,
    }
}
