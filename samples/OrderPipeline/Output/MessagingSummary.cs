using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OrderPipeline.Telemetry;
using Spectre.Console;

namespace OrderPipeline.Output;

/// <summary>One row of the metrics summary: a destination, as sent to, or as consumed by one consumer group.</summary>
public sealed record MessagingRow(
    string Destination,
    string? ConsumerGroup,
    long Sent,
    long Consumed,
    long FailedProcesses,
    double? ProcessP50,
    double? ProcessP95,
    double? ProcessP99);

/// <summary>
/// The closing metrics table, computed from the points MessageTrace's meter exported: per destination,
/// the messages sent; per destination and consumer group, the messages consumed, the failed process
/// operations (<c>error.type</c> set) and the p50/p95/p99 of <c>messaging.process.duration</c>, estimated
/// from the exported histogram buckets (<see cref="HistogramQuantiles"/>).
/// </summary>
public static class MessagingSummary
{
    public const string SentMessages = "messaging.client.sent.messages";
    public const string ConsumedMessages = "messaging.client.consumed.messages";
    public const string ProcessDuration = "messaging.process.duration";

    public static IReadOnlyList<MessagingRow> Build(IEnumerable<MetricPointRecord> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var messageTrace = points.Where(point => point.MeterName == "MessageTrace").ToList();
        var keys = messageTrace
            .Where(point => point.Name is SentMessages or ConsumedMessages or ProcessDuration)
            .Select(Key)
            .Distinct()
            .OrderBy(key => key.Destination, StringComparer.Ordinal)
            .ThenBy(key => key.ConsumerGroup ?? "", StringComparer.Ordinal);
        var rows = new List<MessagingRow>();
        foreach (var key in keys)
        {
            var series = messageTrace.Where(point => Key(point) == key).ToList();
            var durations = series.Where(point => point.Name == ProcessDuration && point.Histogram is not null).ToList();
            var merged = Merge(durations.Select(point => point.Histogram!).ToList());
            rows.Add(new MessagingRow(
                key.Destination,
                key.ConsumerGroup,
                series.Where(point => point.Name == SentMessages).Sum(point => point.Count),
                series.Where(point => point.Name == ConsumedMessages).Sum(point => point.Count),
                durations.Where(point => point.Attribute("error.type") is not null).Sum(point => point.Count),
                merged is null ? null : HistogramQuantiles.Estimate(merged, 0.50),
                merged is null ? null : HistogramQuantiles.Estimate(merged, 0.95),
                merged is null ? null : HistogramQuantiles.Estimate(merged, 0.99)));
        }

        return rows;
    }

    public static void Render(IAnsiConsole console, IReadOnlyList<MessagingRow> rows)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(rows);
        var table = new Table().Border(TableBorder.Rounded)
            .Title("[bold]messaging metrics[/] [grey](MessageTrace meter, as exported)[/]");
        table.AddColumn("destination");
        table.AddColumn("consumer group");
        foreach (var column in new[] { "sent", "consumed", "failed", "process p50", "p95", "p99" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        foreach (var row in rows)
        {
            table.AddRow(
                Markup.Escape(row.Destination),
                Markup.Escape(row.ConsumerGroup ?? ""),
                Number(row.Sent),
                Number(row.Consumed),
                row.FailedProcesses == 0 ? "" : $"[red]{row.FailedProcesses}[/]",
                Seconds(row.ProcessP50),
                Seconds(row.ProcessP95),
                Seconds(row.ProcessP99));
        }

        console.Write(table);
        console.MarkupLine("[grey]Percentiles are estimated from the histogram buckets (5 ms, 10 ms, 25 ms, ...), not from single measurements.[/]");
    }

    private static (string Destination, string? ConsumerGroup) Key(MetricPointRecord point) =>
        (point.Attribute("messaging.destination.template") ?? point.Attribute("messaging.destination.name") ?? "(unnamed)",
         point.Attribute("messaging.consumer.group.name"));

    /// <summary>The series of one destination and group (successful and failed) share their bounds: add them up.</summary>
    private static HistogramRecord? Merge(IReadOnlyList<HistogramRecord> histograms)
    {
        if (histograms.Count == 0)
        {
            return null;
        }

        var first = histograms[0];
        if (histograms.Any(h => !h.Bounds.SequenceEqual(first.Bounds)))
        {
            return null; // not one bucket layout: no honest percentile
        }

        var counts = new long[first.BucketCounts.Count];
        foreach (var histogram in histograms)
        {
            for (var i = 0; i < counts.Length; i++)
            {
                counts[i] += histogram.BucketCounts[i];
            }
        }

        var mins = histograms.Where(h => h.Count > 0 && h.Min is not null).Select(h => h.Min!.Value).ToList();
        var maxes = histograms.Where(h => h.Count > 0 && h.Max is not null).Select(h => h.Max!.Value).ToList();
        return new HistogramRecord(
            histograms.Sum(h => h.Count),
            histograms.Sum(h => h.Sum),
            mins.Count == 0 ? null : mins.Min(),
            maxes.Count == 0 ? null : maxes.Max(),
            first.Bounds,
            counts);
    }

    private static string Number(long value) => value == 0 ? "" : value.ToString(CultureInfo.InvariantCulture);

    private static string Seconds(double? seconds) => seconds is { } value ? Waterfall.FormatDuration(TimeSpan.FromSeconds(value)) : "";
}
