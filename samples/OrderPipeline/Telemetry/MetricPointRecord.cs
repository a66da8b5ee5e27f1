using System;
using System.Collections.Generic;

namespace OrderPipeline.Telemetry;

/// <summary>An explicit-bucket histogram as exported: <see cref="BucketCounts"/> has one more entry than <see cref="Bounds"/> (the overflow bucket).</summary>
public sealed record HistogramRecord(long Count, double Sum, double? Min, double? Max, IReadOnlyList<double> Bounds, IReadOnlyList<long> BucketCounts);

/// <summary>
/// One exported metric point, copied out of the OpenTelemetry SDK: the instrument, the attribute set
/// of the series, and its cumulative value since the program started (a counter's sum, or a histogram).
/// </summary>
public sealed record MetricPointRecord(
    string Name,
    string Unit,
    string MeterName,
    IReadOnlyList<KeyValuePair<string, object?>> Attributes,
    DateTimeOffset Start,
    DateTimeOffset End,
    long? Value,
    HistogramRecord? Histogram)
{
    public string? Attribute(string key)
    {
        foreach (var (name, value) in Attributes)
        {
            if (name == key)
            {
                return value as string;
            }
        }

        return null;
    }

    /// <summary>A counter's value, or a histogram's number of measurements.</summary>
    public long Count => Histogram?.Count ?? Value ?? 0;
}
