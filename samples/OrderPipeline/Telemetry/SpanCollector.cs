using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using OpenTelemetry;

namespace OrderPipeline.Telemetry;

/// <summary>
/// An OpenTelemetry SDK processor that keeps every finished span in memory, in the order they ended,
/// and lets the program wait (with a deadline) until the spans it expects have all arrived.
/// </summary>
public sealed class SpanCollector : BaseProcessor<Activity>
{
    private readonly object _gate = new();
    private readonly List<SpanRecord> _spans = [];
    private readonly Channel<bool> _arrivals = Channel.CreateUnbounded<bool>(new UnboundedChannelOptions { SingleReader = true });

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _spans.Count;
            }
        }
    }

    /// <summary>The spans received so far, in the order they ended.</summary>
    public IReadOnlyList<SpanRecord> Snapshot()
    {
        lock (_gate)
        {
            return _spans.ToArray();
        }
    }

    public override void OnEnd(Activity data)
    {
        var record = SpanRecord.From(data);
        lock (_gate)
        {
            _spans.Add(record);
        }

        _arrivals.Writer.TryWrite(true);
    }

    /// <summary>
    /// Waits until at least <paramref name="expected"/> spans have ended, reporting the count to
    /// <paramref name="progress"/> as spans arrive. Returns <see langword="false"/> if
    /// <paramref name="deadline"/> fires first.
    /// </summary>
    public async Task<bool> WaitForAsync(int expected, Action<int>? progress, CancellationToken deadline)
    {
        try
        {
            while (true)
            {
                var count = Count;
                progress?.Invoke(count);
                if (count >= expected)
                {
                    return true;
                }

                // Each ended span writes one item: this wakes up once per span, never on a timer.
                await _arrivals.Reader.ReadAsync(deadline);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            progress?.Invoke(Count);
            return false;
        }
    }
}
