#nullable disable
// Mirrors ITransaction and Transaction of RocketMQ.Client 5.2.1. The real Transaction also exposes
// TryAddMessage/TryAddReceipt, which take its PublishingMessage plumbing type; here they are internal.
using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace Org.Apache.Rocketmq
{
    /// <summary>A transaction of one half message, begun with <see cref="Producer.BeginTransaction"/>.</summary>
    public interface ITransaction
    {
        /// <summary>Commits the transaction.</summary>
        /// <returns>A task that completes when committed.</returns>
        Task Commit();

        /// <summary>Rolls the transaction back.</summary>
        /// <returns>A task that completes when rolled back.</returns>
        Task Rollback();
    }

    /// <summary>The transaction implementation (at most one message). Prefer <see cref="Producer.BeginTransaction"/>.</summary>
    public partial class Transaction : ITransaction
    {
        private const int MaxMessageNum = 1;

        private readonly Producer _producer;
        private readonly object _lock = new object();
        private readonly List<Message> _messages = new List<Message>();
        private readonly List<KeyValuePair<Message, SendReceipt>> _receipts = new List<KeyValuePair<Message, SendReceipt>>();

        /// <summary>Creates a transaction of <paramref name="producer"/>.</summary>
        /// <param name="producer">The producer.</param>
        public Transaction(Producer producer)
        {
            _producer = producer;
        }

        internal void TryAddMessage(Message message)
        {
            lock (_lock)
            {
                if (_messages.Count >= MaxMessageNum)
                {
                    throw new ArgumentException($"Message in transaction has exceed the threshold: {MaxMessageNum}");
                }

                PublishingRules.InferMessageType(message, true);
                _messages.Add(message);
            }
        }

        internal void TryAddReceipt(Message message, SendReceipt sendReceipt)
        {
            lock (_lock)
            {
                if (!_messages.Contains(message))
                {
                    throw new ArgumentException("Message is not in the transaction");
                }

                _receipts.Add(new KeyValuePair<Message, SendReceipt>(message, sendReceipt));
            }
        }

        /// <inheritdoc />
        /// <exception cref="InvalidOperationException">The producer is not running (faulted task).</exception>
        /// <exception cref="ArgumentException">No message was sent in the transaction (faulted task).</exception>
        public async Task Commit()
        {
            await End(TransactionResolution.Commit, "Transactional message has not been sent yet");
        }

        /// <inheritdoc />
        /// <exception cref="InvalidOperationException">The producer is not running (faulted task).</exception>
        /// <exception cref="ArgumentException">No message was sent in the transaction (faulted task).</exception>
        public async Task Rollback()
        {
            await End(TransactionResolution.Rollback, "Transaction message has not been sent yet");
        }

        private async Task End(TransactionResolution resolution, string notSentMessage)
        {
            if (State.Running != _producer.State)
            {
                throw new InvalidOperationException("Producer is not running");
            }

            List<KeyValuePair<Message, SendReceipt>> receipts;
            lock (_lock)
            {
                receipts = new List<KeyValuePair<Message, SendReceipt>>(_receipts);
            }

            if (receipts.Count == 0)
            {
                throw new ArgumentException(notSentMessage);
            }

            foreach (var (message, sendReceipt) in receipts)
            {
                await _producer.EndTransaction(sendReceipt.Endpoints, message.Topic, sendReceipt.MessageId,
                    sendReceipt.TransactionId, resolution);
            }

            RecordResolutionForTest(resolution);
        }
    }
}
