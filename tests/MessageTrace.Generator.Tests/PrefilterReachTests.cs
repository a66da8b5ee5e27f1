using System.Linq;
using MessageTrace.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace MessageTrace.Generator.Tests;

/// <summary>
/// The bind step binds only the calls its syntactic prefilter lets through. These are the calls the
/// prefilter could miss if it were built from this file alone: each must still be intercepted.
/// </summary>
public sealed class PrefilterReachTests
{
    [Fact]
    public void ASendInAPartOfAPartialProducerMarkedInAnotherFileIsTraced()
    {
        var run = GeneratorRun.Run(TestCompilation.Create(
            ("Marked.cs", """
                namespace Shop;

                [MessageTrace.TracedProducer]
                public sealed partial class Audit;
                """),
            ("Sending.cs", """
                using System.Collections.Generic;
                using MessageTrace;

                namespace Shop;

                public sealed partial class Audit
                {
                    public void Post(Dictionary<string, string> headers) => Bus.Post("audit", headers);
                }

                public static class Bus
                {
                    public static void Post(string queue, [MessageHeaders] IDictionary<string, string> headers) { }
                }
                """)));
        run.AssertNoProblems();

        Assert.NotNull(InterceptorOf(run, "Bus.Post(\"audit\", headers)"));
    }

    [Fact]
    public void ASendCoveredByTheAssemblyDefaultsIsTraced()
    {
        var run = GeneratorRun.Run(TestCompilation.Create(("Program.cs", """
            using System.Collections.Generic;
            using MessageTrace;

            [assembly: MessageTraceDefaults(TraceAllProducers = true)]

            namespace Shop;

            public static class Audit
            {
                public static void Post(Dictionary<string, string> headers) => Bus.Post("audit", headers);
            }

            public static class Bus
            {
                public static void Post(string queue, [MessageHeaders] IDictionary<string, string> headers) { }
            }
            """)));
        run.AssertNoProblems();

        Assert.NotNull(InterceptorOf(run, "Bus.Post(\"audit\", headers)"));
    }

    [Fact]
    public void ASendInAnAttributedLambdaIsTraced()
    {
        var run = GeneratorRun.Run(TestCompilation.Create(("Program.cs", """
            using System;
            using System.Collections.Generic;
            using MessageTrace;

            namespace Shop;

            public static class Audit
            {
                public static Action<Dictionary<string, string>> Poster() => [TracedProducer] (headers) => Bus.Post("audit", headers);
            }

            public static class Bus
            {
                public static void Post(string queue, [MessageHeaders] IDictionary<string, string> headers) { }
            }
            """)));
        run.AssertNoProblems();

        Assert.NotNull(InterceptorOf(run, "Bus.Post(\"audit\", headers)"));
    }

    private static IMethodSymbol? InterceptorOf(GeneratorRun run, string callText)
    {
        foreach (var tree in run.Output.SyntaxTrees)
        {
            var call = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>().SingleOrDefault(c => c.ToString() == callText);
            if (call is not null)
            {
                return run.Output.GetSemanticModel(tree).GetInterceptorMethod(call);
            }
        }

        Assert.Fail("no call " + callText);
        return null;
    }
}
