using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace MessageTrace.Analyzers.Tests.Infrastructure;

/// <summary>Short forms for code fix tests: the fixed code must match exactly, one fix at a time and all at once.</summary>
internal static class VerifyFix<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static Task Fix(string source, string fixedSource) => Fix([source], [fixedSource]);

    public static Task Fix(string[] sources, string[] fixedSources, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary)
    {
        var test = new CodeFixTest<TAnalyzer, TCodeFix>();
        test.TestState.OutputKind = outputKind;
        test.FixedState.OutputKind = outputKind;
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        foreach (var source in fixedSources)
        {
            test.FixedState.Sources.Add(source);
        }

        return test.RunAsync();
    }

    /// <summary>No fix is offered: the diagnostic stays and the code is unchanged.</summary>
    public static Task NoFix(string source, params DiagnosticResult[] expected)
    {
        var test = new CodeFixTest<TAnalyzer, TCodeFix> { TestCode = source, FixedCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        test.FixedState.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}
