using System;
using OrderPipeline.Telemetry;
using Xunit;

namespace MessageTrace.Sample.Tests;

/// <summary>The sample's percentile estimate from exported histogram buckets (its source is linked in).</summary>
public sealed class HistogramQuantilesTests
{
    [Fact]
    public void InsideOneBucket_InterpolatesBetweenTheRecordedMinimumAndMaximum()
    {
        var histogram = new HistogramRecord(4, 0.03, Min: 0.006, Max: 0.009, Bounds: [0.005, 0.01], BucketCounts: [0, 4, 0]);

        Assert.Equal(0.0075, HistogramQuantiles.Estimate(histogram, 0.5)!.Value, 9);
    }

    [Fact]
    public void AcrossBuckets_FindsTheBucketOfTheRankAndNarrowsTheOverflowBucketToTheMaximum()
    {
        var histogram = new HistogramRecord(4, 8, Min: 0.5, Max: 3.5, Bounds: [1, 2, 3], BucketCounts: [1, 1, 1, 1]);

        Assert.Equal(0.5, HistogramQuantiles.Estimate(histogram, 0)!.Value, 9);
        Assert.Equal(2.0, HistogramQuantiles.Estimate(histogram, 0.5)!.Value, 9);
        Assert.Equal(3.48, HistogramQuantiles.Estimate(histogram, 0.99)!.Value, 9);
        Assert.Equal(3.5, HistogramQuantiles.Estimate(histogram, 1)!.Value, 9);
    }

    [Fact]
    public void EmptyBucketsAreSkipped_AndAnEmptyHistogramHasNoPercentile()
    {
        var gaps = new HistogramRecord(2, 7.5, Min: 0.5, Max: 7, Bounds: [1, 5, 10], BucketCounts: [1, 0, 1, 0]);

        Assert.Equal(6.8, HistogramQuantiles.Estimate(gaps, 0.95)!.Value, 9); // 90% into [5, 7]
        Assert.Null(HistogramQuantiles.Estimate(new HistogramRecord(0, 0, null, null, [1, 2], [0, 0, 0]), 0.5));
    }

    [Fact]
    public void AQuantileOutsideZeroToOne_IsRefused()
    {
        var histogram = new HistogramRecord(1, 1, 1, 1, [2], [1, 0]);

        Assert.Throws<ArgumentOutOfRangeException>(() => HistogramQuantiles.Estimate(histogram, 1.5));
    }
}
