// Publishes to NATS with MessageTrace: the sends are traced by [TracedProducer] alone (no
// hand-written spans or propagation), exported over OTLP. NATS.Net's own tracing is off (its
// ActivitySource "NATS.Net" has no listener here).
//
//   args: SUBJECT MESSAGE_ID [MODE]
//     (no mode)          one message to SUBJECT with the header message-id: MESSAGE_ID
//     --no-headers       one message to SUBJECT without headers (MessageTrace creates them)
//     --unsampled-send   as without a mode, inside an app-level ambient span ("e2e ambient send",
//                        source MessageTrace.EndToEnd.Apps), with a sampler that drops every span
//                        carrying messaging.system (so MessageTrace's send span is not sampled)
//     --reuse-headers    two messages, to SUBJECT.1 and SUBJECT.2, published with ONE NatsHeaders
//                        instance (message-id MESSAGE_ID-1, then MESSAGE_ID-2), as code that keeps
//                        its headers object does
//     --metrics          three messages for the metrics test: MESSAGE_ID-1 and MESSAGE_ID-2 to
//                        SUBJECT.1, MESSAGE_ID-3 to SUBJECT.2
//     --raw              no MessageTrace and no OpenTelemetry at all: an uninstrumented publisher
//                        sends one message per malformed-context case to SUBJECT.CASE (header
//                        message-id: MESSAGE_ID-CASE), see MalformedContext.Cases
//   env:  MESSAGETRACE_NATS_URL, OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_SERVICE_NAME (not with --raw)
//   Spans and MessageTrace's metrics are both exported (not with --raw).
//   prints "e2e: published MESSAGE_ID SUBJECT" per message once the server has it.
using System;
using System.Diagnostics;
using System.Linq;
using MessageTrace;
using MessageTrace.EndToEnd.Apps;
using MessageTrace.EndToEnd.Apps.NatsProducer;
using NATS.Client.Core;
using NATS.Net;
using OpenTelemetry.Trace;

return await App.RunAsync("MessageTraceNatsProducer", async cancellationToken =>
{
    var subject = App.Argument(args, 0, "SUBJECT");
    var messageId = App.Argument(args, 1, "MESSAGE_ID");
    var mode = args.Length > 2 ? args[2] : "";
    if (args.Length > 3 || mode is not ("" or "--no-headers" or "--unsampled-send" or "--reuse-headers" or "--metrics" or "--raw"))
    {
        throw new AppUsageException($"unknown mode '{string.Join(" ", args.Skip(2))}': expected --no-headers, --unsampled-send, --reuse-headers, --metrics or --raw");
    }

    var url = App.Environment("MESSAGETRACE_NATS_URL", "the URL of the NATS server (nats://127.0.0.1:PORT)");
    using var tracing = mode switch
    {
        "--raw" => null,
        "--unsampled-send" => AppTracing.Start([MessageTraceSource.Name, AmbientSpans.SourceName],
            builder => builder.SetSampler(new DropMessagingSpansSampler())),
        _ => AppTracing.Start([MessageTraceSource.Name]),
    };
    using var metrics = mode == "--raw" ? null : AppMetrics.Start();

    await using var client = new NatsClient(new NatsOpts { Url = url, Name = "MessageTraceNatsProducer" });
    await client.ConnectAsync();
    switch (mode)
    {
        case "--raw":
            var uninstrumented = new UninstrumentedPublisher(client);
            foreach (var (name, headers) in MalformedContext.Cases())
            {
                var id = $"{messageId}-{name}";
                var caseSubject = $"{subject}.{name}";
                await uninstrumented.PublishAsync(caseSubject, id, headers, cancellationToken);
                // The server answers a PING only after it has processed everything sent before it.
                await client.PingAsync(cancellationToken);
                App.Signal(AppProtocol.Published, $"{id} {caseSubject}");
            }

            break;

        case "--reuse-headers":
            await new OrderPublisher(client).PublishTwiceWithOneHeadersAsync($"{subject}.1", $"{messageId}-1", $"{subject}.2", $"{messageId}-2", cancellationToken);
            await client.PingAsync(cancellationToken);
            App.Signal(AppProtocol.Published, $"{messageId}-1 {subject}.1");
            App.Signal(AppProtocol.Published, $"{messageId}-2 {subject}.2");
            break;

        case "--metrics":
            var metered = new OrderPublisher(client);
            await metered.PublishAsync($"{subject}.1", $"{messageId}-1", cancellationToken);
            await metered.PublishAsync($"{subject}.1", $"{messageId}-2", cancellationToken);
            await metered.PublishAsync($"{subject}.2", $"{messageId}-3", cancellationToken);
            await client.PingAsync(cancellationToken);
            App.Signal(AppProtocol.Published, $"{messageId}-1 {subject}.1");
            App.Signal(AppProtocol.Published, $"{messageId}-2 {subject}.1");
            App.Signal(AppProtocol.Published, $"{messageId}-3 {subject}.2");
            break;

        case "--unsampled-send":
            using (var ambient = AmbientSpans.Source.StartActivity("e2e ambient send"))
            {
                if (ambient is null || !ambient.Recorded)
                {
                    throw new InvalidOperationException("the ambient span was not sampled: the test needs a recorded ambient span");
                }

                await new OrderPublisher(client).PublishAsync(subject, messageId, cancellationToken);
                await client.PingAsync(cancellationToken);
                App.Signal(AppProtocol.Published, $"{messageId} {subject}");
            }

            break;

        default:
            var publisher = new OrderPublisher(client);
            if (mode == "--no-headers")
            {
                await publisher.PublishWithoutHeadersAsync(subject, messageId, cancellationToken);
            }
            else
            {
                await publisher.PublishAsync(subject, messageId, cancellationToken);
            }

            await client.PingAsync(cancellationToken);
            App.Signal(AppProtocol.Published, $"{messageId} {subject}");
            break;
    }
});

namespace MessageTrace.EndToEnd.Apps.NatsProducer
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
