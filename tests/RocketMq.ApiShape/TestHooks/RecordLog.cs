using System;
using System.Collections.Generic;

namespace Org.Apache.Rocketmq.Testing
{
    /// <summary>Not in the real client: a thread-safe, append-only log of calls, read as snapshots.</summary>
    internal sealed class RecordLog<T>
    {
        private readonly object _lock = new object();
        private readonly List<T> _records = new List<T>();

        /// <summary>Creates a record from its 0-based sequence number and appends it.</summary>
        internal T Add(Func<int, T> create)
        {
            lock (_lock)
            {
                var record = create(_records.Count);
                _records.Add(record);
                return record;
            }
        }

        internal IReadOnlyList<T> Snapshot()
        {
            lock (_lock)
            {
                return _records.ToArray();
            }
        }

        internal void Clear()
        {
            lock (_lock)
            {
                _records.Clear();
            }
        }
    }
}
