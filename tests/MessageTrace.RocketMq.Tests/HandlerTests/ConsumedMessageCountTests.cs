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
        using var metrics = new MetricCapture();
        await using var consumer = await TestClients.SimpleConsumerAsync();
        var poller = new InventoryPoller(consumer, new BillingHandler());
        consumer.EnqueueReceiveBatchForTest(Enumerable.Range(0, 3).Select(_ => TestMessages.WithContext(TestMessages.RandomContext())).ToArray());

        await poller.PollOnceAsync();

        Assert.Equal(new[] { ("receive", 3L) }, Consumed(metrics));
        Assert.Equal(3, metrics.Of("messaging.process.duration").Count);
    }

    [Fact]
    public void A_handler_called_outside_a_receive_loop_counts_its_message()
    {
        using var metrics = new MetricCapture();

        new BillingHandler().Handle(TestMessages.WithContext(TestMessages.RandomContext()));

        Assert.Equal(new[] { ("process", 1L) }, Consumed(metrics));
        Assert.Single(metrics.Of("messaging.process.duration"));
    }

    private static (string Operation, long Count)[] Consumed(MetricCapture metrics) =>
        metrics.Of("messaging.client.consumed.messages").Select(m => (m.Tag("messaging.operation.type")!, (long)m.Value)).ToArray();
}
