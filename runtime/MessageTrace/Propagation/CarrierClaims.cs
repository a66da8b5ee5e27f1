using System.Runtime.CompilerServices;

namespace MessageTrace;

/// <summary>
/// Remembers, per header collection, the <c>traceparent</c> object MessageTrace wrote into it.
/// </summary>
/// <remarks>
/// Some clients let several messages share one header collection (RocketMQ's <c>Message.Builder</c>
/// hands the same dictionary to every message it builds; RabbitMQ code often reuses one
/// <c>BasicProperties</c>). A <c>traceparent</c> already present may therefore be the user's creation
/// context, to keep and link, or one we wrote for an earlier send, which must never be mistaken for
/// the user's. Keying a weak table by the collection answers that without a wire marker; the entry
/// dies with the collection. The table costs a handle per claimed collection, not a managed
/// allocation per message.
/// </remarks>
internal static class CarrierClaims
{
    private static readonly ConditionalWeakTable<object, object> s_written = new();
    private static readonly ConditionalWeakTable<object, object> s_baggage = new();
    private static readonly object s_gate = new();

    /// <summary>Remembers the baggage header MessageTrace wrote into <paramref name="carrier"/>.</summary>
    public static void RecordBaggage(object carrier, string written)
    {
        lock (s_gate)
        {
            s_baggage.Remove(carrier);
            s_baggage.Add(carrier, written);
        }
    }

    /// <summary>Whether <paramref name="value"/> is the baggage header MessageTrace wrote into <paramref name="carrier"/>.</summary>
    public static bool IsOurBaggage(object carrier, string value) =>
        s_baggage.TryGetValue(carrier, out var written) && ReferenceEquals(written, value);

    /// <summary>Whether <paramref name="existing"/> is the value MessageTrace wrote into <paramref name="carrier"/>.</summary>
    public static bool IsOurs(object carrier, in HeaderValue existing) =>
        s_written.TryGetValue(carrier, out var written) && existing.IsSameInstance(written);

    /// <summary>Whether MessageTrace ever wrote into <paramref name="carrier"/>.</summary>
    public static bool IsClaimed(object carrier) => s_written.TryGetValue(carrier, out _);

    /// <summary>
    /// Claims <paramref name="carrier"/> for <paramref name="written"/>; false when another send
    /// claimed it first (the collection is shared with a message being sent concurrently).
    /// </summary>
    public static bool TryClaim(object carrier, object written)
    {
        lock (s_gate)
        {
            if (s_written.TryGetValue(carrier, out _))
            {
                return false;
            }

            s_written.Add(carrier, written);
            return true;
        }
    }

    /// <summary>Moves an existing claim to a newly written value (a deliberate overwrite of our own stale header).</summary>
    public static void Reclaim(object carrier, object written)
    {
        lock (s_gate)
        {
            s_written.Remove(carrier);
            s_written.Add(carrier, written);
        }
    }
}
