using System;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using MessageTrace.Benchmarks.Reporting;
using MessageTrace.Benchmarks.Verification;
using Perfolizer.Horology;

namespace MessageTrace.Benchmarks;

/// <summary>
/// Entry point, with three modes besides plain BenchmarkDotNet use:
/// <list type="bullet">
/// <item><c>runtime --report FILE [BenchmarkDotNet options]</c>: runs the benchmarks (all unless a
/// <c>--filter</c> is given) and writes the comparison tables and target verdicts to FILE;</item>
/// <item><c>interleaved FILE</c>: issue 14's four S4 comparisons with the three variants taking turns in
/// one process, so the VM's process-to-process speed differences cancel (see
/// <see cref="Interleaved.InterleavedComparison"/>); writes their table to FILE;</item>
/// <item><c>verify FILE</c>: runs each Generated and HandWritten variant once per scenario and writes
/// how their spans and headers compare (non-zero exit code when they differ);</item>
/// <item><c>generator FILE</c>: times the generator on a synthetic project of 1,000 sends and 1,000
/// handlers and checks that an unrelated edit re-emits nothing;</item>
/// <item><c>report JSON FILE</c>: renders the numbers a <c>runtime</c> run saved (FILE.json) again.</item>
/// </list>
/// </summary>
public static class Program
{
    /// <summary>
    /// The quick pass used unless <c>--job</c> is given: one process per benchmark case, 3 warm-up and
    /// 10 measured iterations of about 150 ms.
    /// </summary>
    public static Job QuickJob { get; } = Job.Default
        .WithLaunchCount(1)
        .WithWarmupCount(3)
        .WithIterationCount(10)
        .WithIterationTime(TimeInterval.FromMilliseconds(150))
        .WithId("Quick");

    /// <summary>Runs the mode named by the first argument.</summary>
    public static int Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "verify" when args.Length == 2:
                return Equivalence.Run(args[1]) == 0 ? 0 : 3;
            case "report" when args.Length == 3:
                MarkdownReport.Rewrite(args[1], args[2]);
                return 0;
            case "interleaved" when args.Length == 2:
                return Interleaved.InterleavedComparison.Run(args[1]);
            case "interleaved-case" when args.Length == 3 && Enum.TryParse<Environment.TraceStateCase>(args[2], out var traceState):
                return Interleaved.InterleavedComparison.RunCase(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), traceState);
            case "generator" when args.Length == 2:
                return GeneratorTiming.GeneratorTiming.Run(args[1]) == 0 ? 0 : 4;
            case "runtime":
                int report = Array.IndexOf(args, "--report");
                if (report < 0 || report + 1 >= args.Length)
                {
                    Console.Error.WriteLine("usage: runtime --report FILE [BenchmarkDotNet options]");
                    return 2;
                }

                var rest = args.Skip(1).Where((_, i) => i + 1 != report && i + 1 != report + 1).ToArray();
                if (!rest.Contains("--filter"))
                {
                    rest = [.. rest, "--filter", "*"];
                }

                var summaries = RunBenchmarks(rest);
                MarkdownReport.Write(summaries, args[report + 1]);
                return Failed(summaries) ? 1 : 0;
            default:
                return Failed(RunBenchmarks(args)) ? 1 : 0;
        }
    }

    private static System.Collections.Generic.List<BenchmarkDotNet.Reports.Summary> RunBenchmarks(string[] args)
    {
        var config = DefaultConfig.Instance
            .WithOptions(ConfigOptions.DisableLogFile)
            .WithBuildTimeout(TimeSpan.FromMinutes(10));
        if (!args.Contains("--job"))
        {
            config = config.AddJob(QuickJob);
        }

        return BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config).ToList();
    }

    private static bool Failed(System.Collections.Generic.List<BenchmarkDotNet.Reports.Summary> summaries) =>
        summaries.Count == 0 || summaries.Any(static s => s.HasCriticalValidationErrors || s.Reports.Any(static r => !r.Success));
}
