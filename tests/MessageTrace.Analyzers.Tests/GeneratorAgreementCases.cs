using System.Collections.Generic;
using MessageTrace.Analyzers.Tests.Infrastructure;
using MessageTrace.Generator;

namespace MessageTrace.Analyzers.Tests;

/// <summary>
/// One build per <see cref="SkipReason"/>: user code with the reason's call sites marked with the rule
/// expected to report them (<c>{|MT0007:...|}</c>) and, next to them, the traced form of the same call
/// (<c>{|T:...|}</c>), which must be intercepted.
/// </summary>
internal static class GeneratorAgreementCases
{
    public static IReadOnlyDictionary<string, AgreementCase> ByReason { get; } = new Dictionary<string, AgreementCase>
    {
        [nameof(SkipReason.OutsideProducerScope)] = new(Sources.Usings + """
            public sealed class Publisher(Producer producer)
            {
                [TracedProducer]
                public Task<ISendReceipt> Traced(Message message) => {|T:producer.Send(message)|};

                public Task<ISendReceipt> Untraced(Message message) => {|MT0001:producer.Send(message)|};
            }
            """),

        [nameof(SkipReason.UsedAsDelegate)] = new(Sources.Usings + """
            public sealed class Billing
            {
                [TracedHandler]
                public ConsumeResult Consume(MessageView message) => ConsumeResult.SUCCESS;
            }

            public sealed class Wiring(Producer producer, Billing billing)
            {
                [TracedProducer]
                public Func<Message, Task<ISendReceipt>> Sender() => {|MT0001:producer.Send|};

                [TracedProducer]
                public Func<Message, Task<ISendReceipt>> Lambda() => message => {|T:producer.Send(message)|};

                public Func<MessageView, ConsumeResult> Handler() => {|MT0002:billing.Consume|};

                public Func<MessageView, ConsumeResult> HandlerLambda() => message => {|T:billing.Consume(message)|};
            }
            """),

        [nameof(SkipReason.ListenerTypeHidesHandler)] = new(Sources.Usings + """
            public sealed class BillingListener : IMessageListener
            {
                [TracedHandler(ConsumerGroup = "billing")]
                public ConsumeResult Consume(MessageView messageView) => ConsumeResult.SUCCESS;
            }

            public static class Wiring
            {
                public static void Wire(PushConsumer.Builder builder)
                {
                    {|T:builder.SetMessageListener(new BillingListener())|};
                    IMessageListener hidden = new BillingListener();
                    {|MT0002:builder.SetMessageListener(hidden)|};
                }
            }
            """),

        [nameof(SkipReason.HandlerUnreachable)] = new(Sources.Usings + """
            public sealed class Billing
            {
                public ConsumeResult Dispatch(MessageView message) => {|MT0002:Hidden(message)|};

                [TracedHandler]
                private ConsumeResult Hidden(MessageView message) => ConsumeResult.SUCCESS;
            }

            public sealed partial class PartialBilling
            {
                public ConsumeResult Dispatch(MessageView message) => {|T:Bridged(message)|};

                [TracedHandler]
                private ConsumeResult Bridged(MessageView message) => ConsumeResult.SUCCESS;
            }
            """),

        [nameof(SkipReason.HandlerInOtherAssembly)] = new(
            Sources.Usings + """
                public sealed class Billing
                {
                    [TracedHandler]
                    public ConsumeResult Consume(MessageView message) => ConsumeResult.SUCCESS;
                }

                public static class Dispatcher
                {
                    public static void Dispatch(MessageView message, Billing billing)
                    {
                        {|MT0002:new Library.Ledger().Consume(message)|};
                        {|T:billing.Consume(message)|};
                    }
                }
                """,
            Library: """
                namespace Library;

                public sealed class Ledger
                {
                    [MessageTrace.TracedHandler]
                    public Org.Apache.Rocketmq.ConsumeResult Consume(Org.Apache.Rocketmq.MessageView message) => Org.Apache.Rocketmq.ConsumeResult.SUCCESS;
                }
                """),

        [nameof(SkipReason.HandlerNotTraceable)] = new(Sources.Usings + """
            public interface IBilling
            {
                [TracedHandler]
                ConsumeResult Consume(MessageView message);
            }

            public sealed class Audit
            {
                [TracedHandler]
                public void Record(string body) { }

                [TracedHandler]
                public void Traced(MessageView message) { }
            }

            public static class Dispatcher
            {
                public static void Dispatch(IBilling billing, Audit audit, MessageView message)
                {
                    {|MT0007:billing.Consume(message)|};
                    {|MT0007:audit.Record("body")|};
                    {|T:audit.Traced(message)|};
                }
            }
            """),

        // A gap before one classification: silently untraced.
        [nameof(SkipReason.ShadowedTypeParameters)] = new(Sources.Usings + """
            public sealed class Repository<T>
            {
                [TracedHandler]
                public void Store<T>(MessageView message) { }

                [TracedHandler]
                public void Keep<TKey>(MessageView message) { }
            }

            public static class Dispatcher
            {
                public static void Dispatch(Repository<int> repository, MessageView message)
                {
                    {|MT0007:repository.Store<string>(message)|};
                    {|T:repository.Keep<string>(message)|};
                }
            }
            """),

        [nameof(SkipReason.BaseCall)] = new(Sources.Usings + """
            public class Ledger
            {
                [TracedHandler]
                public virtual ConsumeResult Handle(MessageView message) => ConsumeResult.SUCCESS;
            }

            public sealed class AuditedLedger : Ledger
            {
                [TracedHandler]
                public override ConsumeResult Handle(MessageView message) => {|MT0007:base.Handle(message)|};
            }

            public static class Dispatcher
            {
                public static void Dispatch(AuditedLedger audited, Ledger ledger, MessageView message)
                {
                    {|T:audited.Handle(message)|};
                    {|T:ledger.Handle(message)|};
                }
            }
            """),

        [nameof(SkipReason.OverrideNotMarked)] = new(Sources.Usings + """
            public class Ledger
            {
                [TracedHandler]
                public virtual ConsumeResult Handle(MessageView message) => ConsumeResult.SUCCESS;
            }

            public sealed class QuietLedger : Ledger
            {
                public override ConsumeResult Handle(MessageView message) => ConsumeResult.SUCCESS;
            }

            public static class Dispatcher
            {
                public static void Dispatch(QuietLedger quiet, MessageView message)
                {
                    {|MT0007:quiet.Handle(message)|};
                    Ledger ledger = quiet;
                    {|T:ledger.Handle(message)|};
                }
            }
            """),

        [nameof(SkipReason.SettleNotTraced)] = new(Sources.Usings + """
            public static class Poller
            {
                [TracedConsumer(ConsumerGroup = "billing")]
                public static async Task PollAsync(SimpleConsumer consumer)
                {
                    foreach (var view in await {|T:consumer.Receive(16, TimeSpan.FromSeconds(15))|})
                    {
                        await {|MT0007:consumer.Ack(view)|};
                    }
                }

                [TracedConsumer(ConsumerGroup = "billing", TraceSettle = true)]
                public static async Task SettleAsync(SimpleConsumer consumer, MessageView view) => await {|T:consumer.Ack(view)|};
            }
            """),

        // A gap before one classification: a send the generator gave up on inside a traced scope.
        [nameof(SkipReason.NotInterceptable)] = new(Sources.Usings + """
            public sealed class Publisher(Producer producer)
            {
                [TracedProducer]
                public Task<ISendReceipt> Parenthesized(Message message) => {|MT0007:((producer.Send))(message)|};

                [TracedProducer]
                public Task<ISendReceipt> ByName(Message message) => {|T:producer.Send(message)|};
            }
            """),

        // A gap before one classification: the registration was parsed but the emitter dropped it.
        [nameof(SkipReason.UnsupportedShape)] = new(Sources.Usings + """
            public sealed class Listener<T> : IMessageListener
            {
                [TracedHandler]
                public ConsumeResult Consume(MessageView messageView) => ConsumeResult.SUCCESS;
            }

            public sealed class IntListener : IMessageListener
            {
                [TracedHandler]
                public ConsumeResult Consume(MessageView messageView) => ConsumeResult.SUCCESS;
            }

            public static class Wiring
            {
                public static void Wire(PushConsumer.Builder builder)
                {
                    {|MT0007:builder.SetMessageListener(new Listener<int>())|};
                    {|T:builder.SetMessageListener(new IntListener())|};
                }
            }
            """),

        // RocketMQ 5.2's lite push consumer: a registration no profile knows, in a traced scope or
        // registering a traced listener.
        [nameof(SkipReason.UnknownOperation)] = new(Sources.Usings + """
            using Org.Apache.Rocketmq.Shortcuts;

            public sealed class BillingListener : IMessageListener
            {
                [TracedHandler(ConsumerGroup = "billing")]
                public ConsumeResult Consume(MessageView messageView) => ConsumeResult.SUCCESS;
            }

            public static class Wiring
            {
                // Lite push consumers (client 5.2) are registrations the catalogue knows, like push consumers.
                public static void Register(LitePushConsumer.Builder lite, PushConsumer.Builder push)
                {
                    {|T:lite.SetMessageListener(new BillingListener())|};
                    {|T:push.SetMessageListener(new BillingListener())|};
                }

                [TracedProducer]
                public static async Task InScope(Producer producer, Message message)
                {
                    await {|MT0007:producer.Send("orders", message.Body)|};
                    await {|T:producer.Send(message)|};
                }
            }

            namespace Org.Apache.Rocketmq.Shortcuts
            {
                // A helper named like a client operation, in the client's namespace: not one the catalogue knows.
                public static class ProducerShortcuts
                {
                    [MessageTrace.TracedProducer]
                    public static Task<ISendReceipt> Send(this Producer producer, string topic, byte[] body) =>
                        {|T:producer.Send(new Message.Builder().SetTopic(topic).SetBody(body).Build())|};
                }
            }
            """),

        // Calls the NATS profile knows and does not trace: a publish and a reply made of a whole NatsMsg<T>
        // (headers MessageTrace does not rewrite), in a producer scope, next to the requests and the reply with data
        // that are traced. Outside every scope it is not asked for, so nothing is said.
        [nameof(SkipReason.UnsupportedOperation)] = new("""
            using System;
            using System.Threading.Tasks;
            using MessageTrace;
            using NATS.Client.Core;

            public static class Requests
            {
                [TracedProducer]
                public static async Task InScope(INatsClient client, INatsConnection connection, NatsMsg<int> request)
                {
                    await {|MT0007:connection.PublishAsync(new NatsMsg<int> { Subject = "orders", Data = 1 })|};
                    await {|T:client.RequestAsync<DateTime>("time")|};
                    await {|MT0007:request.ReplyAsync(msg: new NatsMsg<int> { Data = 4 })|};
                    await {|T:client.RequestAsync<int, int>("math.double", 2)|};
                    await {|T:request.ReplyAsync(4)|};
                }

                public static async Task OutOfScope(INatsClient client, NatsMsg<int> request)
                {
                    await request.ReplyAsync(msg: new NatsMsg<int> { Data = 4 });
                }
            }
            """),
    };
}

/// <summary>User code for one reason; <paramref name="Library"/> is compiled into an assembly it references.</summary>
internal sealed record AgreementCase(string Source, string? Library = null);
