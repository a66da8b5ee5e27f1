using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using MessageTrace.Analyzers.Tests.Infrastructure;
using Xunit;

namespace MessageTrace.Analyzers.Tests;

/// <summary>
/// Code shapes found in real projects and in the RocketMQ client's own examples, built as a real build
/// does (generator, then analyzers). Every messaging call is marked with what it must end as: intercepted
/// (<c>T</c>) or the one rule that reports it; the build must gain no error and no warning
/// (<see cref="Agreement"/> checks both, and that nothing unmarked is intercepted or reported).
/// </summary>
public sealed class RealCodeCorpusTests
{
    public static TheoryData<string> Corpus() => new(
        // Handlers declared in structs, struct, readonly struct, record struct and readonly record struct:
        // all traced (a mutable one's receiver goes by reference), except a synchronous batch handler of a
        // mutable struct, which is reported.
        Sources.Usings + """
            public struct Counter
            {
                [TracedHandler]
                public ConsumeResult Handle(MessageView message) => ConsumeResult.SUCCESS;

                [TracedHandler]
                public static ConsumeResult HandleStatic(MessageView message) => ConsumeResult.SUCCESS;

                [TracedHandler]
                public ConsumeResult HandleAll(MessageView[] messages) => ConsumeResult.SUCCESS;
            }

            public readonly struct Reader
            {
                [TracedHandler]
                public ConsumeResult Handle(MessageView message) => ConsumeResult.SUCCESS;
            }

            public record struct Ledger(int Entries)
            {
                [TracedHandler]
                public Task<ConsumeResult> HandleAsync(MessageView message) => Task.FromResult(ConsumeResult.SUCCESS);

                [TracedHandler]
                public async Task<ConsumeResult> HandleLaterAsync(MessageView message)
                {
                    Entries++;
                    await Task.Yield();
                    return ConsumeResult.SUCCESS;
                }

                [TracedHandler]
                public readonly ConsumeResult Peek(MessageView message) => Entries > 0 ? ConsumeResult.SUCCESS : ConsumeResult.FAILURE;
            }

            public readonly record struct Snapshot(int Entries)
            {
                [TracedHandler]
                public ConsumeResult Handle(MessageView message) => ConsumeResult.SUCCESS;
            }

            public static class Calls
            {
                public static async Task Run(Counter counter, Reader reader, Ledger ledger, MessageView view)
                {
                    {|T:counter.Handle(view)|};
                    {|T:Counter.HandleStatic(view)|};
                    {|MT0002:counter.HandleAll(new[] { view })|};
                    {|T:reader.Handle(view)|};
                    await {|T:new Ledger(1).HandleAsync(view)|};
                    await {|T:ledger.HandleLaterAsync(view)|};
                    {|T:ledger.Peek(view)|};
                    {|T:new Snapshot(2).Handle(view)|};
                }
            }
            """,
        // The client's push consumer example: a private nested listener class, registered in a builder chain.
        Sources.Usings + """
            public static class PushConsumerExample
            {
                public static Task<PushConsumer> Start(ClientConfig clientConfig)
                {
                    const string consumerGroup = "yourConsumerGroup";
                    var subscription = new Dictionary<string, FilterExpression> { { "yourTopic", new FilterExpression("*") } };
                    return {|T:new PushConsumer.Builder()
                        .SetClientConfig(clientConfig)
                        .SetConsumerGroup(consumerGroup)
                        .SetSubscriptionExpression(subscription)
                        .SetMessageListener(new CustomMessageListener())|}
                        .Build();
                }

                private class CustomMessageListener : IMessageListener
                {
                    [TracedHandler]
                    public ConsumeResult Consume(MessageView messageView) => ConsumeResult.SUCCESS;
                }
            }
            """,
        // Nested listeners at several depths and accessibilities, a struct listener, and a lite push consumer.
        Sources.Usings + """
            public sealed class Consumers
            {
                public void Wire(PushConsumer.Builder push, LitePushConsumer.Builder lite)
                {
                    {|T:push.SetMessageListener(new Outer.Inner.Deep())|};
                    {|T:push.SetMessageListener(new ProtectedListener())|};
                    {|T:lite.SetMessageListener(new LiteListener())|};
                    {|T:push.SetMessageListener(new StructListener())|};
                    var direct = new LiteListener();
                    {|MT0002:direct.Consume(null!)|};
                }

                private static class Outer
                {
                    internal sealed class Inner
                    {
                        private Inner() { }

                        internal sealed class Deep : IMessageListener
                        {
                            [TracedHandler(ConsumerGroup = "deep")]
                            public ConsumeResult Consume(MessageView messageView) => ConsumeResult.SUCCESS;
                        }
                    }
                }

                protected internal class ProtectedListener : IMessageListener
                {
                    [TracedHandler]
                    public virtual ConsumeResult Consume(MessageView messageView) => ConsumeResult.SUCCESS;
                }

                private sealed class LiteListener : IMessageListener
                {
                    [TracedHandler]
                    public ConsumeResult Consume(MessageView messageView) => ConsumeResult.SUCCESS;
                }

                private struct StructListener : IMessageListener
                {
                    [TracedHandler]
                    public ConsumeResult Consume(MessageView messageView) => ConsumeResult.SUCCESS;
                }
            }
            """,
        // Extension sends written in static form, as some codebases call them, next to the usual form; and
        // Kafka sends over named, generic and private key and value types, and over a value that cannot be null.
        """
            using System;
            using System.Threading.Tasks;
            using Confluent.Kafka;
            using MessageTrace;
            using MQTTnet;
            using RabbitMQ.Client;

            public sealed class Publishers(IChannel channel, IMqttClient client, IProducer<string, byte[]> kafka, IProducer<Null, int> counts)
            {
                private sealed record Secret(string Value);

                private readonly IProducer<string, Secret> hidden = null!;

                [TracedProducer]
                public async Task PublishAsync<TKey>(ReadOnlyMemory<byte> body, string json, IProducer<TKey, string> generic, TKey key)
                {
                    await {|T:IChannelExtensions.BasicPublishAsync(channel, "shop", "orders", body)|};
                    await {|T:channel.BasicPublishAsync("shop", "orders", body)|};
                    await {|T:MqttClientExtensions.PublishStringAsync(client, "orders", json)|};
                    await {|T:kafka.ProduceAsync("orders", new Message<string, byte[]> { Key = "k", Value = [] })|};
                    await {|T:generic.ProduceAsync("orders", new Message<TKey, string> { Key = key, Value = json })|};
                    await {|T:hidden.ProduceAsync("orders", new Message<string, Secret> { Key = "k", Value = new Secret(json) })|};
                    await {|T:counts.ProduceAsync("counts", new Message<Null, int> { Value = 42 })|};
                }

                // The RabbitMQ API guide's pull.
                [TracedConsumer]
                public async Task<BasicGetResult?> GetAsync(string queue) => await {|T:channel.BasicGetAsync(queue, false)|};
            }
            """,
        // The NATS docs' request/reply and JetStream examples: requests (with data or without), a reply and a
        // stream publish are traced; JetStream messages are handlers' messages; a JetStream message's obsolete
        // reply is reported with its reason.
        """
            using System.Threading.Tasks;
            using MessageTrace;
            using NATS.Client.Core;
            using NATS.Client.JetStream;
            using NATS.Net;

            public sealed class NatsExamples(NatsClient client, INatsJSContext js)
            {
                [TracedProducer]
                public async Task RequestAsync(NatsMsg<int> request)
                {
                    await {|T:client.RequestAsync<int, int>("math.double", 2)|};
                    await {|T:client.RequestAsync<string, string>(subject: "greet", data: "bob", headers: new NatsHeaders { ["a"] = "b" })|};
                    await {|T:client.RequestAsync<System.DateTime>("time")|};
                    await {|T:request.ReplyAsync(4)|};
                    await {|T:js.PublishAsync(subject: "orders.new.1", data: "order 1")|};
                    await {|T:js.PublishAsync("orders.new.2", "order 2", opts: new NatsJSPubOpts { MsgId = "2" })|};
                }

                [TracedHandler]
                public ValueTask HandleAsync(INatsJSMsg<string> message) => message.AckAsync();

                // A service's reply with no producer scope around it: a send like any other, so MT0001.
                [TracedHandler]
                public async Task AnswerAsync(NatsMsg<int> request) => await {|MT0001:request.ReplyAsync(request.Data * 2)|};

                // NATS.Net marks a JetStream message's ReplyAsync obsolete (it never reaches the publisher).
                [TracedProducer]
                public async Task ReplyToStoredAsync(INatsJSMsg<string> message)
                {
            #pragma warning disable CS0618
                    await {|MT0007:message.ReplyAsync()|};
            #pragma warning restore CS0618
                }

                public async Task ConsumeAsync(INatsJSConsumer consumer)
                {
                    await foreach (var message in consumer.ConsumeAsync<string>())
                    {
                        await {|T:HandleAsync(message)|};
                    }
                }
            }
            """);

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task EveryCallIsInterceptedOrReportedAndTheBuildGainsNothing(string markup)
    {
        var outcomes = await Agreement.RunAsync(markup);

        Assert.NotEmpty(outcomes);
        foreach (var outcome in outcomes)
        {
            string said = outcome.Text + ": intercepted " + outcome.Intercepted + ", reported " + string.Join(", ", outcome.Diagnostics.Select(static d => d.Id + " " + d.GetMessage(CultureInfo.InvariantCulture)));
            Assert.True(outcome.Intercepted != (outcome.Diagnostics.Count > 0), said);
            Assert.True(outcome.Label == "T" ? outcome.Intercepted : outcome.Diagnostics.Single().Id == outcome.Label, said);
        }
    }
}
