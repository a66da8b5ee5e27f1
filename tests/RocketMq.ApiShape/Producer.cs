#nullable disable
// Mirrors Org.Apache.Rocketmq.Producer of RocketMQ.Client 5.2.1. There is no broker: a send
// performs the real client's local checks, is recorded, then completes as scripted by the test
// hooks in TestHooks/Producer.TestHooks.cs (by default at once, with a generated receipt).
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Org.Apache.Rocketmq.Error;

namespace Org.Apache.Rocketmq
{
    /// <summary>
    /// Publishes messages. Built and started by <see cref="Builder.Build"/>; no public constructor;
    /// <see cref="Dispose"/>/<see cref="DisposeAsync"/> shut it down.
    /// </summary>
    public partial class Producer : Client, IAsyncDisposable, IDisposable
    {
        private readonly ConcurrentDictionary<string, bool> _publishingTopics;
        private readonly int _maxAttempts;
        private readonly ITransactionChecker _checker;
        private readonly ConcurrentDictionary<string, KeyValuePair<string, string>> _recallHandles =
            new ConcurrentDictionary<string, KeyValuePair<string, string>>();

        private long _nextOffset;

        internal Producer(ClientConfig clientConfig, ConcurrentDictionary<string, bool> publishingTopics,
            int maxAttempts, ITransactionChecker checker) : base(clientConfig)
        {
            _publishingTopics = publishingTopics;
            _maxAttempts = maxAttempts;
            _checker = checker;
        }

        internal override string NotRunningMessage => "Producer is not running";

        /// <inheritdoc />
        protected override IEnumerable<string> GetTopics()
        {
            return _publishingTopics.Keys;
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

        /// <summary>Shuts the producer down.</summary>
        /// <returns>A task that completes when shut down.</returns>
        public async ValueTask DisposeAsync()
        {
            await Shutdown().ConfigureAwait(false);
            GC.SuppressFinalize(this);
        }

        /// <summary>Shuts the producer down, blocking until done.</summary>
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

        /// <summary>
        /// Sends a message. All failures, a null message included (<see cref="NullReferenceException"/>),
        /// surface through the returned task, as from the real client's async method.
        /// </summary>
        /// <param name="message">The message.</param>
        /// <returns>The receipt.</returns>
        /// <exception cref="InvalidOperationException">The producer is not running (faulted task).</exception>
        public async Task<ISendReceipt> Send(Message message)
        {
            if (State.Running != State)
            {
                throw new InvalidOperationException("Producer is not running");
            }

            var sendReceipt = await SendCore(message, null);
            return sendReceipt;
        }

        /// <summary>Sends the half message of a transaction (at most one per transaction).</summary>
        /// <param name="message">The message; must not have a group, lite topic, priority or delivery time.</param>
        /// <param name="transaction">A transaction from <see cref="BeginTransaction"/>.</param>
        /// <returns>The receipt, with <see cref="SendReceipt.TransactionId"/> set.</returns>
        /// <exception cref="InvalidOperationException">The producer is not running (faulted task).</exception>
        /// <exception cref="ArgumentException">The transaction already holds a message (faulted task).</exception>
        public async Task<SendReceipt> Send(Message message, ITransaction transaction)
        {
            if (State.Running != State)
            {
                throw new InvalidOperationException("Producer is not running");
            }

            var tx = (Transaction)transaction;
            tx.TryAddMessage(message);
            var sendReceipt = await SendCore(message, tx);
            tx.TryAddReceipt(message, sendReceipt);
            return sendReceipt;
        }

        private async Task<SendReceipt> SendCore(Message message, Transaction transaction)
        {
            var messageType = PublishingRules.InferMessageType(message, null != transaction);
            var record = RecordSendForTest(message, messageType, transaction);
            try
            {
                // Stands in for the route lookup and the send attempts to the broker.
                await NextSendBehaviorForTest().ApplyAsync();
            }
            catch (Exception e)
            {
                record.SetFailure(e);
                throw;
            }

            var sendReceipt = CreateReceipt(message, messageType);
            record.SetReceipt(sendReceipt);
            return sendReceipt;
        }

        private SendReceipt CreateReceipt(Message message, MessageType messageType)
        {
            var messageId = TestIds.NextMessageId();
            var transactionId = MessageType.Transaction == messageType ? TestIds.NextMessageId() : "";
            var recallHandle = "";
            if (MessageType.Delay == messageType)
            {
                recallHandle = TestIds.RecallHandleFor(message.Topic, messageId);
                _recallHandles[recallHandle] = new KeyValuePair<string, string>(message.Topic, messageId);
            }

            var offset = Interlocked.Increment(ref _nextOffset) - 1;
            return new SendReceipt(messageId, transactionId, Endpoints, offset, recallHandle);
        }

        /// <summary>Begins a transaction (synchronous). Send one message in it, then commit or roll back.</summary>
        /// <returns>The transaction.</returns>
        public ITransaction BeginTransaction()
        {
            return new Transaction(this);
        }

        internal async Task EndTransaction(Endpoints endpoints, string topic, string messageId, string transactionId,
            TransactionResolution resolution)
        {
            // Stands in for the EndTransaction request to the broker.
            await NextEndTransactionBehaviorForTest().ApplyAsync();
        }

        /// <summary>Recalls a delay message before its delivery time.</summary>
        /// <param name="topic">The message's topic.</param>
        /// <param name="recallhandle">The receipt's <see cref="SendReceipt.RecallHandle"/>.</param>
        /// <returns>The recall receipt.</returns>
        /// <exception cref="InvalidOperationException">Not running or null handle (faulted task).</exception>
        /// <exception cref="NotFoundException">Unknown or already used handle (faulted task; the double's broker stand-in).</exception>
        public async Task<IRecallReceipt> RecallMessage(string topic, string recallhandle)
        {
            var recallReceipt = await RecallMessage0(topic, recallhandle);
            return recallReceipt;
        }

        /// <summary>
        /// Same as <see cref="RecallMessage"/>, but like the real client a failure faults the task
        /// with an <see cref="AggregateException"/> wrapping the original one.
        /// </summary>
        /// <param name="topic">The message's topic.</param>
        /// <param name="recallhandle">The receipt's <see cref="SendReceipt.RecallHandle"/>.</param>
        /// <returns>The recall receipt.</returns>
        public Task<IRecallReceipt> RecallMessageAsync(string topic, string recallhandle)
        {
            return RecallMessage0(topic, recallhandle).ContinueWith(t =>
            {
                if (t.IsFaulted)
                {
                    throw t.Exception;
                }

                return (IRecallReceipt)t.Result;
            }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        private async Task<RecallReceipt> RecallMessage0(string topic, string recallhandle)
        {
            if (State.Running != State)
            {
                throw new InvalidOperationException("Producer is not running");
            }

            if (recallhandle == null)
            {
                throw new InvalidOperationException("Recall handle is invalid");
            }

            await NoBroker.RoundTrip;
            if (!_recallHandles.TryGetValue(recallhandle, out var entry) || entry.Key != topic ||
                !_recallHandles.TryRemove(recallhandle, out entry))
            {
                throw new NotFoundException(40401, "message not found for the recall handle");
            }

            return new RecallReceipt(entry.Value);
        }
    }
}
