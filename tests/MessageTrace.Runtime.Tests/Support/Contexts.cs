using System.Diagnostics;

namespace MessageTrace.Runtime.Tests;

internal static class Contexts
{
    public const string TraceIdHex = "0af7651916cd43dd8448eb211c80319c";
    public const string SpanIdHex = "b7ad6b7169203331";

    /// <summary>A fresh random remote context, so no test can pass by matching a constant.</summary>
    public static ActivityContext Random(bool sampled = true, string? traceState = null) => new(
        ActivityTraceId.CreateRandom(),
        ActivitySpanId.CreateRandom(),
        sampled ? ActivityTraceFlags.Recorded : ActivityTraceFlags.None,
        traceState,
        isRemote: true);

    public static string TraceParentOf(ActivityContext context) =>
        $"00-{context.TraceId.ToHexString()}-{context.SpanId.ToHexString()}-{((context.TraceFlags & ActivityTraceFlags.Recorded) != 0 ? "01" : "00")}";
}
