using System;
using System.Threading.Tasks;
using MessageTrace.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static MessageTrace.Analyzers.Tests.Infrastructure.Sources;

namespace MessageTrace.Analyzers.Tests;

/// <summary>MT0008: the coverage report, off unless the project asks for it.</summary>
public sealed class CoverageTests
{
    private const string Source = Usings + """
        public sealed class Shop(Producer producer, SimpleConsumer consumer, Billing billing)
        {
            [TracedProducer]
            public async Task PublishAsync(Message message)
            {
                await producer.Send(message);
                Func<Message, Task<ISendReceipt>> send = producer.Send;
                _ = nameof(producer.Send);
            }

            public Task<ISendReceipt> Untraced(Message message) => producer.Send(message);

            [TracedConsumer(ConsumerGroup = "shop")]
            public async Task PollAsync()
            {
                foreach (var view in await consumer.Receive(16, TimeSpan.FromSeconds(15)))
                {
                    billing.Consume(view);
                    billing.Dispatch(view);
                    await consumer.Ack(view);
                }
            }
        }

        public sealed class Billing
        {
            [TracedHandler]
            public ConsumeResult Consume(MessageView message) => ConsumeResult.SUCCESS;

            public ConsumeResult Dispatch(MessageView message) => Hidden(message);

            [TracedHandler]
            private ConsumeResult Hidden(MessageView message) => ConsumeResult.SUCCESS;
        }
        """;

    [Theory]
    [InlineData(null)]
    [InlineData("false")]
    public Task OffUnlessTheProjectAsks(string? value) => Run(value is null ? null : "build_property.MessageTraceCoverageReport = " + value);

    [Fact]
    public Task CountsEveryMessagingCallSiteAndListsTheUntracedOnes()
    {
        string untraced = string.Join(
            ", ",
            "Test0.cs:" + Line("Func<Message") + " UsedAsDelegate",
            "Test0.cs:" + Line("Untraced(") + " OutsideProducerScope",
            "Test0.cs:" + Line("await consumer.Ack") + " SettleNotTraced",
            "Test0.cs:" + Line("=> Hidden(") + " HandlerUnreachable");
        return Run(
            "build_property.MessageTraceCoverageReport = True\nbuild_property.ProjectDir = /0/",
            new DiagnosticResult(Descriptors.Coverage).WithArguments(3, 7, untraced));
    }

    private static Task Run(string? options, params DiagnosticResult[] expected)
    {
        var test = new Infrastructure.AnalyzerTest<CoverageAnalyzer>();
        if (options is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + options + "\n"));
        }

        return Verify<CoverageAnalyzer>.Run(test, [Source], expected);
    }

    /// <summary>The 1-based line of the first line of <see cref="Source"/> that contains <paramref name="text"/>.</summary>
    private static int Line(string text) => Array.FindIndex(Source.Split('\n'), line => line.Contains(text, StringComparison.Ordinal)) + 1;
}
