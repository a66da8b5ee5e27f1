using System;
using System.Collections.Generic;
using System.Linq;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace OrderPipeline.Telemetry;

/// <summary>
/// An OpenTelemetry SDK metric exporter that keeps the latest exported point of every series in
/// memory. The sample's meter provider exports to it (and to OTLP when configured) with cumulative
/// temporality, so after the final flush each point holds the whole run: the summary's counts and
/// percentiles are computed from exactly what was exported, histogram buckets included.
/// </summary>
public sealed class MetricCollector : BaseExporter<Metric>
{
    private readonly object _gate = new();
    private readonly Dictionary<string, MetricPointRecord> _latest = new(StringComparer.Ordinal);

    /// <summary>The latest point of every series, ordered by instrument and attributes.</summary>
    public IReadOnlyList<MetricPointRecord> Snapshot()
    {
        lock (_gate)
        {
            return _latest.OrderBy(entry => entry.Key, StringComparer.Ordinal).Select(entry => entry.Value).ToArray();
        }
    }

    public override ExportResult Export(in Batch<Metric> batch)
    {
        var points = new List<(string Key, MetricPointRecord Point)>();
        foreach (var metric in batch)
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                var record = Copy(metric, point);
                points.Add((SeriesKey(record), record));
            }
        }

        lock (_gate)
        {
            foreach (var (key, point) in points)
            {
                _latest[key] = point;
            }
        }

        return ExportResult.Success;
    }

    private static MetricPointRecord Copy(Metric metric, in MetricPoint point)
    {
        var attributes = new List<KeyValuePair<string, object?>>();
        foreach (var tag in point.Tags)
        {
            attributes.Add(tag);
        }

        attributes.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        long? value = null;
        HistogramRecord? histogram = null;
        switch (metric.MetricType)
        {
            case MetricType.LongSum or MetricType.LongSumNonMonotonic:
                value = point.GetSumLong();
                break;
            case MetricType.Histogram:
                var bounds = new List<double>();
                var counts = new List<long>();
                foreach (var bucket in point.GetHistogramBuckets())
                {
                    counts.Add(bucket.BucketCount);
                    if (!double.IsPositiveInfinity(bucket.ExplicitBound))
                    {
                        bounds.Add(bucket.ExplicitBound);
                    }
                }

                var hasMinMax = point.TryGetHistogramMinMaxValues(out var min, out var max);
                histogram = new HistogramRecord(point.GetHistogramCount(), point.GetHistogramSum(),
                    hasMinMax ? min : null, hasMinMax ? max : null, bounds, counts);
                break;
        }

        return new MetricPointRecord(metric.Name, metric.Unit, metric.MeterName, attributes, point.StartTime, point.EndTime, value, histogram);
    }

    private static string SeriesKey(MetricPointRecord point) =>
        point.MeterName + "/" + point.Name + "{" + string.Join(",", point.Attributes.Select(a => a.Key + "=" + a.Value)) + "}";
}
