using System.Collections.Concurrent;
using System.Threading;

namespace OrderPipeline.Domain;

/// <summary>
/// What happened to the orders, as the services saw it (business bookkeeping for the summary, not
/// tracing): published, invoiced, shipped, failed billing attempts, parked.
/// </summary>
public sealed class PipelineLedger
{
    private readonly ConcurrentDictionary<string, byte> _shipped = new();
    private readonly ConcurrentDictionary<string, byte> _parked = new();
    private int _published;
    private int _invoiced;
    private int _failedAttempts;

    public int Published => Volatile.Read(ref _published);

    public int Invoiced => Volatile.Read(ref _invoiced);

    public int Shipped => _shipped.Count;

    public int Parked => _parked.Count;

    public int FailedAttempts => Volatile.Read(ref _failedAttempts);

    public void OrderPublished() => Interlocked.Increment(ref _published);

    public void InvoicePublished() => Interlocked.Increment(ref _invoiced);

    public void BillingFailed() => Interlocked.Increment(ref _failedAttempts);

    public void OrderShipped(string orderId) => _shipped.TryAdd(orderId, 0);

    public void OrderParked(string orderId) => _parked.TryAdd(orderId, 0);
}
