using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MessageTrace.Analyzers.Tests.Infrastructure;

/// <summary>Every analyzer and code fix MessageTrace ships, found by reflection, and a way to run them all.</summary>
internal static class AllAnalyzers
{
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = typeof(Descriptors).Assembly.GetTypes()
        .Where(static t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
        .OrderBy(static t => t.Name, StringComparer.Ordinal)
        .Select(static t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    public static ImmutableArray<CodeFixProvider> CodeFixes { get; } = typeof(CodeFixes.AddTracedProducerCodeFix).Assembly.GetTypes()
        .Where(static t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
        .OrderBy(static t => t.Name, StringComparer.Ordinal)
        .Select(static t => (CodeFixProvider)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    public static CSharpCompilation Compile(OutputKind outputKind, params (string Path, string Text)[] sources) =>
        CSharpCompilation.Create(
            "UserProject",
            sources.Select(static s => CSharpSyntaxTree.ParseText(s.Text, ParseOptionsFor.Project(CSharpParseOptions.Default, features: null), path: s.Path)),
            TestReferences.All,
            new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>Runs every analyzer over <paramref name="compilation"/>, after checking it compiles without errors.</summary>
    public static async Task<ImmutableArray<Diagnostic>> RunAsync(Compilation compilation)
    {
        var errors = compilation.GetDiagnostics().Where(static d => d.Severity == DiagnosticSeverity.Error).ToList();
        Xunit.Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        var diagnostics = await compilation.WithAnalyzers(Analyzers).GetAnalyzerDiagnosticsAsync().ConfigureAwait(false);
        return diagnostics
            .OrderBy(static d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(static d => d.Location.SourceSpan.Start)
            .ThenBy(static d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
    }

    /// <summary><c>MT0001 Program.cs(12,15)</c>: what a diagnostic is and where, for exact comparisons.</summary>
    public static string Describe(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        return diagnostic.Id + " " + System.IO.Path.GetFileName(span.Path) + "(" + (span.StartLinePosition.Line + 1) + "," + (span.StartLinePosition.Character + 1) + ")";
    }
}
