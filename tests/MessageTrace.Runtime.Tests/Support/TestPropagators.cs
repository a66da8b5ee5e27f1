using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using OpenTelemetry;
using OpenTelemetry.Context.Propagation;

namespace MessageTrace.Runtime.Tests;

/// <summary>
/// A non-W3C propagator: writes <c>x-test: {traceid}:{spanid}:{flags}</c>. Nothing else reads or writes
/// that header, so seeing it proves MessageTrace called the configured propagator.
/// </summary>
internal class XTestPropagator : TextMapPropagator
{
    public const string Header = "x-test";

    public override ISet<string>? Fields => new HashSet<string> { Header };

    public int InjectCalls { get; private set; }

    public int ExtractCalls { get; private set; }

    public static string Encode(ActivityContext context) =>
        $"{context.TraceId.ToHexString()}:{context.SpanId.ToHexString()}:{(int)context.TraceFlags}";

    public override void Inject<T>(PropagationContext context, T carrier, Action<T, string, string> setter)
    {
        InjectCalls++;
        if (context.ActivityContext != default)
        {
            setter(carrier, Header, Encode(context.ActivityContext));
        }
    }

    public override PropagationContext Extract<T>(PropagationContext context, T carrier, Func<T, string, IEnumerable<string>?> getter)
    {
        ExtractCalls++;
        var value = getter(carrier, Header)?.FirstOrDefault();
        if (value is null)
        {
            return context;
        }

        var parts = value.Split(':');
        var activityContext = new ActivityContext(
            ActivityTraceId.CreateFromString(parts[0].AsSpan()),
            ActivitySpanId.CreateFromString(parts[1].AsSpan()),
            (ActivityTraceFlags)int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture),
            traceState: null,
            isRemote: true);
        return new PropagationContext(activityContext, context.Baggage);
    }
}

/// <summary>The same custom propagator, declaring no fields (the API lets a propagator do that).</summary>
internal sealed class FieldlessXTestPropagator : XTestPropagator
{
    public override ISet<string>? Fields => new HashSet<string>();
}

/// <summary>A user subclass of the W3C propagator that adds a vendor header of its own.</summary>
internal sealed class VendorTraceContextPropagator : TraceContextPropagator
{
    public const string Header = "x-vendor";

    public override void Inject<T>(PropagationContext context, T carrier, Action<T, string, string> setter)
    {
        base.Inject(context, carrier, setter);
        setter(carrier, Header, "seen");
    }
}

/// <summary>A propagator that fails on every call.</summary>
internal sealed class ThrowingPropagator : TextMapPropagator
{
    public override ISet<string>? Fields => new HashSet<string> { "x-throw" };

    public override void Inject<T>(PropagationContext context, T carrier, Action<T, string, string> setter) =>
        throw new InvalidOperationException("inject failed");

    public override PropagationContext Extract<T>(PropagationContext context, T carrier, Func<T, string, IEnumerable<string>?> getter) =>
        throw new InvalidOperationException("extract failed");
}
