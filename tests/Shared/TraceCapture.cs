using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Xunit;

namespace MessageTrace.Tests.Shared;

/// <summary>
/// An OpenTelemetry SDK tracer provider on the MessageTrace source, exporting to memory. Linked into the
/// broker test projects that compile traced code with the generator (Kafka, NATS).
/// </summary>
public sealed class TraceCapture : IDisposable
{
    private readonly TracerProvider _provider;
    private readonly List<Activity> _spans = new();

    public TraceCapture()
    {
        _provider = Sdk.CreateTracerProviderBuilder()
            .AddMessageTraceInstrumentation()
            .SetSampler(new AlwaysOnSampler())
            .AddInMemoryExporter(_spans)
            .Build()!;
    }

    public IReadOnlyList<Activity> Spans
    {
        get
        {
            _provider.ForceFlush();
            lock (_spans)
            {
                return _spans.ToList();
            }
        }
    }

    public Activity Single(string name) => Assert.Single(Spans, s => s.DisplayName == name);

    public void Dispose() => _provider.Dispose();

    public static object? Tag(Activity span, string key) => span.TagObjects.FirstOrDefault(t => t.Key == key).Value;
}
