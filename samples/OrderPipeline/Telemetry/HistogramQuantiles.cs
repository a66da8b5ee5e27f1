using System;

namespace OrderPipeline.Telemetry;

/// <summary>
/// Percentiles estimated from an explicit-bucket histogram, the way metric backends do it: find the
/// bucket holding the wanted rank and interpolate linearly inside it. The recorded minimum and maximum
/// narrow the first and the overflow bucket (otherwise unbounded below 0 and above the last bound).
/// The answer is as precise as the buckets: with the conventions' boundaries (5 ms, 10 ms, 25 ms, ...),
/// a p99 of "between 25 and 50 ms" is interpolated, not measured.
/// </summary>
public static class HistogramQuantiles
{
    /// <summary>The estimated value at QUANTILE (0..1), or null for an empty histogram.</summary>
    public static double? Estimate(HistogramRecord histogram, double quantile)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        if (quantile is < 0 or > 1 || double.IsNaN(quantile))
        {
            throw new ArgumentOutOfRangeException(nameof(quantile), quantile, "a quantile is between 0 and 1");
        }

        var counts = histogram.BucketCounts;
        var bounds = histogram.Bounds;
        if (histogram.Count <= 0 || counts.Count != bounds.Count + 1)
        {
            return null;
        }

        var rank = Math.Max(quantile * histogram.Count, double.Epsilon);
        long below = 0;
        for (var i = 0; i < counts.Count; i++)
        {
            if (counts[i] == 0 || below + counts[i] < rank)
            {
                below += counts[i];
                continue;
            }

            var lower = i == 0 ? Math.Min(0, histogram.Min ?? 0) : bounds[i - 1];
            var upper = i < bounds.Count ? bounds[i] : histogram.Max ?? bounds[^1];
            if (histogram.Min is { } min && min > lower)
            {
                lower = min;
            }

            if (histogram.Max is { } max && max < upper)
            {
                upper = max;
            }

            var fraction = (rank - below) / counts[i];
            return lower + ((upper - lower) * fraction);
        }

        return histogram.Max;
    }
}
