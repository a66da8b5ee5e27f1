using System.Collections.Generic;
using System.Threading.Tasks;
using MessageTrace.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static MessageTrace.Analyzers.Tests.Infrastructure.Sources;

namespace MessageTrace.Analyzers.Tests;

/// <summary>MT0004: the project does not admit interceptors in MessageTrace.Generated.</summary>
public sealed class InterceptorsNotEnabledTests
{
    private const string Message =
        "This project uses MessageTrace attributes but does not enable interceptors in namespace 'MessageTrace.Generated', so the generated tracing cannot compile (error CS9137) and nothing is traced; add <InterceptorsNamespaces>$(InterceptorsNamespaces);MessageTrace.Generated</InterceptorsNamespaces> to a PropertyGroup of the project file (the MessageTrace package sets it unless MessageTraceEnableInterceptors is false or its build assets are excluded)";

    private const string Producer = """
        public sealed class Publisher(Producer producer)
        {
            [{|#0:TracedProducer|}]
            public Task<ISendReceipt> Publish(Message message) => producer.Send(message);

            [TracedProducer]
            public Task<ISendReceipt> Again(Message message) => producer.Send(message);
        }
        """;

    [Fact]
    public Task ReportedOnceOnTheFirstUsageWithoutTheFeature() =>
        Run([], [Usings + Producer, Usings + "[TracedProducer] public sealed class Second;"], Expected());

    [Fact]
    public Task FirstUsageIsTheFirstByFileThenPosition() =>
        Run(
            [new("InterceptorsNamespaces", "Some.Other")],
            [
                Usings + """
                    public sealed class Handlers
                    {
                        [{|#0:TracedHandler|}]
                        public ConsumeResult Consume(MessageView message) => ConsumeResult.SUCCESS;
                    }
                    """,
                Usings + Producer.Replace("{|#0:TracedProducer|}", "TracedProducer"),
            ],
            Expected());

    [Fact]
    public Task LocalFunctionAndAssemblyDefaultsCount() =>
        Run(
            [],
            [
                Usings + """
                    [assembly: {|#0:MessageTraceDefaults(TraceAllProducers = true)|}]

                    public static class Program
                    {
                        public static void Main()
                        {
                            Local();

                            [TracedProducer]
                            static void Local() { }
                        }
                    }
                    """,
            ],
            Expected());

    [Theory]
    [InlineData("InterceptorsNamespaces", "MessageTrace.Generated")]
    [InlineData("InterceptorsNamespaces", "Other; MessageTrace.Generated ;More")]
    [InlineData("InterceptorsNamespaces", "MessageTrace")]
    [InlineData("InterceptorsNamespaces", "global")]
    [InlineData("InterceptorsPreviewNamespaces", "MessageTrace.Generated")]
    public Task NotReportedWhenTheNamespaceIsAdmitted(string key, string value) =>
        Run([new(key, value)], [Usings + Producer.Replace("{|#0:TracedProducer|}", "TracedProducer")]);

    [Theory]
    [InlineData("MessageTrace.Gen")]
    [InlineData("MessageTrace.Generated.Inner")]
    [InlineData("messagetrace.generated")]
    public Task ReportedWhenOnlyOtherNamespacesAreAdmitted(string value) =>
        Run([new("InterceptorsNamespaces", value)], [Usings + Producer], Expected());

    [Fact]
    public Task NotReportedWithoutAttributes() =>
        Run([], [Usings + "[assembly: MessageTraceDefaults(ConsumerGroup = \"billing\")]\npublic sealed class Plain;"]);

    private static DiagnosticResult[] Expected() =>
        [new DiagnosticResult("MT0004", DiagnosticSeverity.Error).WithLocation(0).WithMessage(Message)];

    private static Task Run(List<KeyValuePair<string, string>> features, string[] sources, params DiagnosticResult[] expected) =>
        Verify<InterceptorsNotEnabledAnalyzer>.Run(new Infrastructure.AnalyzerTest<InterceptorsNotEnabledAnalyzer> { Features = features }, sources, expected);
}
