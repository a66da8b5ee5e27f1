using System.Collections.Generic;

namespace MessageTrace;

/// <summary>Batch handling helpers for generated handler interceptors.</summary>
public static class MessageBatch
{
    /// <summary>
    /// Returns <paramref name="messages"/> itself when it is a collection, else its items read once into a
    /// list, so tracing (which reads every message for its links) and the handler see the same messages
    /// even from a single-pass sequence.
    /// </summary>
    public static IEnumerable<T>? ReadOnce<T>(IEnumerable<T>? messages) => messages switch
    {
        null => null,
        ICollection<T> or IReadOnlyCollection<T> => messages,
        _ => new List<T>(messages),
    };
}
