#nullable disable
// Mirrors Org.Apache.Rocketmq.Producer.Builder of RocketMQ.Client 5.2.1, checks and messages included.
using System.Collections.Concurrent;
using System.Threading.Tasks;

namespace Org.Apache.Rocketmq
{
    public partial class Producer
    {
        /// <summary>Builder of <see cref="Producer"/>. Setters are chainable and throw <see cref="System.ArgumentException"/> on invalid input.</summary>
        public class Builder
        {
            private ClientConfig _clientConfig;

            private readonly ConcurrentDictionary<string, bool> _publishingTopics =
                new ConcurrentDictionary<string, bool>();

            private int _maxAttempts = 3;
            private ITransactionChecker _checker;

            /// <summary>Sets the client configuration (required).</summary>
            /// <param name="clientConfig">The configuration; must not be null.</param>
            /// <returns>This builder.</returns>
            public Builder SetClientConfig(ClientConfig clientConfig)
            {
                Preconditions.CheckArgument(null != clientConfig, "clientConfig should not be null");
                _clientConfig = clientConfig;
                return this;
            }

            /// <summary>Declares topics whose routes are fetched at start (optional).</summary>
            /// <param name="topics">The topics; each must match <c>^[%a-zA-Z0-9_-]+$</c>.</param>
            /// <returns>This builder.</returns>
            public Builder SetTopics(params string[] topics)
            {
                foreach (var topic in topics)
                {
                    Preconditions.CheckArgument(null != topic, "topic should not be null");
                    Preconditions.CheckArgument(topic != null && Message.TopicRegex.Match(topic).Success,
                        $"topic does not match the regex {Message.TopicRegex}");
                    _publishingTopics[topic] = true;
                }

                return this;
            }

            /// <summary>Sets the maximum send attempts (3 by default).</summary>
            /// <param name="maxAttempts">The maximum; must be positive.</param>
            /// <returns>This builder.</returns>
            public Builder SetMaxAttempts(int maxAttempts)
            {
                Preconditions.CheckArgument(maxAttempts > 0, "maxAttempts must be positive");
                _maxAttempts = maxAttempts;
                return this;
            }

            /// <summary>Sets the checker of orphaned transactions.</summary>
            /// <param name="checker">The checker; must not be null.</param>
            /// <returns>This builder.</returns>
            public Builder SetTransactionChecker(ITransactionChecker checker)
            {
                Preconditions.CheckArgument(null != checker, "checker should not be null");
                _checker = checker;
                return this;
            }

            /// <summary>Builds and starts the producer (asynchronous).</summary>
            /// <returns>The running producer.</returns>
            /// <exception cref="System.ArgumentException">The client configuration has not been set (faulted task).</exception>
            public async Task<Producer> Build()
            {
                Preconditions.CheckArgument(null != _clientConfig, "clientConfig has not been set yet");
                var producer = new Producer(_clientConfig, _publishingTopics, _maxAttempts, _checker);
                await producer.Start();
                return producer;
            }
        }
    }
}
