using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Org.Apache.Rocketmq.Testing;

namespace Org.Apache.Rocketmq
{
    // Test hooks, not in the real client.
    public partial class Producer
    {
        private readonly RecordLog<SentMessageRecord> _sentMessages = new RecordLog<SentMessageRecord>();
        private readonly BehaviorScript _sendScript = new BehaviorScript();
        private readonly BehaviorScript _endTransactionScript = new BehaviorScript();

        /// <summary>
        /// Test hook, not in the real client: every send that passed the local checks, in call order,
        /// with the message's properties copied at the time of the call.
        /// </summary>
        public IReadOnlyList<SentMessageRecord> SentMessagesForTest => _sentMessages.Snapshot();

        /// <summary>
        /// Test hook, not in the real client: the next <paramref name="times"/> sends (after the queued
        /// ones) complete as <paramref name="behavior"/> says. One behaviour per Send call; the real
        /// client's internal retries are not modelled.
        /// </summary>
        /// <param name="behavior">The behaviour.</param>
        /// <param name="times">How many sends it applies to.</param>
        public void EnqueueSendBehaviorForTest(OperationBehavior behavior, int times = 1)
        {
            _sendScript.Enqueue(behavior, times);
        }

        /// <summary>
        /// Test hook, not in the real client: how sends complete when no behaviour is queued;
        /// <see cref="OperationBehavior.Succeed"/> (already completed task) unless set.
        /// </summary>
        public OperationBehavior DefaultSendBehaviorForTest
        {
            get => _sendScript.Default;
            set => _sendScript.Default = value;
        }

        /// <summary>
        /// Test hook, not in the real client: the next <paramref name="times"/> transaction commits or
        /// rollbacks complete as <paramref name="behavior"/> says.
        /// </summary>
        /// <param name="behavior">The behaviour.</param>
        /// <param name="times">How many commits/rollbacks it applies to.</param>
        public void EnqueueEndTransactionBehaviorForTest(OperationBehavior behavior, int times = 1)
        {
            _endTransactionScript.Enqueue(behavior, times);
        }

        /// <summary>Test hook, not in the real client: forgets the recorded sends and queued behaviours and restores the defaults.</summary>
        public void ResetForTest()
        {
            _sentMessages.Clear();
            _sendScript.Reset();
            _endTransactionScript.Reset();
        }

        /// <summary>Test hook, not in the real client: the checker given to <see cref="Builder.SetTransactionChecker"/>; null if none.</summary>
        public ITransactionChecker? TransactionCheckerForTest => _checker;

        /// <summary>
        /// Test hook, not in the real client: asks the transaction checker about a half message, as
        /// the broker's orphaned-transaction recovery does (synchronously, on the calling thread).
        /// </summary>
        /// <param name="messageView">The half message.</param>
        /// <returns>The checker's resolution.</returns>
        /// <exception cref="InvalidOperationException">No checker was registered.</exception>
        public TransactionResolution CheckTransactionForTest(MessageView messageView)
        {
            if (_checker is null)
            {
                throw new InvalidOperationException("No transaction checker registered");
            }

            return _checker.Check(messageView);
        }

        /// <summary>Test hook, not in the real client: the topics given to <see cref="Builder.SetTopics"/>.</summary>
        public IReadOnlyCollection<string> TopicsForTest => _publishingTopics.Keys.ToArray();

        /// <summary>Test hook, not in the real client: the value given to <see cref="Builder.SetMaxAttempts"/> (3 by default).</summary>
        public int MaxAttemptsForTest => _maxAttempts;

        internal SentMessageRecord RecordSendForTest(Message message, MessageType messageType, Transaction? transaction)
        {
            var ambient = Activity.Current;
            return _sentMessages.Add(sequence =>
                new SentMessageRecord(sequence, message, messageType, transaction, ambient));
        }

        internal OperationBehavior NextSendBehaviorForTest()
        {
            return _sendScript.Next();
        }

        internal OperationBehavior NextEndTransactionBehaviorForTest()
        {
            return _endTransactionScript.Next();
        }
    }
}
