using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using MessageTrace.Benchmarks.Environment;

namespace MessageTrace.Benchmarks.Reporting;

/// <summary>
/// The metrics half of the report: what a MeterProvider adds (S1M–S4M minus S1–S4, Generated and
/// HandWritten, both recording the conventions' four instruments), and whether the Generated numbers
/// with no meter listener moved since the last run before metrics existed (before-metrics.json, the
/// Bare and Generated rows of that run, shipped beside this project).
/// </summary>
internal static class MetricsReport
{
    /// <summary>The run the "before" numbers come from: docs/benchmarks.md at that commit shows it whole.</summary>
    public const string BeforeCommit = "dbba781";

    private static readonly JsonSerializerOptions s_json = new() { Converters = { new JsonStringEnumConverter() } };

    public static void Write(StringBuilder text, List<MarkdownReport.Result> results, IReadOnlyList<(string Type, string Side, string Carrier)> comparisons)
    {
        text.AppendLine("### Metrics: what a MeterProvider adds");
        text.AppendLine();
        text.AppendLine("S1M–S4M are S1–S4 plus an OpenTelemetry SDK `MeterProvider` (`AddMessageTraceInstrumentation()` and the");
        text.AppendLine("hand-written meter, a reader that is never collected during the run). Both traced variants then record");
        text.AppendLine("the conventions' duration histogram and message counter per operation: Generated through MessageTrace's");
        text.AppendLine("completion path (the span's own duration when there is a span, one timestamp pair otherwise), HandWritten");
        text.AppendLine("as the .NET metrics docs teach (`Stopwatch` timestamps and a `TagList`, see `App/HandWrittenMetrics.cs`).");
        text.AppendLine("Cost = the variant with the meter on minus the same variant with it off, same scenario and tracestate case.");
        text.AppendLine();
        text.AppendLine("| case | scenario | tracestate | Generated: cost of metrics | HandWritten: cost of metrics |");
        text.AppendLine("|---|---|---|---:|---:|");
        foreach (var (type, side, carrier) in comparisons)
        {
            foreach (var scenario in new[] { Scenario.S1_NoListener, Scenario.S2_SampleNone, Scenario.S3_SdkAlwaysOff, Scenario.S4_SdkAlwaysOn })
            {
                foreach (var traceState in Enum.GetValues<TraceStateCase>())
                {
                    string generated = Cost(results, type, "Generated", scenario, traceState);
                    string hand = Cost(results, type, "HandWritten", scenario, traceState);
                    text.AppendLine(CultureInfo.InvariantCulture, $"| {side}, {Short(carrier)} | {scenario.ToString().Split('_')[0]} → {scenario.WithMeter().ToString().Split('_')[0]} | {traceState} | {generated} | {hand} |");
                }
            }
        }

        text.AppendLine();
        WriteBefore(text, results, comparisons);
    }

    private static void WriteBefore(StringBuilder text, List<MarkdownReport.Result> results, IReadOnlyList<(string Type, string Side, string Carrier)> comparisons)
    {
        text.AppendLine("### Metrics off: Generated before and after metrics existed");
        text.AppendLine();
        var path = Path.Combine(AppContext.BaseDirectory, "before-metrics.json");
        if (!File.Exists(path))
        {
            text.AppendLine("(before-metrics.json is missing from the build output: no comparison.)");
            text.AppendLine();
            return;
        }

        var before = JsonSerializer.Deserialize<List<MarkdownReport.Result>>(File.ReadAllText(path), s_json)!;
        text.AppendLine(CultureInfo.InvariantCulture, $"With no meter listener (S1–S4), Generated's overhead over Bare in this run against the last run before metrics (commit {BeforeCommit}).");
        text.AppendLine("Bytes are exact; times are two runs on a shared VM, so differences inside their combined error bars are noise.");
        text.AppendLine();
        text.AppendLine("| case | scenario | tracestate | Generated Δ before | Generated Δ now | bytes moved |");
        text.AppendLine("|---|---|---|---:|---:|---|");
        foreach (var (type, side, carrier) in comparisons)
        {
            foreach (var scenario in new[] { Scenario.S1_NoListener, Scenario.S2_SampleNone, Scenario.S3_SdkAlwaysOff, Scenario.S4_SdkAlwaysOn })
            {
                foreach (var traceState in Enum.GetValues<TraceStateCase>())
                {
                    var then = Delta(before, type, scenario, traceState);
                    var now = Delta(results, type, scenario, traceState);
                    string moved = then is null || now is null ? "n/a" : then.Value.Bytes == now.Value.Bytes ? "no" : string.Create(CultureInfo.InvariantCulture, $"**{now.Value.Bytes - then.Value.Bytes:+0;-0} B**");
                    text.AppendLine(CultureInfo.InvariantCulture, $"| {side}, {Short(carrier)} | {scenario.ToString().Split('_')[0]} | {traceState} | {Format(then)} | {Format(now)} | {moved} |");
                }
            }
        }

        text.AppendLine();
    }

    private static string Cost(List<MarkdownReport.Result> results, string type, string method, Scenario scenario, TraceStateCase traceState)
    {
        var off = Find(results, type, method, scenario, traceState);
        var on = Find(results, type, method, scenario.WithMeter(), traceState);
        if (off is null || on is null)
        {
            return "(not run)";
        }

        double error = Math.Sqrt((off.ErrorNs * off.ErrorNs) + (on.ErrorNs * on.ErrorNs));
        return string.Create(CultureInfo.InvariantCulture, $"{on.Ns - off.Ns:+0.0;-0.0;0.0} ± {error:0.0} ns / {on.Bytes - off.Bytes:+0;-0;0} B");
    }

    private static (double Ns, double ErrorNs, long Bytes)? Delta(List<MarkdownReport.Result> results, string type, Scenario scenario, TraceStateCase traceState)
    {
        var bare = Find(results, type, "Bare", scenario, traceState);
        var generated = Find(results, type, "Generated", scenario, traceState);
        if (bare is null || generated is null)
        {
            return null;
        }

        return (generated.Ns - bare.Ns, Math.Sqrt((generated.ErrorNs * generated.ErrorNs) + (bare.ErrorNs * bare.ErrorNs)), generated.Bytes - bare.Bytes);
    }

    private static string Format((double Ns, double ErrorNs, long Bytes)? delta) =>
        delta is { } d ? string.Create(CultureInfo.InvariantCulture, $"{d.Ns:+0.0;-0.0;0.0} ± {d.ErrorNs:0.0} ns / {d.Bytes:+0;-0;0} B") : "(not run)";

    private static MarkdownReport.Result? Find(List<MarkdownReport.Result> results, string type, string method, Scenario scenario, TraceStateCase traceState) =>
        results.FirstOrDefault(r => r.Type == type && r.Method == method && r.Scenario == scenario && r.TraceState == traceState && r.Threads is null);

    private static string Short(string carrier) => carrier.Split(' ')[0];
}
