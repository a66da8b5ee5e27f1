using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using OpenTelemetry;

namespace MessageTrace.RocketMq.Tests.Handlers;

/// <summary>What a handler body saw when it ran: its argument, the current span and the current baggage.</summary>
public sealed record HandlerObservation(object? Argument, Activity? Current, IReadOnlyDictionary<string, string> Baggage);

/// <summary>
/// Records what handler bodies see. Thread-safe: the concurrency tests run handlers on many threads.
/// </summary>
public sealed class HandlerProbe
{
    private readonly ConcurrentQueue<HandlerObservation> _seen = new();

    public IReadOnlyList<HandlerObservation> Seen => _seen.ToArray();

    public HandlerObservation Record(object? argument)
    {
        var observation = new HandlerObservation(
            argument,
            Activity.Current,
            Baggage.Current.GetBaggage().ToDictionary(static pair => pair.Key, static pair => pair.Value));
        _seen.Enqueue(observation);
        return observation;
    }
}
