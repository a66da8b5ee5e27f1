using System.Threading.Tasks;
using MessageTrace.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using static MessageTrace.Analyzers.Tests.Infrastructure.Sources;
using Verify = MessageTrace.Analyzers.Tests.Infrastructure.Verify<MessageTrace.Analyzers.AttributeMisuseAnalyzer>;

namespace MessageTrace.Analyzers.Tests;

/// <summary>MT0003: attributes that cannot take effect.</summary>
public sealed class AttributeMisuseTests
{
    private static readonly string s_knownTypes = HandlerShape.KnownMessageTypes;

    [Fact]
    public async Task HandlerWithoutMessageMessageText()
    {
        var test = new AnalyzerTest<AttributeMisuseAnalyzer>
        {
            TestCode = Usings + """
                public sealed class Billing
                {
                    [{|#0:TracedHandler|}]
                    public void Handle(string body) { }
                }
                """,
        };
        test.ExpectedDiagnostics.Add(new Microsoft.CodeAnalysis.Testing.DiagnosticResult("MT0003", DiagnosticSeverity.Error)
            .WithLocation(0)
            .WithMessage("[TracedHandler] method 'Billing.Handle(string)' has no parameter of a message type MessageTrace knows (" + s_knownTypes + ") and no [MessageHeaders] carrier, so there is no trace context to continue; take the received message as a parameter, or mark the header dictionary (IDictionary<string, string> or IDictionary<string, object>) of your message type with [MessageHeaders]"));
        await test.RunAsync();
        Assert.StartsWith("MessageView, ", s_knownTypes);
        Assert.EndsWith(", or a collection of them", s_knownTypes);
    }

    [Fact]
    public Task HandlersWithMessagesOrCarriersAreNotReported() => Verify.Analyzer(Usings + """
        public sealed class Envelope
        {
            [MessageHeaders]
            public Dictionary<string, string> Headers { get; } = new();
        }

        public sealed class Handlers
        {
            [TracedHandler]
            public ConsumeResult Single(MessageView message) => ConsumeResult.SUCCESS;

            [TracedHandler]
            public Task Batch(IReadOnlyList<MessageView> messages, System.Threading.CancellationToken token) => Task.CompletedTask;

            [TracedHandler]
            public void Carrier(Envelope envelope) { }

            [TracedHandler]
            public void Headers(string body, [MessageHeaders] IDictionary<string, string> headers) { }

        }
        """);

    [Fact]
    public Task CarriersTheGeneratorCannotRead() => Verify.Analyzer(Usings + """
        public sealed class Envelope
        {
            [MessageHeaders]
            public Dictionary<string, string> Headers { get; } = new();
        }

        public sealed class Handlers
        {
            [{|#0:TracedHandler|}]
            public void Batch(List<Envelope> envelopes) { }

            [{|#1:TracedHandler|}]
            public void NotADictionary([MessageHeaders] List<string> headers) { }
        }
        """,
        Verify.Diagnostic(Descriptors.HandlerWithoutMessage, 0, "Handlers.Batch(List<Envelope>)", s_knownTypes),
        Verify.Diagnostic(Descriptors.HandlerWithoutMessage, 1, "Handlers.NotADictionary(List<string>)", s_knownTypes));

    [Fact]
    public Task MembersWithoutABodyOrThatGeneratedCodeCannotCall() => Verify.Analyzer(Usings + """
        using System.Runtime.InteropServices;

        public abstract class Base
        {
            [{|#0:TracedHandler|}]
            public abstract ConsumeResult Consume(MessageView message);

            [{|#1:TracedProducer|}]
            public abstract Task PublishAsync();
        }

        public interface IConsumer
        {
            [{|#2:TracedConsumer|}]
            Task PollAsync();

            [TracedProducer]
            Task WithBodyAsync() => Task.CompletedTask;
        }

        public static partial class Native
        {
            [{|#3:TracedHandler|}]
            [DllImport("native")]
            public static extern void Handle(MessageView message);

            [{|#4:TracedHandler|}]
            static partial void Declared(MessageView message);

            [TracedHandler]
            static partial void Implemented(MessageView message);

            static partial void Implemented(MessageView message) { }
        }

        public sealed class Listener : IMessageListener
        {
            [{|#5:TracedHandler|}]
            ConsumeResult IMessageListener.Consume(MessageView messageView) => ConsumeResult.SUCCESS;

            public MessageView? Last
            {
                get => null;
                [{|#6:TracedHandler|}]
                set { }
            }
        }
        """,
        Verify.Diagnostic(Descriptors.NothingToTrace, 0, "TracedHandler", "Base.Consume(MessageView)", "it is abstract and the attribute is not inherited by overrides", "put the attribute on the overriding methods"),
        Verify.Diagnostic(Descriptors.NothingToTrace, 1, "TracedProducer", "Base.PublishAsync()", "it is abstract and the attribute is not inherited by overrides", "put the attribute on the overriding methods"),
        Verify.Diagnostic(Descriptors.NothingToTrace, 2, "TracedConsumer", "IConsumer.PollAsync()", "it is an interface member without a body", "put the attribute on the method that implements it"),
        Verify.Diagnostic(Descriptors.NothingToTrace, 3, "TracedHandler", "Native.Handle(MessageView)", "it is extern and has no body in this project", "remove the attribute"),
        Verify.Diagnostic(Descriptors.NothingToTrace, 4, "TracedHandler", "Native.Declared(MessageView)", "it is a partial method without an implementation, so the compiler removes its calls", "implement it or remove the attribute"),
        Verify.Diagnostic(Descriptors.NothingToTrace, 5, "TracedHandler", "Listener.IMessageListener.Consume(MessageView)", "it is an explicit interface implementation, which generated code cannot call", "implement 'Consume' as a public method and mark that one"),
        Verify.Diagnostic(Descriptors.NothingToTrace, 6, "TracedHandler", "Listener.Last.set", "it is a property accessor, and only calls of ordinary methods can be intercepted", "move the handling into an ordinary method marked [TracedHandler]"));

    // The RocketMQ client's transaction example: the checker the client calls about a half message is not a
    // delivery, so a [TracedHandler] on it (implicit or explicit) could never start a process span.
    [Fact]
    public Task TransactionCheckersAreNotHandlers() => Verify.Analyzer(Usings + """
        public sealed class OrderTransactionChecker : ITransactionChecker
        {
            [{|#0:TracedHandler|}]
            public TransactionResolution Check(MessageView messageView) => TransactionResolution.Commit;
        }

        public sealed class ExplicitChecker : ITransactionChecker
        {
            [{|#1:TracedHandler|}]
            TransactionResolution ITransactionChecker.Check(MessageView messageView) => TransactionResolution.Commit;
        }

        public sealed class Auditor
        {
            // Named like the callback, but no checker: a handler like any other.
            [TracedHandler]
            public TransactionResolution Check(MessageView messageView) => TransactionResolution.Unknown;
        }
        """,
        Verify.Diagnostic(Descriptors.NothingToTrace, 0, "TracedHandler", "OrderTransactionChecker.Check(MessageView)", TransactionCheckWhy, TransactionCheckAdvice),
        Verify.Diagnostic(Descriptors.NothingToTrace, 1, "TracedHandler", "ExplicitChecker.ITransactionChecker.Check(MessageView)", TransactionCheckWhy, TransactionCheckAdvice));

    private const string TransactionCheckWhy = "the client calls it to resolve the transaction of a half message, which is part of the transactional send and not a message delivered for processing";
    private const string TransactionCheckAdvice = "remove the attribute; the transactional send itself is traced where you call Send(message, transaction)";

    [Fact]
    public Task HandlersInLocalFunctionsAndLambdas() => Verify.Analyzer(Usings + """
        public sealed class Wiring
        {
            public Func<MessageView, ConsumeResult> Wire()
            {
                return Local;

                [{|#0:TracedHandler|}]
                static ConsumeResult Local(MessageView message) => ConsumeResult.SUCCESS;
            }

            public Func<MessageView, ConsumeResult> Lambda() => [{|#1:TracedHandler|}] (MessageView message) => ConsumeResult.SUCCESS;
        }
        """,
        Verify.Diagnostic(Descriptors.NothingToTrace, 0, "TracedHandler", "Local(MessageView)", "it is a local function, and only calls of ordinary methods can be intercepted", "move the handling into an ordinary method marked [TracedHandler]"),
        Verify.Diagnostic(Descriptors.NothingToTrace, 1, "TracedHandler", "lambda expression", "it is a lambda, and only calls of ordinary methods can be intercepted", "move the handling into an ordinary method marked [TracedHandler]"));

    [Theory]
    [InlineData("", "it is empty")]
    [InlineData("  ", "it is empty")]
    [InlineData("orders.{region", "the '{' at position 8 is never closed")]
    [InlineData("orders}", "the '}' at position 7 closes no placeholder")]
    [InlineData("orders.{}", "the placeholder at position 8 has no name")]
    [InlineData("a.{b.{c}}", "the '{' at position 6 opens a placeholder inside another")]
    public Task InvalidDestinations(string destination, string problem) => Verify.Analyzer(Usings + $$"""
        public sealed class Publisher
        {
            [TracedProducer({|#0:Destination = "{{destination}}"|})]
            public void Publish() { }
        }
        """,
        Verify.Diagnostic(Descriptors.InvalidDestination, 0, destination, "TracedProducer", problem));

    [Fact]
    public Task DestinationsOnEveryAttributeAndTarget() => Verify.Analyzer(Usings + """
        [TracedProducer({|#0:Destination = ""|})]
        public sealed class Publisher
        {
            [TracedConsumer(Destination = "orders.{region}", TraceSettle = true)]
            public void Consume() { }

            [TracedHandler({|#1:Destination = "orders.{"|})]
            public void Handle(MessageView message)
            {
                Local();

                [TracedProducer({|#2:Destination = "}"|})]
                void Local() { }
            }
        }
        """,
        Verify.Diagnostic(Descriptors.InvalidDestination, 0, "", "TracedProducer", "it is empty"),
        Verify.Diagnostic(Descriptors.InvalidDestination, 1, "orders.{", "TracedHandler", "the '{' at position 8 is never closed"),
        Verify.Diagnostic(Descriptors.InvalidDestination, 2, "}", "TracedProducer", "the '}' at position 1 closes no placeholder"));

    [Fact]
    public Task OptionsThatContradictABatchHandler() => Verify.Analyzer(Usings + """
        public sealed class Handlers
        {
            [TracedHandler(ConsumerGroup = "billing", {|#0:ParentPolicy = HandlerParentPolicy.CreationContextAlways|}, {|#1:RecordBodySize = true|})]
            public void Batch(MessageView[] messages) { }

            [TracedHandler(RecordBodySize = false)]
            public void BatchWithoutBodySize(IEnumerable<MessageView> messages) { }

            [TracedHandler(ParentPolicy = HandlerParentPolicy.LinkOnly, RecordBodySize = true)]
            public void Single(MessageView message) { }
        }
        """,
        Verify.Diagnostic(Descriptors.ConflictingOption, 0, "ParentPolicy", "Handlers.Batch(MessageView[])", "a batch process span links to the creation context of every message and is never parented on one of them"),
        Verify.Diagnostic(Descriptors.ConflictingOption, 1, "RecordBodySize", "Handlers.Batch(MessageView[])", "the body size is recorded for single messages only"));

    [Fact]
    public Task PartialMethodsAcrossFilesAndNestedGenericTypes() => Verify.Analyzer(
        [
            Usings + """
                public static partial class Outer<T>
                {
                    public sealed partial class Handlers
                    {
                        [TracedHandler]
                        public partial ConsumeResult Consume(MessageView message);

                        [{|#0:TracedHandler|}]
                        public void Wrong(T value) { }
                    }
                }
                """,
            Usings + """
                public static partial class Outer<T>
                {
                    public sealed partial class Handlers
                    {
                        public partial ConsumeResult Consume(MessageView message) => ConsumeResult.SUCCESS;
                    }
                }
                """,
        ],
        Verify.Diagnostic(Descriptors.HandlerWithoutMessage, 0, "Outer<T>.Handlers.Wrong(T)", s_knownTypes));
}
