using System.Collections.Concurrent;

namespace MessageTrace;

/// <summary>
/// Builds <c>{operation} {destination}</c> span names once per pair, so a steady stream of messages to
/// the same topic does not concatenate a new string per message.
/// </summary>
public static class SpanNames
{
    // Destinations are few in practice; the bound stops a producer with unbounded destinations
    // (temporary queues, per-user subjects) from growing the cache forever. Past it names are built
    // per call.
    private const int MaxCached = 4096;

    private static readonly ConcurrentDictionary<(string Operation, string Destination), string> s_names = new();

    /// <summary>Returns <c>"{operationName} {destination}"</c>, or the operation name alone when there is no destination.</summary>
    public static string Get(string operationName, string? destination)
    {
        if (destination is null || destination.Length == 0)
        {
            return operationName;
        }

        var key = (operationName, destination);
        if (s_names.TryGetValue(key, out var name))
        {
            return name;
        }

        name = operationName + " " + destination;
        if (s_names.Count < MaxCached)
        {
            s_names.TryAdd(key, name);
        }

        return name;
    }
}
