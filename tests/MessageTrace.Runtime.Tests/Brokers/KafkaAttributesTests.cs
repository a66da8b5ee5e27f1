using System.Diagnostics;
using System.Linq;
using Xunit;

namespace MessageTrace.Runtime.Tests.Brokers;

/// <summary>The Kafka attribute rules the generated Kafka adapters call.</summary>
public sealed class KafkaAttributesTests
{
    private static readonly MessagingSite Site = new("kafka");

    [Theory]
    [InlineData("order-service#producer-1", "order-service")]
    [InlineData("a#b#producer-12", "a#b")]
    [InlineData("rdkafka#producer-3", null)]
    [InlineData("#producer-3", null)]
    [InlineData("plain", "plain")]
    [InlineData(null, null)]
    public void A_librdkafka_name_gives_the_configured_client_id_and_none_for_the_default(string? name, string? expected) =>
        Assert.Equal(expected, KafkaAttributes.ClientIdFromName(name));

    [Fact]
    public void An_outgoing_text_key_is_recorded_and_an_any_partition_is_not()
    {
        using var activity = new Activity("send orders");

        KafkaAttributes.RecordOutgoing(activity, Site, "order-17", tombstone: false, partition: -1, bodySize: null, clientId: "order-service");

        Assert.Equal("order-17", Tag(activity, "messaging.kafka.message.key"));
        Assert.Equal("order-service", Tag(activity, "messaging.client.id"));
        Assert.Null(Tag(activity, "messaging.destination.partition.id"));
        Assert.Null(Tag(activity, "messaging.kafka.message.tombstone"));
    }

    [Fact]
    public void A_tombstone_and_a_chosen_partition_are_recorded_and_a_missing_key_is_not()
    {
        using var activity = new Activity("send orders");

        KafkaAttributes.RecordOutgoing(activity, Site, key: null, tombstone: true, partition: 3, bodySize: null, clientId: null);

        Assert.Equal(true, Tag(activity, "messaging.kafka.message.tombstone"));
        Assert.Null(Tag(activity, "messaging.client.id"));
        Assert.Equal("3", Tag(activity, "messaging.destination.partition.id"));
        Assert.Null(Tag(activity, "messaging.kafka.message.key"));
    }

    [Fact]
    public void A_delivery_records_partition_and_offset_and_ignores_unset_values()
    {
        using var stored = new Activity("send orders");
        using var unknown = new Activity("send orders");

        KafkaAttributes.RecordDelivery(stored, 2, 12_345_678_901L);
        KafkaAttributes.RecordDelivery(unknown, -1, -1001);

        Assert.Equal("2", Tag(stored, "messaging.destination.partition.id"));
        Assert.Equal(12_345_678_901L, Tag(stored, "messaging.kafka.offset"));
        Assert.Empty(unknown.TagObjects);
    }

    [Fact]
    public void The_delivered_partition_replaces_the_one_the_caller_chose_and_each_attribute_is_recorded_once()
    {
        using var activity = new Activity("send orders");

        KafkaAttributes.RecordOutgoing(activity, Site, "order-17", tombstone: false, partition: 3, bodySize: null, clientId: "order-service");
        KafkaAttributes.RecordDelivery(activity, 5, 42);

        Assert.Equal(["5"], Tags(activity, "messaging.destination.partition.id"));
        Assert.Equal([42L], Tags(activity, "messaging.kafka.offset"));
        Assert.Equal(activity.TagObjects.Count(), activity.TagObjects.Select(t => t.Key).Distinct().Count());
    }

    [Fact]
    public void A_consumed_record_gets_key_tombstone_partition_and_offset_once_each()
    {
        using var activity = new Activity("process orders");

        KafkaAttributes.RecordIncoming(activity, Site, "order-17", tombstone: true, partition: 4, offset: 7, bodySize: null);

        Assert.Equal(
            ["messaging.kafka.message.key", "messaging.kafka.message.tombstone", "messaging.destination.partition.id", "messaging.kafka.offset"],
            activity.TagObjects.Select(t => t.Key));
        Assert.Equal("4", Tag(activity, "messaging.destination.partition.id"));
        Assert.Equal(7L, Tag(activity, "messaging.kafka.offset"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(100_000)]
    public void Partition_ids_are_decimal_text_shared_for_small_numbers(int partition) =>
        Assert.Equal(partition.ToString(System.Globalization.CultureInfo.InvariantCulture), TagValues.IntText(partition));

    private static object?[] Tags(Activity activity, string key) => activity.TagObjects.Where(t => t.Key == key).Select(t => t.Value).ToArray();

    private static object? Tag(Activity activity, string key) => activity.TagObjects.FirstOrDefault(t => t.Key == key).Value;
}
