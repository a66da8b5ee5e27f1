using System.Diagnostics;
using System.Threading.Tasks;
using RabbitMQ.Client.Events;

namespace MessageTrace.EndToEnd.Apps.RabbitMqConsumer;

/// <summary>The app's own spans, when a test needs an ambient span on purpose.</summary>
internal static class AmbientSpans
{
    public const string SourceName = "MessageTrace.EndToEnd.Apps";

    public static readonly ActivitySource Source = new(SourceName);
}

/// <summary>Handlers traced by MessageTrace: the attribute is all the tracing code there is.</summary>
public sealed class DeliveryHandlers
{
    /// <summary>The consumer group of <see cref="HandleAsBillingAsync"/>.</summary>
    public const string BillingGroup = "e2e-billing";

    [TracedHandler]
    public Task HandleAsync(BasicDeliverEventArgs delivery) => Report(delivery);

    [TracedHandler(ConsumerGroup = BillingGroup)]
    public Task HandleAsBillingAsync(BasicDeliverEventArgs delivery) => Report(delivery);

    private static Task Report(BasicDeliverEventArgs delivery)
    {
        var current = Activity.Current;
        App.Signal(AppProtocol.Received,
            $"{delivery.BasicProperties.MessageId} headers={App.DescribeHeaders(delivery.BasicProperties.Headers)} " +
            $"activity={(current is null ? "none" : $"{current.TraceId}-{current.SpanId}")}");
        return Task.CompletedTask;
    }
}
