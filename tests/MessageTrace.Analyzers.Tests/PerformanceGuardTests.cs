using System.Linq;
using System.Text;
using System.Threading.Tasks;
using MessageTrace.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MessageTrace.Analyzers.Tests;

/// <summary>
/// The analyzers must not slow builds: they register for invocations and bail out on the invoked
/// name first. This runs all of them over a file of 5,000 ordinary invocations and a few sends and
/// asserts the exact diagnostics; it must simply complete (no timing assertions).
/// </summary>
public sealed class PerformanceGuardTests
{
    private const int Methods = 50;
    private const int InvocationsPerMethod = 100;

    [Fact]
    public async Task ThousandsOfOrdinaryInvocations()
    {
        var source = new StringBuilder(Sources.Usings);
        source.AppendLine("public sealed class Big(Producer producer, List<int> numbers)");
        source.AppendLine("{");
        source.AppendLine("    private static int Twice(int value) => value * 2;");
        source.AppendLine("    private static void Send(int value) { }");
        for (int method = 0; method < Methods; method++)
        {
            source.AppendLine($"    public int Work{method}(int value)");
            source.AppendLine("    {");
            for (int call = 0; call < InvocationsPerMethod; call += 4)
            {
                // Ordinary calls, one of them named like a send: the name filter lets it through
                // to the catalogue match, which rejects it.
                source.AppendLine($"        numbers.Add(value + {call});");
                source.AppendLine($"        value = Twice(value) + numbers.IndexOf({call});");
                source.AppendLine($"        Send(value);");
            }

            source.AppendLine("        return value;");
            source.AppendLine("    }");
        }

        int firstSendLine = source.ToString().Split('\n').Length;
        source.AppendLine("""
                public Task<ISendReceipt> Untraced(Message message) => producer.Send(message);

                [TracedProducer]
                public Task<ISendReceipt> Traced(Message message) => producer.Send(message);

                public Func<Message, Task<ISendReceipt>> Delegate() => producer.Send;
            }
            """);

        var compilation = AllAnalyzers.Compile(OutputKind.DynamicallyLinkedLibrary, ("Big.cs", source.ToString()));
        int invocations = compilation.SyntaxTrees[0].GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax>().Count();
        Assert.True(invocations >= 5000, invocations + " invocations");

        var diagnostics = await AllAnalyzers.RunAsync(compilation);

        Assert.Equal(
            [
                $"MT0001 Big.cs({firstSendLine},60)",
                $"MT0001 Big.cs({firstSendLine + 5},60)",
            ],
            diagnostics.Select(AllAnalyzers.Describe));
    }
}
