using System.Diagnostics;

namespace MessageTrace;

/// <summary>
/// The <see cref="ActivitySource"/> every MessageTrace span comes from. Subscribe with
/// <c>AddSource(MessageTraceSource.Name)</c> (or <c>AddMessageTraceInstrumentation()</c>) in the OpenTelemetry SDK.
/// </summary>
public static class MessageTraceSource
{
    /// <summary>The source name, <c>MessageTrace</c>.</summary>
    public const string Name = "MessageTrace";

    /// <summary>The library version the source and the meter report.</summary>
    internal static readonly string? Version = typeof(MessageTraceSource).Assembly.GetName().Version?.ToString(3);

    /// <summary>The shared source.</summary>
    public static ActivitySource Source { get; } = new(Name, Version);
}
