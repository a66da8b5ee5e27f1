using System;

namespace MessageTrace;

/// <summary>
/// The <c>messaging.client.id</c> of a client object, read once per client rather than once per message:
/// clients whose id is a native call (Confluent.Kafka's <c>IClient.Name</c>) would otherwise pay that call
/// and a string on every traced send.
/// </summary>
/// <remarks>
/// Applications keep one producer per process (the clients' own advice), so the cache holds the last
/// client seen per client type: a reference comparison on the hot path, and a new entry only when a
/// different client sends. The entry is immutable and replaced whole, so concurrent senders never pair
/// one client with another's id, and it holds the client weakly, so a disposed client is not kept alive.
/// </remarks>
public static class ClientIds
{
    /// <summary>
    /// The id of <paramref name="client"/>, read by <paramref name="read"/> the first time this client is
    /// seen (null when it has none, or when reading it fails).
    /// </summary>
    public static string? Of<TClient>(TClient? client, Func<TClient, string?> read)
        where TClient : class
    {
        if (client is null)
        {
            return null;
        }

        var last = LastClient<TClient>.Entry;
        if (last is not null && last.Client.TryGetTarget(out var known) && ReferenceEquals(known, client))
        {
            return last.Id;
        }

        string? id;
        try
        {
            id = read(client);
        }
        catch (Exception)
        {
            // A disposed or failing client: no attribute, and the next send asks again.
            return null;
        }

        LastClient<TClient>.Entry = new ClientEntry<TClient>(new WeakReference<TClient>(client), id);
        return id;
    }

    private static class LastClient<TClient>
        where TClient : class
    {
        // Read and written without a lock: a torn read is impossible (one reference), and a lost update
        // only costs one more read of the id.
        public static ClientEntry<TClient>? Entry;
    }

    private sealed class ClientEntry<TClient>(WeakReference<TClient> client, string? id)
        where TClient : class
    {
        public WeakReference<TClient> Client { get; } = client;

        public string? Id { get; } = id;
    }
}
