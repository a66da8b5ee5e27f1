namespace MessageTrace;

/// <summary>
/// The messaging metrics of the OpenTelemetry semantic conventions (v1.44) that MessageTrace records,
/// with their units. The names exist here once; the instruments are in <see cref="MessagingMetrics"/>.
/// </summary>
public static class MessagingMetricNames
{
    /// <summary>Histogram (s): duration of a send, receive or settle the client made.</summary>
    public const string ClientOperationDuration = "messaging.client.operation.duration";

    /// <summary>Histogram (s): duration of processing one message or a batch.</summary>
    public const string ProcessDuration = "messaging.process.duration";

    /// <summary>Counter (<c>{message}</c>): messages the producer attempted to send.</summary>
    public const string ClientSentMessages = "messaging.client.sent.messages";

    /// <summary>Counter (<c>{message}</c>): messages delivered to the application.</summary>
    public const string ClientConsumedMessages = "messaging.client.consumed.messages";

    /// <summary>The unit of the duration histograms, seconds.</summary>
    public const string SecondsUnit = "s";

    /// <summary>The unit of the message counters.</summary>
    public const string MessagesUnit = "{message}";
}
