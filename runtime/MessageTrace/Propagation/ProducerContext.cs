using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace MessageTrace;

/// <summary>Producer-side creation-context handling that generated send interceptors call.</summary>
public static class ProducerContext
{
    /// <summary>
    /// Whether a send needs any work from MessageTrace: a listener on our source, or an ambient span
    /// whose context must travel on. When neither holds the generated code calls the client directly.
    /// </summary>
    public static bool IsActive => MessageTraceSource.Source.HasListeners() || Activity.Current is not null;

    /// <summary>
    /// Whether the headers hold a <c>traceparent</c> MessageTrace wrote for an earlier send. Unlike
    /// <see cref="Inspect{TCarrier, TWriter}(TCarrier, out ActivityContext, TWriter)"/> it never parses, so the untraced path stays allocation-free.
    /// </summary>
    public static bool HoldsEarlierContext<TCarrier, TWriter>(TCarrier carrier, TWriter writer = default)
        where TWriter : struct, IHeaderWriter<TCarrier> => HoldsEarlierContext(carrier, carrier, writer);

    /// <summary>
    /// <see cref="HoldsEarlierContext{TCarrier, TWriter}(TCarrier, TWriter)"/> for a carrier that is not
    /// the header collection itself (a message adapter): <paramref name="identity"/> is the collection.
    /// </summary>
    internal static bool HoldsEarlierContext<TCarrier, TWriter>(TCarrier carrier, object? identity, TWriter writer)
        where TWriter : struct, IHeaderWriter<TCarrier>
    {
        try
        {
            return identity is not null
                && writer.TryRead(carrier, TraceHeaders.TraceParent, out var existing)
                && CarrierClaims.IsOurs(identity, existing);
        }
        catch (Exception)
        {
            return false;
        }
    }

    /// <summary>
    /// Whether <paramref name="value"/> of header <paramref name="name"/> in <paramref name="carrier"/> is
    /// one MessageTrace wrote (a trace header of an earlier send), so a copy of the message leaves it out.
    /// </summary>
    public static bool IsWrittenByMessageTrace(object? carrier, string name, string? value)
    {
        if (carrier is null || value is null)
        {
            return false;
        }

        return name switch
        {
            TraceHeaders.TraceParent => CarrierClaims.IsOurs(carrier, new HeaderValue(value)),
            TraceHeaders.TraceState => CarrierClaims.IsClaimed(carrier),
            TraceHeaders.Baggage => CarrierClaims.IsOurBaggage(carrier, value),
            _ => false,
        };
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
            if (!IsWrittenByMessageTrace(source, header.Key, header.Value))
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
        where TWriter : struct, IHeaderWriter<TCarrier> => Inspect(carrier, carrier, out userContext, writer);

    /// <summary>
    /// <see cref="Inspect{TCarrier, TWriter}(TCarrier, out ActivityContext, TWriter)"/> for a carrier that
    /// is not the header collection itself: <paramref name="identity"/> is the collection.
    /// </summary>
    internal static CarrierState Inspect<TCarrier, TWriter>(TCarrier carrier, object? identity, out ActivityContext userContext, TWriter writer)
        where TWriter : struct, IHeaderWriter<TCarrier>
    {
        userContext = default;
        try
        {
            if (!writer.CanWrite(carrier))
            {
                return CarrierState.NotWritable;
            }

            if (!writer.TryRead(carrier, TraceHeaders.TraceParent, out var existing))
            {
                return CarrierState.Empty;
            }

            if (identity is not null && CarrierClaims.IsOurs(identity, existing))
            {
                return CarrierState.WrittenForEarlierSend;
            }

            existing.TryParseTraceParent(out userContext);
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
    /// Returns <see langword="false"/> without writing when another send claimed the same header
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

        try
        {
            // Nothing can be written (read-only headers): send as is, and do not leave a claim on a
            // collection that never received our header.
            if (!writer.CanWrite(carrier))
            {
                return true;
            }

            var propagator = PropagatorMode.Current;
            if (!PropagatorMode.IsW3C(propagator, out bool withBaggage))
            {
                // A custom propagator owns the header format. When it writes a traceparent (a W3C pair
                // composed with others), claim that value too, so a later send sharing these headers
                // does not take it for the user's context.
                if (!replaceOurs && CarrierClaims.IsClaimed(identity))
                {
                    return false;
                }

                ContextPropagation.InjectWith<TCarrier, TWriter>(propagator, carrier, context);
                if (writer.TryRead(carrier, TraceHeaders.TraceParent, out var injected) && injected.Instance is { } instance)
                {
                    CarrierClaims.Reclaim(identity, instance);
                }

                return true;
            }

            object written = writer.PrefersUtf8 ? TraceParent.FormatUtf8(context) : TraceParent.Format(context);
            if (replaceOurs)
            {
                CarrierClaims.Reclaim(identity, written);
            }
            else if (!CarrierClaims.TryClaim(identity, written))
            {
                return false;
            }

            if (written is string text)
            {
                writer.Write(carrier, TraceHeaders.TraceParent, text);
            }
            else
            {
                writer.WriteUtf8(carrier, TraceHeaders.TraceParent, (byte[])written);
            }

            if (ContextPropagation.InjectCompanions(carrier, context, withBaggage, writer) is { } baggage)
            {
                CarrierClaims.RecordBaggage(identity, baggage);
            }
            return true;
        }
        catch (Exception)
        {
            return true;
        }
    }
}
