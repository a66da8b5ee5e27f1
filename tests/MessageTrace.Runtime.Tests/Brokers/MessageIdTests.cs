using System.Diagnostics;
using System.Linq;
using Xunit;

namespace MessageTrace.Runtime.Tests.Brokers;

/// <summary><c>messaging.message.id</c> as generated adapters record it: appended once, never empty.</summary>
public sealed class MessageIdTests
{
    [Fact]
    public void A_message_id_is_recorded_once_and_an_empty_one_not_at_all()
    {
        using var activity = new Activity("send orders");

        MessagingAttributes.RecordMessageId(activity, "receipt-1");
        MessagingAttributes.RecordMessageId(activity, "");
        MessagingAttributes.RecordMessageId(activity, null);

        Assert.Equal([new("messaging.message.id", "receipt-1")], activity.TagObjects.ToArray());
    }
}
