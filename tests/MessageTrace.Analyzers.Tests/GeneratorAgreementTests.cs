using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using MessageTrace.Analyzers.Tests.Infrastructure;
using MessageTrace.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace MessageTrace.Analyzers.Tests;

/// <summary>
/// The analyzers and the generator read one catalogue, so they must agree: after the generator has
/// run (as in a real build, where analyzers see its output), every send, handler call and listener
/// registration in user code is either intercepted or reported, never both and never neither.
/// </summary>
public sealed class GeneratorAgreementTests
{
    private const string Source = Sources.Usings + """
        [TracedProducer]
        public sealed class TracedPublisher(Producer producer)
        {
            public Task<ISendReceipt> Publish(Message message) => producer.Send(message);
        }

        public sealed class Publisher(Producer producer)
        {
            [TracedProducer]
            public async Task TracedAsync(Message message, ITransaction transaction)
            {
                await producer.Send(message);
                await producer.Send(message, transaction);
                Func<Message, Task<ISendReceipt>> lambda = m => producer.Send(m);
                await lambda(message);
            }

            public Task<ISendReceipt> Untraced(Message message) => producer.Send(message);
        }

        public sealed class Billing
        {
            [TracedHandler(ConsumerGroup = "billing")]
            public ConsumeResult Consume(MessageView message) => ConsumeResult.SUCCESS;

            public ConsumeResult Dispatch(MessageView message) => Consume(message) == ConsumeResult.SUCCESS ? Hidden(message) : ConsumeResult.FAILURE;

            [TracedHandler]
            private ConsumeResult Hidden(MessageView message) => ConsumeResult.SUCCESS;
        }

        public sealed partial class PartialBilling
        {
            public ConsumeResult Dispatch(MessageView message) => Bridged(message);

            [TracedHandler]
            private ConsumeResult Bridged(MessageView message) => ConsumeResult.SUCCESS;
        }

        public sealed class BillingListener : IMessageListener
        {
            [TracedHandler(ConsumerGroup = "billing")]
            public ConsumeResult Consume(MessageView messageView) => ConsumeResult.SUCCESS;
        }

        public static class Wiring
        {
            public static void Wire(PushConsumer.Builder builder)
            {
                builder.SetMessageListener(new BillingListener());
                IMessageListener hidden = new BillingListener();
                builder.SetMessageListener(hidden);
            }
        }
        """;

    [Fact]
    public async Task EveryCallIsInterceptedOrReported()
    {
        var compilation = AllAnalyzers.Compile(OutputKind.DynamicallyLinkedLibrary, ("Shop.cs", Source));
        CSharpGeneratorDriver.Create(new Generator.TracingGenerator())
            .WithUpdatedParseOptions((CSharpParseOptions)compilation.SyntaxTrees[0].Options)
            .RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);
        Assert.True(generated.SyntaxTrees.Count() > 1, "the generator produced nothing");

        var diagnostics = await AllAnalyzers.RunAsync(generated);
        var tree = generated.SyntaxTrees.First();
        var model = generated.GetSemanticModel(tree);
        var rows = new List<string>();
        foreach (var call in tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            string name = call.Expression is MemberAccessExpressionSyntax member ? member.Name.Identifier.ValueText : call.Expression.ToString();
            if (name is not ("Send" or "Consume" or "Hidden" or "Bridged" or "SetMessageListener"))
            {
                continue;
            }

            bool intercepted = model.GetInterceptorMethod(call) is not null;
            var reported = diagnostics.Where(d => d.Location.SourceTree == tree && call.Span.Contains(d.Location.SourceSpan)).Select(static d => d.Id).ToList();
            Assert.True(intercepted != (reported.Count > 0), call + ": intercepted " + intercepted + ", reported " + string.Join(",", reported));
            rows.Add(call.ToString().Split('(')[0] + " " + (intercepted ? "intercepted" : string.Join(",", reported)));
        }

        Assert.Equal(
            [
                "producer.Send intercepted",
                "producer.Send intercepted",
                "producer.Send intercepted",
                "producer.Send intercepted",
                "producer.Send MT0001",
                "Consume intercepted",
                "Hidden MT0002",
                "Bridged intercepted",
                "builder.SetMessageListener intercepted",
                "builder.SetMessageListener MT0002",
            ],
            rows);
    }

    public static TheoryData<string> Reasons() => new(GeneratorAgreementCases.ByReason.Keys.OrderBy(static r => r, System.StringComparer.Ordinal));

    [Fact]
    public void EveryReasonHasACase() =>
        Assert.Equal(
            System.Enum.GetNames(typeof(SkipReason)).OrderBy(static r => r, System.StringComparer.Ordinal),
            GeneratorAgreementCases.ByReason.Keys.OrderBy(static r => r, System.StringComparer.Ordinal));

    /// <summary>
    /// Each call site ends as exactly one of: intercepted, or one diagnostic naming the reason. The
    /// reason's sites get the expected rule with the reason in its properties; the traced forms next to
    /// them are intercepted.
    /// </summary>
    [Theory]
    [MemberData(nameof(Reasons))]
    public async Task EveryCallIsInterceptedXorReportedOnceWithItsReason(string reason)
    {
        var @case = GeneratorAgreementCases.ByReason[reason];
        var outcomes = await Agreement.RunAsync(@case.Source, @case.Library is null ? null : Libraries.Compile(@case.Library));

        Assert.Contains(outcomes, static o => o.Label != "T");
        Assert.Contains(outcomes, static o => o.Label == "T");
        foreach (var outcome in outcomes)
        {
            string said = outcome.Text + ": intercepted " + outcome.Intercepted + ", reported " + string.Join(", ", outcome.Diagnostics.Select(static d => d.Id + " " + d.GetMessage(CultureInfo.InvariantCulture)));
            Assert.True(outcome.Intercepted != (outcome.Diagnostics.Count > 0), said);
            Assert.True(outcome.Diagnostics.Count <= 1, said);
            if (outcome.Label == "T")
            {
                Assert.True(outcome.Intercepted, said);
                continue;
            }

            var diagnostic = Assert.Single(outcome.Diagnostics);
            Assert.Equal(outcome.Label, diagnostic.Id);
            Assert.Equal(reason, diagnostic.Properties[SkipDiagnostics.ReasonKey]);
        }
    }
}
