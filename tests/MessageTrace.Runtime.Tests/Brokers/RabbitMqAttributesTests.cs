using System.Diagnostics;
using System.Linq;
using Xunit;

namespace MessageTrace.Runtime.Tests.Brokers;

/// <summary>The RabbitMQ attribute rules the generated RabbitMQ adapters call.</summary>
public sealed class RabbitMqAttributesTests
{
    private static readonly MessagingSite Site = new("rabbitmq");

    [Theory]
    [InlineData("orders", "created", "orders")]
    [InlineData("", "order-queue", "order-queue")]
    [InlineData(null, "order-queue", "order-queue")]
    public void The_destination_is_the_exchange_or_with_the_default_exchange_the_queue(string? exchange, string? routingKey, string expected) =>
        Assert.Equal(expected, RabbitMqAttributes.Destination(exchange, routingKey));

    [Fact]
    public void A_published_message_gets_its_routing_key_and_id_once_each_and_no_empty_values()
    {
        using var withValues = new Activity("send orders");
        using var withoutValues = new Activity("send orders");

        RabbitMqAttributes.RecordOutgoing(withValues, Site, "created", "m-1", bodySize: 12);
        RabbitMqAttributes.RecordOutgoing(withoutValues, Site, "", null, bodySize: 12);

        Assert.Equal(
            [new("messaging.rabbitmq.destination.routing_key", "created"), new("messaging.message.id", "m-1")],
            withValues.TagObjects.ToArray());
        Assert.Empty(withoutValues.TagObjects);
    }

    [Fact]
    public void A_delivered_message_gets_its_routing_key_and_delivery_tag_as_an_integer()
    {
        using var activity = new Activity("process orders");

        RabbitMqAttributes.RecordIncoming(activity, Site, "created", deliveryTag: 5_000_000_000UL, bodySize: 12);

        Assert.Equal(
            [new("messaging.rabbitmq.destination.routing_key", "created"), new("messaging.rabbitmq.message.delivery_tag", 5_000_000_000L)],
            activity.TagObjects.ToArray());
    }
}
