using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Confluent.Kafka;

namespace MessageTrace.Benchmarks.App;

/// <summary>
/// An <see cref="IProducer{TKey, TValue}"/> that keeps the last message instead of talking to a broker, so a
/// benchmark measures the tracing around <c>ProduceAsync</c> and not librdkafka's queues: each produce
/// completes at once with a delivery result at partition 0 and the next offset, as a broker's
/// acknowledgement would. Members a send does not use throw.
/// </summary>
public sealed class InMemoryKafkaProducer<TKey, TValue> : IProducer<TKey, TValue>
{
    private long _offset;

    /// <summary>The last message produced.</summary>
    public Message<TKey, TValue>? Last { get; private set; }

    /// <summary>librdkafka's default name: no <c>client.id</c> configured.</summary>
    public string Name => "rdkafka#producer-1";

    /// <summary>Not used by a send.</summary>
    public Handle Handle => throw new NotSupportedException();

    /// <summary>Completes with the message stored at partition 0.</summary>
    public Task<DeliveryResult<TKey, TValue>> ProduceAsync(string topic, Message<TKey, TValue> message, CancellationToken cancellationToken = default) =>
        Task.FromResult(Store(new TopicPartition(topic, new Partition(0)), message));

    /// <summary>Completes with the message stored at the chosen partition.</summary>
    public Task<DeliveryResult<TKey, TValue>> ProduceAsync(TopicPartition topicPartition, Message<TKey, TValue> message, CancellationToken cancellationToken = default) =>
        Task.FromResult(Store(topicPartition, message));

    /// <summary>Stores the message and reports it delivered, on the caller's thread.</summary>
    public void Produce(string topic, Message<TKey, TValue> message, Action<DeliveryReport<TKey, TValue>>? deliveryHandler = null) =>
        Produce(new TopicPartition(topic, new Partition(0)), message, deliveryHandler);

    /// <summary>Stores the message and reports it delivered, on the caller's thread.</summary>
    public void Produce(TopicPartition topicPartition, Message<TKey, TValue> message, Action<DeliveryReport<TKey, TValue>>? deliveryHandler = null)
    {
        var result = Store(topicPartition, message);
        deliveryHandler?.Invoke(new DeliveryReport<TKey, TValue>
        {
            TopicPartitionOffset = result.TopicPartitionOffset,
            Message = message,
            Status = PersistenceStatus.Persisted,
            Error = new Error(ErrorCode.NoError),
        });
    }

    private DeliveryResult<TKey, TValue> Store(TopicPartition target, Message<TKey, TValue> message)
    {
        Last = message;
        return new DeliveryResult<TKey, TValue>
        {
            TopicPartitionOffset = new TopicPartitionOffset(target, new Offset(_offset++)),
            Message = message,
            Status = PersistenceStatus.Persisted,
        };
    }

    /// <summary>Nothing is queued.</summary>
    public int Poll(TimeSpan timeout) => 0;

    /// <summary>Nothing is queued.</summary>
    public int Flush(TimeSpan timeout) => 0;

    /// <summary>Nothing is queued.</summary>
    public void Flush(CancellationToken cancellationToken = default)
    {
    }

    /// <summary>Not used by a send.</summary>
    public int AddBrokers(string brokers) => throw new NotSupportedException();

    /// <summary>Not used by a send.</summary>
    public void SetSaslCredentials(string username, string password) => throw new NotSupportedException();

    /// <summary>Not used by a send.</summary>
    public void InitTransactions(TimeSpan timeout) => throw new NotSupportedException();

    /// <summary>Not used by a send.</summary>
    public void BeginTransaction() => throw new NotSupportedException();

    /// <summary>Not used by a send.</summary>
    public void CommitTransaction(TimeSpan timeout) => throw new NotSupportedException();

    /// <summary>Not used by a send.</summary>
    public void CommitTransaction() => throw new NotSupportedException();

    /// <summary>Not used by a send.</summary>
    public void AbortTransaction(TimeSpan timeout) => throw new NotSupportedException();

    /// <summary>Not used by a send.</summary>
    public void AbortTransaction() => throw new NotSupportedException();

    /// <summary>Not used by a send.</summary>
    public void SendOffsetsToTransaction(IEnumerable<TopicPartitionOffset> offsets, IConsumerGroupMetadata groupMetadata, TimeSpan timeout) =>
        throw new NotSupportedException();

    /// <summary>Nothing to release.</summary>
    public void Dispose()
    {
    }
}
