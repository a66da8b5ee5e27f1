using System.Threading.Tasks;
using Xunit;
using static MessageTrace.Analyzers.Tests.Infrastructure.Sources;
using Verify = MessageTrace.Analyzers.Tests.Infrastructure.Verify<MessageTrace.Analyzers.MethodGroupAnalyzer>;

namespace MessageTrace.Analyzers.Tests;

/// <summary>MT0001 and MT0002 for method groups: calls through a delegate can never be intercepted.</summary>
public sealed class MethodGroupTests
{
    private const string Billing = """
        public sealed class Billing
        {
            [TracedHandler(ConsumerGroup = "billing")]
            public ConsumeResult Consume(MessageView message) => ConsumeResult.SUCCESS;

            public ConsumeResult Untraced(MessageView message) => ConsumeResult.SUCCESS;
        }

        public sealed class Consumer
        {
            public event Func<MessageView, ConsumeResult>? OnMessage;

            public void Register(Func<MessageView, ConsumeResult> handler) => OnMessage += handler;
        }

        """;

    [Fact]
    public Task SendMethodGroupIsReportedEvenInsideATracedProducer() => Verify.Analyzer(Usings + """
        public sealed class Publisher(Producer producer)
        {
            [TracedProducer]
            public Func<Message, Task<ISendReceipt>> Sender() => {|#0:producer.Send|};

            public Func<Message, ITransaction, Task<SendReceipt>> Transactional()
            {
                Func<Message, ITransaction, Task<SendReceipt>> send = {|#1:producer.Send|};
                return send;
            }
        }
        """,
        Verify.Diagnostic(Descriptors.SendUsedAsDelegate, 0, "Producer.Send(Message)"),
        Verify.Diagnostic(Descriptors.SendUsedAsDelegate, 1, "Producer.Send(Message, ITransaction)"));

    [Fact]
    public Task HandlerMethodGroupsAreReported() => Verify.Analyzer(Usings + Billing + """
        public sealed class Wiring(Consumer consumer, Billing billing)
        {
            public void Wire()
            {
                consumer.OnMessage += {|#0:billing.Consume|};
                Func<MessageView, ConsumeResult> handler = {|#1:billing.Consume|};
                consumer.Register({|#2:billing.Consume|});
                var natural = {|#3:billing.Consume|};
                consumer.Register(new Func<MessageView, ConsumeResult>({|#4:billing.Consume|}));
            }
        }
        """,
        Verify.Diagnostic(Descriptors.HandlerUsedAsDelegate, 0, "Billing.Consume(MessageView)", "Consume", ""),
        Verify.Diagnostic(Descriptors.HandlerUsedAsDelegate, 1, "Billing.Consume(MessageView)", "Consume", ""),
        Verify.Diagnostic(Descriptors.HandlerUsedAsDelegate, 2, "Billing.Consume(MessageView)", "Consume", ""),
        Verify.Diagnostic(Descriptors.HandlerUsedAsDelegate, 3, "Billing.Consume(MessageView)", "Consume", ""),
        Verify.Diagnostic(Descriptors.HandlerUsedAsDelegate, 4, "Billing.Consume(MessageView)", "Consume", ""));

    // RabbitMQ's MassPublish example: a private handler of a class that is not partial, registered as a method
    // group. A lambda alone would still not be traced, so the message names both changes at once.
    [Fact]
    public Task AHandlerGeneratedCodeCannotCallEitherGetsBothChangesInOneMessage() => Verify.Analyzer(Usings + Billing + """
        public static class Program
        {
            public static void Wire(Consumer consumer) => consumer.Register({|#0:Consume|});

            [TracedHandler]
            private static ConsumeResult Consume(MessageView message) => ConsumeResult.SUCCESS;
        }
        """,
        Verify.Diagnostic(Descriptors.HandlerUsedAsDelegate, 0, "Program.Consume(MessageView)", "Consume",
            ", and declare 'Program' and the types containing it partial, or make 'Consume' internal, because generated code cannot call it while 'Consume' is private and 'Program' is not partial"));

    [Fact]
    public Task LambdasNameofAndUntracedMethodsAreNotReported() => Verify.Analyzer(Usings + Billing + """
        public sealed class Wiring(Consumer consumer, Billing billing, Producer producer)
        {
            public string Wire()
            {
                consumer.OnMessage += m => billing.Consume(m);
                consumer.Register(billing.Untraced);
                Func<Message, Task<ISendReceipt>> send = m => producer.Send(m);
                return nameof(billing.Consume) + nameof(producer.Send);
            }
        }
        """);

    [Fact]
    public Task GenericAndStaticHandlersInNestedTypes() => Verify.Analyzer(Usings + """
        public static class Outer<TState>
        {
            public static class Handlers
            {
                [TracedHandler]
                public static ConsumeResult Consume<T>(MessageView message, T state) => ConsumeResult.SUCCESS;
            }

            public static Func<MessageView, TState, ConsumeResult> Wire() => {|#0:Handlers.Consume|};
        }
        """,
        Verify.Diagnostic(Descriptors.HandlerUsedAsDelegate, 0, "Outer<TState>.Handlers.Consume<TState>(MessageView, TState)", "Consume", ""));

    [Fact]
    public Task TopLevelStatements() => Verify.TopLevel(Usings + """
        var billing = new Billing();
        Func<MessageView, ConsumeResult> handler = {|#0:billing.Consume|};
        Func<MessageView, ConsumeResult> lambda = m => billing.Consume(m);

        public sealed class Billing
        {
            [TracedHandler]
            public ConsumeResult Consume(MessageView message) => ConsumeResult.SUCCESS;
        }
        """,
        Verify.Diagnostic(Descriptors.HandlerUsedAsDelegate, 0, "Billing.Consume(MessageView)", "Consume", ""));
}
