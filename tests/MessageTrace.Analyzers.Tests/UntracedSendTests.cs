using System.Threading.Tasks;
using MessageTrace.Analyzers.Tests.Infrastructure;
using Xunit;
using static MessageTrace.Analyzers.Tests.Infrastructure.Sources;
using Verify = MessageTrace.Analyzers.Tests.Infrastructure.Verify<MessageTrace.Analyzers.UntracedSendAnalyzer>;

namespace MessageTrace.Analyzers.Tests;

/// <summary>MT0001 for calls: sends the catalogue knows, outside every traced producer scope.</summary>
public sealed class UntracedSendTests
{
    private const string Send = "Producer.Send(Message)";

    [Fact]
    public Task SendOutsideAnyScopeIsReportedWithTheInlineTopic() => Verify.Analyzer(Usings + """
        public sealed class Publisher(Producer producer)
        {
            public async Task PublishAsync(byte[] body)
            {
                await {|#0:producer.Send(new Message.Builder().SetTopic("orders").SetBody(body).Build())|};
            }
        }
        """,
        Verify.Diagnostic(Descriptors.UntracedSend, 0, Send, " to 'orders'"));

    [Fact]
    public Task AnUntracedKafkaProduceIsReportedWithItsTopic() => Verify.Analyzer("""
        using System.Threading.Tasks;
        using Confluent.Kafka;

        public sealed class Publisher(IProducer<string, string> producer)
        {
            public Task Publish(string json) => {|#0:producer.ProduceAsync("orders", new Message<string, string> { Value = json })|};

            public Task PublishTo(TopicPartition target, Message<string, string> message) => {|#1:producer.ProduceAsync(target, message)|};

            public void Fire(Message<string, string> message) => {|#2:producer.Produce("orders", message)|};
        }
        """,
        Verify.Diagnostic(Descriptors.UntracedSend, 0, "IProducer<string, string>.ProduceAsync(string, Message<string, string>, CancellationToken)", " to 'orders'"),
        Verify.Diagnostic(Descriptors.UntracedSend, 1, "IProducer<string, string>.ProduceAsync(TopicPartition, Message<string, string>, CancellationToken)", ""),
        Verify.Diagnostic(Descriptors.UntracedSend, 2, "IProducer<string, string>.Produce(string, Message<string, string>, Action<DeliveryReport<string, string>>)", " to 'orders'"));

    [Fact]
    public async Task MessageSaysWhatIsWrongAndWhatToDo()
    {
        var test = new AnalyzerTest<UntracedSendAnalyzer>
        {
            TestCode = Usings + """
                public sealed class Publisher(Producer producer)
                {
                    public Task<ISendReceipt> Publish(Message message) => {|#0:producer.Send(message)|};
                }
                """,
        };
        test.ExpectedDiagnostics.Add(new Microsoft.CodeAnalysis.Testing.DiagnosticResult("MT0001", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
            .WithLocation(0)
            .WithMessage("'Producer.Send(Message)' is not inside a [TracedProducer] scope, so it starts no send span and the message carries no trace context; add [TracedProducer] to the containing method or type"));
        await test.RunAsync();
    }

    [Fact]
    public Task TopicIsFollowedThroughLocalsAndConstants() => Verify.Analyzer(Usings + """
        public static class Topics
        {
            public const string Payments = "payments";
        }

        public sealed class Publisher(Producer producer)
        {
            public async Task PublishAsync(byte[] body)
            {
                var builder = new Message.Builder().SetTopic(Topics.Payments);
                var message = builder.SetBody(body).Build();
                await {|#0:producer.Send(message)|};

                const string audit = "audit";
                var second = new Message.Builder().SetBody(body).SetTopic(audit).Build();
                await {|#1:producer.Send(second)|};

                var reassigned = new Message.Builder().SetTopic("first").SetBody(body).Build();
                reassigned = new Message.Builder().SetTopic("second").SetBody(body).Build();
                await {|#2:producer.Send(reassigned)|};
            }
        }
        """,
        Verify.Diagnostic(Descriptors.UntracedSend, 0, Send, " to 'payments'"),
        Verify.Diagnostic(Descriptors.UntracedSend, 1, Send, " to 'audit'"),
        Verify.Diagnostic(Descriptors.UntracedSend, 2, Send, string.Empty));

    [Fact]
    public Task TransactionalAndConditionalSendsAreReported() => Verify.Analyzer(Usings + """
        public sealed class Publisher(Producer producer)
        {
            public async Task PublishAsync(Message message, Producer? maybe)
            {
                var transaction = producer.BeginTransaction();
                await {|#0:producer.Send(message, transaction)|};
                await (maybe?{|#1:.Send(message)|} ?? Task.FromResult<ISendReceipt>(null!));
            }
        }
        """,
        Verify.Diagnostic(Descriptors.UntracedSend, 0, "Producer.Send(Message, ITransaction)", string.Empty),
        Verify.Diagnostic(Descriptors.UntracedSend, 1, Send, string.Empty));

    [Fact]
    public Task SendsInsideTracedScopesAreNotReported() => Verify.Analyzer(Usings + """
        using System.Linq;

        public sealed class Publisher(Producer producer)
        {
            [TracedProducer]
            public async Task MethodAsync(Message message) => await producer.Send(message);

            [TracedProducer]
            public async Task LambdasAndLocalFunctionsAsync(IEnumerable<Message> messages)
            {
                await Task.WhenAll(messages.Select(m => producer.Send(m)));
                await LocalAsync(messages.First());

                async Task LocalAsync(Message message) => await producer.Send(message);
            }

            public async Task TracedLocalFunctionAsync(Message message)
            {
                await LocalAsync();

                [TracedProducer]
                async Task LocalAsync() => await producer.Send(message);
            }

            public Func<Message, Task<ISendReceipt>> TracedLambda() => [TracedProducer] (Message m) => producer.Send(m);

            public Task<ISendReceipt> Property
            {
                [TracedProducer]
                get => producer.Send(new Message.Builder().SetTopic("t").SetBody([1]).Build());
            }
        }
        """);

    [Fact]
    public Task UntracedLambdasAndLocalFunctionsAreReported() => Verify.Analyzer(Usings + """
        public sealed class Publisher(Producer producer)
        {
            public Func<Message, Task<ISendReceipt>> Lambda() => m => {|#0:producer.Send(m)|};

            public async Task LocalAsync(Message message)
            {
                await SendAsync();

                async Task SendAsync() => await {|#1:producer.Send(message)|};
            }
        }
        """,
        Verify.Diagnostic(Descriptors.UntracedSend, 0, Send, string.Empty),
        Verify.Diagnostic(Descriptors.UntracedSend, 1, Send, string.Empty));

    [Fact]
    public Task NestedAndGenericTypes() => Verify.Analyzer(Usings + """
        [TracedProducer]
        public static class Covered<TKey>
        {
            public static class Nested
            {
                public static Task<ISendReceipt> Publish(Producer producer, Message message) => producer.Send(message);
            }
        }

        public static class Uncovered<TKey>
            where TKey : notnull
        {
            public sealed class Nested<TValue>
            {
                public Task<ISendReceipt> Publish(Producer producer, TKey key, TValue value, Message message) => {|#0:producer.Send(message)|};

                public Task<ISendReceipt> Generic<T>(Producer producer, Message message) => {|#1:producer.Send(message)|};
            }
        }
        """,
        Verify.Diagnostic(Descriptors.UntracedSend, 0, Send, string.Empty),
        Verify.Diagnostic(Descriptors.UntracedSend, 1, Send, string.Empty));

    [Fact]
    public Task PartialClassCoveredFromAnotherFile() => Verify.Analyzer(
        [
            Usings + """
                [TracedProducer]
                public sealed partial class Publisher;

                public sealed partial class Other;
                """,
            Usings + """
                public sealed partial class Publisher(Producer producer)
                {
                    public Task<ISendReceipt> Publish(Message message) => producer.Send(message);
                }

                public sealed partial class Other(Producer producer)
                {
                    public Task<ISendReceipt> Publish(Message message) => {|#0:producer.Send(message)|};
                }
                """,
        ],
        Verify.Diagnostic(Descriptors.UntracedSend, 0, Send, string.Empty));

    [Fact]
    public Task TopLevelStatementsAreReported() => Verify.TopLevel(Usings + """
        var producer = await new Producer.Builder().SetClientConfig(new ClientConfig.Builder().SetEndpoints("127.0.0.1:8081").Build()).Build();
        await {|#0:producer.Send(new Message.Builder().SetTopic("orders").SetBody([1]).Build())|};
        """,
        Verify.Diagnostic(Descriptors.UntracedSend, 0, Send, " to 'orders'"));

    [Fact]
    public Task TopLevelStatementsCoveredByAssemblyDefaults() => Verify.TopLevel(Usings + """
        [assembly: MessageTraceDefaults(TraceAllProducers = true)]

        var producer = await new Producer.Builder().SetClientConfig(new ClientConfig.Builder().SetEndpoints("127.0.0.1:8081").Build()).Build();
        await producer.Send(new Message.Builder().SetTopic("orders").SetBody([1]).Build());
        """);

    [Fact]
    public Task SendAlreadyInterceptedIsNotReported()
    {
        // Another interceptor already replaces the call (GetInterceptorMethod sees it), so the
        // analyzer leaves it to its owner; the uncovered call next to it is still reported.
        string user = Usings + """
            public sealed class Publisher(Producer producer)
            {
                public Task<ISendReceipt> Intercepted(Message message) => producer.Send(message);

                public Task<ISendReceipt> NotIntercepted(Message message) => {|#0:producer.Send(message)|};
            }
            """;
        var location = Interception.LocationOf(user, "producer.Send(message)");
        string interceptor = $$"""
            // <auto-generated/>
            namespace System.Runtime.CompilerServices
            {
                [System.AttributeUsage(System.AttributeTargets.Method, AllowMultiple = true)]
                file sealed class InterceptsLocationAttribute(int version, string data) : System.Attribute;
            }

            namespace MessageTrace.Generated
            {
                file static class Interceptors
                {
                    [System.Runtime.CompilerServices.InterceptsLocation({{location.Version}}, "{{location.Data}}")]
                    public static System.Threading.Tasks.Task<Org.Apache.Rocketmq.ISendReceipt> Send(this Org.Apache.Rocketmq.Producer producer, Org.Apache.Rocketmq.Message message) => producer.Send(message);
                }
            }
            """;
        // The suppression check edits the sources, which moves the call away from the location.
        var test = new AnalyzerTest<UntracedSendAnalyzer> { TestBehaviors = Microsoft.CodeAnalysis.Testing.TestBehaviors.SkipSuppressionCheck };
        return Verify.Run(test, [user, interceptor], [Verify.Diagnostic(Descriptors.UntracedSend, 0, Send, string.Empty)]);
    }

    [Fact]
    public Task OtherMethodsNamedSendAreNotReported() => Verify.Analyzer(Usings + """
        public sealed class Mailer
        {
            public Task Send(Message message) => Task.CompletedTask;
        }

        public sealed class Publisher(Producer producer, Mailer mailer)
        {
            public async Task Run(Message message)
            {
                await mailer.Send(message);
                await producer.RecallMessage("orders", "handle");
            }
        }
        """);

    [Fact]
    public Task SendsInGeneratedCodeAreNotReported() => Verify.Analyzer("// <auto-generated/>\n" + Usings + """
        public sealed class Publisher(Producer producer)
        {
            public Task<ISendReceipt> Publish(Message message) => producer.Send(message);
        }
        """);
}
