using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MessageTrace.Generator.Tests.Infrastructure;

/// <summary>Builds compilations of user code the way a consuming project compiles it.</summary>
internal static class TestCompilation
{
    public static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.Latest)
        .WithFeatures([new KeyValuePair<string, string>("InterceptorsNamespaces", "MessageTrace.Generated")]);

    private static readonly ImmutableArray<MetadataReference> s_references = Net100.References.All
        .Cast<MetadataReference>()
        .Concat(
        [
            MetadataReference.CreateFromFile(typeof(MessageTrace.TracedProducerAttribute).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(OpenTelemetry.Baggage).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(Org.Apache.Rocketmq.Producer).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(RabbitMQ.Client.IChannel).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(NATS.Client.Core.NatsConnection).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(NATS.Net.NatsClient).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(NATS.Client.Core.INatsSerialize<>).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(NATS.Client.JetStream.INatsJSContext).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(NATS.Client.Services.NatsSvcMsg<>).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Primitives.StringValues).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Logging.ILoggerFactory).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(MQTTnet.MqttApplicationMessage).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(Confluent.Kafka.IProducer<,>).Assembly.Location),
        ])
        .ToImmutableArray();

    /// <summary>Creates a compilation of <paramref name="sources"/> (file name to text).</summary>
    public static CSharpCompilation Create(params (string Path, string Text)[] sources) =>
        CSharpCompilation.Create(
            "UserProject",
            sources.Select(static s => CSharpSyntaxTree.ParseText(s.Text, ParseOptions, path: s.Path)),
            s_references,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                specificDiagnosticOptions: [new KeyValuePair<string, ReportDiagnostic>("CS1701", ReportDiagnostic.Suppress)]));

    /// <summary>A compilation of one file, <c>Program.cs</c>.</summary>
    public static CSharpCompilation Create(string source) => Create(("Program.cs", source));
}
