using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace MessageTrace.Analyzers.Tests.Infrastructure;

/// <summary>Runs one analyzer over user code compiled the way a consuming project compiles it.</summary>
internal sealed class AnalyzerTest<TAnalyzer> : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public AnalyzerTest()
    {
        TestState.ReferenceAssemblies = TestReferences.None;
        TestState.AdditionalReferences.AddRange(TestReferences.All);
    }

    /// <summary>The parse option features; null means the interceptors namespace is admitted.</summary>
    public List<KeyValuePair<string, string>>? Features { get; set; }

    protected override ParseOptions CreateParseOptions() =>
        ParseOptionsFor.Project((CSharpParseOptions)base.CreateParseOptions(), Features);

    protected override CompilationOptions CreateCompilationOptions() =>
        ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);
}
