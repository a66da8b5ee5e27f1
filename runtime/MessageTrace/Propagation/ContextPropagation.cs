using System;
using System.Collections.Generic;
using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Context.Propagation;

namespace MessageTrace;

/// <summary>
/// Injects and extracts the creation context through the configured OpenTelemetry propagator,
/// with an allocation-free fast path for the W3C trace-context and baggage headers.
/// </summary>
public static class ContextPropagation
{
    /// <summary>
    /// Writes <paramref name="context"/> (and the current <see cref="Baggage"/>) into the carrier.
    /// Does nothing when the context is invalid or the carrier cannot take headers; never throws.
    /// </summary>
    public static void Inject<TCarrier, TWriter>(TCarrier carrier, in ActivityContext context, TWriter writer = default)
        where TWriter : struct, IHeaderWriter<TCarrier>
    {
        if (context == default || !writer.CanWrite(carrier))
        {
            return;
        }

        try
        {
            var propagator = PropagatorMode.Current;
            // The caller's own injection: written under the plain names, so a send later keeps it as the user's.
            if (PropagatorMode.IsW3C(propagator, out bool withBaggage))
            {
                InjectW3C(carrier, context, withBaggage, writer, asOurs: false);
            }
            else
            {
                InjectWith<TCarrier, TWriter>(propagator, carrier, context, asOurs: false);
            }
        }
        catch (Exception)
        {
            // A carrier that refuses a header (a read-only or concurrent collection misbehaving) must
            // not fail the user's send: the message goes out without context.
        }
    }

    /// <summary>
    /// Reads the creation context from the carrier. Malformed or missing headers give
    /// <see langword="default"/>; never throws, and allocates nothing unless a valid context or baggage is found.
    /// </summary>
    public static PropagationContext Extract<TCarrier, TReader>(TCarrier carrier, TReader reader = default)
        where TReader : struct, IHeaderReader<TCarrier>
    {
        try
        {
            var propagator = PropagatorMode.Current;
            if (PropagatorMode.IsW3C(propagator, out bool withBaggage))
            {
                return ExtractW3C(carrier, withBaggage, reader);
            }

            return propagator.Extract(default, carrier, CarrierCallbacks<TCarrier, TReader>.Getter);
        }
        catch (Exception)
        {
            // A custom propagator or a hostile carrier: no context rather than an exception in the handler.
            return default;
        }
    }

    /// <summary>Reads only the <c>traceparent</c> of the carrier, with no allocation unless it is valid.</summary>
    public static bool TryReadTraceParent<TCarrier, TReader>(TCarrier carrier, out ActivityContext context, TReader reader = default)
        where TReader : struct, IHeaderReader<TCarrier>
    {
        context = default;
        try
        {
            return reader.TryRead(carrier, TraceHeaders.TraceParent, out var value) && value.TryParseTraceParent(out context);
        }
        catch (Exception)
        {
            return false;
        }
    }

    /// <summary>Injects through a propagator that is not the W3C pair, through its public API.</summary>
    internal static void InjectWith<TCarrier, TWriter>(TextMapPropagator propagator, TCarrier carrier, in ActivityContext context, bool asOurs)
        where TWriter : struct, IHeaderWriter<TCarrier>
    {
        var setter = asOurs ? CarrierCallbacks<TCarrier, TWriter>.OurSetter : CarrierCallbacks<TCarrier, TWriter>.Setter;
        propagator.Inject(new PropagationContext(context, Baggage.Current), carrier, setter);
    }

    /// <summary>
    /// Writes <c>traceparent</c>, then <c>tracestate</c> and <c>baggage</c> when there are any, as UTF-8
    /// bytes on carriers that keep bytes. <paramref name="asOurs"/>: under MessageTrace's own key
    /// instances (<see cref="WrittenHeaders"/>), as a traced send writes them; otherwise under the plain
    /// names, as a caller's own injection.
    /// </summary>
    internal static void InjectW3C<TCarrier, TWriter>(TCarrier carrier, in ActivityContext context, bool withBaggage, TWriter writer, bool asOurs, bool traceParentAbsent = false)
        where TWriter : struct, IHeaderWriter<TCarrier>
    {
        bool utf8 = writer.PrefersUtf8;
        var traceParentKey = traceParentAbsent
            ? OurKeyOrName(TraceHeaders.TraceParent, WrittenHeaders.TraceParent, asOurs)
            : Claim(carrier, TraceHeaders.TraceParent, WrittenHeaders.TraceParent, asOurs, writer);
        if (utf8)
        {
            writer.WriteUtf8(carrier, traceParentKey, TraceParent.FormatUtf8(context));
        }
        else
        {
            writer.Write(carrier, traceParentKey, TraceParent.Format(context));
        }

        string? traceState = context.TraceState;
        if (!string.IsNullOrEmpty(traceState) && TraceState.IsValid(traceState))
        {
            WriteText(carrier, Claim(carrier, TraceHeaders.TraceState, WrittenHeaders.TraceState, asOurs, writer), traceState!, utf8, writer);
        }

        if (withBaggage)
        {
            var baggage = Baggage.Current;
            if (baggage.Count > 0 && BaggageHeader.Format(baggage) is { } header)
            {
                WriteText(carrier, Claim(carrier, TraceHeaders.Baggage, WrittenHeaders.Baggage, asOurs, writer), header, utf8, writer);
            }
        }
    }

    /// <summary>
    /// The key to write a trace header under, after making sure the entry will say who wrote it: a
    /// collection keeps the key of the entry that inserted a name, so an entry inserted by the other side
    /// (the user's, when MessageTrace writes; ours, when the caller injects their own context) is removed
    /// first. Otherwise the user's value would pass for ours, or ours for the user's.
    /// </summary>
    private static string Claim<TCarrier, TWriter>(TCarrier carrier, string name, string ourKey, bool asOurs, TWriter writer)
        where TWriter : struct, IHeaderWriter<TCarrier>
    {
        if (writer.TryRead(carrier, name, out _) && writer.IsWrittenByMessageTrace(carrier, ourKey) != asOurs)
        {
            writer.Remove(carrier, name);
        }

        return OurKeyOrName(name, ourKey, asOurs);
    }

    private static string OurKeyOrName(string name, string ourKey, bool asOurs) => asOurs ? ourKey : name;

    // tracestate and baggage are ASCII by their specifications (baggage values are percent-encoded).
    private static void WriteText<TCarrier, TWriter>(TCarrier carrier, string name, string value, bool utf8, TWriter writer)
        where TWriter : struct, IHeaderWriter<TCarrier>
    {
        if (utf8)
        {
            writer.WriteUtf8(carrier, name, System.Text.Encoding.ASCII.GetBytes(value));
        }
        else
        {
            writer.Write(carrier, name, value);
        }
    }

    private static PropagationContext ExtractW3C<TCarrier, TReader>(TCarrier carrier, bool withBaggage, TReader reader)
        where TReader : struct, IHeaderReader<TCarrier>
    {
        if (reader.TryRead(carrier, TraceHeaders.TraceParent, out var parentHeader)
            && parentHeader.TryParseTraceParent(out var context))
        {
            if (reader.TryRead(carrier, TraceHeaders.TraceState, out var stateHeader) && stateHeader.GetValidTraceState() is { } traceState)
            {
                context = new ActivityContext(context.TraceId, context.SpanId, context.TraceFlags, traceState, isRemote: true);
            }
        }
        else
        {
            context = default;
        }

        // Baggage is read whatever became of traceparent, as OpenTelemetry's baggage propagator does in
        // the composite this path stands in for.
        Baggage baggage = default;
        if (withBaggage && reader.TryRead(carrier, TraceHeaders.Baggage, out var baggageHeader))
        {
            baggageHeader.TryParseBaggage(out baggage);
        }

        return new PropagationContext(context, baggage);
    }

    /// <summary>Adapters from the struct reader/writer to the delegates a custom propagator takes, made once per carrier type.</summary>
    private static class CarrierCallbacks<TCarrier, TAccess>
        where TAccess : struct, IHeaderReader<TCarrier>
    {
        public static readonly Action<TCarrier, string, string> Setter = static (carrier, name, value) =>
        {
            if (default(TAccess) is IHeaderWriter<TCarrier> writer)
            {
                writer.Write(carrier, name, value);
            }
        };

        /// <summary>Writes a trace header under MessageTrace's own key, so a later send knows who wrote it.</summary>
        public static readonly Action<TCarrier, string, string> OurSetter = static (carrier, name, value) =>
        {
            if (default(TAccess) is IHeaderWriter<TCarrier> writer)
            {
                writer.Write(carrier, WrittenHeaders.KeyFor(name), value);
            }
        };

        public static readonly Func<TCarrier, string, IEnumerable<string>?> Getter = static (carrier, name) =>
            default(TAccess).TryRead(carrier, name, out var value) && value.ToString() is { } text ? new[] { text } : null;
    }
}
