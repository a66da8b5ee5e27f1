using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;
using Confluent.Kafka;

namespace MessageTrace.Kafka.Tests.App;

/// <summary>Producer code as Confluent.Kafka's docs write it, traced by the attribute alone.</summary>
public sealed class OrderProducer(IProducer<string, string> producer)
{
    [TracedProducer]
    public Task<DeliveryResult<string, string>> PublishAsync(string topic, string key, string? value) =>
        producer.ProduceAsync(topic, new Message<string, string> { Key = key, Value = value! });

    [TracedProducer]
    public Task<DeliveryResult<string, string>> PublishAsync(string topic, Message<string, string> message) =>
        producer.ProduceAsync(topic, message);

    [TracedProducer]
    public Task<DeliveryResult<string, string>> PublishToPartitionAsync(string topic, int partition, string key, string value) =>
        producer.ProduceAsync(new TopicPartition(topic, new Partition(partition)), new Message<string, string> { Key = key, Value = value });

    /// <summary>Produce with a delivery handler (or none), as the client's examples write it.</summary>
    [TracedProducer]
    public void Publish(string topic, string key, string value, System.Action<DeliveryReport<string, string>>? report) =>
        producer.Produce(topic, new Message<string, string> { Key = key, Value = value }, report);

    /// <summary>The same send without the attribute: not traced.</summary>
    public Task<DeliveryResult<string, string>> PublishUntracedAsync(string topic, Message<string, string> message) =>
        producer.ProduceAsync(topic, message);
}

/// <summary>A producer whose keys are numbers: recorded only through a registered key formatter.</summary>
public sealed class NumberedOrderProducer(IProducer<long, string> producer)
{
    [TracedProducer]
    public Task<DeliveryResult<long, string>> PublishAsync(string topic, long key, string value) =>
        producer.ProduceAsync(topic, new Message<long, string> { Key = key, Value = value });
}

/// <summary>
/// A producer of counts, as Confluent's MultiProducer example writes it: a value type that cannot be null, so
/// no send of it is a tombstone.
/// </summary>
public sealed class CountProducer(IProducer<Null, int> producer)
{
    [TracedProducer]
    public Task<DeliveryResult<Null, int>> PublishAsync(string topic, int count) =>
        producer.ProduceAsync(topic, new Message<Null, int> { Value = count });
}

/// <summary>
/// A producer generic in its key type: generated code cannot name <typeparamref name="TKey"/>, so this send
/// goes through the generic interceptor and adapter (the others get theirs written out for their types).
/// </summary>
public sealed class GenericOrderProducer<TKey>(IProducer<TKey, string> producer)
{
    [TracedProducer]
    public Task<DeliveryResult<TKey, string>> PublishAsync(string topic, TKey key, string value) =>
        producer.ProduceAsync(topic, new Message<TKey, string> { Key = key, Value = value });
}

/// <summary>Handlers of consumed records; each remembers the span current in its body.</summary>
public sealed class BillingHandler
{
    public List<Activity?> Seen { get; } = new();

    [TracedHandler(ConsumerGroup = "billing")]
    public void Handle(ConsumeResult<string, string> record) => Seen.Add(Activity.Current);

    [TracedHandler(ConsumerGroup = "billing")]
    public void HandleBatch(IReadOnlyList<ConsumeResult<string, string>> records) => Seen.Add(Activity.Current);

    [TracedHandler(Destination = "orders")]
    public void HandleMessage(Message<string, string> message) => Seen.Add(Activity.Current);
}

/// <summary>A poll loop in the shape of Confluent.Kafka's consumer examples: consume, handle, repeat.</summary>
public sealed class InventoryPoller(IConsumer<string, string> consumer, BillingHandler handler)
{
    [TracedConsumer(ConsumerGroup = "inventory")]
    public ConsumeResult<string, string>? PollOnce(System.TimeSpan timeout)
    {
        var record = consumer.Consume(timeout);
        if (record is not null)
        {
            handler.Handle(record);
        }

        return record;
    }

    /// <summary>Consume, handle, commit: the commit traced as a settle span.</summary>
    [TracedConsumer(ConsumerGroup = "inventory", TraceSettle = true)]
    public void PollAndCommit(System.TimeSpan timeout)
    {
        var record = consumer.Consume(timeout);
        handler.Handle(record);
        consumer.Commit(record);
    }
}
