using System.Threading.Tasks;
using RabbitMQ.Client;

namespace MessageTrace.RabbitMq.Tests.App;

/// <summary>Publishing and pulling as the RabbitMQ API guide writes them, traced by the attributes alone.</summary>
public sealed class OrderQueue(IChannel channel)
{
    [TracedProducer]
    public ValueTask PublishAsync(string queue, byte[] body) => channel.BasicPublishAsync("", queue, body);

    [TracedConsumer(ConsumerGroup = "audit")]
    public async Task<BasicGetResult?> PollAsync(string queue) => await channel.BasicGetAsync(queue, autoAck: true);
}
