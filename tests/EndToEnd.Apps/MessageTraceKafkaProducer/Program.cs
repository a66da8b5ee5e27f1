// Produces to Kafka with MessageTrace: the sends are traced by [TracedProducer] alone (no hand-written
// spans or propagation), exported over OTLP. Connects to the mock cluster MessageTraceKafkaConsumer hosts.
//
//   args: TOPIC MESSAGE_ID BOOTSTRAP [MODE]
//     (no mode)   two records: key MESSAGE_ID-async through ProduceAsync, then key MESSAGE_ID-report
//                 through Produce with a delivery handler (flushed before exiting)
//     --raw       no MessageTrace and no OpenTelemetry: an uninstrumented producer sends one record per
//                 malformed-context case (key MESSAGE_ID-CASE), see MalformedContext.Cases
//   env:  OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_SERVICE_NAME (not with --raw)
//   prints "e2e: published KEY" per record once the broker acknowledged it.
using System;
using System.Linq;
using Confluent.Kafka;
using MessageTrace;
using MessageTrace.EndToEnd.Apps;
using MessageTrace.EndToEnd.Apps.KafkaProducer;

return await App.RunAsync("MessageTraceKafkaProducer", async cancellationToken =>
{
    var topic = App.Argument(args, 0, "TOPIC");
    var messageId = App.Argument(args, 1, "MESSAGE_ID");
    var bootstrap = App.Argument(args, 2, "BOOTSTRAP");
    var mode = args.Length > 3 ? args[3] : "";
    if (args.Length > 4 || mode is not ("" or "--raw"))
    {
        throw new AppUsageException($"unknown mode '{string.Join(" ", args.Skip(3))}': expected --raw");
    }

    using var tracing = mode == "--raw" ? null : AppTracing.Start([MessageTraceSource.Name]);
    using var metrics = mode == "--raw" ? null : AppMetrics.Start();
    using var producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = bootstrap, LingerMs = 0 }).Build();

    if (mode == "--raw")
    {
        var uninstrumented = new UninstrumentedPublisher(producer);
        foreach (var (name, headers) in MalformedContext.Cases())
        {
            var key = $"{messageId}-{name}";
            await uninstrumented.PublishAsync(topic, key, headers, cancellationToken);
            App.Signal(AppProtocol.Published, key);
        }

        return;
    }

    var publisher = new OrderPublisher(producer);
    await publisher.PublishAsync(topic, $"{messageId}-async", cancellationToken);
    App.Signal(AppProtocol.Published, $"{messageId}-async");

    DeliveryReport<string, string>? delivered = null;
    publisher.Publish(topic, $"{messageId}-report", report => delivered = report);
    producer.Flush(cancellationToken);
    if (delivered is not { Error.IsError: false })
    {
        throw new InvalidOperationException($"the delivery handler saw {delivered?.Error.Reason ?? "no report"}");
    }

    App.Signal(AppProtocol.Published, $"{messageId}-report");
});
