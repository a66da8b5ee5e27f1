using System.Threading.Tasks;
using Org.Apache.Rocketmq;

namespace MessageTrace.RocketMq.Tests.Handlers;

/// <summary>A traced producer the handlers below send through.</summary>
public sealed class ShipmentPublisher
{
    private readonly Producer _producer;

    public ShipmentPublisher(Producer producer) => _producer = producer;

    [TracedProducer(Namespace = "shop")]
    public Task<ISendReceipt> PublishAsync(string topic, byte[] body, string tag)
    {
        var message = new Message.Builder().SetTopic(topic).SetBody(body).SetTag(tag).Build();
        return _producer.Send(message);
    }
}

/// <summary>
/// A handler that forwards what it processes: its send must be a child of its process span, and the
/// forwarded message's creation context must be that send.
/// </summary>
public sealed class ShipmentHandler
{
    private readonly ShipmentPublisher _publisher;

    public ShipmentHandler(ShipmentPublisher publisher) => _publisher = publisher;

    public HandlerProbe Probe { get; } = new();

    [TracedHandler(ConsumerGroup = "shipping")]
    public async Task<ConsumeResult> HandleAsync(MessageView message)
    {
        Probe.Record(message);
        await _publisher.PublishAsync("shipments", message.Body, "forwarded");
        return ConsumeResult.SUCCESS;
    }

    [TracedHandler(ConsumerGroup = "shipping")]
    public ConsumeResult Handle(MessageView message)
    {
        Probe.Record(message);
        _publisher.PublishAsync("shipments", message.Body, "forwarded").GetAwaiter().GetResult();
        return ConsumeResult.SUCCESS;
    }
}
