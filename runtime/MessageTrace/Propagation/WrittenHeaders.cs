using System.Collections.Generic;
using System.Threading;

namespace MessageTrace;

/// <summary>
/// The header names MessageTrace writes, as string instances of its own, so a header collection itself
/// says which trace headers MessageTrace put there.
/// </summary>
/// <remarks>
/// Some clients let several messages share one header collection (RocketMQ's <c>Message.Builder</c> hands
/// one dictionary to every message it builds; RabbitMQ and NATS code reuses header collections). A
/// <c>traceparent</c> found before a send is then either the user's creation context, to keep and link,
/// or one MessageTrace wrote for an earlier send, which must never travel again. Collections keep the key
/// object of the entry that inserted a name (a dictionary's indexer replaces the value, not the key), so
/// writing with these non-interned instances marks the entry as ours at no cost: no table, no lock, no
/// allocation. A user's <c>"traceparent"</c> literal is the interned instance, never one of these.
/// </remarks>
public static class WrittenHeaders
{
    /// <summary>MessageTrace's own <c>traceparent</c> key.</summary>
    public static readonly string TraceParent = new(TraceHeaders.TraceParent.ToCharArray());

    /// <summary>MessageTrace's own <c>tracestate</c> key.</summary>
    public static readonly string TraceState = new(TraceHeaders.TraceState.ToCharArray());

    /// <summary>MessageTrace's own <c>baggage</c> key.</summary>
    public static readonly string Baggage = new(TraceHeaders.Baggage.ToCharArray());

    private static int s_anyWritten;

    /// <summary>
    /// Whether MessageTrace has written a context into any header collection in this process; until it
    /// has, an untraced send has no earlier context to look for.
    /// </summary>
    public static bool AnyWritten => Volatile.Read(ref s_anyWritten) != 0;

    // Owned keys for the headers of a propagator other than W3C's (B3's, Jaeger's), made the first time
    // each name is written. Replaced whole under the lock and read without it; bounded, as a propagator
    // writes a handful of names.
    private const int MaxOtherKeys = 32;
    private static readonly object s_otherKeysLock = new();
    private static volatile string[] s_otherKeys = [];

    /// <summary>Whether <paramref name="key"/> is one of MessageTrace's own key instances.</summary>
    public static bool IsOurKey(string? key)
    {
        if (ReferenceEquals(key, TraceParent) || ReferenceEquals(key, TraceState) || ReferenceEquals(key, Baggage))
        {
            return true;
        }

        foreach (var other in s_otherKeys)
        {
            if (ReferenceEquals(key, other))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The key MessageTrace writes for trace header <paramref name="name"/>: its own instance, for the W3C
    /// headers and for any other propagator's (made once per name).
    /// </summary>
    public static string KeyFor(string name) => name switch
    {
        TraceHeaders.TraceParent => TraceParent,
        TraceHeaders.TraceState => TraceState,
        TraceHeaders.Baggage => Baggage,
        _ => OtherKeyFor(name),
    };

    private static string OtherKeyFor(string name)
    {
        if (FindOther(s_otherKeys, name) is { } known)
        {
            return known;
        }

        lock (s_otherKeysLock)
        {
            var keys = s_otherKeys;
            if (FindOther(keys, name) is { } added)
            {
                return added;
            }

            if (keys.Length >= MaxOtherKeys)
            {
                return name; // A propagator inventing names per message: written, but not recognised as ours.
            }

            var key = new string(name.ToCharArray());
            var grown = new string[keys.Length + 1];
            keys.CopyTo(grown, 0);
            grown[keys.Length] = key;
            s_otherKeys = grown;
            return key;
        }
    }

    private static string? FindOther(string[] keys, string name)
    {
        foreach (var key in keys)
        {
            if (string.Equals(key, name, System.StringComparison.Ordinal))
            {
                return key;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether <paramref name="headers"/> holds an entry whose key is the very instance <paramref name="ourKey"/>.
    /// Walks the entries: called only when a trace header is present.
    /// </summary>
    public static bool ContainsKeyInstance<TValue>(IEnumerable<KeyValuePair<string, TValue>>? headers, string ourKey)
    {
        if (headers is Dictionary<string, TValue> dictionary)
        {
            // The dictionary's own struct enumerator: nothing allocated.
            foreach (var key in dictionary.Keys)
            {
                if (ReferenceEquals(key, ourKey))
                {
                    return true;
                }
            }

            return false;
        }

        if (headers is not null)
        {
            foreach (var header in headers)
            {
                if (ReferenceEquals(header.Key, ourKey))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Notes that a context was written (once; later calls only read).</summary>
    internal static void NoteWritten()
    {
        if (Volatile.Read(ref s_anyWritten) == 0)
        {
            Interlocked.Exchange(ref s_anyWritten, 1);
        }
    }
}
