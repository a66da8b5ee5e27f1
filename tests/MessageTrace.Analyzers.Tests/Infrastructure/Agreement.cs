using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace MessageTrace.Analyzers.Tests.Infrastructure;

/// <summary>A marked messaging call site after a build: whether it is intercepted and what the analyzers said at it.</summary>
/// <param name="Label">The markup label: <c>T</c> for a site expected to be traced, else the rule expected to report it.</param>
internal sealed record SiteOutcome(string Label, string Text, bool Intercepted, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// Builds user code as a real build does (the generator, then every analyzer over its output) and reads
/// the outcome at each site marked <c>{|Label:...|}</c>. It also fails when the generator adds an error
/// or warning, or when anything is intercepted or reported at a call the markup does not mark.
/// </summary>
internal static class Agreement
{
    /// <summary>The rules reported at call sites; the others are about declarations or the project.</summary>
    public static readonly ImmutableHashSet<string> SiteRules = ImmutableHashSet.Create("MT0001", "MT0002", "MT0007");

    public static async Task<IReadOnlyList<SiteOutcome>> RunAsync(string markup, MetadataReference? library = null)
    {
        TestFileMarkupParser.GetSpans(markup, out string source, out ImmutableDictionary<string, ImmutableArray<TextSpan>> spans);
        var compilation = AllAnalyzers.Compile(OutputKind.DynamicallyLinkedLibrary, ("Shop.cs", source));
        if (library is not null)
        {
            compilation = compilation.AddReferences(library);
        }

        CSharpGeneratorDriver.Create(new Generator.TracingGenerator())
            .WithUpdatedParseOptions((CSharpParseOptions)compilation.SyntaxTrees[0].Options)
            .RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);
        Assert.Equal(Problems(compilation), Problems(generated));

        var diagnostics = (await AllAnalyzers.RunAsync(generated)).Where(static d => SiteRules.Contains(d.Id)).ToList();
        var tree = generated.SyntaxTrees.First();
        var model = generated.GetSemanticModel(tree);
        var root = tree.GetRoot();
        var sites = spans.SelectMany(static pair => pair.Value.Select(span => (Label: pair.Key, Span: span))).OrderBy(static s => s.Span.Start).ToList();

        var outcomes = new List<SiteOutcome>();
        foreach (var (label, span) in sites)
        {
            var node = root.FindNode(span).DescendantNodesAndSelf().OfType<ExpressionSyntax>().First(n => n.Span == span);
            bool intercepted = node is InvocationExpressionSyntax call && model.GetInterceptorMethod(call) is not null;
            var at = diagnostics.Where(d => d.Location.SourceTree == tree && Innermost(sites.Select(static s => s.Span), d.Location.SourceSpan) == span).ToList();
            outcomes.Add(new SiteOutcome(label, node.ToString(), intercepted, at));
        }

        var unmarkedInterceptions = root.DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Where(call => model.GetInterceptorMethod(call) is not null && !sites.Any(s => s.Span == call.Span))
            .Select(static call => call.ToString());
        Assert.Empty(unmarkedInterceptions);
        Assert.Empty(diagnostics.Where(d => Innermost(sites.Select(static s => s.Span), d.Location.SourceSpan) is null).Select(static d => d.ToString()));
        return outcomes;
    }

    /// <summary>The smallest marked span around a diagnostic, so a call inside another call's arguments keeps its own.</summary>
    private static TextSpan? Innermost(IEnumerable<TextSpan> sites, TextSpan location) =>
        sites.Where(s => s.Contains(location)).OrderBy(static s => s.Length).Cast<TextSpan?>().FirstOrDefault();

    /// <summary>
    /// Warnings and errors, located, so that a generator that adds one is caught. CS1701 (assumed
    /// assembly version unification) is off in every SDK project and depends only on the references.
    /// </summary>
    private static List<string> Problems(Compilation compilation) => compilation.GetDiagnostics()
        .Where(static d => d.Severity >= DiagnosticSeverity.Warning && d.Id != "CS1701")
        .Select(static d => d.ToString())
        .OrderBy(static d => d, System.StringComparer.Ordinal)
        .ToList();
}
