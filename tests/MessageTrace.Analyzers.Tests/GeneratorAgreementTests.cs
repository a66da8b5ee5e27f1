using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MessageTrace.Analyzers.Tests.Infrastructure;
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
}
