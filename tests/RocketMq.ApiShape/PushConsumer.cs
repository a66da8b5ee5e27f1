#nullable disable
// Mirrors Org.Apache.Rocketmq.PushConsumer of RocketMQ.Client 5.2.1. There is no broker and no
// receive loop: tests hand messages to the registered listener with the test hooks in
// TestHooks/PushConsumer.TestHooks.cs. Process-queue and protobuf plumbing is not mirrored.
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Org.Apache.Rocketmq
{
    /// <summary>
    /// Receives messages on its own threads and hands each to an <see cref="IMessageListener"/>.
    /// Build and start it with <see cref="Builder"/> (the public constructor does not start it).
    /// </summary>
    public partial class PushConsumer : Consumer, IAsyncDisposable, IDisposable
    {
        private readonly PushSubscriptionSettings _pushSubscriptionSettings;
        private readonly string _consumerGroup;
        private readonly ConcurrentDictionary<string, FilterExpression> _subscriptionExpressions;
        private readonly IMessageListener _messageListener;
        private readonly int _maxCacheMessageCount;
        private readonly int _maxCacheMessageSizeInBytes;
        private readonly int _consumptionThreadCount;
        private readonly bool _enableFifoConsumeAccelerator;
        private readonly TaskScheduler _consumptionTaskScheduler;
        private readonly CancellationTokenSource _consumptionCts;
        private ConsumeService _consumeService;

        /// <summary>
        /// Creates a consumer that is not started (use <see cref="Builder"/>). Arguments are not checked,
        /// as in the real client.
        /// </summary>
        /// <param name="clientConfig">The configuration.</param>
        /// <param name="consumerGroup">The consumer group.</param>
        /// <param name="subscriptionExpressions">The subscriptions, topic to filter (kept, not copied).</param>
        /// <param name="messageListener">The listener.</param>
        /// <param name="maxCacheMessageCount">Maximum number of cached messages.</param>
        /// <param name="maxCacheMessageSizeInBytes">Maximum size of cached messages.</param>
        /// <param name="consumptionThreadCount">Number of consumption threads.</param>
        /// <param name="enableFifoConsumeAccelerator">Consume distinct FIFO groups in parallel.</param>
        public PushConsumer(ClientConfig clientConfig, string consumerGroup,
            ConcurrentDictionary<string, FilterExpression> subscriptionExpressions, IMessageListener messageListener,
            int maxCacheMessageCount, int maxCacheMessageSizeInBytes, int consumptionThreadCount,
            bool enableFifoConsumeAccelerator = false)
            : base(clientConfig, consumerGroup)
        {
            _consumerGroup = consumerGroup;
            _subscriptionExpressions = subscriptionExpressions;
            _pushSubscriptionSettings = new PushSubscriptionSettings(clientConfig.Namespace, ClientId, Endpoints,
                consumerGroup, clientConfig.RequestTimeout, subscriptionExpressions);
            _messageListener = messageListener;
            _maxCacheMessageCount = maxCacheMessageCount;
            _maxCacheMessageSizeInBytes = maxCacheMessageSizeInBytes;
            _consumptionThreadCount = consumptionThreadCount;
            _enableFifoConsumeAccelerator = enableFifoConsumeAccelerator;
            _consumptionTaskScheduler =
                new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, consumptionThreadCount).ConcurrentScheduler;
            _consumptionCts = new CancellationTokenSource();
        }

        internal override string NotRunningMessage => "Push consumer is not running";

        /// <inheritdoc />
        protected override async Task Start()
        {
            try
            {
                State = State.Starting;
                await base.Start();
                CaptureStartContextForTest();
                _consumeService = new StandardConsumeServiceDouble(ClientId, _messageListener,
                    _consumptionTaskScheduler, _consumptionCts.Token);
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
                await _consumptionCts.CancelAsync();
                await base.Shutdown();
                State = State.Terminated;
            }
            catch (Exception)
            {
                State = State.Failed;
                throw;
            }
        }

        /// <summary>Adds or replaces a subscription.</summary>
        /// <param name="topic">The topic.</param>
        /// <param name="filterExpression">The filter.</param>
        /// <returns>A task that completes when subscribed.</returns>
        /// <exception cref="InvalidOperationException">The consumer is not running (faulted task).</exception>
        public async Task Subscribe(string topic, FilterExpression filterExpression)
        {
            if (State.Running != State)
            {
                throw new InvalidOperationException("Push consumer is not running");
            }

            // Stands in for the route lookup of the topic.
            await NoBroker.RoundTrip;
            _subscriptionExpressions[topic] = filterExpression;
        }

        /// <summary>Removes a subscription (synchronous); nothing happens for an unknown topic.</summary>
        /// <param name="topic">The topic.</param>
        /// <exception cref="InvalidOperationException">The consumer is not running.</exception>
        public void Unsubscribe(string topic)
        {
            if (State.Running != State)
            {
                throw new InvalidOperationException("Push consumer is not running");
            }

            _subscriptionExpressions.TryRemove(topic, out _);
        }

        /// <summary>Acknowledges a message explicitly (normally the listener's result does it).</summary>
        /// <param name="messageView">The message.</param>
        /// <returns>A task that completes when acknowledged.</returns>
        /// <exception cref="InvalidOperationException">The consumer is not running (faulted task).</exception>
        public async Task AckMessage(MessageView messageView)
        {
            if (State.Running != State)
            {
                throw new InvalidOperationException("Push consumer is not running");
            }

            await AckFromScriptForTest(messageView);
        }

        /// <inheritdoc />
        protected override IEnumerable<string> GetTopics()
        {
            return _subscriptionExpressions.Keys;
        }

        /// <inheritdoc />
        protected override ClientType GetClientType()
        {
            return ClientType.PushConsumer;
        }

        /// <summary>The consumer group.</summary>
        /// <returns>The group.</returns>
        public string GetConsumerGroup()
        {
            return _consumerGroup;
        }

        /// <summary>The consumer's settings.</summary>
        /// <returns>The settings.</returns>
        public PushSubscriptionSettings GetPushConsumerSettings()
        {
            return _pushSubscriptionSettings;
        }

        /// <summary>The live subscriptions, topic to filter.</summary>
        /// <returns>The consumer's own dictionary.</returns>
        public ConcurrentDictionary<string, FilterExpression> GetSubscriptionExpressions()
        {
            return _subscriptionExpressions;
        }

        /// <summary>The retry policy of failed consumption.</summary>
        /// <returns>The policy.</returns>
        public IRetryPolicy GetRetryPolicy()
        {
            return _pushSubscriptionSettings.GetRetryPolicy();
        }

        /// <summary>The service that runs the listener; null before start.</summary>
        /// <returns>The service.</returns>
        public ConsumeService GetConsumeService()
        {
            return _consumeService;
        }

        internal void CheckRunning()
        {
            if (State != State.Running)
            {
                throw new InvalidOperationException("Push consumer is not running");
            }
        }
    }
}
