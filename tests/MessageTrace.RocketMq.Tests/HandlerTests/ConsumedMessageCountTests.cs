using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading.Tasks;
using MessageTrace.RocketMq.Tests.Handlers;
using MessageTrace.RocketMq.Tests.Infrastructure;
using Xunit;

namespace MessageTrace.RocketMq.Tests.HandlerTests;

/// <summary>
/// A delivery is counted once on <c>messaging.client.consumed.messages</c>: by the traced receive that
/// pulled it, not again by the traced handler the same method hands it to; a handler called anywhere
/// else counts its message itself.
/// </summary>
[Collection(TracingCollection.Name)]
public sealed class ConsumedMessageCountTests
{
    [Fact]
    public async Task Messages_pulled_by_a_traced_receive_and_handled_in_the_same_method_are_counted_once()
    {
        using var metrics = new Recorder();
        await using var consumer = await TestClients.SimpleConsumerAsync();
        var poller = new InventoryPoller(consumer, new BillingHandler());
        consumer.EnqueueReceiveBatchForTest(Enumerable.Range(0, 3).Select(_ => TestMessages.WithContext(TestMessages.RandomContext())).ToArray());

        await poller.PollOnceAsync();

        Assert.Equal(new[] { ("receive", 3L) }, metrics.Consumed);
        Assert.Equal(3, metrics.ProcessDurations);
    }

    [Fact]
    public void A_handler_called_outside_a_receive_loop_counts_its_message()
    {
        using var metrics = new Recorder();

        new BillingHandler().Handle(TestMessages.WithContext(TestMessages.RandomContext()));

        Assert.Equal(new[] { ("process", 1L) }, metrics.Consumed);
        Assert.Equal(1, metrics.ProcessDurations);
    }

    private sealed class Recorder : System.IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly List<(string Operation, long Count)> _consumed = new();
        private int _processDurations;

        public Recorder()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "MessageTrace")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            {
                if (instrument.Name == "messaging.client.consumed.messages")
                {
                    string operation = (string)tags.ToArray().Single(t => t.Key == "messaging.operation.type").Value!;
                    lock (_consumed)
                    {
                        _consumed.Add((operation, value));
                    }
                }
            });
            _listener.SetMeasurementEventCallback<double>((instrument, _, _, _) =>
            {
                if (instrument.Name == "messaging.process.duration")
                {
                    System.Threading.Interlocked.Increment(ref _processDurations);
                }
            });
            _listener.Start();
        }

        public IReadOnlyList<(string Operation, long Count)> Consumed
        {
            get
            {
                lock (_consumed)
                {
                    return _consumed.ToList();
                }
            }
        }

        public int ProcessDurations => System.Threading.Volatile.Read(ref _processDurations);

        public void Dispose() => _listener.Dispose();
    }
}
