using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using MessageTrace.Benchmarks.Benchmarks;
using MessageTrace.Benchmarks.Environment;

namespace MessageTrace.Benchmarks.Interleaved;

/// <summary>
/// Issue 14's four S4 comparisons measured a second way: Bare, Generated and HandWritten take turns in one
/// process, a round of each at a time, and the ratio is taken per round.
/// </summary>
/// <remarks>
/// BenchmarkDotNet measures each case in a process of its own. On the virtual machines these benchmarks run
/// on, the same code runs up to about 1.6 times slower in one process than in the next (Bare of the byte[]
/// producer measured 75 to 121 ns in five processes started one after another), so a ratio of cases from
/// different processes moves by that much. Taking turns in one process, the three variants share that
/// process's speed and any drift during the run, and the median of the per-round ratios compares the code.
/// The benchmark classes are the same ones BenchmarkDotNet runs, with their set-up and their checks.
/// </remarks>
internal static class InterleavedComparison
{
    private const int Rounds = 25;
    private const int OperationsPerRound = 20_000;
    private static readonly TimeSpan s_warmUp = TimeSpan.FromSeconds(3);

    private static readonly (string Name, Func<TraceStateCase, Variants> Start)[] s_cases =
    [
        ("Producer string (RocketMQ)", ProducerString),
        ("Producer byte[]", ProducerBytes),
        ("Consumer string (RocketMQ)", ConsumerString),
        ("Consumer byte[]", ConsumerBytes),
    ];

    /// <summary>
    /// Runs the eight comparisons, each in a process of its own (as BenchmarkDotNet runs a case, so no case's
    /// JIT profile shapes another's code), and writes their table to <paramref name="path"/>. Returns 0, or 1
    /// when a case failed (its check of the headers the traced variants wrote, or its process).
    /// </summary>
    public static int Run(string path)
    {
        var rows = new List<Row>();
        int failed = 0;
        string self = typeof(InterleavedComparison).Assembly.Location;
        foreach (var traceState in Enum.GetValues<TraceStateCase>())
        {
            for (int index = 0; index < s_cases.Length; index++)
            {
                var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
                foreach (var argument in new[] { self, "interleaved-case", index.ToString(CultureInfo.InvariantCulture), traceState.ToString() })
                {
                    start.ArgumentList.Add(argument);
                }

                using var child = Process.Start(start)!;
                string output = child.StandardOutput.ReadToEnd();
                child.WaitForExit();
                if (child.ExitCode != 0 || Row.Parse(output.Trim()) is not { } row)
                {
                    failed++;
                    Console.Error.WriteLine($"interleaved: {s_cases[index].Name}, {traceState} failed (exit code {child.ExitCode})");
                    continue;
                }

                rows.Add(row);
            }
        }

        File.WriteAllText(path, Render(rows));
        return failed == 0 ? 0 : 1;
    }

    /// <summary>Measures one case in this process and writes its row to standard output.</summary>
    public static int RunCase(int index, TraceStateCase traceState)
    {
        var (name, start) = s_cases[index];
        Console.WriteLine(Measure(name, traceState, start(traceState)).Format());
        return 0;
    }

    private static Variants ProducerString(TraceStateCase traceState)
    {
        var b = new ProducerStringBenchmarks { Scenario = Scenario.S4_SdkAlwaysOn, TraceState = traceState };
        b.GlobalSetup();
        return new Variants(() => b.Bare(), () => b.Generated(), () => b.HandWritten(), b.CleanupTraced);
    }

    private static Variants ProducerBytes(TraceStateCase traceState)
    {
        var b = new ProducerBytesBenchmarks { Scenario = Scenario.S4_SdkAlwaysOn, TraceState = traceState };
        b.GlobalSetup();
        return new Variants(b.Bare, b.Generated, b.HandWritten, b.CleanupTraced);
    }

    private static Variants ConsumerString(TraceStateCase traceState)
    {
        var b = new ConsumerStringBenchmarks { Scenario = Scenario.S4_SdkAlwaysOn, TraceState = traceState };
        b.GlobalSetup();
        return new Variants(() => b.Bare(), () => b.Generated(), () => b.HandWritten(), b.GlobalCleanup);
    }

    private static Variants ConsumerBytes(TraceStateCase traceState)
    {
        var b = new ConsumerBytesBenchmarks { Scenario = Scenario.S4_SdkAlwaysOn, TraceState = traceState };
        b.GlobalSetup();
        return new Variants(b.Bare, b.Generated, b.HandWritten, b.GlobalCleanup);
    }

    private static Row Measure(string name, TraceStateCase traceState, Variants variants)
    {
        Action[] order = [variants.Bare, variants.Generated, variants.HandWritten];

        // Each variant starts its turns from the context the set-up left (the ambient span, if any), as it does
        // in a process of its own: an async-local one variant leaves behind (HandWritten sets OpenTelemetry's
        // Baggage.Current) would otherwise make every context the next variant builds larger.
        var initial = System.Threading.ExecutionContext.Capture()!;
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < s_warmUp)
        {
            foreach (var variant in order)
            {
                System.Threading.ExecutionContext.Restore(initial);
                Repeat(variant, OperationsPerRound / 10);
            }
        }

        var ns = new double[3][];
        var bytes = new double[3];
        for (int v = 0; v < 3; v++)
        {
            ns[v] = new double[Rounds];
        }

        for (int round = 0; round < Rounds; round++)
        {
            for (int v = 0; v < 3; v++)
            {
                System.Threading.ExecutionContext.Restore(initial);
                long allocated = GC.GetAllocatedBytesForCurrentThread();
                long start = Stopwatch.GetTimestamp();
                Repeat(order[v], OperationsPerRound);
                long elapsed = Stopwatch.GetTimestamp() - start;
                ns[v][round] = elapsed * 1e9 / Stopwatch.Frequency / OperationsPerRound;
                bytes[v] = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)OperationsPerRound;
            }
        }

        variants.Cleanup();
        var timeRatios = Enumerable.Range(0, Rounds).Select(r => (ns[1][r] - ns[0][r]) / (ns[2][r] - ns[0][r])).OrderBy(static x => x).ToArray();
        return new Row(
            name,
            traceState,
            Median(ns[0]),
            Median(ns[1]) - Median(ns[0]),
            Median(ns[2]) - Median(ns[0]),
            Math.Round(bytes[1] - bytes[0]),
            Math.Round(bytes[2] - bytes[0]),
            timeRatios[Rounds / 2],
            timeRatios[Rounds / 4],
            timeRatios[(3 * Rounds) / 4]);
    }

    private static void Repeat(Action action, int count)
    {
        for (int i = 0; i < count; i++)
        {
            action();
        }
    }

    private static double Median(double[] values) => values.OrderBy(static x => x).ElementAt(values.Length / 2);

    private static string Render(List<Row> rows)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Each case: S4 set up as in the comparisons above, {s_warmUp.TotalSeconds:0} s of warm-up, then {Rounds} rounds, each running Bare,");
        text.AppendLine(CultureInfo.InvariantCulture, $"Generated and HandWritten {OperationsPerRound:N0} times in turn. Times are the medians of the rounds; the time ratio is the median");
        text.AppendLine("of the per-round ratios (Generated Δ / HandWritten Δ, Δ = minus Bare in the same round), with the middle half of");
        text.AppendLine("the rounds in brackets. Bytes per operation are exact.");
        text.AppendLine();
        text.AppendLine("| case | tracestate | Bare | Generated Δ | HandWritten Δ | ratio time | ratio bytes | verdict (≤ 0.8) |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---|");
        foreach (var row in rows.OrderBy(static r => r.Name, StringComparer.Ordinal).ThenBy(static r => r.TraceState))
        {
            double bytesRatio = row.HandBytes > 0 ? row.GeneratedBytes / row.HandBytes : double.NaN;
            text.AppendLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {row.Name} | {row.TraceState} | {row.BareNs:N1} ns | +{row.GeneratedNs:0} ns / {row.GeneratedBytes:+0;-0;0} B | +{row.HandNs:0} ns / {row.HandBytes:+0;-0;0} B | {row.TimeRatio:0.00} ({row.TimeRatioLow:0.00} to {row.TimeRatioHigh:0.00}) | {bytesRatio:0.00} | time {Met(row.TimeRatio)}, bytes {Met(bytesRatio)} |"));
        }

        return text.ToString();
    }

    private static string Met(double ratio) => ratio <= 0.8 ? "met" : "**missed**";

    private sealed record Variants(Action Bare, Action Generated, Action HandWritten, Action Cleanup);

    private sealed record Row(string Name, TraceStateCase TraceState, double BareNs, double GeneratedNs, double HandNs, double GeneratedBytes, double HandBytes, double TimeRatio, double TimeRatioLow, double TimeRatioHigh)
    {
        // One line between the measuring process and the one writing the table.
        public string Format() => string.Join(
            '|',
            new[] { BareNs, GeneratedNs, HandNs, GeneratedBytes, HandBytes, TimeRatio, TimeRatioLow, TimeRatioHigh }.Select(static v => v.ToString("R", CultureInfo.InvariantCulture)).Prepend(TraceState.ToString()).Prepend(Name));

        public static Row? Parse(string line)
        {
            string[] parts = line.Split('|');
            if (parts.Length != 10 || !Enum.TryParse<TraceStateCase>(parts[1], out var traceState))
            {
                return null;
            }

            double[] v = parts.Skip(2).Select(static p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
            return new Row(parts[0], traceState, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
        }
    }
}
