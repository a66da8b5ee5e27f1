using System;
using System.Linq;
using Confluent.Kafka;
using Xunit;

namespace MessageTrace.Kafka.Tests.Infrastructure;

/// <summary>
/// A Kafka cluster for the tests with nothing installed: librdkafka's mock cluster, which the first
/// client starts in process (<c>test.mock.num.brokers</c>) and which lives as long as that client. Its
/// bootstrap address is read from the metadata, and other clients connect to it as to any broker.
/// </summary>
public sealed class MockCluster : IDisposable
{
    private readonly IProducer<byte[], byte[]> _owner;

    public MockCluster()
    {
        var config = new ProducerConfig();
        config.Set("test.mock.num.brokers", "1");
        _owner = new ProducerBuilder<byte[], byte[]>(config).Build();
        using var admin = new DependentAdminClientBuilder(_owner.Handle).Build();
        var broker = admin.GetMetadata(TimeSpan.FromSeconds(10)).Brokers.Single();
        BootstrapServers = $"{broker.Host}:{broker.Port}";
    }

    public string BootstrapServers { get; }

    public IProducer<TKey, TValue> Producer<TKey, TValue>(string? clientId = null) =>
        new ProducerBuilder<TKey, TValue>(new ProducerConfig { BootstrapServers = BootstrapServers, ClientId = clientId }).Build();

    /// <summary>
    /// A consumer in GROUP reading every partition of TOPIC from its beginning (assigned, no rebalance to
    /// wait for). Create it after the first produce: the mock cluster creates a topic when it is first
    /// written to. Records of one key keep their order (one partition); across keys they need not.
    /// With PARTITIONEOF, Consume also returns an event without a message at the end of each partition.
    /// </summary>
    public IConsumer<TKey, TValue> Consumer<TKey, TValue>(string group, string topic, bool partitionEof = false)
    {
        var consumer = new ConsumerBuilder<TKey, TValue>(new ConsumerConfig
        {
            BootstrapServers = BootstrapServers,
            GroupId = group,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
            EnablePartitionEof = partitionEof,
        }).Build();
        using var admin = new DependentAdminClientBuilder(_owner.Handle).Build();
        var partitions = admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics.Single().Partitions;
        consumer.Assign(partitions.Select(p => new TopicPartitionOffset(topic, new Partition(p.PartitionId), Offset.Beginning)));
        return consumer;
    }

    /// <summary>The next record of the consumer's topic, or a failed test after 20 s.</summary>
    public static ConsumeResult<TKey, TValue> Next<TKey, TValue>(IConsumer<TKey, TValue> consumer)
    {
        var record = consumer.Consume(TimeSpan.FromSeconds(20));
        Assert.NotNull(record);
        return record;
    }

    public void Dispose() => _owner.Dispose();
}

/// <summary>One mock cluster for every test of the project (it is the expensive part).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class KafkaCollection : ICollectionFixture<MockCluster>
{
    public const string Name = "Kafka";
}
