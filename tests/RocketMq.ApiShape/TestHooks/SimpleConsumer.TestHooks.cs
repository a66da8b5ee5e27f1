using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Org.Apache.Rocketmq.Testing;

namespace Org.Apache.Rocketmq
{
    // Test hooks, not in the real client.
    public partial class SimpleConsumer
    {
        private readonly ConcurrentQueue<MessageView[]> _receiveBatches = new ConcurrentQueue<MessageView[]>();
        private readonly BehaviorScript _receiveScript = new BehaviorScript();
        private readonly BehaviorScript _ackScript = new BehaviorScript();
        private readonly BehaviorScript _changeInvisibleDurationScript = new BehaviorScript();
        private readonly RecordLog<ReceiveCallRecord> _receiveCalls = new RecordLog<ReceiveCallRecord>();
        private readonly RecordLog<SettleCallRecord> _settleCalls = new RecordLog<SettleCallRecord>();

        /// <summary>
        /// Test hook, not in the real client: queues a batch that a later successful
        /// <see cref="Receive"/> returns whole (in a new list), whatever its <c>maxMessageNum</c> and
        /// topic. Receive returns an empty list when no batch is queued.
        /// </summary>
        /// <param name="messages">The batch; may be empty.</param>
        public void EnqueueReceiveBatchForTest(params MessageView[] messages)
        {
            ArgumentNullException.ThrowIfNull(messages);
            _receiveBatches.Enqueue((MessageView[])messages.Clone());
        }

        /// <summary>Test hook, not in the real client: queues a batch (see the array overload).</summary>
        /// <param name="messages">The batch; may be empty.</param>
        public void EnqueueReceiveBatchForTest(IEnumerable<MessageView> messages)
        {
            ArgumentNullException.ThrowIfNull(messages);
            _receiveBatches.Enqueue(messages.ToArray());
        }

        /// <summary>Test hook, not in the real client: how many queued batches no Receive has taken yet.</summary>
        public int PendingReceiveBatchCountForTest => _receiveBatches.Count;

        /// <summary>
        /// Test hook, not in the real client: the next <paramref name="times"/> receives complete as
        /// <paramref name="behavior"/> says; a batch is taken only after a successful completion.
        /// </summary>
        /// <param name="behavior">The behaviour.</param>
        /// <param name="times">How many receives it applies to.</param>
        public void EnqueueReceiveBehaviorForTest(OperationBehavior behavior, int times = 1)
        {
            _receiveScript.Enqueue(behavior, times);
        }

        /// <summary>Test hook, not in the real client: how receives complete when no behaviour is queued.</summary>
        public OperationBehavior DefaultReceiveBehaviorForTest
        {
            get => _receiveScript.Default;
            set => _receiveScript.Default = value;
        }

        /// <summary>Test hook, not in the real client: the next <paramref name="times"/> acks complete as <paramref name="behavior"/> says.</summary>
        /// <param name="behavior">The behaviour, e.g. <see cref="OperationBehavior.Fail"/>.</param>
        /// <param name="times">How many acks it applies to.</param>
        public void EnqueueAckBehaviorForTest(OperationBehavior behavior, int times = 1)
        {
            _ackScript.Enqueue(behavior, times);
        }

        /// <summary>Test hook, not in the real client: the next <paramref name="times"/> invisible-duration changes complete as <paramref name="behavior"/> says.</summary>
        /// <param name="behavior">The behaviour.</param>
        /// <param name="times">How many calls it applies to.</param>
        public void EnqueueChangeInvisibleDurationBehaviorForTest(OperationBehavior behavior, int times = 1)
        {
            _changeInvisibleDurationScript.Enqueue(behavior, times);
        }

        /// <summary>Test hook, not in the real client: every Receive call that passed the client's checks, in call order.</summary>
        public IReadOnlyList<ReceiveCallRecord> ReceiveCallsForTest => _receiveCalls.Snapshot();

        /// <summary>Test hook, not in the real client: every Ack and ChangeInvisibleDuration call on the running consumer, in call order.</summary>
        public IReadOnlyList<SettleCallRecord> SettleCallsForTest => _settleCalls.Snapshot();

        /// <summary>Test hook, not in the real client: the messages acknowledged successfully, in call order.</summary>
        public IReadOnlyList<MessageView> AckedMessagesForTest => _settleCalls.Snapshot()
            .Where(call => call.Operation == SettleOperation.Ack && call.Succeeded)
            .Select(call => call.MessageView)
            .ToArray();

        /// <summary>Test hook, not in the real client: forgets recorded calls, queued batches and behaviours.</summary>
        public void ResetForTest()
        {
            _receiveBatches.Clear();
            _receiveScript.Reset();
            _ackScript.Reset();
            _changeInvisibleDurationScript.Reset();
            _receiveCalls.Clear();
            _settleCalls.Clear();
        }

        /// <summary>Test hook, not in the real client: the consumer group.</summary>
        public string ConsumerGroupForTest => ConsumerGroup;

        /// <summary>Test hook, not in the real client: the long-polling duration given to the builder.</summary>
        public TimeSpan AwaitDurationForTest => _awaitDuration;

        /// <summary>Test hook, not in the real client: a snapshot of the subscriptions, topic to filter.</summary>
        public IReadOnlyDictionary<string, FilterExpression> SubscriptionExpressionsForTest =>
            new Dictionary<string, FilterExpression>(_subscriptionExpressions);

        internal async Task<List<MessageView>> ReceiveFromScriptForTest(string topic, int maxMessageNum,
            TimeSpan invisibleDuration)
        {
            var ambient = Activity.Current;
            var record = _receiveCalls.Add(sequence =>
                new ReceiveCallRecord(sequence, topic, maxMessageNum, invisibleDuration, ambient));
            try
            {
                await _receiveScript.Next().ApplyAsync();
            }
            catch (Exception e)
            {
                record.SetFailure(e);
                throw;
            }

            var messages = _receiveBatches.TryDequeue(out var batch)
                ? new List<MessageView>(batch)
                : new List<MessageView>();
            record.SetMessages(messages.ToArray());
            return messages;
        }

        internal async Task SettleFromScriptForTest(SettleOperation operation, MessageView messageView,
            TimeSpan? invisibleDuration)
        {
            // Like the real client, which reads the view to build its request: null fails the task.
            _ = messageView.Topic;
            var ambient = Activity.Current;
            var record = _settleCalls.Add(sequence =>
                new SettleCallRecord(sequence, operation, messageView, invisibleDuration, ambient));
            var script = operation == SettleOperation.Ack ? _ackScript : _changeInvisibleDurationScript;
            try
            {
                await script.Next().ApplyAsync();
            }
            catch (Exception e)
            {
                record.SetFailure(e);
                throw;
            }

            record.SetSucceeded();
        }
    }
}
