using System.Threading.Tasks;
using MessageTrace.CodeFixes;
using Microsoft.CodeAnalysis;
using Xunit;
using Verify = MessageTrace.Analyzers.Tests.Infrastructure.VerifyFix<MessageTrace.Analyzers.UntracedSendAnalyzer, MessageTrace.CodeFixes.AddTracedProducerCodeFix>;

namespace MessageTrace.Analyzers.Tests;

/// <summary>The MT0001 fix: [TracedProducer] on the member around the send, with the using it needs.</summary>
public sealed class AddTracedProducerCodeFixTests
{
    [Fact]
    public Task AddsTheAttributeAndTheUsing() => Verify.Fix(
        """
        using System.Threading.Tasks;
        using Org.Apache.Rocketmq;

        namespace Shop;

        public sealed class Publisher(Producer producer)
        {
            /// <summary>Publishes one order.</summary>
            public async Task PublishAsync(Message message)
            {
                await {|MT0001:producer.Send(message)|};
                await {|MT0001:producer.Send(message)|};
            }

            public Task<ISendReceipt> Again(Message message) => {|MT0001:producer.Send(message)|};
        }
        """,
        """
        using System.Threading.Tasks;
        using MessageTrace;
        using Org.Apache.Rocketmq;

        namespace Shop;

        public sealed class Publisher(Producer producer)
        {
            /// <summary>Publishes one order.</summary>
            [TracedProducer]
            public async Task PublishAsync(Message message)
            {
                await producer.Send(message);
                await producer.Send(message);
            }

            [TracedProducer]
            public Task<ISendReceipt> Again(Message message) => producer.Send(message);
        }
        """);

    [Fact]
    public Task KeepsExistingAttributesAndUsings() => Verify.Fix(
        """
        using System;
        using System.Threading.Tasks;
        using MessageTrace;
        using Org.Apache.Rocketmq;

        public sealed class Publisher(Producer producer)
        {
            [Obsolete("use the new one")]
            public Task<ISendReceipt> Old(Message message) => {|MT0001:producer.Send(message)|};

            [Obsolete] public Task<ISendReceipt> Inline(Message message) => {|MT0001:producer.Send(message)|};
        }
        """,
        """
        using System;
        using System.Threading.Tasks;
        using MessageTrace;
        using Org.Apache.Rocketmq;

        public sealed class Publisher(Producer producer)
        {
            [Obsolete("use the new one")]
            [TracedProducer]
            public Task<ISendReceipt> Old(Message message) => producer.Send(message);

            [Obsolete] [TracedProducer] public Task<ISendReceipt> Inline(Message message) => producer.Send(message);
        }
        """);

    [Fact]
    public Task LocalFunctionsLambdasAndAccessors() => Verify.Fix(
        """
        using System;
        using System.Threading.Tasks;
        using MessageTrace;
        using Org.Apache.Rocketmq;

        public sealed class Publisher(Producer producer)
        {
            public Task Local(Message message)
            {
                return SendAsync();

                Task<ISendReceipt> SendAsync() => {|MT0001:producer.Send(message)|};
            }

            public Func<Message, Task<ISendReceipt>> Lambda() => m => {|MT0001:producer.Send(m)|};

            public Task<ISendReceipt> Property
            {
                get { return {|MT0001:producer.Send(new Message.Builder().SetTopic("t").SetBody([1]).Build())|}; }
            }

            public Task<ISendReceipt> this[Message message] { get => {|MT0001:producer.Send(message)|}; }
        }
        """,
        """
        using System;
        using System.Threading.Tasks;
        using MessageTrace;
        using Org.Apache.Rocketmq;

        public sealed class Publisher(Producer producer)
        {
            public Task Local(Message message)
            {
                return SendAsync();

                [TracedProducer]
                Task<ISendReceipt> SendAsync() => producer.Send(message);
            }

            [TracedProducer]
            public Func<Message, Task<ISendReceipt>> Lambda() => m => producer.Send(m);

            public Task<ISendReceipt> Property
            {
                [TracedProducer]
                get { return producer.Send(new Message.Builder().SetTopic("t").SetBody([1]).Build()); }
            }

            public Task<ISendReceipt> this[Message message] { [TracedProducer] get => producer.Send(message); }
        }
        """);

    [Fact]
    public Task ConstructorsAndExpressionBodiedPropertiesGetTheTypeAttribute() => Verify.Fix(
        """
        using System.Threading.Tasks;
        using MessageTrace;
        using Org.Apache.Rocketmq;

        /// <summary>Publishes at start.</summary>
        public sealed class Publisher
        {
            private readonly Producer _producer;

            public Publisher(Producer producer, Message first)
            {
                _producer = producer;
                _ = {|MT0001:producer.Send(first)|};
            }

            public Task<ISendReceipt> Latest => {|MT0001:_producer.Send(new Message.Builder().SetTopic("t").SetBody([1]).Build())|};

            public Task<ISendReceipt> Publish(Message message) => {|MT0001:_producer.Send(message)|};
        }
        """,
        """
        using System.Threading.Tasks;
        using MessageTrace;
        using Org.Apache.Rocketmq;

        /// <summary>Publishes at start.</summary>
        [TracedProducer]
        public sealed class Publisher
        {
            private readonly Producer _producer;

            public Publisher(Producer producer, Message first)
            {
                _producer = producer;
                _ = producer.Send(first);
            }

            public Task<ISendReceipt> Latest => _producer.Send(new Message.Builder().SetTopic("t").SetBody([1]).Build());

            public Task<ISendReceipt> Publish(Message message) => _producer.Send(message);
        }
        """);

    [Fact]
    public Task NestedGenericTypeAndPartialClassAcrossFiles() => Verify.Fix(
        [
            """
            using Org.Apache.Rocketmq;

            public static partial class Outer<T>
            {
                public sealed partial class Inner
                {
                    public System.Threading.Tasks.Task Publish(Producer producer, Message message) => {|MT0001:producer.Send(message)|};
                }
            }
            """,
            """
            // Second part of Outer.
            public static partial class Outer<T>
            {
                public sealed partial class Inner
                {
                    public System.Threading.Tasks.Task Again(Org.Apache.Rocketmq.Producer producer, Org.Apache.Rocketmq.Message message) => {|MT0001:producer.Send(message)|};
                }
            }
            """,
        ],
        [
            """
            using MessageTrace;
            using Org.Apache.Rocketmq;

            public static partial class Outer<T>
            {
                public sealed partial class Inner
                {
                    [TracedProducer]
                    public System.Threading.Tasks.Task Publish(Producer producer, Message message) => producer.Send(message);
                }
            }
            """,
            """
            using MessageTrace;

            // Second part of Outer.
            public static partial class Outer<T>
            {
                public sealed partial class Inner
                {
                    [TracedProducer]
                    public System.Threading.Tasks.Task Again(Org.Apache.Rocketmq.Producer producer, Org.Apache.Rocketmq.Message message) => producer.Send(message);
                }
            }
            """,
        ]);

    [Fact]
    public Task TopLevelStatementsTurnOnTheAssemblyDefault() => Verify.Fix(
        [
            """
            using Org.Apache.Rocketmq;

            var producer = await new Producer.Builder().SetClientConfig(new ClientConfig.Builder().SetEndpoints("127.0.0.1:8081").Build()).Build();
            await {|MT0001:producer.Send(new Message.Builder().SetTopic("orders").SetBody([1]).Build())|};
            """,
        ],
        [
            """
            using MessageTrace;
            using Org.Apache.Rocketmq;

            [assembly: MessageTraceDefaults(TraceAllProducers = true)]

            var producer = await new Producer.Builder().SetClientConfig(new ClientConfig.Builder().SetEndpoints("127.0.0.1:8081").Build()).Build();
            await producer.Send(new Message.Builder().SetTopic("orders").SetBody([1]).Build());
            """,
        ],
        OutputKind.ConsoleApplication);

    [Fact]
    public Task TopLevelStatementsExtendExistingDefaults() => Verify.Fix(
        [
            """
            using Org.Apache.Rocketmq;

            var producer = await new Producer.Builder().SetClientConfig(new ClientConfig.Builder().SetEndpoints("127.0.0.1:8081").Build()).Build();
            await {|MT0001:producer.Send(new Message.Builder().SetTopic("orders").SetBody([1]).Build())|};
            """,
            """
            [assembly: MessageTrace.MessageTraceDefaults(ConsumerGroup = "shop")]
            """,
        ],
        [
            """
            using Org.Apache.Rocketmq;

            var producer = await new Producer.Builder().SetClientConfig(new ClientConfig.Builder().SetEndpoints("127.0.0.1:8081").Build()).Build();
            await producer.Send(new Message.Builder().SetTopic("orders").SetBody([1]).Build());
            """,
            """
            [assembly: MessageTrace.MessageTraceDefaults(ConsumerGroup = "shop", TraceAllProducers = true)]
            """,
        ],
        OutputKind.ConsoleApplication);
}
