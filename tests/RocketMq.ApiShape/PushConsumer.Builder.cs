#nullable disable
// Mirrors Org.Apache.Rocketmq.PushConsumer.Builder of RocketMQ.Client 5.2.1, checks and messages included.
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace Org.Apache.Rocketmq
{
    public partial class PushConsumer
    {
        /// <summary>Builder of <see cref="PushConsumer"/>. Setters are chainable and throw <see cref="System.ArgumentException"/> on invalid input.</summary>
        public class Builder
        {
            private ClientConfig _clientConfig;
            private string _consumerGroup;
            private ConcurrentDictionary<string, FilterExpression> _subscriptionExpressions;
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
                Preconditions.CheckArgument(null != clientConfig, "clientConfig should not be null");
                _clientConfig = clientConfig;
                return this;
            }

            /// <summary>Sets the consumer group (required).</summary>
            /// <param name="consumerGroup">The group; must match <c>^[%a-zA-Z0-9_-]+$</c>.</param>
            /// <returns>This builder.</returns>
            public Builder SetConsumerGroup(string consumerGroup)
            {
                Preconditions.CheckArgument(null != consumerGroup, "consumerGroup should not be null");
                Preconditions.CheckArgument(consumerGroup != null && ConsumerGroupRegex.Match(consumerGroup).Success,
                    $"topic does not match the regex {ConsumerGroupRegex}");
                _consumerGroup = consumerGroup;
                return this;
            }

            /// <summary>Sets the subscriptions (required, non-empty); the dictionary is copied.</summary>
            /// <param name="subscriptionExpressions">Topic to filter.</param>
            /// <returns>This builder.</returns>
            public Builder SetSubscriptionExpression(Dictionary<string, FilterExpression> subscriptionExpressions)
            {
                Preconditions.CheckArgument(null != subscriptionExpressions,
                    "subscriptionExpressions should not be null");
                Preconditions.CheckArgument(subscriptionExpressions!.Count != 0,
                    "subscriptionExpressions should not be empty");
                _subscriptionExpressions = new ConcurrentDictionary<string, FilterExpression>(subscriptionExpressions);
                return this;
            }

            /// <summary>Sets the listener (required).</summary>
            /// <param name="messageListener">The listener; must not be null.</param>
            /// <returns>This builder.</returns>
            public Builder SetMessageListener(IMessageListener messageListener)
            {
                Preconditions.CheckArgument(null != messageListener,
                    "messageListener should not be null");
                _messageListener = messageListener;
                return this;
            }

            /// <summary>Sets the maximum number of cached messages (1024 by default).</summary>
            /// <param name="maxCacheMessageCount">The maximum; must be positive.</param>
            /// <returns>This builder.</returns>
            public Builder SetMaxCacheMessageCount(int maxCacheMessageCount)
            {
                Preconditions.CheckArgument(maxCacheMessageCount > 0,
                    "maxCacheMessageCount should be positive");
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
                Preconditions.CheckArgument(consumptionThreadCount > 0,
                    "consumptionThreadCount should be positive");
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

            /// <summary>
            /// Builds and starts the consumer (asynchronous). Missing configuration, group or listener fails
            /// the task with <see cref="System.ArgumentException"/>; missing subscriptions with
            /// <see cref="System.NullReferenceException"/>, as in the real client.
            /// </summary>
            /// <returns>The running consumer.</returns>
            public async Task<PushConsumer> Build()
            {
                Preconditions.CheckArgument(null != _clientConfig, "clientConfig has not been set yet");
                Preconditions.CheckArgument(null != _consumerGroup, "consumerGroup has not been set yet");
                Preconditions.CheckArgument(!_subscriptionExpressions.IsEmpty,
                    "subscriptionExpressions has not been set yet");
                Preconditions.CheckArgument(null != _messageListener, "messageListener has not been set yet");
                var pushConsumer = new PushConsumer(_clientConfig, _consumerGroup, _subscriptionExpressions,
                    _messageListener, _maxCacheMessageCount, _maxCacheMessageSizeInBytes, _consumptionThreadCount,
                    _enableFifoConsumeAccelerator);
                await pushConsumer.Start();
                return pushConsumer;
            }
        }
    }
}
