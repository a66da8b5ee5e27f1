using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using MessageTrace.Benchmarks.App;
using OpenTelemetry;
using OpenTelemetry.Context.Propagation;

namespace MessageTrace.Benchmarks.Benchmarks;

/// <summary>
/// One traced producer used by one thread, then by two at once: the time of one send on each thread.
/// Per-thread throughput at two threads is the one-thread time over the two-thread time; anything shared
/// and written on the send path (a lock, a counter, one table) shows up as a drop. The listener records
/// every span and does nothing when one stops, so no exporter lock is measured instead of the send.
/// Server GC, as a service sending from several threads runs: with the workstation GC every collection
/// stops both threads, and the per-thread allocation rate alone halves the throughput of even Bare.
/// </summary>
[MemoryDiagnoser]
[GcServer(true)]
[WarmupCount(5)]
[IterationCount(30)]
[BenchmarkCategory("Threads")]
public class ThreadsBenchmarks
{
    /// <summary>Sends each thread makes per measured operation batch.</summary>
    public const int SendsPerThread = 32768;

    private static readonly byte[] s_body = "{\"order\":17,\"total\":\"42.00\"}"u8.ToArray();
    private static readonly byte[] s_contentType = "application/json"u8.ToArray();

    private ActivityListener? _listener;
    private EnvelopePublisher? _publisher;

    /// <summary>How many threads send at once.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    /// <summary>Listens to both sources, records everything; W3C trace context as the propagator.</summary>
    [GlobalSetup]
    public void GlobalSetup()
    {
        Sdk.SetDefaultTextMapPropagator(new CompositeTextMapPropagator([new TraceContextPropagator(), new BaggagePropagator()]));
        _listener = new ActivityListener
        {
            ShouldListenTo = static source => source.Name is MessageTraceSource.Name or App.HandWritten.SourceName,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(_listener);
        _publisher = new EnvelopePublisher(new InHouseBus { KeepLast = false });
    }

    /// <summary>Stops listening.</summary>
    [GlobalCleanup]
    public void GlobalCleanup() => _listener?.Dispose();

    /// <summary>Untraced sends: what the machine itself gives a second thread.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = SendsPerThread)]
    public void Bare() => Run(_publisher!, Threads, static publisher => publisher.PublishBare(NewEnvelope()));

    /// <summary>Sends traced by the generated interceptor.</summary>
    [Benchmark(OperationsPerInvoke = SendsPerThread)]
    public void Generated() => Run(_publisher!, Threads, static publisher => publisher.PublishGenerated(NewEnvelope()));

    /// <summary>Sends traced by hand, OpenTelemetry-docs style.</summary>
    [Benchmark(OperationsPerInvoke = SendsPerThread)]
    public void HandWritten() => Run(_publisher!, Threads, static publisher => publisher.PublishHandWritten(NewEnvelope()));

    private static void Run(EnvelopePublisher publisher, int threads, System.Action<EnvelopePublisher> send)
    {
        if (threads == 1)
        {
            Sends(publisher, send);
            return;
        }

        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ => Sends(publisher, send));
    }

    private static void Sends(EnvelopePublisher publisher, System.Action<EnvelopePublisher> send)
    {
        for (int i = 0; i < SendsPerThread; i++)
        {
            send(publisher);
        }
    }

    private static Envelope NewEnvelope() => new()
    {
        Topic = "orders",
        MessageId = "order-17",
        Body = s_body,
        Headers = new Dictionary<string, object?> { ["content-type"] = s_contentType },
    };
}
