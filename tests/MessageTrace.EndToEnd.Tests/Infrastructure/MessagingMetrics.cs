using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace MessageTrace.EndToEnd.Tests.Infrastructure;

/// <summary>What the end-to-end tests expect of MessageTrace's metrics once they reached the backend.</summary>
public static class MessagingMetrics
{
    public const string ClientOperationDuration = "messaging.client.operation.duration";
    public const string ProcessDuration = "messaging.process.duration";
    public const string SentMessages = "messaging.client.sent.messages";
    public const string ConsumedMessages = "messaging.client.consumed.messages";

    /// <summary>
    /// Polls SERVICE's points until each of INSTRUMENTS (MessageTrace's meter) counts exactly
    /// EXPECTED per destination, and returns the points of those instruments.
    /// </summary>
    public static async Task<IReadOnlyList<MetricPoint>> WaitForCountsPerDestinationAsync(this DashboardRunStore store, string service,
        IReadOnlyDictionary<string, long> expected, params string[] instruments)
    {
        ArgumentNullException.ThrowIfNull(store);
        var points = await store.WaitForPointsAsync(service,
            seen => instruments.All(instrument => SameCounts(CountsPerDestination(seen, instrument), expected)),
            $"{string.Join(" and ", instruments)} counting {Describe(expected)}");
        return points.Where(p => p.ScopeName == MessagingRuns.MessageTraceScope && instruments.Contains(p.Instrument)).ToList();
    }

    /// <summary>An instrument's counts (counter sums, histogram measurement counts) per messaging.destination.name.</summary>
    public static Dictionary<string, long> CountsPerDestination(IEnumerable<MetricPoint> points, string instrument) =>
        points.Where(p => p.ScopeName == MessagingRuns.MessageTraceScope && p.Instrument == instrument)
            .GroupBy(p => p.Attribute("messaging.destination.name") ?? "(none)", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(p => p.Count), StringComparer.Ordinal);

    /// <summary>The attributes every point of a successful operation carries, by the conventions.</summary>
    public static void AssertSeries(MetricPoint point, string system, string operation, string? consumerGroup)
    {
        ArgumentNullException.ThrowIfNull(point);
        var unit = point.Instrument is SentMessages or ConsumedMessages ? "{message}" : "s";
        Assert.True(unit == point.Unit, $"{point}: unit '{point.Unit}', expected '{unit}'");
        Assert.True(system == point.Attribute("messaging.system"), $"{point}: messaging.system");
        Assert.True(operation == point.Attribute("messaging.operation.name"), $"{point}: messaging.operation.name");
        Assert.True(operation == point.Attribute("messaging.operation.type"), $"{point}: messaging.operation.type");
        Assert.True(consumerGroup == point.Attribute("messaging.consumer.group.name"), $"{point}: messaging.consumer.group.name");
        Assert.True(point.Attribute("error.type") is null, $"{point}: error.type on a successful operation");
        if (point.HistogramCount is not null)
        {
            Assert.True(point.HistogramSum > 0, $"{point}: a histogram of durations sums to {point.HistogramSum}");
        }
    }

    private static bool SameCounts(Dictionary<string, long> actual, IReadOnlyDictionary<string, long> expected) =>
        actual.Count == expected.Count && expected.All(e => actual.TryGetValue(e.Key, out var count) && count == e.Value);

    private static string Describe(IReadOnlyDictionary<string, long> expected) =>
        string.Join(", ", expected.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Value} for {e.Key}")));
}
