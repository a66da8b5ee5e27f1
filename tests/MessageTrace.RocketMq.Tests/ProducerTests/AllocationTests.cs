using System;
using System.Diagnostics;
using System.Threading.Tasks;
using MessageTrace.RocketMq.Tests.Infrastructure;
using MessageTrace.RocketMq.Tests.Producers;
using Org.Apache.Rocketmq;
using Xunit;
using static MessageTrace.RocketMq.Tests.ProducerTests.ProducerKit;

namespace MessageTrace.RocketMq.Tests.ProducerTests;

/// <summary>When nothing listens and there is no ambient span, a traced send costs what the bare call costs.</summary>
[Collection(TracingCollection.Name)]
public sealed class AllocationTests
{
    private const int Calls = 200;
    private const int Rounds = 7;

    [Fact]
    public void Traced_send_allocates_nothing_more_than_the_bare_call_when_nothing_listens()
    {
        var producer = NewProducer();
        var message = NewBuilder().AddProperty("order-id", "17").Build();

        var (plain, traced) = CompareWithNothingListening(producer, message);

        Assert.Equal(plain, traced);
        Assert.False(message.Properties.ContainsKey(TraceParentKey));
    }

    /// <summary>
    /// Bytes allocated on this thread by <see cref="Calls"/> sends through the untraced and the traced
    /// twin of <see cref="AllocationPublisher"/>, the least of several rounds after a warm-up. The
    /// double's own allocations are the same on both paths, so any difference is the interceptor's.
    /// </summary>
    internal static (long Plain, long Traced) CompareWithNothingListening(Producer producer, Message message)
    {
        Activity.Current = null;
        Assert.False(MessageTraceSource.Source.HasListeners(), "a MessageTrace listener is alive: this test needs none");
        var publisher = new AllocationPublisher(producer);

        // Warm up both paths (JIT, tiering, the double's record list capacity).
        for (int i = 0; i < 3; i++)
        {
            Measure(producer, () => publisher.Plain(message));
            Measure(producer, () => publisher.Traced(message));
        }

        long plain = long.MaxValue;
        long traced = long.MaxValue;
        for (int round = 0; round < Rounds; round++)
        {
            plain = Math.Min(plain, Measure(producer, () => publisher.Plain(message)));
            traced = Math.Min(traced, Measure(producer, () => publisher.Traced(message)));
        }

        Assert.True(plain > 0, "the double allocates per send; a zero here means nothing was measured");
        return (plain, traced);
    }

    private static long Measure(Producer producer, Func<Task<ISendReceipt>> send)
    {
        producer.ResetForTest();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Calls; i++)
        {
            var task = send();
            if (!task.IsCompletedSuccessfully)
            {
                throw new InvalidOperationException("the scripted send should have completed at once");
            }
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
