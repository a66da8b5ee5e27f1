using System;
using System.Collections.Generic;
using System.Text;
using MessageTrace.Benchmarks.Environment;

namespace MessageTrace.Benchmarks.Benchmarks;

/// <summary>
/// Sanity checks run in GlobalCleanup: a benchmark whose traced variant did not propagate what the
/// scenario calls for (say, the interceptor was not applied) fails instead of reporting a number.
/// </summary>
internal static class Checks
{
    public static string? StringValue(object? value) => value as string;

    public static string? BytesValue(object? value) => value switch
    {
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        string text => text,
        _ => null,
    };

    public static void TracedHeaders<TValue>(Scenario scenario, TraceStateCase traceState, IDictionary<string, TValue> headers, Func<object?, string?> read)
    {
        // A context travels when there is a span (S3 creates a propagation-only one, S4 a recorded one)
        // or an ambient span (tracestate present).
        bool expectContext = traceState == TraceStateCase.Present || scenario.Tracing() is Scenario.S3_SdkAlwaysOff or Scenario.S4_SdkAlwaysOn;
        string? traceParent = headers.TryGetValue("traceparent", out var p) ? read(p) : null;
        string? traceStateHeader = headers.TryGetValue("tracestate", out var s) ? read(s) : null;
        if (expectContext != (traceParent is not null))
        {
            throw new InvalidOperationException($"{scenario}/{traceState}: expected traceparent {(expectContext ? "present" : "absent")}, found '{traceParent}'");
        }

        if (traceParent is not null && (traceParent.Length != 55 || !traceParent.StartsWith("00-", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"{scenario}/{traceState}: malformed traceparent '{traceParent}'");
        }

        string? expectedState = traceState == TraceStateCase.Present ? TracingSetup.TraceStateValue : null;
        if (!string.Equals(expectedState, traceStateHeader, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{scenario}/{traceState}: expected tracestate '{expectedState}', found '{traceStateHeader}'");
        }
    }

    public static void NoTraceHeaders<TValue>(IDictionary<string, TValue> headers)
    {
        if (headers.ContainsKey("traceparent") || headers.ContainsKey("tracestate"))
        {
            throw new InvalidOperationException("the bare send wrote trace headers");
        }
    }
}
