using System.Linq;
using MessageTrace.Generator.Tests.Infrastructure;
using Xunit;

namespace MessageTrace.Generator.Tests;

/// <summary>
/// The generated code says only what must be generated: which call is intercepted and where a message
/// keeps its destination, headers and attributes. Span lifecycle, propagation and error handling live in
/// the runtime, so they must not appear in generated text, and a small project gets small output.
/// </summary>
public sealed class GeneratedSizeTests
{
    private const string OneSendAndOneHandler = """
        using System.Threading.Tasks;
        using MessageTrace;
        using Org.Apache.Rocketmq;

        namespace Shop;

        public sealed class OrderPublisher(Producer producer)
        {
            [TracedProducer]
            public async Task PublishAsync(Message message) => await producer.Send(message);
        }

        public sealed class Billing
        {
            [TracedHandler(ConsumerGroup = "billing")]
            public ConsumeResult Consume(MessageView message) => ConsumeResult.SUCCESS;

            public ConsumeResult Deliver(MessageView message) => Consume(message);
        }
        """;

    [Fact]
    public void One_traced_send_and_one_traced_handler_generate_at_most_120_lines()
    {
        var run = GeneratorRun.Run(TestCompilation.Create(OneSendAndOneHandler));
        run.AssertNoProblems();

        Assert.Equal(2, run.Sources.Length);
        int lines = run.Sources.Sum(static s => s.Text.TrimEnd('\n').Split('\n').Length);
        Assert.InRange(lines, 1, 120);
    }

    [Theory]
    [InlineData("finally")]
    [InlineData("SpanFailure")]
    [InlineData("Activity.Current")]
    [InlineData("StartActivity")]
    [InlineData("MessagingSpans")]
    [InlineData("ContextPropagation")]
    [InlineData("TryInject")]
    [InlineData("HandlerBaggage")]
    [InlineData("SpanCompletion")]
    public void Generated_code_holds_no_span_or_propagation_logic(string runtimeConcern)
    {
        var run = GeneratorRun.Run(TestCompilation.Create(OneSendAndOneHandler));
        run.AssertNoProblems();

        Assert.All(run.Sources, source => Assert.DoesNotContain(runtimeConcern, source.Text, System.StringComparison.Ordinal));
    }
}
