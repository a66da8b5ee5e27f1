using System.Diagnostics;
using System.Globalization;

namespace MessageTrace;

/// <summary>Records the Kafka attributes of the conventions from a message's values, for generated Kafka adapters.</summary>
public static class KafkaAttributes
{
    /// <summary>
    /// Records the attributes of a message being produced: its key when the key is text, whether it is a
    /// tombstone (null value), and the partition when the caller chose one (a negative value means "any":
    /// the client's <c>Partition.Any</c> is -1).
    /// </summary>
    public static void RecordOutgoing(Activity activity, MessagingSite site, string? key, bool tombstone, int partition, int? bodySize)
    {
        MessagingAttributes.SetText(activity, MessagingAttributes.KafkaMessageKey, key);
        if (tombstone)
        {
            activity.SetTag(MessagingAttributes.KafkaTombstone, Boxes.True);
        }

        if (partition >= 0)
        {
            activity.SetTag(MessagingAttributes.DestinationPartitionId, PartitionId(partition));
        }

        MessagingAttributes.SetBodySize(activity, site, bodySize);
    }

    /// <summary>Records where the broker stored a produced message: its partition and offset.</summary>
    public static void RecordDelivery(Activity activity, int partition, long offset)
    {
        if (partition >= 0)
        {
            activity.SetTag(MessagingAttributes.DestinationPartitionId, PartitionId(partition));
        }

        if (offset >= 0)
        {
            activity.SetTag(MessagingAttributes.KafkaOffset, offset);
        }
    }

    /// <summary>Records the attributes of a consumed message: key, tombstone, partition and offset.</summary>
    public static void RecordIncoming(Activity activity, MessagingSite site, string? key, bool tombstone, int partition, long offset, int? bodySize)
    {
        RecordOutgoing(activity, site, key, tombstone, -1, bodySize);
        RecordDelivery(activity, partition, offset);
    }

    /// <summary>The partition as the conventions write it: its number as text (small numbers cached).</summary>
    public static string PartitionId(int partition) =>
        (uint)partition < (uint)s_partitionIds.Length ? s_partitionIds[partition] : partition.ToString(CultureInfo.InvariantCulture);

    private static readonly string[] s_partitionIds = CreatePartitionIds();

    private static string[] CreatePartitionIds()
    {
        var ids = new string[64];
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = i.ToString(CultureInfo.InvariantCulture);
        }

        return ids;
    }

    private static class Boxes
    {
        public static readonly object True = true;
    }
}
