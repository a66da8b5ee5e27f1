#nullable disable
// Mirrors Org.Apache.Rocketmq.SimpleConsumer.Builder of RocketMQ.Client 5.2.1, checks and messages included.
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace Org.Apache.Rocketmq
{
    public partial class SimpleConsumer
    {
        /// <summary>Builder of <see cref="SimpleConsumer"/>. Setters are chainable and throw <see cref="ArgumentException"/> on invalid input.</summary>
        public class Builder
        {
            private ClientConfig _clientConfig;
            private string _consumerGroup;
            private TimeSpan _awaitDuration;
            private ConcurrentDictionary<string, FilterExpression> _subscriptionExpressions;

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

            /// <summary>Sets the long-polling duration of <see cref="Receive"/> (zero by default).</summary>
            /// <param name="awaitDuration">The duration.</param>
            /// <returns>This builder.</returns>
            public Builder SetAwaitDuration(TimeSpan awaitDuration)
            {
                _awaitDuration = awaitDuration;
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

            /// <summary>
            /// Builds and starts the consumer (asynchronous). Missing configuration or group fails the task
            /// with <see cref="ArgumentException"/>; missing subscriptions with <see cref="NullReferenceException"/>,
            /// as in the real client.
            /// </summary>
            /// <returns>The running consumer.</returns>
            public async Task<SimpleConsumer> Build()
            {
                Preconditions.CheckArgument(null != _clientConfig, "clientConfig has not been set yet");
                Preconditions.CheckArgument(null != _consumerGroup, "consumerGroup has not been set yet");
                Preconditions.CheckArgument(!_subscriptionExpressions.IsEmpty,
                    "subscriptionExpressions has not been set yet");
                var simpleConsumer = new SimpleConsumer(_clientConfig, _consumerGroup, _awaitDuration,
                    _subscriptionExpressions);
                await simpleConsumer.Start();
                return simpleConsumer;
            }
        }
    }
}
