using MessageTrace;

namespace OpenTelemetry.Metrics;

/// <summary>
/// Registers MessageTrace's messaging metrics with an OpenTelemetry meter provider:
/// <c>.WithMetrics(m =&gt; m.AddMessageTraceInstrumentation())</c>.
/// </summary>
public static class MessageTraceMeterProviderBuilderExtensions
{
    /// <summary>
    /// Subscribes the provider to the <c>MessageTrace</c> meter: <c>messaging.client.operation.duration</c>,
    /// <c>messaging.process.duration</c>, <c>messaging.client.sent.messages</c> and
    /// <c>messaging.client.consumed.messages</c>, with the conventions' bucket boundaries as instrument advice.
    /// </summary>
    public static MeterProviderBuilder AddMessageTraceInstrumentation(this MeterProviderBuilder builder)
    {
        if (builder is null)
        {
            throw new System.ArgumentNullException(nameof(builder));
        }

        return builder.AddMeter(MessagingMetrics.MeterName);
    }
}
