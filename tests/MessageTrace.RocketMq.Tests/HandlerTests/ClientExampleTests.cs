using System.Threading.Tasks;
using MessageTrace.RocketMq.Tests.Handlers;
using MessageTrace.RocketMq.Tests.Infrastructure;
using Org.Apache.Rocketmq;
using Xunit;

namespace MessageTrace.RocketMq.Tests.HandlerTests;

/// <summary>
/// The client's own example shapes are traced: a private listener class is wrapped at its registration,
/// a lite push consumer like a push consumer, and the consumer group comes from the builder when the
/// attribute names none (the conventions require it on RocketMQ process and receive spans).
/// </summary>
[Collection(TracingCollection.Name)]
public sealed class ClientExampleTests
{
    [Fact]
    public async Task A_private_listener_class_is_traced_with_the_group_its_builder_names()
    {
        using var capture = new TraceCapture();
        await using var consumer = await PushConsumerExample.StartAsync(TestClients.Config());
        var creation = TestMessages.RandomContext();
        var message = TestMessages.WithContext(creation);

        Assert.Equal(ConsumeResult.SUCCESS, consumer.DeliverForTest(message));

        var span = capture.SingleProcess();
        Assert.Equal("yourConsumerGroup", Spans.Tag(span, "messaging.consumer.group.name"));
        Spans.AssertChildOf(span, creation);
        Assert.Same(span, Assert.Single(PushConsumerExample.Probe.Seen, s => s.Argument == message).Current);
    }

    [Fact]
    public async Task A_lite_push_consumer_listener_is_traced()
    {
        using var capture = new TraceCapture();
        await using var consumer = await LitePushConsumerExample.StartAsync(TestClients.Config());
        var message = TestMessages.WithContext(TestMessages.RandomContext());

        Assert.Equal(ConsumeResult.SUCCESS, consumer.DeliverForTest(message));

        var span = capture.SingleProcess();
        Assert.Equal("process orders", span.DisplayName);
        Assert.Equal("liteGroup", Spans.Tag(span, "messaging.consumer.group.name"));
        Assert.Same(span, Assert.Single(LitePushConsumerExample.Probe.Seen, s => s.Argument == message).Current);
    }

    [Fact]
    public async Task A_receive_takes_the_group_of_the_builder_its_consumer_came_from()
    {
        using var capture = new TraceCapture();
        var message = TestMessages.WithContext(TestMessages.RandomContext());

        var received = await SimpleConsumerExample.PollOnceAsync(TestClients.Config(), consumer => consumer.EnqueueReceiveBatchForTest(message));

        Assert.Same(message, Assert.Single(received));
        var receive = Assert.Single(capture.OfType("receive"));
        Assert.Equal("yourConsumerGroup", Spans.Tag(receive, "messaging.consumer.group.name"));
    }
}
