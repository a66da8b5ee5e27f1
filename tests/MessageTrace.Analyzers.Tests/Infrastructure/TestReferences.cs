using System.Collections.Immutable;
using System.Linq;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace MessageTrace.Analyzers.Tests.Infrastructure;

/// <summary>
/// What user code compiles against: the .NET 10 reference assemblies (Basic.Reference.Assemblies,
/// no package download), the MessageTrace runtime, the RocketMQ API-shape double, Confluent.Kafka, RabbitMQ.Client,
/// MQTTnet and NATS.Net (core and JetStream).
/// </summary>
internal static class TestReferences
{
    /// <summary>An empty set: the testing library resolves nothing itself.</summary>
    public static ReferenceAssemblies None { get; } = new ReferenceAssemblies("net10.0");

    public static ImmutableArray<MetadataReference> All { get; } = Net100.References.All
        .Cast<MetadataReference>()
        .Concat(
        [
            MetadataReference.CreateFromFile(typeof(MessageTrace.TracedProducerAttribute).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(OpenTelemetry.Baggage).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(Org.Apache.Rocketmq.Producer).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(Confluent.Kafka.IProducer<,>).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(RabbitMQ.Client.IChannel).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(MQTTnet.MqttApplicationMessage).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(NATS.Client.Core.NatsConnection).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(NATS.Net.NatsClient).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(NATS.Client.Core.INatsSerialize<>).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(NATS.Client.JetStream.INatsJSContext).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(NATS.Client.Services.NatsSvcMsg<>).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Primitives.StringValues).Assembly.Location),
        ])
        .ToImmutableArray();
}
