using System.Diagnostics;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using OpenTelemetry;
using OpenTelemetry.Context.Propagation;
using Org.Apache.Rocketmq;

namespace MessageTrace.Benchmarks.App;

/// <summary>
/// A RocketMQ publisher written three ways: bare (no tracing), traced by MessageTrace (the
/// <see cref="TracedProducerAttribute"/> makes the generator intercept the <c>producer.Send</c> call at
/// compile time), and instrumented by hand. The three methods are kept out of line so each benchmark
/// pays the same call.
/// </summary>
public sealed class OrderPublisher(Producer producer)
{
    /// <summary>The send without tracing.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public Task<ISendReceipt> PublishBare(Message message) => producer.Send(message);

    /// <summary>The same send; the generator intercepts it.</summary>
    [TracedProducer]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public Task<ISendReceipt> PublishGenerated(Message message) => producer.Send(message);

    /// <summary>
    /// The same send instrumented as the OpenTelemetry docs teach: StartActivity, inject the span's
    /// context (or the ambient one) through the default propagator with a setter callback, tags via
    /// SetTag, the span ended when the send completes. Attributes as MessageTrace records them.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public async Task<ISendReceipt> PublishHandWritten(Message message)
    {
        var started = HandWrittenMetrics.StartSend();
        using var activity = HandWritten.Source.StartActivity("send orders", ActivityKind.Producer);

        ActivityContext contextToInject = default;
        if (activity != null)
        {
            contextToInject = activity.Context;
        }
        else if (Activity.Current != null)
        {
            contextToInject = Activity.Current.Context;
        }

        Propagators.DefaultTextMapPropagator.Inject(new PropagationContext(contextToInject, Baggage.Current), message.Properties, HandWritten.SetStringHeader);

        // Attributes only when the span records them, as the generated code does (the docs' unguarded
        // activity?.SetTag would also set them on S3's propagation-only spans).
        if (activity != null && activity.IsAllDataRequested)
        {
            activity.SetTag("messaging.system", "rocketmq");
            activity.SetTag("messaging.operation.name", "send");
            activity.SetTag("messaging.operation.type", "send");
            activity.SetTag("messaging.destination.name", message.Topic);
            activity.SetTag("messaging.rocketmq.namespace", "");
            activity.SetTag("messaging.rocketmq.message.type", !string.IsNullOrEmpty(message.MessageGroup) ? "fifo" : message.DeliveryTimestamp.HasValue ? "delay" : "normal");
            if (!string.IsNullOrEmpty(message.Tag))
            {
                activity.SetTag("messaging.rocketmq.message.tag", message.Tag);
            }

            if (message.Keys.Count > 0)
            {
                activity.SetTag("messaging.rocketmq.message.keys", message.Keys.ToArray());
            }
        }

        var receipt = await producer.Send(message).ConfigureAwait(false);
        if (activity != null && activity.IsAllDataRequested)
        {
            activity.SetTag("messaging.message.id", receipt.MessageId);
        }

        HandWrittenMetrics.RecordSend(started, "rocketmq", message.Topic);
        return receipt;
    }
}

/// <summary>A RocketMQ push-consumer handler written three ways, as <see cref="OrderPublisher"/>.</summary>
public sealed class BillingHandler
{
    /// <summary>The handler without tracing.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public ConsumeResult ConsumeBare(MessageView message) => message.Body.Length > 0 ? ConsumeResult.SUCCESS : ConsumeResult.FAILURE;

    /// <summary>The same handler; every call of it is intercepted by the generator.</summary>
    [TracedHandler(ConsumerGroup = "billing")]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public ConsumeResult ConsumeGenerated(MessageView message) => message.Body.Length > 0 ? ConsumeResult.SUCCESS : ConsumeResult.FAILURE;

    /// <summary>
    /// The handler instrumented as the OpenTelemetry docs teach: Extract with a getter callback, the
    /// baggage made current, a consumer span parented on the extracted context; plus, to do what
    /// MessageTrace does, a link to that context, the same attributes, and FAILURE recorded as an error.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public ConsumeResult ConsumeHandWritten(MessageView message)
    {
        var started = HandWrittenMetrics.StartProcess();
        var parentContext = Propagators.DefaultTextMapPropagator.Extract(default, message, HandWritten.GetStringHeader);
        Baggage.Current = parentContext.Baggage;

        using var activity = HandWritten.Source.StartActivity(
            "process orders",
            ActivityKind.Consumer,
            parentContext.ActivityContext,
            tags: null,
            links: parentContext.ActivityContext == default ? null : new[] { new ActivityLink(parentContext.ActivityContext) });

        // Attributes only when the span records them, as the generated code does (the docs' unguarded
        // activity?.SetTag would also set them on S3's propagation-only spans).
        if (activity != null && activity.IsAllDataRequested)
        {
            activity.SetTag("messaging.system", "rocketmq");
            activity.SetTag("messaging.operation.name", "process");
            activity.SetTag("messaging.operation.type", "process");
            activity.SetTag("messaging.destination.name", message.Topic);
            activity.SetTag("messaging.consumer.group.name", "billing");
            activity.SetTag("messaging.rocketmq.namespace", "");
            activity.SetTag("messaging.message.id", message.MessageId);
            if (!string.IsNullOrEmpty(message.Tag))
            {
                activity.SetTag("messaging.rocketmq.message.tag", message.Tag);
            }

            if (message.Keys.Count > 0)
            {
                activity.SetTag("messaging.rocketmq.message.keys", message.Keys.ToArray());
            }

            activity.SetTag("messaging.rocketmq.message.delivery_attempt", message.DeliveryAttempt);
        }

        var result = ConsumeBare(message);
        if (result == ConsumeResult.FAILURE)
        {
            activity?.SetStatus(ActivityStatusCode.Error, "FAILURE");
            if (activity != null && activity.IsAllDataRequested)
            {
                activity.SetTag("error.type", "FAILURE");
            }
        }

        HandWrittenMetrics.RecordProcess(started, "rocketmq", message.Topic, "billing", result == ConsumeResult.FAILURE ? "FAILURE" : null);
        return result;
    }
}
