using System;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace MessageTrace.EndToEnd.Apps;

/// <summary>
/// The OpenTelemetry SDK's metrics as an app under test uses them: MessageTrace's meter, registered
/// the one-line way, exported over OTLP to the same backend as the spans (OTEL_EXPORTER_OTLP_* and
/// OTEL_SERVICE_NAME, set by the test's process runner). The points are cumulative, so the last
/// export holds the run's totals; disposing the provider makes that export before the app exits.
/// </summary>
public static class AppMetrics
{
    public static MeterProvider Start()
    {
        App.Environment("OTEL_EXPORTER_OTLP_ENDPOINT", "the OTLP endpoint to export metrics to");
        App.Environment("OTEL_SERVICE_NAME", "the service name for this app's metrics");
        return Sdk.CreateMeterProviderBuilder()
            .AddMessageTraceInstrumentation()
            .AddOtlpExporter()
            .Build() ?? throw new InvalidOperationException("the OpenTelemetry SDK built no MeterProvider");
    }
}
