using System.Threading.Tasks;
using Xunit;
using static MessageTrace.Analyzers.Tests.Infrastructure.Sources;
using Verify = MessageTrace.Analyzers.Tests.Infrastructure.Verify<MessageTrace.Analyzers.EmptyScopeAnalyzer>;

namespace MessageTrace.Analyzers.Tests;

/// <summary>MT0005 and MT0006: traced scopes that contain nothing the generator recognises.</summary>
public sealed class EmptyScopeTests
{
    [Fact]
    public Task ProducerMethodsWithoutSends() => Verify.Analyzer(Usings + """
        public sealed class Publisher(Producer producer)
        {
            [{|#0:TracedProducer|}]
            public Task PublishAsync(Message message) => Helper(message);

            private Task<ISendReceipt> Helper(Message message) => producer.Send(message);

            [TracedProducer]
            public Task<ISendReceipt> Direct(Message message) => producer.Send(message);

            [TracedProducer]
            public Func<Message, Task<ISendReceipt>> InLambda() => m => producer.Send(m);

            [TracedProducer]
            public Task InLocalFunctionAsync(Message message)
            {
                return Local();

                Task<ISendReceipt> Local() => producer.Send(message);
            }

            public Task<ISendReceipt> Outer(Message message)
            {
                return Local();

                [{|#1:TracedProducer|}]
                Task<ISendReceipt> Local() => Helper(message);
            }

            public Func<Task> Lambda() => [{|#2:TracedProducer|}] () => Task.CompletedTask;

            public Task<ISendReceipt> TracedLocal(Message message)
            {
                return Local();

                [TracedProducer]
                Task<ISendReceipt> Local() => producer.Send(message);
            }

            public Func<Message, Task<ISendReceipt>> TracedLambda() => [TracedProducer] (Message m) => producer.Send(m);
        }
        """,
        Verify.Diagnostic(Descriptors.ProducerWithoutSend, 0, "Publisher.PublishAsync(Message)"),
        Verify.Diagnostic(Descriptors.ProducerWithoutSend, 1, "Local()"),
        Verify.Diagnostic(Descriptors.ProducerWithoutSend, 2, "lambda expression"));

    [Fact]
    public Task ClassLevelProducers() => Verify.Analyzer(
        [
            Usings + """
                [{|#0:TracedProducer|}]
                public sealed class Empty
                {
                    public void Nothing() { }
                }

                [TracedProducer]
                public sealed partial class SplitPublisher;

                [TracedProducer]
                public static class Outer<T>
                {
                    public static class Inner
                    {
                        public static Task<ISendReceipt> Publish(Producer producer, Message message) => producer.Send(message);
                    }
                }
                """,
            Usings + """
                public sealed partial class SplitPublisher(Producer producer)
                {
                    public Task<ISendReceipt> Publish(Message message) => producer.Send(message);
                }
                """,
        ],
        Verify.Diagnostic(Descriptors.ProducerWithoutSend, 0, "Empty"));

    [Fact]
    public Task ConsumersWithoutReceives() => Verify.Analyzer(Usings + """
        public sealed class Poller(SimpleConsumer consumer)
        {
            [TracedConsumer]
            public async Task PollAsync()
            {
                foreach (var message in await consumer.Receive(16, TimeSpan.FromSeconds(15)))
                {
                    await consumer.Ack(message);
                }
            }

            [{|#0:TracedConsumer|}]
            public Task AckOnlyAsync(MessageView message) => consumer.Ack(message);

            [TracedConsumer(TraceSettle = true)]
            public Task TracedAckAsync(MessageView message) => consumer.Ack(message);

            [{|#1:TracedConsumer|}]
            public void Nothing() { }
        }
        """,
        Verify.Diagnostic(Descriptors.ConsumerWithoutReceive, 0, "Poller.AckOnlyAsync(MessageView)", " (its acknowledgements are traced only with TraceSettle = true)"),
        Verify.Diagnostic(Descriptors.ConsumerWithoutReceive, 1, "Poller.Nothing()", string.Empty));

    [Fact]
    public Task TopLevelLocalFunctions() => Verify.TopLevel(Usings + """
        var producer = await new Producer.Builder().SetClientConfig(new ClientConfig.Builder().SetEndpoints("127.0.0.1:8081").Build()).Build();
        await Publish(producer);
        Nothing();

        [TracedProducer]
        static async Task Publish(Producer producer) => await producer.Send(new Message.Builder().SetTopic("orders").SetBody([1]).Build());

        [{|#0:TracedProducer|}]
        static void Nothing() { }
        """,
        Verify.Diagnostic(Descriptors.ProducerWithoutSend, 0, "Nothing()"));

    [Fact]
    public Task AbstractScopesAreLeftToMT0003() => Verify.Analyzer(Usings + """
        public abstract class Base
        {
            [TracedProducer]
            public abstract Task PublishAsync();
        }
        """);

    /// <summary>
    /// Regression: a scope whose only send goes through a user-defined carrier traces that send, so it
    /// is not empty (it was reported before the send parser's verdict decided).
    /// </summary>
    [Fact]
    public Task CustomCarrierSendsCount() => Verify.Analyzer(Usings + """
        public static class InHouseBus
        {
            public static void Post(string queue, [MessageHeaders] IDictionary<string, string> headers) { }
        }

        public static class Wiring
        {
            [TracedProducer]
            public static void Post(Dictionary<string, string> headers) => InHouseBus.Post("audit", headers);

            [{|#0:TracedProducer|}]
            public static void NotASend(Dictionary<string, string> headers) => headers.Clear();
        }
        """,
        Verify.Diagnostic(Descriptors.ProducerWithoutSend, 0, "Wiring.NotASend(Dictionary<string, string>)"));
}
