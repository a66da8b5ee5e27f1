using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace MessageTrace.Analyzers.Tests.Infrastructure;

/// <summary>Short forms for analyzer tests.</summary>
internal static class Verify<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>An expected diagnostic at markup location <paramref name="markupKey"/> (<c>{|#0:...|}</c>).</summary>
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor, int markupKey, params object[] arguments) =>
        new DiagnosticResult(descriptor).WithLocation(markupKey).WithArguments(arguments);

    /// <summary>Runs the analyzer over <paramref name="source"/> and expects exactly <paramref name="expected"/>.</summary>
    public static Task Analyzer(string source, params DiagnosticResult[] expected) =>
        Analyzer([source], expected);

    /// <summary>Runs the analyzer over several files (<c>/0/Test0.cs</c>, <c>/0/Test1.cs</c>, ...).</summary>
    public static Task Analyzer(string[] sources, params DiagnosticResult[] expected) =>
        Run(new AnalyzerTest<TAnalyzer>(), sources, expected);

    /// <summary>Runs the analyzer over top-level statements (a console application).</summary>
    public static Task TopLevel(string source, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest<TAnalyzer>();
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        return Run(test, [source], expected);
    }

    public static Task Run(AnalyzerTest<TAnalyzer> test, string[] sources, DiagnosticResult[] expected)
    {
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}
