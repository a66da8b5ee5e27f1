using System;
using System.Collections.Concurrent;

namespace Org.Apache.Rocketmq.Testing
{
    /// <summary>Not in the real client: the queue of scripted behaviours of one operation of one client.</summary>
    internal sealed class BehaviorScript
    {
        private readonly ConcurrentQueue<OperationBehavior> _queue = new ConcurrentQueue<OperationBehavior>();
        private volatile OperationBehavior _default = OperationBehavior.Succeed();

        internal OperationBehavior Default
        {
            get => _default;
            set => _default = value ?? throw new ArgumentNullException(nameof(value));
        }

        internal int Pending => _queue.Count;

        internal void Enqueue(OperationBehavior behavior, int times)
        {
            ArgumentNullException.ThrowIfNull(behavior);
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(times);
            for (var i = 0; i < times; i++)
            {
                _queue.Enqueue(behavior);
            }
        }

        internal OperationBehavior Next()
        {
            return _queue.TryDequeue(out var behavior) ? behavior : _default;
        }

        internal void Reset()
        {
            _queue.Clear();
            _default = OperationBehavior.Succeed();
        }
    }
}
