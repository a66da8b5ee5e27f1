using System.Linq;
using MessageTrace.Generator.Tests.Infrastructure;
using Xunit;

namespace MessageTrace.Generator.Tests;

/// <summary>
/// Generated send interceptors for every shape user code takes, compared with checked-in baselines,
/// and checked to compile without warnings in the consuming project.
/// </summary>
public sealed class ProducerBaselineTests
{
    private const string Usings = """
        using System.Threading.Tasks;
        using MessageTrace;
        using Org.Apache.Rocketmq;

        """;

    [Fact]
    public void AwaitedSendWithResultUsed() => VerifyProducer(nameof(AwaitedSendWithResultUsed), Usings + """
        namespace Shop;

        public sealed class OrderPublisher(Producer producer)
        {
            [TracedProducer]
            public async Task<string> PublishAsync(Message message)
            {
                var receipt = await producer.Send(message);
                return receipt.MessageId;
            }
        }
        """);

    [Fact]
    public void ReturnedTaskConfigureAwaitAndDiscardedResult() => VerifyProducer(nameof(ReturnedTaskConfigureAwaitAndDiscardedResult), Usings + """
        namespace Shop;

        public sealed class OrderPublisher(Producer producer)
        {
            [TracedProducer]
            public Task<ISendReceipt> Forward(Message message) => producer.Send(message);

            [TracedProducer]
            public async Task ConfigureAwaitAsync(Message message) => await producer.Send(message).ConfigureAwait(false);

            [TracedProducer]
            public void FireAndForget(Message message) => _ = producer.Send(message);
        }
        """);

    [Fact]
    public void LambdasAndLocalFunctions() => VerifyProducer(nameof(LambdasAndLocalFunctions), Usings + """
        using System;
        using System.Collections.Generic;
        using System.Linq;

        namespace Shop;

        public sealed class BulkPublisher(Producer producer)
        {
            [TracedProducer]
            public async Task PublishAllAsync(IEnumerable<Message> messages)
            {
                await Task.WhenAll(messages.Select(m => producer.Send(m)));
                await SendOneAsync(messages.First());

                async Task SendOneAsync(Message message) => await producer.Send(message);
            }

            public Func<Message, Task> Untraced() => m => producer.Send(m);
        }
        """);

    [Fact]
    public void StaticGenericAndNestedTypes() => VerifyProducer(nameof(StaticGenericAndNestedTypes), Usings + """
        namespace Shop;

        public static class Outer<TKey>
        {
            public sealed class Inner<TValue>
            {
                [TracedProducer]
                public static async Task SendAsync<TExtra>(Producer producer, Message message, TKey key, TValue value, TExtra extra)
                {
                    await producer.Send(message);
                }
            }
        }
        """);

    [Fact]
    public void ClassLevelAttributeOnPartialClassAcrossFiles()
    {
        var compilation = TestCompilation.Create(
            ("Publisher.Attributes.cs", Usings + """
                namespace Shop;

                [TracedProducer(Namespace = "shop")]
                public sealed partial class Publisher(Producer producer);
                """),
            ("Publisher.Sends.cs", Usings + """
                namespace Shop;

                public sealed partial class Publisher
                {
                    public Task<ISendReceipt> FirstAsync(Message message) => producer.Send(message);

                    public async Task SecondAsync(Message message) => await producer.Send(message);
                }
                """));
        VerifyOutput(nameof(ClassLevelAttributeOnPartialClassAcrossFiles), compilation);
    }

    [Fact]
    public void TopLevelStatementsCoveredByAssemblyDefaults()
    {
        var compilation = TestCompilation.Create(("Program.cs", Usings + """
            [assembly: MessageTraceDefaults(TraceAllProducers = true, Namespace = "prod")]

            var producer = await new Producer.Builder().SetClientConfig(new ClientConfig.Builder().SetEndpoints("127.0.0.1:8081").Build()).Build();
            var message = new Message.Builder().SetTopic("orders").SetBody(new byte[] { 1 }).Build();
            await producer.Send(message);
            """));
        compilation = compilation.WithOptions(compilation.Options.WithOutputKind(Microsoft.CodeAnalysis.OutputKind.ConsoleApplication));
        VerifyOutput(nameof(TopLevelStatementsCoveredByAssemblyDefaults), compilation);
    }

    [Fact]
    public void TransactionalSendAndOptions() => VerifyProducer(nameof(TransactionalSendAndOptions), Usings + """
        namespace Shop;

        public sealed class Payments(Producer producer)
        {
            [TracedProducer(Destination = "payments.{region}", Namespace = "billing", RecordBodySize = true)]
            public async Task PayAsync(Message message)
            {
                var transaction = producer.BeginTransaction();
                await producer.Send(message, transaction);
                await transaction.Commit();
            }

            [TracedProducer(System = "rocketmq-proxy")]
            public Task<ISendReceipt> RelayAsync(Message message) => producer.Send(message);
        }
        """);

    [Fact]
    public void SendOutsideTracedProducerIsNotIntercepted()
    {
        var run = GeneratorRun.Run(TestCompilation.Create(Usings + """
            namespace Shop;

            public sealed class Plain(Producer producer)
            {
                public Task<ISendReceipt> SendAsync(Message message) => producer.Send(message);
            }
            """));

        Assert.Empty(run.Sources);
        Assert.Empty(run.CompilationProblems());
    }

    private static void VerifyProducer(string testName, string source) => VerifyOutput(testName, TestCompilation.Create(source));

    private static void VerifyOutput(string testName, Microsoft.CodeAnalysis.Compilation compilation)
    {
        var run = GeneratorRun.Run(compilation);
        run.AssertNoProblems();
        Assert.NotEmpty(run.Sources);
        Baseline.VerifyAll(testName, run.Sources);
    }
}
