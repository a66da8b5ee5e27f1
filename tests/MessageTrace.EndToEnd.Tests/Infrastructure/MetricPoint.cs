using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace MessageTrace.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The latest point the OTLP backend holds for one series (instrument + attribute set) of a service.
/// The apps export cumulative points, so the latest one is the run's total: <see cref="Count"/> is a
/// counter's value or a histogram's number of measurements.
/// </summary>
public sealed record MetricPoint(
    string ServiceName,
    string ScopeName,
    string Instrument,
    string Unit,
    IReadOnlyDictionary<string, string> Attributes,
    long? Value,
    long? HistogramCount,
    double? HistogramSum)
{
    public long Count => HistogramCount ?? Value ?? 0;

    public string? Attribute(string key) => Attributes.TryGetValue(key, out var value) ? value : null;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture,
            $"{ServiceName} {ScopeName}/{Instrument} [{Unit}] count={Count} {{{string.Join(", ", Attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}"))}}}");
}
