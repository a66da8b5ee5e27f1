using System.Threading.Tasks;
using Xunit;
using static MessageTrace.Analyzers.Tests.Infrastructure.Sources;
using Verify = MessageTrace.Analyzers.Tests.Infrastructure.Verify<MessageTrace.Analyzers.EmptyScopeAnalyzer>;

namespace MessageTrace.Analyzers.Tests;

/// <summary>MT0005 and MT0006: traced scopes that contain nothing the generator recognises.</summary>
public sealed class EmptyScopeTests
{
    private const string ProducerAdvice = "put it on the method that calls the broker client's send method, or remove it";
    private const string ConsumerAdvice = "put it on the method that calls the broker client's receive method, or remove it";

    // The NATS docs' JetStream streams of messages (ConsumeAsync, FetchAsync): the attribute is on the method
    // that calls the client, and the call is one MessageTrace does not trace as a receive, so the message names
    // it instead of suggesting the attribute is misplaced. Declaring a queue does not look like a receive; a
    // helper of the user's own is never a client call; RabbitMQ's BasicGetAsync and JetStream's NextAsync are
    // receives MessageTrace traces.
    [Fact]
    public Task ScopesWhoseClientCallsAreNotTracedNameTheFirstOfThem() => Verify.Analyzer("""
        using System.Threading.Tasks;
        using MessageTrace;
        using NATS.Client.JetStream;
        using RabbitMQ.Client;

        public sealed class Pull(IChannel channel, INatsJSConsumer consumer)
        {
            [{|#0:TracedConsumer|}]
            public async Task ConsumeAsync()
            {
                await channel.QueueDeclareAsync("orders");
                await foreach (var message in consumer.ConsumeAsync<string>())
                {
                    await message.AckAsync();
                }
            }

            [TracedConsumer]
            public async Task<INatsJSMsg<string>?> NextAsync() => await consumer.NextAsync<string>();

            [TracedConsumer]
            public async Task<BasicGetResult?> GetAsync() => await channel.BasicGetAsync("orders", autoAck: true);

            [{|#1:TracedConsumer|}]
            public async Task FetchAsync()
            {
                await foreach (var message in consumer.FetchAsync<string>(new NatsJSFetchOpts { MaxMsgs = 10 }))
                {
                    await message.AckAsync();
                }
            }

            [{|#2:TracedConsumer|}]
            public Task ReceiveAsync() => Receive();

            private static Task Receive() => Task.CompletedTask;
        }
        """,
        Verify.Diagnostic(Descriptors.ConsumerWithoutReceive, 0, "Pull.ConsumeAsync()", " (its call of 'INatsJSConsumer.ConsumeAsync<string>(INatsDeserialize<string>?, NatsJSConsumeOpts?, CancellationToken)' is not a receive MessageTrace traces)", NamedCallAdvice),
        Verify.Diagnostic(Descriptors.ConsumerWithoutReceive, 1, "Pull.FetchAsync()", " (its call of 'INatsJSConsumer.FetchAsync<string>(NatsJSFetchOpts, INatsDeserialize<string>?, CancellationToken)' is not a receive MessageTrace traces)", NamedCallAdvice),
        Verify.Diagnostic(Descriptors.ConsumerWithoutReceive, 2, "Pull.ReceiveAsync()", string.Empty, ConsumerAdvice));

    private const string NamedCallAdvice = "pass each message it returns to a [TracedHandler] method, which gives it a process span, or remove the attribute";

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
        Verify.Diagnostic(Descriptors.ProducerWithoutSend, 0, "Publisher.PublishAsync(Message)", "", ProducerAdvice),
        Verify.Diagnostic(Descriptors.ProducerWithoutSend, 1, "Local()", "", ProducerAdvice),
        Verify.Diagnostic(Descriptors.ProducerWithoutSend, 2, "lambda expression", "", ProducerAdvice));

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
        Verify.Diagnostic(Descriptors.ProducerWithoutSend, 0, "Empty", "", ProducerAdvice));

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
        Verify.Diagnostic(Descriptors.ConsumerWithoutReceive, 0, "Poller.AckOnlyAsync(MessageView)", " (its acknowledgements are traced only with TraceSettle = true)", ConsumerAdvice),
        Verify.Diagnostic(Descriptors.ConsumerWithoutReceive, 1, "Poller.Nothing()", string.Empty, ConsumerAdvice));

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
        Verify.Diagnostic(Descriptors.ProducerWithoutSend, 0, "Nothing()", "", ProducerAdvice));

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
        Verify.Diagnostic(Descriptors.ProducerWithoutSend, 0, "Wiring.NotASend(Dictionary<string, string>)", "", ProducerAdvice));
}
