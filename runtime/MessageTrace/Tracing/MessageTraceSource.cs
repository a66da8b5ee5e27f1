using System.Diagnostics;
using System.Reflection;

namespace MessageTrace;

/// <summary>
/// The <see cref="ActivitySource"/> every MessageTrace span comes from. Subscribe with
/// <c>AddSource(MessageTraceSource.Name)</c> in the OpenTelemetry SDK.
/// </summary>
public static class MessageTraceSource
{
    /// <summary>The source name, <c>MessageTrace</c>.</summary>
    public const string Name = "MessageTrace";

    /// <summary>The shared source.</summary>
    public static ActivitySource Source { get; } = new(Name, typeof(MessageTraceSource).Assembly.GetName().Version?.ToString(3));
}
