using System.Diagnostics;

namespace MessageTrace;

/// <summary>Records the Kafka attributes of the conventions from a message's values, for generated Kafka adapters.</summary>
public static class KafkaAttributes
{
    /// <summary>
    /// Records the attributes of a message being produced: its key when the key is text, whether it is a
    /// tombstone (null value), the partition when the caller chose one (a negative value means "any":
    /// the client's <c>Partition.Any</c> is -1), and the producer's configured <c>client.id</c>.
    /// Appended, not set: call it once per span, before <see cref="RecordDelivery"/>.
    /// </summary>
    public static void RecordOutgoing(Activity activity, MessagingSite site, string? key, bool tombstone, int partition, int? bodySize, string? clientId)
    {
        MessagingAttributes.AddText(activity, MessagingAttributes.ClientId, clientId);
        RecordMessage(activity, site, key, tombstone, bodySize);
        AddPartition(activity, partition);
    }

    /// <summary>
    /// Records where the broker stored a produced message: its partition (replacing the one the caller chose,
    /// if any) and offset.
    /// </summary>
    public static void RecordDelivery(Activity activity, int partition, long offset)
    {
        if (partition >= 0)
        {
            activity.SetTag(MessagingAttributes.DestinationPartitionId, TagValues.IntText(partition));
        }

        AddOffset(activity, offset);
    }

    /// <summary>Records the attributes of a consumed message: key, tombstone, partition and offset. Appended: call it once per span.</summary>
    public static void RecordIncoming(Activity activity, MessagingSite site, string? key, bool tombstone, int partition, long offset, int? bodySize)
    {
        RecordMessage(activity, site, key, tombstone, bodySize);
        AddPartition(activity, partition);
        AddOffset(activity, offset);
    }

    // Each attribute here is recorded once per span, so it is appended (AddTag): SetTag first walks the
    // span's attributes for the same key, under the tag list's lock.
    private static void RecordMessage(Activity activity, MessagingSite site, string? key, bool tombstone, int? bodySize)
    {
        MessagingAttributes.AddText(activity, MessagingAttributes.KafkaMessageKey, key);
        if (tombstone)
        {
            activity.AddTag(MessagingAttributes.KafkaTombstone, TagValues.True);
        }

        MessagingAttributes.SetBodySize(activity, site, bodySize);
    }

    // A negative partition or offset is the client's "unset".
    private static void AddPartition(Activity activity, int partition)
    {
        if (partition >= 0)
        {
            activity.AddTag(MessagingAttributes.DestinationPartitionId, TagValues.IntText(partition));
        }
    }

    private static void AddOffset(Activity activity, long offset)
    {
        if (offset >= 0)
        {
            activity.AddTag(MessagingAttributes.KafkaOffset, offset);
        }
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
