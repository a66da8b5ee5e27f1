using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using OpenTelemetry;
using OpenTelemetry.Context.Propagation;

namespace MessageTrace.Benchmarks.App;

/// <summary>
/// A message of an in-process "bus" whose headers are byte-valued, as RabbitMQ's and Kafka's are:
/// <see cref="MessageHeadersAttribute"/> on an <c>IDictionary&lt;string, object?&gt;</c> makes MessageTrace
/// write header values as UTF-8 <c>byte[]</c> and read them back from bytes.
/// </summary>
public sealed class Envelope
{
    /// <summary>The destination.</summary>
    public string Topic { get; init; } = "";

    /// <summary>The application's message id.</summary>
    public string? MessageId { get; init; }

    /// <summary>The payload.</summary>
    public byte[] Body { get; init; } = [];

    /// <summary>The headers.</summary>
    [MessageHeaders(System = "inhouse")]
    public IDictionary<string, object?>? Headers { get; set; }
}

/// <summary>The in-process bus: a send hands the envelope over and returns.</summary>
public sealed class InHouseBus
{
    /// <summary>The last envelope handed over (read by the benchmarks' sanity checks).</summary>
    public Envelope? Last { get; private set; }

    /// <summary>
    /// Whether <see cref="Last"/> is kept (the default). Threads sending at once turn it off, so they do
    /// not all write one shared field and measure its cache line instead of the send.
    /// </summary>
    public bool KeepLast { get; init; } = true;

    /// <summary>Sends <paramref name="envelope"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public void Publish(Envelope envelope)
    {
        if (KeepLast)
        {
            Last = envelope;
        }
    }
}

/// <summary>A publisher on the in-process bus written three ways, as <see cref="OrderPublisher"/>.</summary>
public sealed class EnvelopePublisher(InHouseBus bus)
{
    /// <summary>The send without tracing.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public void PublishBare(Envelope envelope) => bus.Publish(envelope);

    /// <summary>The same send; the generator intercepts it.</summary>
    [TracedProducer]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public void PublishGenerated(Envelope envelope) => bus.Publish(envelope);

    /// <summary>The same send instrumented as the OpenTelemetry docs teach (see <see cref="OrderPublisher.PublishHandWritten"/>).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public void PublishHandWritten(Envelope envelope)
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

        envelope.Headers ??= new Dictionary<string, object?>();
        Propagators.DefaultTextMapPropagator.Inject(new PropagationContext(contextToInject, Baggage.Current), envelope.Headers, HandWritten.SetBytesHeader);

        // Attributes only when the span records them, as the generated code does (the docs' unguarded
        // activity?.SetTag would also set them on S3's propagation-only spans).
        if (activity != null && activity.IsAllDataRequested)
        {
            activity.SetTag("messaging.system", "inhouse");
            activity.SetTag("messaging.operation.name", "send");
            activity.SetTag("messaging.operation.type", "send");
            activity.SetTag("messaging.destination.name", envelope.Topic);
            if (!string.IsNullOrEmpty(envelope.MessageId))
            {
                activity.SetTag("messaging.message.id", envelope.MessageId);
            }
        }

        bus.Publish(envelope);
        HandWrittenMetrics.RecordSend(started, "inhouse", envelope.Topic);
    }
}

/// <summary>A handler of envelopes written three ways, as <see cref="BillingHandler"/>.</summary>
public sealed class EnvelopeHandler
{
    /// <summary>The handler without tracing.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public void HandleBare(Envelope envelope) => Handled += envelope.Body.Length;

    /// <summary>The same handler; every call of it is intercepted by the generator.</summary>
    [TracedHandler(ConsumerGroup = "billing")]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public void HandleGenerated(Envelope envelope) => Handled += envelope.Body.Length;

    /// <summary>The handler instrumented as the OpenTelemetry docs teach (see <see cref="BillingHandler.ConsumeHandWritten"/>).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public void HandleHandWritten(Envelope envelope)
    {
        var started = HandWrittenMetrics.StartProcess();
        var parentContext = envelope.Headers is null
            ? default
            : Propagators.DefaultTextMapPropagator.Extract(default, envelope.Headers, HandWritten.GetBytesHeader);
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
            activity.SetTag("messaging.system", "inhouse");
            activity.SetTag("messaging.operation.name", "process");
            activity.SetTag("messaging.operation.type", "process");
            activity.SetTag("messaging.destination.name", envelope.Topic);
            activity.SetTag("messaging.consumer.group.name", "billing");
            if (!string.IsNullOrEmpty(envelope.MessageId))
            {
                activity.SetTag("messaging.message.id", envelope.MessageId);
            }
        }

        HandleBare(envelope);
        HandWrittenMetrics.RecordProcess(started, "inhouse", envelope.Topic, "billing", errorType: null);
    }

    /// <summary>Bytes handled, so the handler's work is observable.</summary>
    public long Handled { get; private set; }
}
