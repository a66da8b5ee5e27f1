#nullable disable
// Mirrors ILitePushConsumer and LitePushConsumer of RocketMQ.Client 5.2.1. The lite subscription
// set is kept locally; the broker's quota is a test hook (TestHooks/LitePushConsumer.TestHooks.cs).
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading.Tasks;
using Org.Apache.Rocketmq.Error;

namespace Org.Apache.Rocketmq
{
    /// <summary>A push consumer of lite topics bound to one parent topic.</summary>
    public interface ILitePushConsumer : IAsyncDisposable, IDisposable
    {
        /// <summary>Subscribes to a lite topic.</summary>
        /// <param name="liteTopic">The lite topic.</param>
        /// <returns>A task that completes when subscribed.</returns>
        Task SubscribeLite(string liteTopic);

        /// <summary>Subscribes to a lite topic from a given offset.</summary>
        /// <param name="liteTopic">The lite topic.</param>
        /// <param name="offsetOption">Where to start; null for the default.</param>
        /// <returns>A task that completes when subscribed.</returns>
        Task SubscribeLite(string liteTopic, OffsetOption offsetOption);

        /// <summary>Unsubscribes from a lite topic.</summary>
        /// <param name="liteTopic">The lite topic.</param>
        /// <returns>A task that completes when unsubscribed.</returns>
        Task UnsubscribeLite(string liteTopic);

        /// <summary>A snapshot of the subscribed lite topics.</summary>
        /// <returns>The lite topics.</returns>
        ISet<string> GetLiteTopicSet();

        /// <summary>The consumer group.</summary>
        /// <returns>The group.</returns>
        string GetConsumerGroup();
    }

    /// <summary>A push consumer of lite topics bound to one parent topic. Build it with <see cref="Builder"/>.</summary>
    public partial class LitePushConsumer : PushConsumer, ILitePushConsumer
    {
        private const int MaxLiteTopicSize = 64;

        private readonly string _bindTopic;
        private readonly ConcurrentDictionary<string, byte> _liteTopicSet = new ConcurrentDictionary<string, byte>();

        /// <summary>Creates a consumer that is not started (use <see cref="Builder"/>).</summary>
        /// <param name="clientConfig">The configuration.</param>
        /// <param name="consumerGroup">The consumer group.</param>
        /// <param name="bindTopic">The parent topic; must not be blank.</param>
        /// <param name="subscriptionExpressions">Initial subscriptions (may be empty).</param>
        /// <param name="messageListener">The listener.</param>
        /// <param name="maxCacheMessageCount">Maximum number of cached messages.</param>
        /// <param name="maxCacheMessageSizeInBytes">Maximum size of cached messages.</param>
        /// <param name="consumptionThreadCount">Number of consumption threads.</param>
        /// <param name="enableFifoConsumeAccelerator">Consume distinct FIFO groups in parallel.</param>
        /// <exception cref="ArgumentException"><paramref name="bindTopic"/> is blank.</exception>
        public LitePushConsumer(
            ClientConfig clientConfig,
            string consumerGroup,
            string bindTopic,
            ConcurrentDictionary<string, FilterExpression> subscriptionExpressions,
            IMessageListener messageListener,
            int maxCacheMessageCount,
            int maxCacheMessageSizeInBytes,
            int consumptionThreadCount,
            bool enableFifoConsumeAccelerator = false)
            : base(clientConfig, consumerGroup, subscriptionExpressions, messageListener,
                maxCacheMessageCount, maxCacheMessageSizeInBytes, consumptionThreadCount,
                enableFifoConsumeAccelerator)
        {
            if (string.IsNullOrWhiteSpace(bindTopic))
            {
                throw new ArgumentException("bindTopic cannot be null or empty", nameof(bindTopic));
            }

            _bindTopic = bindTopic;
        }

        /// <inheritdoc />
        protected override async Task Start()
        {
            await base.Start();

            // The real client fetches the bind topic's route and syncs lite subscriptions here.
            await NoBroker.RoundTrip;
        }

        /// <inheritdoc />
        public async Task SubscribeLite(string liteTopic)
        {
            await SubscribeLite0(liteTopic, null);
        }

        /// <inheritdoc />
        public async Task SubscribeLite(string liteTopic, OffsetOption offsetOption)
        {
            await SubscribeLite0(liteTopic, offsetOption);
        }

        private async Task SubscribeLite0(string liteTopic, OffsetOption offsetOption)
        {
            CheckRunning();
            if (_liteTopicSet.ContainsKey(liteTopic))
            {
                return;
            }

            if (string.IsNullOrWhiteSpace(liteTopic))
            {
                throw new ArgumentException("liteTopic is blank", nameof(liteTopic));
            }

            if (liteTopic.Length > MaxLiteTopicSize)
            {
                throw new ArgumentException(
                    $"liteTopic length exceeded max length {MaxLiteTopicSize}, liteTopic: {liteTopic}",
                    nameof(liteTopic));
            }

            var quota = LiteSubscriptionQuotaForTest;
            if (_liteTopicSet.Count + 1 > quota)
            {
                throw new LiteSubscriptionQuotaExceededException(
                    $"Lite subscription quota exceeded {quota}, current size: {_liteTopicSet.Count}, delta: 1");
            }

            _ = offsetOption;

            // Stands in for the lite subscription sync with the broker.
            await NoBroker.RoundTrip;
            _liteTopicSet.TryAdd(liteTopic, 0);
        }

        /// <inheritdoc />
        public async Task UnsubscribeLite(string liteTopic)
        {
            CheckRunning();
            if (!_liteTopicSet.ContainsKey(liteTopic))
            {
                return;
            }

            // Stands in for the lite subscription sync with the broker.
            await NoBroker.RoundTrip;
            _liteTopicSet.TryRemove(liteTopic, out _);
        }

        /// <inheritdoc />
        public ISet<string> GetLiteTopicSet()
        {
            return new HashSet<string>(_liteTopicSet.Keys);
        }

        /// <inheritdoc />
        public new string GetConsumerGroup()
        {
            return ConsumerGroup;
        }

        /// <inheritdoc />
        protected override ClientType GetClientType()
        {
            return ClientType.LitePushConsumer;
        }

        /// <summary>The parent topic of the lite topics.</summary>
        /// <returns>The bind topic.</returns>
        public string GetBindTopic()
        {
            return _bindTopic;
        }
    }
}
