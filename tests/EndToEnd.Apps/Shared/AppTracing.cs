using System;
using System.Collections.Generic;
using System.Linq;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace MessageTrace.EndToEnd.Apps;

/// <summary>
/// The OpenTelemetry SDK as an app under test uses it: listens to the given ActivitySources and
/// exports over OTLP. The exporter reads OTEL_EXPORTER_OTLP_ENDPOINT (and
/// OTEL_EXPORTER_OTLP_PROTOCOL, gRPC by default), the resource reads OTEL_SERVICE_NAME: the
/// test's process runner sets them. Dispose the provider before the app exits: that flushes the
/// spans still queued in the batch exporter.
/// </summary>
public static class AppTracing
{
    public static TracerProvider Start(IEnumerable<string> sources, Action<TracerProviderBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        App.Environment("OTEL_EXPORTER_OTLP_ENDPOINT", "the OTLP endpoint to export spans to");
        App.Environment("OTEL_SERVICE_NAME", "the service name for this app's spans");
        var builder = Sdk.CreateTracerProviderBuilder()
            .AddSource(sources.ToArray())
            .AddOtlpExporter();
        configure?.Invoke(builder);
        return builder.Build() ?? throw new InvalidOperationException("the OpenTelemetry SDK built no TracerProvider");
    }
}
