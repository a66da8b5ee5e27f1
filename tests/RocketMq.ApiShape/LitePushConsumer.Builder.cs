#nullable disable
// Mirrors Org.Apache.Rocketmq.LitePushConsumer.Builder of RocketMQ.Client 5.2.1, checks and messages included.
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace Org.Apache.Rocketmq
{
    public partial class LitePushConsumer
    {
        /// <summary>Builder of <see cref="LitePushConsumer"/>. Setters are chainable and throw <see cref="System.ArgumentException"/> on invalid input.</summary>
        public new class Builder
        {
            private ClientConfig _clientConfig;
            private string _consumerGroup;
            private string _bindTopic;
            private ConcurrentDictionary<string, FilterExpression> _subscriptionExpressions =
                new ConcurrentDictionary<string, FilterExpression>();
            private IMessageListener _messageListener;
            private int _maxCacheMessageCount = 1024;
            private int _maxCacheMessageSizeInBytes = 64 * 1024 * 1024;
            private int _consumptionThreadCount = 20;
            private bool _enableFifoConsumeAccelerator;

            /// <summary>Sets the client configuration (required).</summary>
            /// <param name="clientConfig">The configuration; must not be null.</param>
            /// <returns>This builder.</returns>
            public Builder SetClientConfig(ClientConfig clientConfig)
            {
                Preconditions.CheckArgument(clientConfig != null, "clientConfig should not be null");
                _clientConfig = clientConfig;
                return this;
            }

            /// <summary>Sets the consumer group (required).</summary>
            /// <param name="consumerGroup">The group; not blank, matching <c>^[%a-zA-Z0-9_-]+$</c>.</param>
            /// <returns>This builder.</returns>
            public Builder SetConsumerGroup(string consumerGroup)
            {
                Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(consumerGroup),
                    "consumerGroup should not be null or empty");
                Preconditions.CheckArgument(ConsumerGroupRegex.Match(consumerGroup).Success,
                    $"consumerGroup does not match the regex {ConsumerGroupRegex}");
                _consumerGroup = consumerGroup;
                return this;
            }

            /// <summary>Sets the parent topic (required); also resets the subscriptions to (bindTopic, <c>*</c>).</summary>
            /// <param name="bindTopic">The parent topic; must not be blank.</param>
            /// <returns>This builder.</returns>
            public Builder SetBindTopic(string bindTopic)
            {
                Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(bindTopic),
                    "bindTopic should not be null or empty");
                _bindTopic = bindTopic;
                _subscriptionExpressions = new ConcurrentDictionary<string, FilterExpression>
                {
                    [bindTopic] = FilterExpression.SubAll,
                };
                return this;
            }

            /// <summary>Sets the subscriptions; null clears them. The dictionary is copied.</summary>
            /// <param name="subscriptionExpressions">Topic to filter.</param>
            /// <returns>This builder.</returns>
            public Builder SetSubscriptionExpressions(Dictionary<string, FilterExpression> subscriptionExpressions)
            {
                _subscriptionExpressions = subscriptionExpressions != null
                    ? new ConcurrentDictionary<string, FilterExpression>(subscriptionExpressions)
                    : new ConcurrentDictionary<string, FilterExpression>();
                return this;
            }

            /// <summary>Sets the listener (required).</summary>
            /// <param name="messageListener">The listener; must not be null.</param>
            /// <returns>This builder.</returns>
            public Builder SetMessageListener(IMessageListener messageListener)
            {
                Preconditions.CheckArgument(messageListener != null, "messageListener should not be null");
                _messageListener = messageListener;
                return this;
            }

            /// <summary>Sets the maximum number of cached messages (1024 by default).</summary>
            /// <param name="maxCacheMessageCount">The maximum; must be positive.</param>
            /// <returns>This builder.</returns>
            public Builder SetMaxCacheMessageCount(int maxCacheMessageCount)
            {
                Preconditions.CheckArgument(maxCacheMessageCount > 0, "maxCacheMessageCount should be positive");
                _maxCacheMessageCount = maxCacheMessageCount;
                return this;
            }

            /// <summary>Sets the maximum size of cached messages (64 MiB by default).</summary>
            /// <param name="maxCacheMessageSizeInBytes">The maximum; must be positive.</param>
            /// <returns>This builder.</returns>
            public Builder SetMaxCacheMessageSizeInBytes(int maxCacheMessageSizeInBytes)
            {
                Preconditions.CheckArgument(maxCacheMessageSizeInBytes > 0,
                    "maxCacheMessageSizeInBytes should be positive");
                _maxCacheMessageSizeInBytes = maxCacheMessageSizeInBytes;
                return this;
            }

            /// <summary>Sets the number of consumption threads (20 by default).</summary>
            /// <param name="consumptionThreadCount">The number; must be positive.</param>
            /// <returns>This builder.</returns>
            public Builder SetConsumptionThreadCount(int consumptionThreadCount)
            {
                Preconditions.CheckArgument(consumptionThreadCount > 0, "consumptionThreadCount should be positive");
                _consumptionThreadCount = consumptionThreadCount;
                return this;
            }

            /// <summary>Consumes distinct FIFO message groups in parallel (false by default).</summary>
            /// <param name="enableFifoConsumeAccelerator">Whether to enable it.</param>
            /// <returns>This builder.</returns>
            public Builder SetEnableFifoConsumeAccelerator(bool enableFifoConsumeAccelerator)
            {
                _enableFifoConsumeAccelerator = enableFifoConsumeAccelerator;
                return this;
            }

            /// <summary>Builds and starts the consumer (asynchronous).</summary>
            /// <returns>The running consumer.</returns>
            /// <exception cref="System.ArgumentException">Configuration, group, bind topic or listener missing (faulted task).</exception>
            public async Task<LitePushConsumer> Build()
            {
                Preconditions.CheckArgument(_clientConfig != null, "clientConfig has not been set yet");
                Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(_consumerGroup),
                    "consumerGroup has not been set yet");
                Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(_bindTopic), "bindTopic has not been set yet");
                Preconditions.CheckArgument(_messageListener != null, "messageListener has not been set yet");
                var litePushConsumer = new LitePushConsumer(
                    _clientConfig,
                    _consumerGroup,
                    _bindTopic,
                    _subscriptionExpressions,
                    _messageListener,
                    _maxCacheMessageCount,
                    _maxCacheMessageSizeInBytes,
                    _consumptionThreadCount,
                    _enableFifoConsumeAccelerator);
                await litePushConsumer.Start();
                return litePushConsumer;
            }
        }
    }
}
