using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace MessageTrace;

/// <summary>Producer-side creation-context handling that generated send interceptors call.</summary>
/// <remarks>
/// Whether a trace header in an outgoing collection was written by MessageTrace is read from the
/// collection itself (<see cref="WrittenHeaders"/>); concurrent writes into one collection are kept apart
/// by <see cref="CarrierGate"/> (the collection's own monitor, tried once). Nothing is allocated, nothing
/// waits, and sends of different collections share no memory.
/// </remarks>
public static class ProducerContext
{
    private static readonly string[] s_ourKeys = [WrittenHeaders.TraceParent, WrittenHeaders.TraceState, WrittenHeaders.Baggage];

    /// <summary>
    /// Whether a send needs any work from MessageTrace: a listener on our source, or an ambient span
    /// whose context must travel on. When neither holds the generated code calls the client directly.
    /// </summary>
    public static bool IsActive => MessageTraceSource.Source.HasListeners() || Activity.Current is not null;

    /// <summary>
    /// Whether the headers hold a <c>traceparent</c> MessageTrace wrote for an earlier send. Never parses,
    /// and costs nothing until MessageTrace has written a context somewhere in this process.
    /// </summary>
    public static bool HoldsEarlierContext<TCarrier, TWriter>(TCarrier carrier, TWriter writer = default)
        where TWriter : struct, IHeaderWriter<TCarrier>
    {
        try
        {
            return WrittenHeaders.AnyWritten
                && FindContextHeader(carrier, writer, out _) is { } name
                && writer.IsWrittenByMessageTrace(carrier, WrittenHeaders.KeyFor(name));
        }
        catch (Exception)
        {
            return false;
        }
    }

    /// <summary>
    /// Removes the trace headers MessageTrace wrote for an earlier send, so an untraced send of reused
    /// headers does not carry that send's context. Headers the user wrote stay.
    /// </summary>
    public static void RemoveEarlierContext<TCarrier, TWriter>(TCarrier carrier, TWriter writer = default)
        where TWriter : struct, IHeaderWriter<TCarrier> => RemoveEarlierContext(carrier, carrier, writer);

    /// <summary>
    /// <see cref="RemoveEarlierContext{TCarrier, TWriter}(TCarrier, TWriter)"/> for a carrier that is not the
    /// header collection itself (a message adapter): <paramref name="identity"/> is the collection.
    /// </summary>
    internal static void RemoveEarlierContext<TCarrier, TWriter>(TCarrier carrier, object? identity, TWriter writer)
        where TWriter : struct, IHeaderWriter<TCarrier>
    {
        if (identity is null || !CarrierGate.TryEnter(identity))
        {
            return;
        }

        try
        {
            RemoveOurs(carrier, writer);
        }
        catch (Exception)
        {
            // A collection that refuses the removal goes out as it is.
        }
        finally
        {
            CarrierGate.Exit(identity);
        }
    }

    /// <summary>
    /// Copies the headers of <paramref name="source"/> into <paramref name="target"/>, leaving out the trace
    /// headers MessageTrace wrote for an earlier send: what a copy of a message sharing its headers needs.
    /// </summary>
    public static void CopyUserHeaders(IDictionary<string, string>? source, IDictionary<string, string> target)
    {
        if (source is null)
        {
            return;
        }

        foreach (var header in source)
        {
            if (!WrittenHeaders.IsOurKey(header.Key))
            {
                target[header.Key] = header.Value;
            }
        }
    }

    /// <summary>
    /// Classifies the headers of an outgoing message. <paramref name="userContext"/> is the parsed user
    /// creation context when the state is <see cref="CarrierState.UserContext"/> and it parses.
    /// </summary>
    public static CarrierState Inspect<TCarrier, TWriter>(TCarrier carrier, out ActivityContext userContext, TWriter writer = default)
        where TWriter : struct, IHeaderWriter<TCarrier>
    {
        userContext = default;
        try
        {
            if (!writer.CanWrite(carrier))
            {
                return CarrierState.NotWritable;
            }

            if (FindContextHeader(carrier, writer, out var existing) is not { } name)
            {
                return CarrierState.Empty;
            }

            if (writer.IsWrittenByMessageTrace(carrier, WrittenHeaders.KeyFor(name)))
            {
                return CarrierState.WrittenForEarlierSend;
            }

            if (ReferenceEquals(name, TraceHeaders.TraceParent))
            {
                existing.TryParseTraceParent(out userContext);
            }
            else
            {
                // Another propagator's headers: it alone reads them.
                userContext = ContextPropagation.Extract(carrier, writer).ActivityContext;
            }

            return CarrierState.UserContext;
        }
        catch (Exception)
        {
            return CarrierState.NotWritable;
        }
    }

    /// <summary>
    /// Injects <paramref name="context"/> into headers classified <see cref="CarrierState.Empty"/> (or,
    /// with <paramref name="replaceOurs"/>, <see cref="CarrierState.WrittenForEarlierSend"/>).
    /// Returns <see langword="false"/> without writing when another send got to the same header
    /// collection first: the caller then sends a copy, or sends without context, but never writes a
    /// context into headers another send is using.
    /// </summary>
    public static bool TryInject<TCarrier, TWriter>(TCarrier carrier, in ActivityContext context, bool replaceOurs = false, TWriter writer = default)
        where TWriter : struct, IHeaderWriter<TCarrier> => TryInject(carrier, carrier, context, replaceOurs, writer);

    /// <summary>
    /// <see cref="TryInject{TCarrier, TWriter}(TCarrier, in ActivityContext, bool, TWriter)"/> for a carrier
    /// that is not the header collection itself: <paramref name="identity"/> is the collection.
    /// </summary>
    internal static bool TryInject<TCarrier, TWriter>(TCarrier carrier, object? identity, in ActivityContext context, bool replaceOurs, TWriter writer)
        where TWriter : struct, IHeaderWriter<TCarrier>
    {
        if (context == default || identity is null)
        {
            return true;
        }

        if (!CarrierGate.TryEnter(identity))
        {
            return false;
        }

        try
        {
            // Nothing can be written (read-only headers): send as is.
            if (!writer.CanWrite(carrier))
            {
                return true;
            }

            // Checked again inside the gate: what the send saw before its span started may have changed.
            if (FindContextHeader(carrier, writer, out _) is { } name)
            {
                if (!replaceOurs || !writer.IsWrittenByMessageTrace(carrier, WrittenHeaders.KeyFor(name)))
                {
                    return false;
                }

                // This send's tracestate and baggage may be absent: none of the earlier send's may stay.
                RemoveOurs(carrier, writer);
            }

            WrittenHeaders.NoteWritten();
            var propagator = PropagatorMode.Current;
            if (PropagatorMode.IsW3C(propagator, out bool withBaggage))
            {
                // No traceparent is left in the carrier here (checked or removed above): not looked up again.
                ContextPropagation.InjectW3C(carrier, context, withBaggage, writer, asOurs: true, traceParentAbsent: true);
            }
            else
            {
                // A custom propagator owns the header format; its trace headers are written with our keys.
                ContextPropagation.InjectWith<TCarrier, TWriter>(propagator, carrier, context, asOurs: true);
            }

            return true;
        }
        catch (Exception)
        {
            return true;
        }
        finally
        {
            CarrierGate.Exit(identity);
        }
    }

    private static void RemoveOurs<TCarrier, TWriter>(TCarrier carrier, TWriter writer)
        where TWriter : struct, IHeaderWriter<TCarrier>
    {
        foreach (var key in s_ourKeys)
        {
            if (writer.TryRead(carrier, key, out _) && writer.IsWrittenByMessageTrace(carrier, key))
            {
                writer.Remove(carrier, key);
            }
        }

        // Another propagator's headers we wrote (B3's beside traceparent, or in its place) go as well.
        foreach (var field in PropagatorMode.OtherFields(PropagatorMode.Current, out _))
        {
            if (writer.TryRead(carrier, field, out _) && writer.IsWrittenByMessageTrace(carrier, WrittenHeaders.KeyFor(field)))
            {
                writer.Remove(carrier, field);
            }
        }
    }

    /// <summary>
    /// The name of the header that says the carrier holds a creation context: <c>traceparent</c>, or, under a
    /// propagator that writes none (B3, Jaeger), the first of its context headers present; null when none is.
    /// </summary>
    private static string? FindContextHeader<TCarrier, TWriter>(TCarrier carrier, TWriter writer, out HeaderValue value)
        where TWriter : struct, IHeaderWriter<TCarrier>
    {
        if (writer.TryRead(carrier, TraceHeaders.TraceParent, out value))
        {
            return TraceHeaders.TraceParent;
        }

        var others = PropagatorMode.OtherFields(PropagatorMode.Current, out bool carryContext);
        if (carryContext)
        {
            foreach (var field in others)
            {
                if (writer.TryRead(carrier, field, out value))
                {
                    return field;
                }
            }
        }

        return null;
    }
}
