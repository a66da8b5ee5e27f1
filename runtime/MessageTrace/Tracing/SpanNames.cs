using System;
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

    private static readonly ConcurrentDictionary<(string Operation, string Destination), SpanName> s_names = new();

    /// <summary>Returns <c>"{operationName} {destination}"</c>, or the operation name alone when there is no destination.</summary>
    public static string Get(string operationName, string? destination)
    {
        if (destination is null || destination.Length == 0)
        {
            return operationName;
        }

        return Lookup(operationName, destination)?.Name ?? operationName + " " + destination;
    }

    /// <summary>
    /// The same name, looked up first in the last name <paramref name="site"/> used: a call site mostly sends
    /// to (or handles) one destination, and comparing with it skips hashing both strings on every message.
    /// </summary>
    internal static string Get(string operationName, string? destination, MessagingSite site)
    {
        if (destination is null || destination.Length == 0)
        {
            return operationName;
        }

        var last = site.LastSpanName;
        if (last is not null
            && ReferenceEquals(last.Operation, operationName)
            && string.Equals(last.Destination, destination, StringComparison.Ordinal))
        {
            return last.Name;
        }

        var entry = Lookup(operationName, destination);
        if (entry is null)
        {
            return operationName + " " + destination;
        }

        // A plain reference write: racing sites at worst look the name up again.
        site.LastSpanName = entry;
        return entry.Name;
    }

    private static SpanName? Lookup(string operationName, string destination)
    {
        var key = (operationName, destination);
        if (s_names.TryGetValue(key, out var entry))
        {
            return entry;
        }

        if (s_names.Count >= MaxCached)
        {
            return null;
        }

        return s_names.GetOrAdd(key, static k => new SpanName(k.Operation, k.Destination, k.Operation + " " + k.Destination));
    }
}

/// <summary>One cached span name and the pair it was built from.</summary>
internal sealed class SpanName
{
    public SpanName(string operation, string destination, string name)
    {
        Operation = operation;
        Destination = destination;
        Name = name;
    }

    public string Operation { get; }

    public string Destination { get; }

    public string Name { get; }
}
