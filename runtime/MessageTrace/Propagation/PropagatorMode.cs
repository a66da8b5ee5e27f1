using System.Collections.Generic;
using OpenTelemetry.Context.Propagation;

namespace MessageTrace;

/// <summary>
/// Decides, once per configured propagator instance, whether MessageTrace's own W3C codec can stand
/// in for <see cref="Propagators.DefaultTextMapPropagator"/>.
/// </summary>
/// <remarks>
/// The fast path applies when the propagator is OpenTelemetry's W3C trace-context propagator, alone or
/// composed with its baggage propagator, or when none is configured (OpenTelemetry.Api's no-op
/// default before an SDK is set up: we still propagate W3C context rather than break the chain).
/// Any other propagator (B3, Jaeger, a custom one) is called through its public API.
/// </remarks>
internal static class PropagatorMode
{
    private static Decision s_cached = new(null, fast: true, baggage: true);

    public static TextMapPropagator Current => Propagators.DefaultTextMapPropagator;

    /// <summary>Returns whether the fast path applies, and whether it carries baggage.</summary>
    public static bool IsW3C(TextMapPropagator propagator, out bool withBaggage)
    {
        var cached = s_cached;
        if (!ReferenceEquals(cached.Propagator, propagator))
        {
            cached = Decide(propagator);
            s_cached = cached;
        }

        withBaggage = cached.Baggage;
        return cached.Fast;
    }

    private static Decision Decide(TextMapPropagator propagator)
    {
        ISet<string>? fields = propagator.Fields;
        if (fields is null || fields.Count == 0)
        {
            // Only the API's own no-op stands for "nothing configured". Any other propagator may write
            // headers it does not list in Fields, so it is called rather than replaced.
            return new Decision(propagator, fast: IsApiNoop(propagator), baggage: true);
        }

        // Exact types: a subclass of one of these may override Inject/Extract, so it is called as well.
        var type = propagator.GetType();
        bool known = type == typeof(TraceContextPropagator) || type == typeof(BaggagePropagator) || type == typeof(CompositeTextMapPropagator);
        bool onlyW3C = true;
        foreach (var field in fields)
        {
            onlyW3C &= field is TraceHeaders.TraceParent or TraceHeaders.TraceState or TraceHeaders.Baggage;
        }

        bool fast = known && onlyW3C && fields.Contains(TraceHeaders.TraceParent);
        return new Decision(propagator, fast, fields.Contains(TraceHeaders.Baggage));
    }

    /// <summary>Whether <paramref name="propagator"/> is OpenTelemetry.Api's internal no-op default (the type is not public).</summary>
    private static bool IsApiNoop(TextMapPropagator propagator)
    {
        var type = propagator.GetType();
        return type.Assembly == typeof(TextMapPropagator).Assembly
            && type.FullName == "OpenTelemetry.Context.Propagation.NoopTextMapPropagator";
    }

    private sealed class Decision
    {
        public Decision(TextMapPropagator? propagator, bool fast, bool baggage)
        {
            Propagator = propagator;
            Fast = fast;
            Baggage = baggage;
        }

        public TextMapPropagator? Propagator { get; }

        public bool Fast { get; }

        public bool Baggage { get; }
    }
}
