using System.Threading.Tasks;
using MessageTrace.Analyzers.Tests.Infrastructure;
using Xunit;
using static MessageTrace.Analyzers.Tests.Infrastructure.Sources;
using Verify = MessageTrace.Analyzers.Tests.Infrastructure.VerifyFix<MessageTrace.Analyzers.MethodGroupAnalyzer, MessageTrace.CodeFixes.WrapInLambdaCodeFix>;

namespace MessageTrace.Analyzers.Tests;

/// <summary>The MT0001/MT0002 method-group fix: a lambda that calls the method, which can be intercepted.</summary>
public sealed class WrapInLambdaCodeFixTests
{
    private const string Types = """
        public sealed class Billing
        {
            [TracedHandler]
            public ConsumeResult Consume(MessageView message) => ConsumeResult.SUCCESS;

            [TracedHandler]
            public Task HandleAsync(MessageView message, System.Threading.CancellationToken cancellationToken) => Task.CompletedTask;

            [TracedHandler]
            public static ConsumeResult Static(MessageView message) => ConsumeResult.SUCCESS;
        }

        public sealed class Consumer
        {
            public event Func<MessageView, ConsumeResult>? OnMessage;

            public void Register(Func<MessageView, System.Threading.CancellationToken, Task> handler) { }

            public ConsumeResult Raise(MessageView message) => OnMessage?.Invoke(message) ?? ConsumeResult.SUCCESS;
        }

        """;

    [Fact]
    public Task HandlerMethodGroupsBecomeLambdas() => Verify.Fix(Usings + Types + """
        public sealed class Wiring(Consumer consumer, Billing billing)
        {
            private readonly Billing _billing = billing;

            public void Wire()
            {
                consumer.OnMessage += {|MT0002:billing.Consume|};
                consumer.Register({|MT0002:_billing.HandleAsync|});
                Func<MessageView, ConsumeResult> handler = {|MT0002:Billing.Static|};
                var natural = {|MT0002:this._billing.Consume|};
                Delegate untyped = {|MT0002:billing.Consume|};
            }
        }
        """, Usings + Types + """
        public sealed class Wiring(Consumer consumer, Billing billing)
        {
            private readonly Billing _billing = billing;

            public void Wire()
            {
                consumer.OnMessage += message => billing.Consume(message);
                consumer.Register((message, cancellationToken) => _billing.HandleAsync(message, cancellationToken));
                Func<MessageView, ConsumeResult> handler = message => Billing.Static(message);
                var natural = (MessageView message) => this._billing.Consume(message);
                Delegate untyped = (MessageView message) => billing.Consume(message);
            }
        }
        """);

    [Fact]
    public Task ParameterNamesDoNotCaptureTheReceiver() => Verify.Fix(Usings + Types + """
        public static class Wiring
        {
            public static void Wire(Consumer consumer, Billing message) => consumer.OnMessage += {|MT0002:message.Consume|};
        }
        """, Usings + Types + """
        public static class Wiring
        {
            public static void Wire(Consumer consumer, Billing message) => consumer.OnMessage += message2 => message.Consume(message2);
        }
        """);

    [Fact]
    public Task SendMethodGroupBecomesALambda() => Verify.Fix(Usings + """
        public sealed class Publisher(Producer producer)
        {
            [TracedProducer]
            public Func<Message, Task<ISendReceipt>> Sender() => {|MT0001:producer.Send|};
        }
        """, Usings + """
        public sealed class Publisher(Producer producer)
        {
            [TracedProducer]
            public Func<Message, Task<ISendReceipt>> Sender() => message => producer.Send(message);
        }
        """);

    [Fact]
    public Task NoFixWhereALambdaWouldBehaveDifferently() => Verify.NoFix(Usings + Types + """
        public sealed class Wiring(Consumer consumer)
        {
            private Billing _mutable = new();

            public static Billing Create() => new();

            public void Wire()
            {
                consumer.OnMessage += {|#0:Create().Consume|};
                consumer.OnMessage += {|#1:_mutable.Consume|};
            }
        }
        """,
        Verify<MethodGroupAnalyzer>.Diagnostic(Descriptors.HandlerUsedAsDelegate, 0, "Billing.Consume(MessageView)", "Consume", ""),
        Verify<MethodGroupAnalyzer>.Diagnostic(Descriptors.HandlerUsedAsDelegate, 1, "Billing.Consume(MessageView)", "Consume", ""));
}
