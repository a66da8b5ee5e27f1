#nullable disable
// Mirrors Org.Apache.Rocketmq.ClientType of RocketMQ.Client 5.2.1 (ClientTypeHelper, protobuf-only, is not mirrored).
namespace Org.Apache.Rocketmq
{
    /// <summary>Kind of client.</summary>
    public enum ClientType
    {
        /// <summary>A <see cref="Rocketmq.Producer"/>.</summary>
        Producer,

        /// <summary>A <see cref="Rocketmq.SimpleConsumer"/>.</summary>
        SimpleConsumer,

        /// <summary>A <see cref="Rocketmq.PushConsumer"/>.</summary>
        PushConsumer,

        /// <summary>A <see cref="Rocketmq.LitePushConsumer"/>.</summary>
        LitePushConsumer,
    }
}
