using System;
using System.Collections.Generic;

namespace MessageTrace;

/// <summary>
/// What a call site's spans start with when the destination does not change: the span name and the
/// attributes passed at start (system, operation, destination, template, consumer group), built once and
/// shared, read-only, by every thread. A span then starts without building its name or copying its start
/// attributes into a buffer, writes that each cost a GC write barrier per reference.
/// </summary>
internal sealed class StartShape
{
    private StartShape(string operation, string destination, string name, KeyValuePair<string, object?>[] tags)
    {
        Operation = operation;
        Destination = destination;
        Name = name;
        Tags = tags;
    }

    public string Operation { get; }

    public string Destination { get; }

    public string Name { get; }

    public KeyValuePair<string, object?>[] Tags { get; }

    /// <summary>The shape <paramref name="site"/> last kept, when it fits this span.</summary>
    public static StartShape? For(MessagingSite site, string operation, string? destination)
    {
        var shape = site.LastStart;
        return shape is not null
            && ReferenceEquals(shape.Operation, operation)
            && string.Equals(shape.Destination, destination ?? string.Empty, StringComparison.Ordinal)
            ? shape
            : null;
    }

    /// <summary>
    /// Keeps the shape of a span just started at <paramref name="site"/>, once the same destination came twice
    /// in a row: a site that alternates between destinations (a topic per tenant) keeps none and allocates
    /// nothing, instead of building a shape per message.
    /// </summary>
    public static void Note(MessagingSite site, string operation, string? destination, string name, StartTags tags)
    {
        destination ??= string.Empty;
        if (!string.Equals(site.PendingDestination, destination, StringComparison.Ordinal))
        {
            site.PendingDestination = destination;
            return;
        }

        site.LastStart = new StartShape(operation, destination, name, tags.ToArray());
    }
}
