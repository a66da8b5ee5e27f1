using System.Linq;
using System.Threading.Tasks;
using MessageTrace.RocketMq.Tests.Handlers;
using MessageTrace.RocketMq.Tests.Infrastructure;
using Org.Apache.Rocketmq;
using Org.Apache.Rocketmq.Testing;
using Xunit;

namespace MessageTrace.RocketMq.Tests.HandlerTests;

/// <summary>
/// Metrics of the consumer side through the generated interceptors: receive and ack on
/// messaging.client.operation.duration, handlers on messaging.process.duration, each delivery counted
/// once, empty receives timed but not counted, failures with error.type.
/// </summary>
[Collection(TracingCollection.Name)]
public sealed class ConsumerMetricsTests
{
    private const string ClientDuration = "messaging.client.operation.duration";
    private const string ProcessDuration = "messaging.process.duration";
    private const string Consumed = "messaging.client.consumed.messages";

    [Fact]
    public async Task A_settled_pull_records_the_receive_each_ack_and_each_handler_call()
    {
        using var capture = new TraceCapture();
        using var metrics = new MetricCapture();
        await using var consumer = await TestClients.SimpleConsumerAsync();
        consumer.EnqueueReceiveBatchForTest(TestMessages.WithContext(TestMessages.RandomContext()), TestMessages.WithContext(TestMessages.RandomContext()));

        await new InventoryPoller(consumer, new BillingHandler()).PollAndSettleAsync();

        var client = metrics.Of(ClientDuration);
        Assert.Equal(new[] { ("ack", "settle"), ("ack", "settle"), ("receive", "receive") },
            client.Select(m => (m.Tag("messaging.operation.name")!, m.Tag("messaging.operation.type")!)).Order().ToArray());
        Assert.All(client, m =>
        {
            Assert.Equal("rocketmq", m.Tag("messaging.system"));
            Assert.Equal("orders", m.Tag("messaging.destination.name"));
            Assert.Equal("inventory", m.Tag("messaging.consumer.group.name"));
        });
        var process = metrics.Of(ProcessDuration);
        Assert.Equal(2, process.Count);
        Assert.All(process, m => Assert.Equal("billing", m.Tag("messaging.consumer.group.name")));
        var consumed = Assert.Single(metrics.Of(Consumed));
        Assert.Equal(("receive", 2.0), (consumed.Tag("messaging.operation.type"), consumed.Value));
    }

    [Fact]
    public async Task An_empty_receive_records_its_duration_and_counts_no_message()
    {
        using var capture = new TraceCapture();
        using var metrics = new MetricCapture();
        await using var consumer = await TestClients.SimpleConsumerAsync();

        Assert.Empty(await new InventoryPoller(consumer, new BillingHandler()).PollOnceAsync());

        Assert.Empty(capture.Spans);
        Assert.Equal("receive", Assert.Single(metrics.Of(ClientDuration)).Tag("messaging.operation.name"));
        Assert.Empty(metrics.Of(Consumed));
    }

    [Fact]
    public async Task A_failed_receive_records_the_exception_type()
    {
        using var metrics = new MetricCapture();
        await using var consumer = await TestClients.SimpleConsumerAsync();
        consumer.EnqueueReceiveBehaviorForTest(OperationBehavior.Fail(new Org.Apache.Rocketmq.Error.ProxyTimeoutException(40800, "proxy timeout"), asynchronously: true));

        await Assert.ThrowsAsync<Org.Apache.Rocketmq.Error.ProxyTimeoutException>(() => new InventoryPoller(consumer, new BillingHandler()).PollOnceAsync());

        Assert.Equal(typeof(Org.Apache.Rocketmq.Error.ProxyTimeoutException).FullName, Assert.Single(metrics.Of(ClientDuration)).Tag("error.type"));
        Assert.Empty(metrics.Of(Consumed));
    }

    [Fact]
    public void A_FAILURE_result_is_measured_with_error_type_FAILURE()
    {
        using var metrics = new MetricCapture();
        var handler = new BillingHandler { Outcome = static _ => ConsumeResult.FAILURE };

        Assert.Equal(ConsumeResult.FAILURE, handler.Handle(TestMessages.WithContext(TestMessages.RandomContext())));

        Assert.Equal("FAILURE", Assert.Single(metrics.Of(ProcessDuration)).Tag("error.type"));
        Assert.Equal("FAILURE", Assert.Single(metrics.Of(Consumed)).Tag("error.type"));
    }
}
