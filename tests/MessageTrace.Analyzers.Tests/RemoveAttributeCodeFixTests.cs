using System.Threading.Tasks;
using Xunit;
using static MessageTrace.Analyzers.Tests.Infrastructure.Sources;
using Verify = MessageTrace.Analyzers.Tests.Infrastructure.VerifyFix<MessageTrace.Analyzers.AttributeMisuseAnalyzer, MessageTrace.CodeFixes.RemoveAttributeCodeFix>;

namespace MessageTrace.Analyzers.Tests;

/// <summary>The MT0003 fixes: remove what cannot take effect, keeping the layout.</summary>
public sealed class RemoveAttributeCodeFixTests
{
    [Fact]
    public Task RemovesAttributesThatCannotTakeEffect() => Verify.Fix(Usings + """
        public abstract class Base
        {
            /// <summary>Consumes.</summary>
            [{|MT0003:TracedHandler|}]
            public abstract ConsumeResult Consume(MessageView message);

            [Obsolete, {|MT0003:TracedProducer|}]
            public abstract Task PublishAsync();

            [{|MT0003:TracedConsumer|}] public abstract Task PollAsync();

            [Obsolete]
            [{|MT0003:TracedProducer|}]
            public abstract Task OtherAsync();
        }
        """, Usings + """
        public abstract class Base
        {
            /// <summary>Consumes.</summary>
            public abstract ConsumeResult Consume(MessageView message);

            [Obsolete]
            public abstract Task PublishAsync();

            public abstract Task PollAsync();

            [Obsolete]
            public abstract Task OtherAsync();
        }
        """);

    [Fact]
    public Task RemovesOptionsThatHaveNoEffect() => Verify.Fix(Usings + """
        public sealed class Handlers
        {
            [TracedHandler(ConsumerGroup = "billing", {|MT0003:ParentPolicy = HandlerParentPolicy.LinkOnly|}, {|MT0003:RecordBodySize = true|})]
            public void Batch(MessageView[] messages) { }

            [TracedHandler({|MT0003:RecordBodySize = true|}, ConsumerGroup = "billing")]
            public void First(List<MessageView> messages) { }

            [TracedProducer({|MT0003:Destination = ""|})]
            public void Empty() { }
        }
        """, Usings + """
        public sealed class Handlers
        {
            [TracedHandler(ConsumerGroup = "billing")]
            public void Batch(MessageView[] messages) { }

            [TracedHandler(ConsumerGroup = "billing")]
            public void First(List<MessageView> messages) { }

            [TracedProducer]
            public void Empty() { }
        }
        """);

    [Fact]
    public Task RemovesTheHandlerAttributeFromATransactionChecker() => Verify.Fix(Usings + """
        public sealed class OrderTransactionChecker : ITransactionChecker
        {
            [{|MT0003:TracedHandler|}]
            public TransactionResolution Check(MessageView messageView) => TransactionResolution.Commit;
        }
        """, Usings + """
        public sealed class OrderTransactionChecker : ITransactionChecker
        {
            public TransactionResolution Check(MessageView messageView) => TransactionResolution.Commit;
        }
        """);

    [Fact]
    public Task NoFixForATemplateOnlyTheUserCanCorrect() => Infrastructure.VerifyFix<AttributeMisuseAnalyzer, CodeFixes.RemoveAttributeCodeFix>.NoFix(Usings + """
        public sealed class Publisher
        {
            [TracedProducer({|#0:Destination = "orders.{region"|})]
            public void Publish() { }
        }
        """,
        Infrastructure.Verify<AttributeMisuseAnalyzer>.Diagnostic(Descriptors.InvalidDestination, 0, "orders.{region", "TracedProducer", "the '{' at position 8 is never closed"));
}
