using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;

namespace MessageTrace.RocketMq.Tests.Infrastructure;

/// <summary>One measurement MessageTrace's meter recorded: the instrument, the value and the attributes.</summary>
public sealed record Measurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags)
{
    public string? Tag(string key) => Tags.TryGetValue(key, out var value) ? value as string : null;
}

/// <summary>
/// Listens to every instrument of the <c>MessageTrace</c> meter while alive (a plain
/// <see cref="MeterListener"/>, no SDK, so no sampler is involved) and keeps each measurement.
/// </summary>
public sealed class MetricCapture : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly List<Measurement> _measurements = new();

    public MetricCapture()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MessagingMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    public IReadOnlyList<Measurement> All
    {
        get
        {
            lock (_measurements)
            {
                return _measurements.ToList();
            }
        }
    }

    public IReadOnlyList<Measurement> Of(string instrument) => All.Where(m => m.Instrument == instrument).ToList();

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        lock (_measurements)
        {
            _measurements.Add(new Measurement(instrument.Name, value, copy));
        }
    }
}
