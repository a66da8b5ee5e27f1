using System.Diagnostics;

namespace MessageTrace;

/// <summary>Records the Kafka attributes of the conventions from a message's values, for generated Kafka adapters.</summary>
public static class KafkaAttributes
{
    /// <summary>
    /// Records the attributes of a message being produced: its key when the key is text, whether it is a
    /// tombstone (null value), the partition when the caller chose one (a negative value means "any":
    /// the client's <c>Partition.Any</c> is -1), and the producer's configured <c>client.id</c>.
    /// </summary>
    public static void RecordOutgoing(Activity activity, MessagingSite site, string? key, bool tombstone, int partition, int? bodySize, string? clientId)
    {
        MessagingAttributes.SetText(activity, MessagingAttributes.ClientId, clientId);
        MessagingAttributes.SetText(activity, MessagingAttributes.KafkaMessageKey, key);
        if (tombstone)
        {
            activity.SetTag(MessagingAttributes.KafkaTombstone, TagValues.True);
        }

        if (partition >= 0)
        {
            activity.SetTag(MessagingAttributes.DestinationPartitionId, TagValues.IntText(partition));
        }

        MessagingAttributes.SetBodySize(activity, site, bodySize);
    }

    /// <summary>Records where the broker stored a produced message: its partition and offset.</summary>
    public static void RecordDelivery(Activity activity, int partition, long offset)
    {
        if (partition >= 0)
        {
            activity.SetTag(MessagingAttributes.DestinationPartitionId, TagValues.IntText(partition));
        }

        if (offset >= 0)
        {
            activity.SetTag(MessagingAttributes.KafkaOffset, offset);
        }
    }

    /// <summary>Records the attributes of a consumed message: key, tombstone, partition and offset.</summary>
    public static void RecordIncoming(Activity activity, MessagingSite site, string? key, bool tombstone, int partition, long offset, int? bodySize)
    {
        RecordOutgoing(activity, site, key, tombstone, -1, bodySize, clientId: null);
        RecordDelivery(activity, partition, offset);
    }

    /// <summary>
    /// The <c>client.id</c> part of a librdkafka client name (<c>"{client.id}#producer-{n}"</c>), or null
    /// when the id is librdkafka's default (<c>rdkafka</c>), that is when the application configured none.
    /// </summary>
    public static string? ClientIdFromName(string? name)
    {
        if (name is null)
        {
            return null;
        }

        int separator = name.LastIndexOf('#');
        string id = separator < 0 ? name : name.Substring(0, separator);
        return id.Length == 0 || id == "rdkafka" ? null : id;
    }
}
