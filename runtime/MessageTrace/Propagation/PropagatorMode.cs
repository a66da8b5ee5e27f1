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
        var cached = DecisionFor(propagator);
        withBaggage = cached.Baggage;
        return cached.Fast;
    }

    /// <summary>
    /// The headers other than the W3C three that <paramref name="propagator"/> lists (B3's, Jaeger's, a
    /// vendor's), in ordinal order; <paramref name="carryContext"/> says whether they are where its context
    /// is, that is whether it writes no <c>traceparent</c>.
    /// </summary>
    public static string[] OtherFields(TextMapPropagator propagator, out bool carryContext)
    {
        var cached = DecisionFor(propagator);
        carryContext = cached.OtherFieldsCarryContext;
        return cached.OtherFields;
    }

    // One decision is kept, for the propagator last asked about: it is replaced only when the
    // application configures another, so the check is one reference comparison per send.
    private static Decision DecisionFor(TextMapPropagator propagator)
    {
        var cached = s_cached;
        if (!ReferenceEquals(cached.Propagator, propagator))
        {
            cached = Decide(propagator);
            s_cached = cached;
        }

        return cached;
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
        return new Decision(propagator, fast, fields.Contains(TraceHeaders.Baggage), OtherFieldsOf(fields), otherFieldsCarryContext: !fields.Contains(TraceHeaders.TraceParent));
    }

    private static string[] OtherFieldsOf(ISet<string> fields)
    {
        var names = new List<string>(fields.Count);
        foreach (var field in fields)
        {
            if (!string.IsNullOrEmpty(field) && field is not (TraceHeaders.TraceParent or TraceHeaders.TraceState or TraceHeaders.Baggage))
            {
                names.Add(field);
            }
        }

        names.Sort(System.StringComparer.Ordinal);
        return names.ToArray();
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
        public Decision(TextMapPropagator? propagator, bool fast, bool baggage, string[]? otherFields = null, bool otherFieldsCarryContext = false)
        {
            Propagator = propagator;
            Fast = fast;
            Baggage = baggage;
            OtherFields = otherFields ?? [];
            OtherFieldsCarryContext = otherFieldsCarryContext && OtherFields.Length > 0;
        }

        public TextMapPropagator? Propagator { get; }

        public bool Fast { get; }

        public bool Baggage { get; }

        public string[] OtherFields { get; }

        public bool OtherFieldsCarryContext { get; }
    }
}
