using MessageTrace;

namespace OpenTelemetry.Trace;

/// <summary>
/// Registers MessageTrace's spans with an OpenTelemetry tracer provider, the way instrumentation
/// libraries do: <c>.WithTracing(t =&gt; t.AddMessageTraceInstrumentation())</c>. Lives in the builder's
/// namespace so it is found where the other <c>Add…Instrumentation()</c> calls are.
/// </summary>
public static class MessageTraceTracerProviderBuilderExtensions
{
    /// <summary>
    /// Subscribes the provider to the <c>MessageTrace</c> activity source (the same as
    /// <c>AddSource("MessageTrace")</c>, which keeps working).
    /// </summary>
    public static TracerProviderBuilder AddMessageTraceInstrumentation(this TracerProviderBuilder builder)
    {
        if (builder is null)
        {
            throw new System.ArgumentNullException(nameof(builder));
        }

        return builder.AddSource(MessageTraceSource.Name);
    }
}
