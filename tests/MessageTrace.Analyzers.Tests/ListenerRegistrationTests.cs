using System.Threading.Tasks;
using Xunit;
using static MessageTrace.Analyzers.Tests.Infrastructure.Sources;
using Verify = MessageTrace.Analyzers.Tests.Infrastructure.Verify<MessageTrace.Analyzers.ListenerRegistrationAnalyzer>;

namespace MessageTrace.Analyzers.Tests;

/// <summary>MT0002 for listener registrations (RocketMQ <c>PushConsumer.Builder.SetMessageListener</c>).</summary>
public sealed class ListenerRegistrationTests
{
    private const string Listeners = """
        public sealed class BillingListener : IMessageListener
        {
            [TracedHandler(ConsumerGroup = "billing")]
            public ConsumeResult Consume(MessageView messageView) => ConsumeResult.SUCCESS;
        }

        public sealed class PlainListener : IMessageListener
        {
            public ConsumeResult Consume(MessageView messageView) => ConsumeResult.SUCCESS;
        }

        public class ListenerBase : IMessageListener
        {
            public virtual ConsumeResult Consume(MessageView messageView) => ConsumeResult.SUCCESS;
        }

        public sealed class DerivedListener : ListenerBase
        {
            [TracedHandler]
            public override ConsumeResult Consume(MessageView messageView) => ConsumeResult.SUCCESS;
        }

        """;

    [Fact]
    public Task ConcreteTypesAreNotReported() => Verify.Analyzer(Usings + Listeners + """
        public static class Wiring
        {
            public static void Wire(PushConsumer.Builder builder, BillingListener billing, PlainListener plain)
            {
                builder.SetMessageListener(new BillingListener());
                builder.SetMessageListener(billing);
                builder.SetMessageListener(plain);
                builder.SetMessageListener(new DerivedListener());
            }
        }
        """);

    [Fact]
    public Task StaticTypesThatHideATracedCallbackAreReported() => Verify.Analyzer(Usings + Listeners + """
        public static class Wiring
        {
            public static void Wire(PushConsumer.Builder builder, ListenerBase baseTyped)
            {
                IMessageListener listener = new BillingListener();
                builder.SetMessageListener({|#0:listener|});
                builder.SetMessageListener({|#1:baseTyped|});
            }

            public static void Generic<T>(PushConsumer.Builder builder, T listener)
                where T : IMessageListener => builder.SetMessageListener({|#2:listener|});
        }
        """,
        Verify.Diagnostic(Descriptors.ListenerTypeHidesHandler, 0, "SetMessageListener", "IMessageListener", "Consume", "BillingListener.Consume(MessageView)", "BillingListener"),
        Verify.Diagnostic(Descriptors.ListenerTypeHidesHandler, 1, "SetMessageListener", "ListenerBase", "Consume", "DerivedListener.Consume(MessageView)", "DerivedListener"),
        Verify.Diagnostic(Descriptors.ListenerTypeHidesHandler, 2, "SetMessageListener", "T", "Consume", "BillingListener.Consume(MessageView)", "BillingListener"));

    [Fact]
    public Task InterfaceTypedListenerWithoutTracedListenersIsNotReported() => Verify.Analyzer(Usings + """
        public sealed class PlainListener : IMessageListener
        {
            public ConsumeResult Consume(MessageView messageView) => ConsumeResult.SUCCESS;
        }

        public static class Wiring
        {
            public static void Wire(PushConsumer.Builder builder, IMessageListener listener) => builder.SetMessageListener(listener);
        }
        """);

    [Fact]
    public Task PrivateListenerClassIsTracedThroughItsInterface() => Verify.Analyzer(Usings + """
        public sealed class Consumers
        {
            public void Wire(PushConsumer.Builder builder) => builder.SetMessageListener(new Listener());

            private sealed class Listener : IMessageListener
            {
                [TracedHandler]
                public ConsumeResult Consume(MessageView messageView) => ConsumeResult.SUCCESS;
            }
        }
        """);

    [Fact]
    public Task TopLevelStatements() => Verify.TopLevel(Usings + """
        var builder = new PushConsumer.Builder();
        IMessageListener listener = new BillingListener();
        builder.SetMessageListener({|#0:listener|});
        builder.SetMessageListener(new BillingListener());

        public sealed class BillingListener : IMessageListener
        {
            [TracedHandler]
            public ConsumeResult Consume(MessageView messageView) => ConsumeResult.SUCCESS;
        }
        """,
        Verify.Diagnostic(Descriptors.ListenerTypeHidesHandler, 0, "SetMessageListener", "IMessageListener", "Consume", "BillingListener.Consume(MessageView)", "BillingListener"));
}
