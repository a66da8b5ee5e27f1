using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Org.Apache.Rocketmq.Testing;

namespace Org.Apache.Rocketmq
{
    // Test hooks, not in the real client.
    public partial class PushConsumer
    {
        private readonly BehaviorScript _ackScript = new BehaviorScript();
        private readonly RecordLog<SettleCallRecord> _settleCalls = new RecordLog<SettleCallRecord>();
        private ExecutionContext? _startContext;

        /// <summary>Test hook, not in the real client: the listener given to the builder or constructor.</summary>
        public IMessageListener MessageListenerForTest => _messageListener;

        /// <summary>
        /// Test hook, not in the real client: hands <paramref name="messageView"/> to the listener on the
        /// calling thread, in the caller's execution context, and returns its result. A listener
        /// exception propagates (the real client would count it as <see cref="ConsumeResult.FAILURE"/>).
        /// Nothing is acknowledged or redelivered.
        /// </summary>
        /// <param name="messageView">The message.</param>
        /// <returns>The listener's result.</returns>
        /// <exception cref="InvalidOperationException">The consumer is not running.</exception>
        public ConsumeResult DeliverForTest(MessageView messageView)
        {
            CheckRunning();
            return _messageListener.Consume(messageView);
        }

        /// <summary>
        /// Test hook, not in the real client: delivers the way the real client does, through
        /// <see cref="GetConsumeService"/>: on a consumption thread, with a listener exception turned into
        /// <see cref="ConsumeResult.FAILURE"/>, and in the execution context captured when the consumer
        /// started (the real receive loop is started by <c>Build()</c> and flows that caller's context, so
        /// <see cref="Activity.Current"/> in the listener is whatever was current when <c>Build()</c> ran,
        /// not the caller's of this hook). Nothing is acknowledged or redelivered.
        /// </summary>
        /// <param name="messageView">The message.</param>
        /// <returns>The consumption result.</returns>
        /// <exception cref="InvalidOperationException">The consumer is not running.</exception>
        public Task<ConsumeResult> DeliverOnConsumptionThreadForTest(MessageView messageView)
        {
            CheckRunning();
            var consumeService = _consumeService;
            var startContext = _startContext;
            if (startContext is null)
            {
                using (ExecutionContext.SuppressFlow())
                {
                    return consumeService.Consume(messageView);
                }
            }

            Task<ConsumeResult>? task = null;
            ExecutionContext.Run(startContext.CreateCopy(), _ => task = consumeService.Consume(messageView), null);
            return task!;
        }

        /// <summary>Test hook, not in the real client: the next <paramref name="times"/> <see cref="AckMessage"/> calls complete as <paramref name="behavior"/> says.</summary>
        /// <param name="behavior">The behaviour.</param>
        /// <param name="times">How many calls it applies to.</param>
        public void EnqueueAckBehaviorForTest(OperationBehavior behavior, int times = 1)
        {
            _ackScript.Enqueue(behavior, times);
        }

        /// <summary>Test hook, not in the real client: every <see cref="AckMessage"/> call on the running consumer, in call order.</summary>
        public IReadOnlyList<SettleCallRecord> SettleCallsForTest => _settleCalls.Snapshot();

        /// <summary>Test hook, not in the real client: the value given to <see cref="Builder.SetMaxCacheMessageCount"/> (1024 by default).</summary>
        public int MaxCacheMessageCountForTest => _maxCacheMessageCount;

        /// <summary>Test hook, not in the real client: the value given to <see cref="Builder.SetMaxCacheMessageSizeInBytes"/> (64 MiB by default).</summary>
        public int MaxCacheMessageSizeInBytesForTest => _maxCacheMessageSizeInBytes;

        /// <summary>Test hook, not in the real client: the value given to <see cref="Builder.SetConsumptionThreadCount"/> (20 by default).</summary>
        public int ConsumptionThreadCountForTest => _consumptionThreadCount;

        /// <summary>Test hook, not in the real client: the value given to <see cref="Builder.SetEnableFifoConsumeAccelerator"/>.</summary>
        public bool EnableFifoConsumeAcceleratorForTest => _enableFifoConsumeAccelerator;

        internal void CaptureStartContextForTest()
        {
            _startContext = ExecutionContext.Capture();
        }

        internal async Task AckFromScriptForTest(MessageView messageView)
        {
            // Like the real client, which reads the view to build its request: null fails the task.
            _ = messageView.Topic;
            var ambient = Activity.Current;
            var record = _settleCalls.Add(sequence =>
                new SettleCallRecord(sequence, SettleOperation.Ack, messageView, null, ambient));
            try
            {
                await _ackScript.Next().ApplyAsync();
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
