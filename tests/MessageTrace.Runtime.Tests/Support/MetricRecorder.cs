using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;

namespace MessageTrace.Runtime.Tests;

/// <summary>
/// A <see cref="MeterListener"/> on the MessageTrace meter that keeps every measurement with its
/// instrument and attributes. Disposing it disables the instruments again.
/// </summary>
internal sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly object _gate = new();
    private readonly List<Measurement> _measurements = new();

    public MetricRecorder(params string[] instruments)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MessagingMetrics.MeterName && (instruments.Length == 0 || instruments.Contains(instrument.Name)))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    public IReadOnlyList<Measurement> All
    {
        get
        {
            lock (_gate)
            {
                return _measurements.ToList();
            }
        }
    }

    public IReadOnlyList<Measurement> Of(string instrument) => All.Where(m => m.Instrument == instrument).ToList();

    public Measurement Single(string instrument) => Xunit.Assert.Single(Of(instrument));

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var measurement = new Measurement(instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value));
        lock (_gate)
        {
            _measurements.Add(measurement);
        }
    }
}

internal sealed record Measurement(string Instrument, double Value, Dictionary<string, object?> Tags)
{
    public object? Tag(string key) => Tags.TryGetValue(key, out var value) ? value : null;
}
