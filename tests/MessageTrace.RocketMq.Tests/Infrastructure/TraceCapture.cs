using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace MessageTrace.RocketMq.Tests.Infrastructure;

/// <summary>
/// The real OpenTelemetry SDK with the in-memory exporter, listening to the MessageTrace source (and a
/// test source for ambient spans). Dispose it to stop listening.
/// </summary>
public sealed class TraceCapture : IDisposable
{
    public const string TestSourceName = "MessageTrace.Tests.Ambient";

    public static readonly ActivitySource TestSource = new(TestSourceName);

    private readonly TracerProvider _provider;
    private readonly List<Activity> _spans = new();

    public TraceCapture(Sampler? sampler = null)
    {
        _provider = Sdk.CreateTracerProviderBuilder()
            .AddSource(MessageTraceSource.Name, TestSourceName)
            .SetSampler(sampler ?? new AlwaysOnSampler())
            .AddInMemoryExporter(_spans)
            .Build()!;
    }

    /// <summary>Finished spans, in the order they ended.</summary>
    public IReadOnlyList<Activity> Spans
    {
        get
        {
            _provider.ForceFlush();
            return _spans.ToList();
        }
    }

    public Activity Single(string name) => Spans.Single(s => s.DisplayName == name);

    public void Dispose() => _provider.Dispose();
}
