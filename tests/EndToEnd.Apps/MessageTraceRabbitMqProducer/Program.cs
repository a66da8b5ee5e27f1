// Publishes to RabbitMQ with MessageTrace: the sends are traced by [TracedProducer] alone (no
// hand-written spans or propagation), exported over OTLP. RabbitMQ.Client's own tracing is off
// (its ActivitySources have no listener here).
//
//   args: QUEUE MESSAGE_ID [MODE]
//     (no mode)          one message through the default exchange to QUEUE (declared non-durable
//                        and auto-delete), MessageId = MESSAGE_ID, with BasicProperties
//     --exchange=NAME    one message to the exchange NAME with routing key QUEUE, through the
//                        IChannelExtensions overload without properties (the consumer declares
//                        the exchange and binds QUEUE to it)
//     --unsampled-send   as without a mode, inside an app-level ambient span ("e2e ambient send",
//                        source MessageTrace.EndToEnd.Apps), with a sampler that drops every span
//                        carrying messaging.system (so MessageTrace's send span is not sampled)
//     --reuse-properties two messages (MessageId MESSAGE_ID-1, MESSAGE_ID-2) through the default
//                        exchange, published with ONE BasicProperties instance (MessageId changed
//                        in between), as code that keeps its properties object does
//     --metrics=EXCHANGE three messages for the metrics test: MESSAGE_ID-1 and MESSAGE_ID-2 through
//                        the default exchange to QUEUE, MESSAGE_ID-3 to the exchange EXCHANGE with
//                        routing key QUEUE (the consumer declares and binds it)
//     --raw              no MessageTrace and no OpenTelemetry at all: an uninstrumented publisher
//                        sends one message per malformed-context case (MessageId
//                        MESSAGE_ID-CASE), see MalformedContext.Cases
//   env:  MESSAGETRACE_RABBITMQ_URI, OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_SERVICE_NAME (not with --raw)
//   Spans and MessageTrace's metrics are both exported (not with --raw).
//   prints "e2e: published MESSAGE_ID" per message once the broker confirmed it.
using System;
using System.Diagnostics;
using System.Linq;
using MessageTrace;
using MessageTrace.EndToEnd.Apps;
using MessageTrace.EndToEnd.Apps.RabbitMqProducer;
using OpenTelemetry.Trace;
using RabbitMQ.Client;

return await App.RunAsync("MessageTraceRabbitMqProducer", async cancellationToken =>
{
    var queue = App.Argument(args, 0, "QUEUE");
    var messageId = App.Argument(args, 1, "MESSAGE_ID");
    var mode = args.Length > 2 ? args[2] : "";
    if (args.Length > 3 || !(mode is "" or "--unsampled-send" or "--reuse-properties" or "--raw"
        || mode.StartsWith("--exchange=", StringComparison.Ordinal) || mode.StartsWith("--metrics=", StringComparison.Ordinal)))
    {
        throw new AppUsageException($"unknown mode '{string.Join(" ", args.Skip(2))}': expected --exchange=NAME, --metrics=EXCHANGE, --unsampled-send, --reuse-properties or --raw");
    }

    var exchange = mode.StartsWith("--exchange=", StringComparison.Ordinal) ? mode["--exchange=".Length..] : null;
    var metricsExchange = mode.StartsWith("--metrics=", StringComparison.Ordinal) ? mode["--metrics=".Length..] : null;
    if (exchange is { Length: 0 } || metricsExchange is { Length: 0 })
    {
        throw new AppUsageException($"{mode} needs an exchange name");
    }

    var uri = App.Environment("MESSAGETRACE_RABBITMQ_URI", "the AMQP URI of the RabbitMQ broker (amqp://guest:guest@127.0.0.1:PORT/)");
    using var tracing = mode switch
    {
        "--raw" => null,
        "--unsampled-send" => AppTracing.Start([MessageTraceSource.Name, AmbientSpans.SourceName],
            builder => builder.SetSampler(new DropMessagingSpansSampler())),
        _ => AppTracing.Start([MessageTraceSource.Name]),
    };
    using var metrics = mode == "--raw" ? null : AppMetrics.Start();

    var factory = new ConnectionFactory { Uri = new Uri(uri), ClientProvidedName = "MessageTraceRabbitMqProducer" };
    await using var connection = await factory.CreateConnectionAsync(cancellationToken);
    // With confirmations tracked, BasicPublishAsync returns once the broker has the message,
    // and throws if it was returned as unroutable (mandatory).
    var options = new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true);
    await using var channel = await connection.CreateChannelAsync(options, cancellationToken);
    if (exchange is null)
    {
        await channel.QueueDeclareAsync(queue, durable: false, exclusive: false, autoDelete: true, arguments: null,
            cancellationToken: cancellationToken);
    }

    switch (mode)
    {
        case "--raw":
            var uninstrumented = new UninstrumentedPublisher(channel);
            foreach (var (name, headers) in MalformedContext.Cases())
            {
                var id = $"{messageId}-{name}";
                await uninstrumented.PublishAsync(queue, id, headers, cancellationToken);
                App.Signal(AppProtocol.Published, id);
            }

            break;

        case "--reuse-properties":
            await new OrderPublisher(channel).PublishTwiceWithOnePropertiesAsync(queue, $"{messageId}-1", $"{messageId}-2", cancellationToken);
            App.Signal(AppProtocol.Published, $"{messageId}-1");
            App.Signal(AppProtocol.Published, $"{messageId}-2");
            break;

        case var _ when metricsExchange is not null:
            var metered = new OrderPublisher(channel);
            await metered.PublishAsync(queue, $"{messageId}-1", cancellationToken);
            await metered.PublishAsync(queue, $"{messageId}-2", cancellationToken);
            await metered.PublishToExchangeAsync(metricsExchange, queue, $"{messageId}-3", cancellationToken);
            App.Signal(AppProtocol.Published, $"{messageId}-1");
            App.Signal(AppProtocol.Published, $"{messageId}-2");
            App.Signal(AppProtocol.Published, $"{messageId}-3");
            break;

        case "--unsampled-send":
            using (var ambient = AmbientSpans.Source.StartActivity("e2e ambient send"))
            {
                if (ambient is null || !ambient.Recorded)
                {
                    throw new InvalidOperationException("the ambient span was not sampled: the test needs a recorded ambient span");
                }

                await new OrderPublisher(channel).PublishAsync(queue, messageId, cancellationToken);
                App.Signal(AppProtocol.Published, messageId);
            }

            break;

        default:
            var publisher = new OrderPublisher(channel);
            if (exchange is null)
            {
                await publisher.PublishAsync(queue, messageId, cancellationToken);
            }
            else
            {
                await publisher.PublishToExchangeAsync(exchange, queue, messageId, cancellationToken);
            }

            App.Signal(AppProtocol.Published, messageId);
            break;
    }
});

namespace MessageTrace.EndToEnd.Apps.RabbitMqProducer
{
    /// <summary>The app's own spans, when a test needs an ambient span on purpose.</summary>
    internal static class AmbientSpans
    {
        public const string SourceName = "MessageTrace.EndToEnd.Apps";

        public static readonly ActivitySource Source = new(SourceName);
    }

    /// <summary>
    /// Drops every span that carries <c>messaging.system</c> when it starts (MessageTrace passes the
    /// sampling-relevant messaging attributes at start), samples everything else.
    /// </summary>
    internal sealed class DropMessagingSpansSampler : Sampler
    {
        public override SamplingResult ShouldSample(in SamplingParameters samplingParameters)
        {
            var messaging = samplingParameters.Tags?.Any(tag => tag.Key == "messaging.system") ?? false;
            return new SamplingResult(messaging ? SamplingDecision.Drop : SamplingDecision.RecordAndSample);
        }
    }
}
