using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MessageTrace.Generator.Tests.Infrastructure;

/// <summary>Runs the generator over a compilation with step tracking on.</summary>
internal sealed class GeneratorRun
{
    private GeneratorRun(GeneratorDriver driver, Compilation output, ImmutableArray<Diagnostic> generatorDiagnostics)
    {
        Driver = driver;
        Output = output;
        GeneratorDiagnostics = generatorDiagnostics;
    }

    public GeneratorDriver Driver { get; }

    public Compilation Output { get; }

    public ImmutableArray<Diagnostic> GeneratorDiagnostics { get; }

    public GeneratorDriverRunResult Result => Driver.GetRunResult();

    /// <summary>Generated files by hint name, ordinal order.</summary>
    public ImmutableArray<(string HintName, string Text)> Sources => Result.Results
        .SelectMany(static r => r.GeneratedSources)
        .OrderBy(static s => s.HintName, System.StringComparer.Ordinal)
        .Select(static s => (s.HintName, s.SourceText.ToString()))
        .ToImmutableArray();

    public static GeneratorDriver CreateDriver() => CSharpGeneratorDriver.Create(
        [new TracingGenerator().AsSourceGenerator()],
        parseOptions: TestCompilation.ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorRun Run(Compilation compilation, GeneratorDriver? driver = null)
    {
        driver = (driver ?? CreateDriver()).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GeneratorRun(driver, output, diagnostics);
    }

    /// <summary>Fails with every generator diagnostic and compilation warning or error, in full.</summary>
    public void AssertNoProblems()
    {
        var problems = GeneratorDiagnostics.Concat(CompilationProblems()).Select(static d => d.ToString()).ToList();
        Xunit.Assert.True(problems.Count == 0, "Generation or compilation problems:\n" + string.Join("\n", problems));
    }

    /// <summary>Errors and warnings of the compilation including the generated code.</summary>
    public ImmutableArray<Diagnostic> CompilationProblems() => Output.GetDiagnostics()
        .Where(static d => d.Severity >= DiagnosticSeverity.Warning)
        .ToImmutableArray();
}
