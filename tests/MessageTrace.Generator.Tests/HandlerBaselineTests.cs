using System.Linq;
using MessageTrace.Generator.Tests.Infrastructure;
using Xunit;

namespace MessageTrace.Generator.Tests;

/// <summary>Generated handler, listener and consumer interceptors for each form, against baselines.</summary>
public sealed class HandlerBaselineTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using MessageTrace;
        using Org.Apache.Rocketmq;

        """;

    [Fact]
    public void DirectCallsOfSyncAsyncAndVoidHandlers() => Verify(nameof(DirectCallsOfSyncAsyncAndVoidHandlers), Usings + """
        namespace Shop;

        public sealed class Billing
        {
            [TracedHandler(ConsumerGroup = "billing", Namespace = "shop")]
            public ConsumeResult Consume(MessageView message) => ConsumeResult.SUCCESS;

            [TracedHandler(ConsumerGroup = "billing", ParentPolicy = HandlerParentPolicy.LinkOnly)]
            public Task<ConsumeResult> ConsumeAsync(MessageView message) => Task.FromResult(ConsumeResult.SUCCESS);

            [TracedHandler(ConsumerGroup = "audit", RecordBodySize = true)]
            public void Audit(MessageView message, int attempt) { }
        }

        public static class Loop
        {
            public static async Task RunAsync(Billing billing, IEnumerable<MessageView> views)
            {
                foreach (var view in views)
                {
                    billing.Consume(view);
                    await billing.ConsumeAsync(view).ConfigureAwait(false);
                    Action handle = () => billing.Audit(view, 1);
                    handle();
                }
            }
        }
        """);

    [Fact]
    public void BatchStaticAndGenericHandlers() => Verify(nameof(BatchStaticAndGenericHandlers), Usings + """
        namespace Shop;

        public static class Batches
        {
            [TracedHandler(ConsumerGroup = "stats")]
            public static Task HandleAsync(IReadOnlyList<MessageView> messages) => Task.CompletedTask;
        }

        public sealed class Repository<TEntity>
            where TEntity : class, new()
        {
            [TracedHandler(ConsumerGroup = "store", Destination = "entities.{kind}")]
            public TEntity Store<TKey>(MessageView message, TKey key)
                where TKey : notnull => new TEntity();
        }

        public static class Calls
        {
            public static void Run(List<MessageView> batch, Repository<object> repository, MessageView view)
            {
                _ = Batches.HandleAsync(batch);
                repository.Store(view, 42);
            }
        }
        """);

    [Fact]
    public void PrivateHandlerInPartialClassUsesBridge() => Verify(nameof(PrivateHandlerInPartialClassUsesBridge), Usings + """
        namespace Shop;

        public sealed partial class Worker
        {
            public void Pump(MessageView view) => Handle(view);

            [TracedHandler(ConsumerGroup = "workers")]
            private ConsumeResult Handle(MessageView message) => ConsumeResult.SUCCESS;
        }
        """);

    [Fact]
    public void PushConsumerListenerRegistration() => Verify(nameof(PushConsumerListenerRegistration), Usings + """
        namespace Shop;

        public sealed class ShippingListener : IMessageListener
        {
            [TracedHandler(ConsumerGroup = "shipping")]
            public ConsumeResult Consume(MessageView messageView) => ConsumeResult.SUCCESS;
        }

        public static class Startup
        {
            public static Task<PushConsumer> StartAsync(ClientConfig config) =>
                new PushConsumer.Builder()
                    .SetClientConfig(config)
                    .SetConsumerGroup("shipping")
                    .SetSubscriptionExpression(new Dictionary<string, FilterExpression> { ["invoices"] = new FilterExpression("*") })
                    .SetMessageListener(new ShippingListener())
                    .Build();
        }
        """);

    [Fact]
    public void ClientExamplesPrivateAndLiteListenersWithBuilderGroups() => Verify(nameof(ClientExamplesPrivateAndLiteListenersWithBuilderGroups), Usings + """
        namespace Shop;

        public static class Consumers
        {
            public static Task<PushConsumer> StartPushAsync(ClientConfig config)
            {
                const string consumerGroup = "yourConsumerGroup";
                return new PushConsumer.Builder()
                    .SetClientConfig(config)
                    .SetConsumerGroup(consumerGroup)
                    .SetSubscriptionExpression(new Dictionary<string, FilterExpression> { ["yourTopic"] = new FilterExpression("*") })
                    .SetMessageListener(new CustomMessageListener())
                    .Build();
            }

            public static Task<LitePushConsumer> StartLiteAsync(ClientConfig config)
            {
                var builder = new LitePushConsumer.Builder();
                builder.SetClientConfig(config).SetConsumerGroup("liteGroup").SetBindTopic("yourTopic");
                builder.SetMessageListener(new CustomMessageListener());
                return builder.Build();
            }

            [TracedConsumer]
            public static async Task PollAsync(ClientConfig config)
            {
                await using var simpleConsumer = await new SimpleConsumer.Builder()
                    .SetClientConfig(config)
                    .SetConsumerGroup("pullGroup")
                    .SetSubscriptionExpression(new Dictionary<string, FilterExpression> { ["yourTopic"] = new FilterExpression("*") })
                    .Build();
                await simpleConsumer.Receive(16, TimeSpan.FromSeconds(15));
            }

            private class CustomMessageListener : IMessageListener
            {
                [TracedHandler]
                public ConsumeResult Consume(MessageView messageView) => ConsumeResult.SUCCESS;
            }
        }
        """);

    [Fact]
    public void StructHandlers() => Verify(nameof(StructHandlers), Usings + """
        namespace Shop;

        public readonly struct Auditor
        {
            [TracedHandler(Destination = "orders")]
            public ConsumeResult Audit(MessageView message) => ConsumeResult.SUCCESS;
        }

        public struct Tally
        {
            public int Count { get; private set; }

            [TracedHandler(Destination = "orders")]
            public async Task<ConsumeResult> TallyAsync(MessageView message)
            {
                Count++;
                await Task.Yield();
                return ConsumeResult.SUCCESS;
            }
        }

        public struct Counter
        {
            public int Handled { get; private set; }

            [TracedHandler(Destination = "orders")]
            public ConsumeResult Count(MessageView message, int weight)
            {
                Handled += weight;
                return ConsumeResult.SUCCESS;
            }
        }

        public static class Calls
        {
            public static ConsumeResult Audit(in Auditor auditor, MessageView message) => auditor.Audit(message);

            public static ConsumeResult Count(ref Counter counter, MessageView message) => counter.Count(message, 2);

            public static Task<ConsumeResult> Tally(Tally tally, MessageView message) => tally.TallyAsync(message);
        }
        """);

    [Fact]
    public void ReceiveLoopWithSettleSpans() => Verify(nameof(ReceiveLoopWithSettleSpans), Usings + """
        namespace Shop;

        public sealed class Poller(SimpleConsumer consumer)
        {
            [TracedConsumer(ConsumerGroup = "poller", TraceSettle = true)]
            public async Task PollAsync()
            {
                var views = await consumer.Receive(16, TimeSpan.FromSeconds(15));
                foreach (var view in views)
                {
                    await consumer.Ack(view);
                }
            }
        }
        """);

    [Fact]
    public void HandlerCallsAfterATracedReceiveCountNoSecondDelivery() => Verify(nameof(HandlerCallsAfterATracedReceiveCountNoSecondDelivery), Usings + """
        namespace Shop;

        public sealed class Stock
        {
            [TracedHandler(ConsumerGroup = "stock")]
            public void Handle(MessageView view) { }
        }

        public sealed class Poller(SimpleConsumer consumer, Stock stock)
        {
            [TracedConsumer(ConsumerGroup = "stock")]
            public async Task PollAsync()
            {
                var views = await consumer.Receive(16, TimeSpan.FromSeconds(15));
                views.ForEach(view => stock.Handle(view));
            }

            public void Replay(MessageView view) => stock.Handle(view);
        }
        """);

    [Fact]
    public void HandlerWithoutMessageParameterGeneratesNothing()
    {
        var run = GeneratorRun.Run(TestCompilation.Create(Usings + """
            namespace Shop;

            public sealed class Misused
            {
                [TracedHandler]
                public void Handle(string text) { }

                public void Call() => Handle("x");
            }
            """));

        Assert.Empty(run.Sources);
        Assert.Empty(run.GeneratorDiagnostics);
    }

    // Code that calls an obsolete handler (or client method) has its own warning (here suppressed, as such code often
    // does); the interceptor calls the same member again and must not add a warning of its own.
    [Fact]
    public void ObsoleteHandlersTheUserCallsAddNoWarningInGeneratedCode()
    {
        var run = GeneratorRun.Run(TestCompilation.Create(Usings + """
            namespace Shop;

            public sealed class Billing
            {
                [System.Obsolete("use HandleV2")]
                [TracedHandler]
                public ConsumeResult Handle(MessageView message) => ConsumeResult.SUCCESS;
            }

            public static class Wiring
            {
            #pragma warning disable CS0618
                public static ConsumeResult Run(Billing billing, MessageView message) => billing.Handle(message);
            #pragma warning restore CS0618
            }
            """));

        run.AssertNoProblems();
        var generated = Assert.Single(run.Sources, static s => s.HintName.Contains("Handlers", System.StringComparison.Ordinal));
        Assert.Contains("a.Handle(m)", generated.Text, System.StringComparison.Ordinal);
    }

    private static void Verify(string testName, string source)
    {
        var run = GeneratorRun.Run(TestCompilation.Create(source));
        run.AssertNoProblems();
        Assert.NotEmpty(run.Sources);
        Baseline.VerifyAll(testName, run.Sources);
    }
}
