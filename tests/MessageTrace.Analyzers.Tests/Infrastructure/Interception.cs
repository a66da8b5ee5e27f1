using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Testing;

namespace MessageTrace.Analyzers.Tests.Infrastructure;

/// <summary>Interceptable locations of calls in test sources, for hand-written interceptors.</summary>
internal static class Interception
{
    /// <summary>
    /// The location of the first call whose text is <paramref name="callText"/> in <paramref name="markup"/>
    /// (test markup removed, as the testing library does before compiling).
    /// </summary>
    public static InterceptableLocation LocationOf(string markup, string callText)
    {
        TestFileMarkupParser.GetSpans(markup, out string source, out System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.Text.TextSpan> _);
        var tree = CSharpSyntaxTree.ParseText(source, ParseOptionsFor.Project(CSharpParseOptions.Default, features: null), path: "/0/Test0.cs");
        var compilation = CSharpCompilation.Create("Interception", [tree], TestReferences.All);
        var call = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>().First(i => i.ToString() == callText);
        return compilation.GetSemanticModel(tree).GetInterceptableLocation(call)!;
    }
}
