using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MessageTrace.Benchmarks.GeneratorTiming;

/// <summary>
/// Times MessageTrace's generator on a synthetic project of 1,000 traced RocketMQ sends and 1,000
/// traced handlers (each handler invoked once), with <see cref="GeneratorDriver.GetTimingInfo"/> and a
/// stopwatch, cold (a new driver) and incremental (the same driver after an edit of an unrelated file),
/// and counts the tracked step and output reasons of the incremental run: an unrelated edit must leave
/// every one Cached or Unchanged, so nothing is re-emitted.
/// </summary>
public static class GeneratorTiming
{
    private const int Files = 50;
    private const int Runs = 5;
    private const int WarmUps = 3;

    private static readonly CSharpParseOptions s_parseOptions = new CSharpParseOptions(LanguageVersion.Latest)
        .WithFeatures([new KeyValuePair<string, string>("InterceptorsNamespaces", "MessageTrace.Generated")]);

    /// <summary>Runs the timing and writes the markdown to <paramref name="path"/>; returns non-zero when a check fails.</summary>
    public static int Run(string path, int sends = 1000, int handlers = 1000)
    {
        var generator = LoadGenerator(out string generatorPath, out var ownSteps);
        var trees = SyntheticProject(sends, handlers);
        var references = Net100.References.All.Cast<MetadataReference>()
            .Concat(
            [
                MetadataReference.CreateFromFile(typeof(TracedProducerAttribute).Assembly.Location),
                MetadataReference.CreateFromFile(typeof(OpenTelemetry.Baggage).Assembly.Location),
                MetadataReference.CreateFromFile(typeof(Org.Apache.Rocketmq.Producer).Assembly.Location),
            ])
            .ToImmutableArray();
        CSharpCompilation NewCompilation(IEnumerable<SyntaxTree> t) => CSharpCompilation.Create(
            "Synthetic",
            t,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        GeneratorDriver NewDriver(bool track) => CSharpGeneratorDriver.Create(
            [generator.AsSourceGenerator()],
            parseOptions: s_parseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: track));

        Sample FirstEdit(bool track, out GeneratorDriverRunResult result)
        {
            var coldCompilation = NewCompilation(trees);
            var warmDriver = NewDriver(track).RunGenerators(coldCompilation);
            var edited = coldCompilation.ReplaceSyntaxTree(coldCompilation.SyntaxTrees[0], CSharpSyntaxTree.ParseText(UnrelatedSource(1), s_parseOptions, path: "Unrelated.cs"));
            var sample = Measure(warmDriver, edited, out warmDriver);
            result = warmDriver.GetRunResult();
            return sample;
        }

        var report = new StringBuilder();
        int failures = 0;

        // 1. One full run: what is generated, and does it compile?
        var firstDriver = NewDriver(track: false).RunGeneratorsAndUpdateCompilation(NewCompilation(trees), out var generatedCompilation, out var generatorDiagnostics);
        var generated = firstDriver.GetRunResult().GeneratedTrees;
        int interceptors = generated.Sum(static t => CountOccurrences(t.ToString(), "[global::System.Runtime.CompilerServices.InterceptsLocation("));
        var errors = generatedCompilation.GetDiagnostics().Where(static d => d.Severity == DiagnosticSeverity.Error).ToList();
        long generatedChars = generated.Sum(static t => (long)t.Length);
        int expected = sends + handlers;
        if (interceptors != expected || errors.Count > 0 || generatorDiagnostics.Any(static d => d.Severity == DiagnosticSeverity.Error))
        {
            failures++;
        }

        // 2. Cold runs: a new compilation (no bound state) and a new driver each time.
        var cold = new List<Sample>();
        for (int i = 0; i < Runs; i++)
        {
            var compilation = NewCompilation(trees);
            cold.Add(Measure(NewDriver(track: false), compilation, out _));
        }

        // 3. The first edit after a cold run, of a file that comes before the traced files: a new
        //    compilation and driver each time, one cold run, then the edit, measured. Step tracking is
        //    off, as in the IDE (recording every step's inputs and outputs costs more than the steps);
        //    one more round with tracking on gives the evidence of what ran. The first rounds are
        //    discarded: until the JIT has tiered up Roslyn's incremental paths, an edit costs several
        //    times what it costs in a running IDE.
        var firstEdits = new List<Sample>();
        for (int i = 0; i < WarmUps + Runs; i++)
        {
            var sample = FirstEdit(track: false, out _);
            if (i >= WarmUps)
            {
                firstEdits.Add(sample);
            }
        }

        FirstEdit(track: true, out var firstEditResult);

        // 4. Further edits of the same file on one driver (tracking off), then one more edit on a
        //    tracked driver for the evidence of what ran.
        var incremental = new List<Sample>();
        var driver = NewDriver(track: false).RunGenerators(NewCompilation(trees));
        Compilation current = NewCompilation(trees);
        driver = driver.RunGenerators(current);
        for (int i = 0; i < Runs; i++)
        {
            var previous = current.SyntaxTrees.First();
            current = current.ReplaceSyntaxTree(previous, CSharpSyntaxTree.ParseText(UnrelatedSource(i + 1), s_parseOptions, path: "Unrelated.cs"));
            incremental.Add(Measure(driver, current, out driver));
        }

        driver = NewDriver(track: true).RunGenerators(current);
        current = current.ReplaceSyntaxTree(current.SyntaxTrees.First(), CSharpSyntaxTree.ParseText(UnrelatedSource(Runs + 1), s_parseOptions, path: "Unrelated.cs"));
        driver = driver.RunGenerators(current);
        var lastResult = driver.GetRunResult();

        var stepReasons = CountReasons(lastResult.Results.Single().TrackedSteps);
        var outputReasons = CountReasons(lastResult.Results.Single().TrackedOutputSteps);
        // The verdict reads the generator's own named steps (TrackingNames) and every source output, as
        // the repository's IncrementalTests do; Roslyn's internal steps (Compilation, *_ForAttribute...)
        // are listed too but change with every compilation by design. Files and SourceFiles carry the
        // edited file itself, so they are Modified for it by design; every value step after them must
        // be Cached or Unchanged.
        bool nothingReemitted = stepReasons.Where(s => ownSteps.Contains(s.Key) && s.Key is not "Files" and not "SourceFiles").SelectMany(static s => s.Value.Keys)
            .Concat(outputReasons.Values.SelectMany(static r => r.Keys))
            .All(static r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
        int ownStepOutputs = stepReasons.Where(s => ownSteps.Contains(s.Key)).Sum(static s => s.Value.Values.Sum());
        int sourceOutputs = outputReasons.Values.Sum(static r => r.Values.Sum());
        if (!nothingReemitted)
        {
            failures++;
        }

        // The bind step after the first edit: which files were bound again (any reason but Cached).
        var firstEditBinds = firstEditResult.Results.Single().TrackedSteps["FileCalls"].SelectMany(static s => s.Outputs).ToList();
        int filesBound = firstEditBinds.Count(static o => o.Reason != IncrementalStepRunReason.Cached);
        if (filesBound != 1)
        {
            failures++;
        }

        // The yardstick: binding every invocation of the project once, in a new compilation (what an
        // edit would cost a generator that binds every call again).
        var binding = new List<Sample>();
        int invocations = 0;
        for (int i = 0; i < Runs; i++)
        {
            var fresh = NewCompilation(trees);
            GC.Collect();
            long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var bindWatch = Stopwatch.StartNew();
            invocations = 0;
            foreach (var tree in fresh.SyntaxTrees)
            {
                var model = fresh.GetSemanticModel(tree);
                foreach (var invocation in tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax>())
                {
                    invocations++;
                    _ = model.GetSymbolInfo(invocation);
                }
            }

            bindWatch.Stop();
            binding.Add(new Sample(bindWatch.Elapsed, bindWatch.Elapsed, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore));
        }

        double firstEditShare = Median(firstEdits) / Median(binding);
        if (firstEditShare > 0.25)
        {
            failures++;
        }

        // 5. For contrast: an edit to one traced producer is seen, and what it re-runs.
        var tracedTree = current.SyntaxTrees.Single(static t => t.FilePath == "Part00.cs");
        var relevantTree = CSharpSyntaxTree.ParseText(tracedTree.ToString().Replace("[TracedProducer]\n    public Task<ISendReceipt> Publish0(", "[TracedProducer(Namespace = \"edited\")]\n    public Task<ISendReceipt> Publish0(", StringComparison.Ordinal), s_parseOptions, path: "Part00.cs");
        var relevant = Measure(driver, current.ReplaceSyntaxTree(tracedTree, relevantTree), out var relevantDriver);
        var relevantResult = relevantDriver.GetRunResult();
        var relevantSteps = CountReasons(relevantResult.Results.Single().TrackedSteps);
        var relevantOutputs = CountReasons(relevantResult.Results.Single().TrackedOutputSteps);
        bool relevantSeen = relevantResult.GeneratedTrees.Any(static t => t.ToString().Contains("\"edited\"", StringComparison.Ordinal));
        if (!relevantSeen)
        {
            failures++;
        }

        report.AppendLine(CultureInfo.InvariantCulture, $"Synthetic project: {trees.Length} files, {sends:N0} `[TracedProducer]` methods each with one `producer.Send(message)`, {handlers:N0} `[TracedHandler]` methods each invoked once, plus filler code and `Unrelated.cs`; references: Basic.Reference.Assemblies.Net100, MessageTrace, OpenTelemetry.Api, RocketMq.ApiShape.");
        report.AppendLine(CultureInfo.InvariantCulture, $"Generator: `{Path.GetFileName(generatorPath)}` loaded from the build output (Microsoft.CodeAnalysis {typeof(Compilation).Assembly.GetName().Version}).");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Output check: {interceptors:N0} interceptors generated (expected {expected:N0}), {generated.Length} files, {generatedChars / 1024.0:N0} KiB of source; {errors.Count} compile errors in the project with the generated code; {generatorDiagnostics.Length} generator diagnostics. {(interceptors == expected && errors.Count == 0 ? "OK" : "FAILED: " + string.Join("; ", errors.Take(3)))}");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Timings over {Runs} runs each (the driver's own `GetTimingInfo()` and a stopwatch around `RunGenerators`; allocations on the calling thread):");
        report.AppendLine();
        report.AppendLine("| run | GetTimingInfo median | min | max | stopwatch median | allocated median |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|");
        report.AppendLine(Row("cold: new driver, new compilation", cold));
        report.AppendLine(Row($"first edit after a cold run: Unrelated.cs (the first file), after {WarmUps} warm-up rounds", firstEdits));
        report.AppendLine(Row("further edits of Unrelated.cs on the same driver", incremental));
        report.AppendLine(Row("relevant: one [TracedProducer] edited (1 run)", [relevant]));
        report.AppendLine(Row($"yardstick, not the generator: binding all {invocations:N0} invocations of a new compilation once", binding));
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"First edit after a cold run: {firstEditShare:P0} of the yardstick (target: at most 25%) {(firstEditShare <= 0.25 ? "OK" : "FAILED")}; the bind step ran for {filesBound} of {firstEditBinds.Count} files (target: the edited file only) {(filesBound == 1 ? "OK" : "FAILED")}.");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Evidence, last incremental run after an unrelated edit: {(nothingReemitted ? $"all {ownStepOutputs:N0} outputs of the generator's own tracked steps and all {sourceOutputs} source outputs are Cached or Unchanged: nothing was re-emitted." : "SOME STEP OR OUTPUT WAS NEW, MODIFIED OR REMOVED (see the table).")}");
        report.AppendLine("Steps marked (Roslyn) are the driver's own plumbing (the compilation input and ForAttributeWithMetadataName internals); they follow every new compilation by design and are not the generator's.");
        report.AppendLine();
        report.AppendLine(ReasonTable("unrelated edit", stepReasons, outputReasons, ownSteps));
        report.AppendLine(CultureInfo.InvariantCulture, $"For contrast, the relevant edit (`Namespace = \"edited\"` on one producer) {(relevantSeen ? "is seen (the new value is in the output)" : "WAS NOT SEEN")}:");
        report.AppendLine();
        report.AppendLine(ReasonTable("relevant edit", relevantSteps, relevantOutputs, ownSteps));

        File.WriteAllText(path, report.ToString());
        Console.WriteLine(report.ToString());
        return failures;
    }

    private static IIncrementalGenerator LoadGenerator(out string path, out HashSet<string> ownSteps)
    {
        path = typeof(GeneratorTiming).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(static a => a.Key == "MessageTraceGeneratorPath").Value!;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("Build the generator first (it is built with this project in Release).", path);
        }

        var assembly = Assembly.LoadFrom(path);
        var type = assembly.GetType("MessageTrace.Generator.TracingGenerator", throwOnError: true)!;
        ownSteps = assembly.GetType("MessageTrace.Generator.TrackingNames", throwOnError: true)!
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(static f => f.IsLiteral)
            .Select(static f => (string)f.GetRawConstantValue()!)
            .ToHashSet(StringComparer.Ordinal);
        return (IIncrementalGenerator)Activator.CreateInstance(type)!;
    }

    private static Sample Measure(GeneratorDriver driver, Compilation compilation, out GeneratorDriver updated)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        var stopwatch = Stopwatch.StartNew();
        updated = driver.RunGenerators(compilation);
        stopwatch.Stop();

        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        return new Sample(updated.GetTimingInfo().ElapsedTime, stopwatch.Elapsed, allocated);
    }

    private static double Median(List<Sample> samples) =>
        samples.Select(static s => s.Timing.TotalMilliseconds).OrderBy(static x => x).ElementAt(samples.Count / 2);

    private static string Row(string name, List<Sample> samples)
    {
        var timing = samples.Select(static s => s.Timing.TotalMilliseconds).OrderBy(static x => x).ToList();
        var wall = samples.Select(static s => s.Wall.TotalMilliseconds).OrderBy(static x => x).ToList();
        var bytes = samples.Select(static s => s.Allocated).OrderBy(static x => x).ToList();
        return string.Create(CultureInfo.InvariantCulture, $"| {name} | {timing[timing.Count / 2]:N1} ms | {timing[0]:N1} ms | {timing[^1]:N1} ms | {wall[wall.Count / 2]:N1} ms | {bytes[bytes.Count / 2] / 1048576.0:N1} MiB |");
    }

    private static SortedDictionary<string, SortedDictionary<IncrementalStepRunReason, int>> CountReasons(ImmutableDictionary<string, ImmutableArray<IncrementalGeneratorRunStep>> steps)
    {
        var counts = new SortedDictionary<string, SortedDictionary<IncrementalStepRunReason, int>>(StringComparer.Ordinal);
        foreach (var (name, runs) in steps)
        {
            var reasons = counts[name] = new SortedDictionary<IncrementalStepRunReason, int>();
            foreach (var run in runs)
            {
                foreach (var (_, reason) in run.Outputs)
                {
                    reasons[reason] = reasons.GetValueOrDefault(reason) + 1;
                }
            }
        }

        return counts;
    }

    private static string ReasonTable(string title, SortedDictionary<string, SortedDictionary<IncrementalStepRunReason, int>> steps, SortedDictionary<string, SortedDictionary<IncrementalStepRunReason, int>> outputs, HashSet<string> ownSteps)
    {
        var all = Enum.GetValues<IncrementalStepRunReason>();
        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture, $"| {title}: step | {string.Join(" | ", all)} |");
        table.AppendLine("|---|" + string.Concat(all.Select(static _ => "---:|")));
        foreach (var (kind, source) in new[] { ("step", steps), ("output", outputs) })
        {
            foreach (var (name, reasons) in source)
            {
                string owner = kind == "output" || ownSteps.Contains(name) ? string.Empty : " (Roslyn)";
                table.AppendLine(CultureInfo.InvariantCulture, $"| {kind} `{name}`{owner} | {string.Join(" | ", all.Select(r => reasons.GetValueOrDefault(r).ToString(CultureInfo.InvariantCulture)))} |");
            }
        }

        var totals = all.Select(r => steps.Where(s => ownSteps.Contains(s.Key)).Select(static s => s.Value).Concat(outputs.Values).Sum(x => x.GetValueOrDefault(r))).ToList();
        table.AppendLine(CultureInfo.InvariantCulture, $"| **total, generator steps and outputs** | {string.Join(" | ", totals.Select(static t => "**" + t.ToString(CultureInfo.InvariantCulture) + "**"))} |");
        return table.ToString();
    }

    private static int CountOccurrences(string text, string value)
    {
        int count = 0;
        for (int i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static SyntaxTree[] SyntheticProject(int sends, int handlers)
    {
        // Unrelated.cs comes first: an edit there shifts nothing in the traced files, and a pipeline
        // that compares by position must still not re-bind them.
        var trees = new List<SyntaxTree> { CSharpSyntaxTree.ParseText(UnrelatedSource(0), s_parseOptions, path: "Unrelated.cs") };
        for (int file = 0; file < Files; file++)
        {
            var source = new StringBuilder();
            source.AppendLine("using System;");
            source.AppendLine("using System.Collections.Generic;");
            source.AppendLine("using System.Threading.Tasks;");
            source.AppendLine("using MessageTrace;");
            source.AppendLine("using Org.Apache.Rocketmq;");
            source.AppendLine();
            source.AppendLine(CultureInfo.InvariantCulture, $"namespace Synthetic.Part{file:00};");
            source.AppendLine();
            source.AppendLine(CultureInfo.InvariantCulture, $"public sealed class Publishers(Producer producer)");
            source.AppendLine("{");
            for (int i = file; i < sends; i += Files)
            {
                source.AppendLine("    [TracedProducer]");
                source.AppendLine(CultureInfo.InvariantCulture, $"    public Task<ISendReceipt> Publish{i}(Message message) => producer.Send(message);");
                source.AppendLine();
            }

            source.AppendLine("}");
            source.AppendLine();
            source.AppendLine("public sealed class Handlers");
            source.AppendLine("{");
            for (int i = file; i < handlers; i += Files)
            {
                source.AppendLine(CultureInfo.InvariantCulture, $"    [TracedHandler(ConsumerGroup = \"group{file}\")]");
                source.AppendLine(CultureInfo.InvariantCulture, $"    public ConsumeResult Handle{i}(MessageView message) => message.Body.Length > 0 ? ConsumeResult.SUCCESS : ConsumeResult.FAILURE;");
                source.AppendLine();
            }

            source.AppendLine("}");
            source.AppendLine();
            source.AppendLine("public static class Dispatch");
            source.AppendLine("{");
            source.AppendLine("    public static int Run(Handlers handlers, MessageView view)");
            source.AppendLine("    {");
            source.AppendLine("        int failures = 0;");
            for (int i = file; i < handlers; i += Files)
            {
                source.AppendLine(CultureInfo.InvariantCulture, $"        if (handlers.Handle{i}(view) == ConsumeResult.FAILURE) failures++;");
            }

            source.AppendLine("        return failures;");
            source.AppendLine("    }");
            source.AppendLine("}");
            source.AppendLine();
            // Filler: ordinary code with invocations the generator has to look at and discard.
            source.AppendLine("public static class Filler");
            source.AppendLine("{");
            for (int i = 0; i < 20; i++)
            {
                source.AppendLine(CultureInfo.InvariantCulture, $"    public static string Format{i}(List<int> values) => string.Join(\",\", values.ConvertAll(v => Math.Max(v, {i}).ToString(System.Globalization.CultureInfo.InvariantCulture)));");
            }

            source.AppendLine("}");
            trees.Add(CSharpSyntaxTree.ParseText(source.ToString(), s_parseOptions, path: string.Create(CultureInfo.InvariantCulture, $"Part{file:00}.cs")));
        }

        return trees.ToArray();
    }

    private static string UnrelatedSource(int edit) => $$"""
        namespace Synthetic;

        public static class Arithmetic
        {
            public static int Add(int a, int b) => a + b + {{edit.ToString(CultureInfo.InvariantCulture)}};

            public static int Twice(int a) => Add(a, a);
        }
        """;

    private readonly record struct Sample(TimeSpan Timing, TimeSpan Wall, long Allocated);
}
