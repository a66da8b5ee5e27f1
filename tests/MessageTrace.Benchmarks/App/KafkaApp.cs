using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using Confluent.Kafka;
using OpenTelemetry;
using OpenTelemetry.Context.Propagation;

namespace MessageTrace.Benchmarks.App;

/// <summary>
/// A Kafka publisher written three ways, as <see cref="OrderPublisher"/>: <c>ProduceAsync</c> of a message
/// with a text key and a byte[] value, bare, traced by MessageTrace, and instrumented by hand.
/// </summary>
public sealed class KafkaOrderPublisher(IProducer<string, byte[]> producer)
{
    /// <summary>The send without tracing.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public Task<DeliveryResult<string, byte[]>> PublishBare(Message<string, byte[]> message) => producer.ProduceAsync("orders", message);

    /// <summary>The same send; the generator intercepts it.</summary>
    [TracedProducer]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public Task<DeliveryResult<string, byte[]>> PublishGenerated(Message<string, byte[]> message) => producer.ProduceAsync("orders", message);

    /// <summary>
    /// The same send instrumented the docs' way: StartActivity, the context injected into the message's
    /// headers as UTF-8 bytes through the default propagator, the conventions' Kafka attributes, and the
    /// partition and offset of the delivery result.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public async Task<DeliveryResult<string, byte[]>> PublishHandWritten(Message<string, byte[]> message)
    {
        var started = HandWrittenMetrics.StartSend();
        using var activity = HandWritten.Source.StartActivity("send orders", ActivityKind.Producer);
        var contextToInject = activity?.Context ?? Activity.Current?.Context ?? default;
        message.Headers ??= new Headers();
        Propagators.DefaultTextMapPropagator.Inject(new PropagationContext(contextToInject, Baggage.Current), message.Headers, HandWritten.SetKafkaHeader);
        if (activity != null && activity.IsAllDataRequested)
        {
            activity.SetTag("messaging.system", "kafka");
            activity.SetTag("messaging.operation.name", "send");
            activity.SetTag("messaging.operation.type", "send");
            activity.SetTag("messaging.destination.name", "orders");
            activity.SetTag("messaging.kafka.message.key", message.Key);
        }

        var result = await producer.ProduceAsync("orders", message).ConfigureAwait(false);
        if (activity != null && activity.IsAllDataRequested)
        {
            activity.SetTag("messaging.destination.partition.id", result.Partition.Value.ToString(CultureInfo.InvariantCulture));
            activity.SetTag("messaging.kafka.offset", result.Offset.Value);
        }

        HandWrittenMetrics.RecordSend(started, "kafka", "orders");
        return result;
    }
}

/// <summary>A handler of consumed Kafka records written three ways, as <see cref="BillingHandler"/>.</summary>
public sealed class KafkaBillingHandler
{
    /// <summary>The handler without tracing.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public bool HandleBare(ConsumeResult<string, byte[]> record) => record.Message.Value.Length > 0;

    /// <summary>The same handler; every call of it is intercepted by the generator.</summary>
    [TracedHandler(ConsumerGroup = "billing")]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public bool HandleGenerated(ConsumeResult<string, byte[]> record) => record.Message.Value.Length > 0;

    /// <summary>
    /// The handler instrumented the docs' way: Extract from the record's headers with a getter, the baggage
    /// made current, a consumer span parented on (and linked to) the extracted context, the same attributes.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public bool HandleHandWritten(ConsumeResult<string, byte[]> record)
    {
        var started = HandWrittenMetrics.StartProcess();
        var parentContext = Propagators.DefaultTextMapPropagator.Extract(default, record.Message.Headers, HandWritten.GetKafkaHeader);
        Baggage.Current = parentContext.Baggage;

        using var activity = HandWritten.Source.StartActivity(
            "process orders",
            ActivityKind.Consumer,
            parentContext.ActivityContext,
            tags: null,
            links: parentContext.ActivityContext == default ? null : new[] { new ActivityLink(parentContext.ActivityContext) });
        if (activity != null && activity.IsAllDataRequested)
        {
            activity.SetTag("messaging.system", "kafka");
            activity.SetTag("messaging.operation.name", "process");
            activity.SetTag("messaging.operation.type", "process");
            activity.SetTag("messaging.destination.name", record.Topic);
            activity.SetTag("messaging.consumer.group.name", "billing");
            activity.SetTag("messaging.kafka.message.key", record.Message.Key);
            activity.SetTag("messaging.destination.partition.id", record.Partition.Value.ToString(CultureInfo.InvariantCulture));
            activity.SetTag("messaging.kafka.offset", record.Offset.Value);
        }

        var handled = HandleBare(record);
        HandWrittenMetrics.RecordProcess(started, "kafka", record.Topic, "billing", null);
        return handled;
    }
}
