#nullable disable
// Mirrors Org.Apache.Rocketmq.SimpleConsumer of RocketMQ.Client 5.2.1. There is no broker: Receive
// returns the batches a test queued, and Ack/ChangeInvisibleDuration are recorded and complete as
// scripted (see TestHooks/SimpleConsumer.TestHooks.cs).
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Org.Apache.Rocketmq.Error;
using Org.Apache.Rocketmq.Testing;

namespace Org.Apache.Rocketmq
{
    /// <summary>
    /// Pulls messages and acknowledges each one. Build and start it with <see cref="Builder"/>
    /// (the public constructor does not start it).
    /// </summary>
    public partial class SimpleConsumer : Consumer, IAsyncDisposable, IDisposable
    {
        private readonly ConcurrentDictionary<string, FilterExpression> _subscriptionExpressions;
        private readonly TimeSpan _awaitDuration;
        private int _topicRoundRobinIndex;

        /// <summary>Creates a consumer that is not started (the real client's <c>Start</c> is protected; use <see cref="Builder"/>).</summary>
        /// <param name="clientConfig">The configuration.</param>
        /// <param name="consumerGroup">The consumer group.</param>
        /// <param name="awaitDuration">The long-polling duration of <see cref="Receive"/>.</param>
        /// <param name="subscriptionExpressions">The subscriptions, topic to filter.</param>
        public SimpleConsumer(ClientConfig clientConfig, string consumerGroup, TimeSpan awaitDuration,
            Dictionary<string, FilterExpression> subscriptionExpressions) : this(clientConfig, consumerGroup,
            awaitDuration, new ConcurrentDictionary<string, FilterExpression>(subscriptionExpressions))
        {
        }

        private SimpleConsumer(ClientConfig clientConfig, string consumerGroup, TimeSpan awaitDuration,
            ConcurrentDictionary<string, FilterExpression> subscriptionExpressions) : base(clientConfig, consumerGroup)
        {
            _awaitDuration = awaitDuration;
            _subscriptionExpressions = subscriptionExpressions;
            _topicRoundRobinIndex = 0;
        }

        internal override string NotRunningMessage => "Simple consumer is not running";

        /// <summary>Adds or replaces a subscription.</summary>
        /// <param name="topic">The topic.</param>
        /// <param name="filterExpression">The filter.</param>
        /// <returns>A task that completes when subscribed.</returns>
        /// <exception cref="InvalidOperationException">The consumer is not running (faulted task).</exception>
        public async Task Subscribe(string topic, FilterExpression filterExpression)
        {
            if (State.Running != State)
            {
                throw new InvalidOperationException("Simple consumer is not running");
            }

            // Stands in for the route lookup of the topic.
            await NoBroker.RoundTrip;
            _subscriptionExpressions[topic] = filterExpression;
        }

        /// <summary>Removes a subscription (synchronous).</summary>
        /// <param name="topic">The topic.</param>
        /// <exception cref="InvalidOperationException">The consumer is not running.</exception>
        public void Unsubscribe(string topic)
        {
            if (State.Running != State)
            {
                throw new InvalidOperationException("Simple consumer is not running");
            }

            _subscriptionExpressions.TryRemove(topic, out _);
        }

        /// <inheritdoc />
        protected override async Task Start()
        {
            try
            {
                State = State.Starting;
                await base.Start();
                State = State.Running;
            }
            catch (Exception)
            {
                State = State.Failed;
                throw;
            }
        }

        /// <summary>Shuts the consumer down.</summary>
        /// <returns>A task that completes when shut down.</returns>
        public async ValueTask DisposeAsync()
        {
            await Shutdown().ConfigureAwait(false);
            GC.SuppressFinalize(this);
        }

        /// <summary>Shuts the consumer down, blocking until done.</summary>
        public void Dispose()
        {
            Shutdown().Wait();
            GC.SuppressFinalize(this);
        }

        /// <inheritdoc />
        protected override async Task Shutdown()
        {
            try
            {
                State = State.Stopping;
                await base.Shutdown();
                State = State.Terminated;
            }
            catch (Exception)
            {
                State = State.Failed;
                throw;
            }
        }

        /// <inheritdoc />
        protected override IEnumerable<string> GetTopics()
        {
            return _subscriptionExpressions.Keys;
        }

        /// <summary>
        /// Receives up to <paramref name="maxMessageNum"/> messages from one subscribed topic (round-robin
        /// per call). The double returns the next batch a test queued, or an empty list.
        /// </summary>
        /// <param name="maxMessageNum">The maximum number of messages; must be positive.</param>
        /// <param name="invisibleDuration">How long received messages stay invisible to other consumers.</param>
        /// <returns>The messages.</returns>
        /// <exception cref="InvalidOperationException">The consumer is not running (faulted task).</exception>
        /// <exception cref="InternalErrorException"><paramref name="maxMessageNum"/> is not positive (faulted task).</exception>
        /// <exception cref="ArgumentException">There is no subscription (faulted task).</exception>
        public async Task<List<MessageView>> Receive(int maxMessageNum, TimeSpan invisibleDuration)
        {
            if (State.Running != State)
            {
                throw new InvalidOperationException("Simple consumer is not running");
            }

            if (maxMessageNum <= 0)
            {
                throw new InternalErrorException("maxMessageNum must be greater than 0");
            }

            var topics = new List<string>(_subscriptionExpressions.Keys);
            if (topics.Count <= 0)
            {
                throw new ArgumentException("There is no topic to receive message");
            }

            var index = (int)((uint)Interlocked.Increment(ref _topicRoundRobinIndex) % (uint)topics.Count);
            var topic = topics[index];

            // Stands in for the receive request (long polling for the await duration).
            return await ReceiveFromScriptForTest(topic, maxMessageNum, invisibleDuration);
        }

        /// <summary>Changes how long a received message stays invisible (to retry it later).</summary>
        /// <param name="messageView">The received message.</param>
        /// <param name="invisibleDuration">The new duration.</param>
        /// <returns>A task that completes when changed.</returns>
        /// <exception cref="InvalidOperationException">The consumer is not running (faulted task).</exception>
        public async Task ChangeInvisibleDuration(MessageView messageView, TimeSpan invisibleDuration)
        {
            if (State.Running != State)
            {
                throw new InvalidOperationException("Simple consumer is not running");
            }

            await SettleFromScriptForTest(SettleOperation.ChangeInvisibleDuration, messageView, invisibleDuration);
        }

        /// <summary>Acknowledges a received message.</summary>
        /// <param name="messageView">The received message.</param>
        /// <returns>A task that completes when acknowledged.</returns>
        /// <exception cref="InvalidOperationException">The consumer is not running (faulted task).</exception>
        public async Task Ack(MessageView messageView)
        {
            if (State.Running != State)
            {
                throw new InvalidOperationException("Simple consumer is not running");
            }

            await SettleFromScriptForTest(SettleOperation.Ack, messageView, null);
        }
    }
}
