#nullable disable
// Mirrors Org.Apache.Rocketmq.Consumer of RocketMQ.Client 5.2.1 (receive plumbing not mirrored).
using System.Text.RegularExpressions;

namespace Org.Apache.Rocketmq
{
    /// <summary>Base of the consumers.</summary>
    public abstract class Consumer : Client
    {
        internal static readonly Regex ConsumerGroupRegex = new Regex("^[%a-zA-Z0-9_-]+$");

        /// <summary>The consumer group.</summary>
        protected readonly string ConsumerGroup;

        /// <summary>Creates the consumer.</summary>
        /// <param name="clientConfig">The configuration.</param>
        /// <param name="consumerGroup">The consumer group.</param>
        protected Consumer(ClientConfig clientConfig, string consumerGroup) : base(clientConfig)
        {
            ConsumerGroup = consumerGroup;
        }

        /// <summary>Whether this is a lite consumer (<see cref="LitePushConsumer"/>).</summary>
        /// <returns>True for a lite consumer.</returns>
        public bool IsLiteConsumer()
        {
            return GetClientType() == ClientType.LitePushConsumer;
        }

        /// <summary>The kind of this consumer.</summary>
        /// <returns><see cref="ClientType.PushConsumer"/> unless overridden, as in the real client.</returns>
        protected virtual ClientType GetClientType()
        {
            return ClientType.PushConsumer;
        }
    }
}
