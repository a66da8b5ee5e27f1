// Consumes from Kafka with MessageTrace, and hosts the Kafka cluster itself: librdkafka's mock cluster,
// started in this process by its first client (nothing installed), lives until this app exits, so the
// producer app connects to it while the consumer waits. Each record is handed to a [TracedHandler]
// method taking ConsumeResult<string, string> (no hand-written spans or extraction); spans and metrics
// are exported over OTLP.
//
//   args: TOPIC COUNT  (creates TOPIC in the mock cluster, reads all its partitions from the beginning,
//                       exits after COUNT records)
//   env:  OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_SERVICE_NAME
//   prints "e2e: ready BOOTSTRAP" (host:port of the mock cluster) once assigned, then per record, from
//   inside the handler, "e2e: received MESSAGE_ID headers=KEY:bytes,... activity=TRACE_ID-SPAN_ID"
//   (MESSAGE_ID is the record's key).
using System;
using System.Linq;
using Confluent.Kafka;
using MessageTrace;
using MessageTrace.EndToEnd.Apps;
using MessageTrace.EndToEnd.Apps.KafkaConsumer;

return await App.RunAsync("MessageTraceKafkaConsumer", async cancellationToken =>
{
    var topic = App.Argument(args, 0, "TOPIC");
    var count = App.PositiveIntArgument(args, 1, "COUNT", fallback: 1);
    using var tracing = AppTracing.Start([MessageTraceSource.Name]);
    using var metrics = AppMetrics.Start();

    var clusterConfig = new ProducerConfig();
    clusterConfig.Set("test.mock.num.brokers", "1");
    using var cluster = new ProducerBuilder<byte[], byte[]>(clusterConfig).Build();
    using var admin = new DependentAdminClientBuilder(cluster.Handle).Build();
    var broker = admin.GetMetadata(TimeSpan.FromSeconds(10)).Brokers.Single();
    // Asking for the topic's metadata creates it in the mock cluster.
    var partitions = admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics.Single().Partitions;

    using var consumer = new ConsumerBuilder<string, string>(new ConsumerConfig
    {
        BootstrapServers = $"{broker.Host}:{broker.Port}",
        GroupId = RecordHandlers.Group,
        EnableAutoCommit = false,
    }).Build();
    consumer.Assign(partitions.Select(p => new TopicPartitionOffset(topic, new Partition(p.PartitionId), Offset.Beginning)));
    App.Signal(AppProtocol.Ready, $"{broker.Host}:{broker.Port}");

    var handlers = new RecordHandlers();
    await System.Threading.Tasks.Task.Run(() =>
    {
        for (var received = 0; received < count; received++)
        {
            handlers.Handle(consumer.Consume(cancellationToken));
        }
    }, cancellationToken);
});
