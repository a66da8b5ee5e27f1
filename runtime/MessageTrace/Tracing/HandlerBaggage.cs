using System;
using OpenTelemetry;
using OpenTelemetry.Context;

namespace MessageTrace;

/// <summary>
/// Makes a received message's baggage <see cref="Baggage.Current"/> for the handler body only.
/// </summary>
/// <remarks>
/// Setting <see cref="Baggage.Current"/> mutates the baggage holder already in the execution context,
/// the very object a suspended async handler and every concurrent task forked from the caller share, so
/// "set, call, set back" would erase the baggage from an awaiting handler and leak it between
/// concurrent handlers. Instead the holder slot itself is replaced for the call (an async-local write,
/// which the handler's captured context keeps) and the caller's holder is put back afterwards.
/// </remarks>
public static class HandlerBaggage
{
    // OpenTelemetry.Api's runtime-context slot for Baggage.Current.
    private const string SlotName = "otel.baggage";

    /// <summary>Marker for "the slot could not be replaced": <see cref="Exit"/> then restores by value.</summary>
    private sealed class ByValue
    {
        public ByValue(Baggage previous) => Previous = previous;

        public Baggage Previous { get; }
    }

    /// <summary>
    /// Makes <paramref name="baggage"/> current for what runs next on this execution context and
    /// returns a token for <see cref="Exit"/>. Never throws.
    /// </summary>
    public static object? Enter(in Baggage baggage)
    {
        try
        {
            // Reading Baggage.Current first makes sure OpenTelemetry has registered its slot.
            _ = Baggage.Current;
            object? previousHolder = RuntimeContext.GetValue(SlotName);
            RuntimeContext.SetValue(SlotName, null);
            Baggage.Current = baggage;
            return previousHolder ?? s_noHolder;
        }
        catch (Exception)
        {
            try
            {
                var previous = Baggage.Current;
                Baggage.Current = baggage;
                return new ByValue(previous);
            }
            catch (Exception)
            {
                return null;
            }
        }
    }

    /// <summary>Puts back the caller's baggage. Never throws.</summary>
    public static void Exit(object? token)
    {
        try
        {
            switch (token)
            {
                case null:
                    return;
                case ByValue byValue:
                    Baggage.Current = byValue.Previous;
                    return;
                default:
                    RuntimeContext.SetValue(SlotName, ReferenceEquals(token, s_noHolder) ? null : token);
                    return;
            }
        }
        catch (Exception)
        {
            // Restoring baggage must not fail the handler.
        }
    }

    private static readonly object s_noHolder = new();
}
