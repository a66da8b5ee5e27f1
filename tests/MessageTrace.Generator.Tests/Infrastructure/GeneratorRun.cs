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

    /// <summary>A driver; <paramref name="buildProperties"/> are MSBuild properties as the compiler sees them (<c>build_property.X</c>).</summary>
    public static GeneratorDriver CreateDriver(params (string Name, string Value)[] buildProperties) => CSharpGeneratorDriver.Create(
        [new TracingGenerator().AsSourceGenerator()],
        parseOptions: TestCompilation.ParseOptions,
        optionsProvider: new BuildProperties(buildProperties),
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>The global analyzer config options a project's MSBuild properties become.</summary>
    private sealed class BuildProperties((string Name, string Value)[] properties) : Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider
    {
        private readonly Options _global = new(properties.ToImmutableDictionary(static p => "build_property." + p.Name, static p => p.Value));

        public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GlobalOptions => _global;

        public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

        private sealed class Options(ImmutableDictionary<string, string> values) : Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions
        {
            public static readonly Options Empty = new(ImmutableDictionary<string, string>.Empty);

            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }

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
