using System.Diagnostics;
using System.Threading.Tasks;
using NATS.Client.Core;

namespace MessageTrace.EndToEnd.Apps.NatsConsumer;

/// <summary>The app's own spans, when a test needs an ambient span on purpose.</summary>
internal static class AmbientSpans
{
    public const string SourceName = "MessageTrace.EndToEnd.Apps";

    public static readonly ActivitySource Source = new(SourceName);
}

/// <summary>Handlers traced by MessageTrace: the attribute is all the tracing code there is.</summary>
public sealed class MessageHandlers
{
    /// <summary>The consumer group (and NATS queue group) of <see cref="HandleAsBillingAsync"/>.</summary>
    public const string BillingGroup = "e2e-billing";

    [TracedHandler]
    public ValueTask HandleAsync(NatsMsg<string> message) => Report(message);

    [TracedHandler(ConsumerGroup = BillingGroup)]
    public ValueTask HandleAsBillingAsync(NatsMsg<string> message) => Report(message);

    private static ValueTask Report(NatsMsg<string> message)
    {
        var current = Activity.Current;
        var messageId = message.Headers is { } headers && headers.TryGetValue("message-id", out var value) ? value.ToString() : "-";
        App.Signal(AppProtocol.Received,
            $"{messageId} subject={message.Subject} headers={App.DescribeHeaders(message.Headers)} " +
            $"activity={(current is null ? "none" : $"{current.TraceId}-{current.SpanId}")}");
        return ValueTask.CompletedTask;
    }
}
