using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using MessageTrace.EndToEnd.Apps;
using MessageTrace.EndToEnd.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;
using static MessageTrace.EndToEnd.Tests.Infrastructure.MessagingRuns;

namespace MessageTrace.EndToEnd.Tests;

/// <summary>
/// MessageTrace on both sides of Kafka with nothing installed: MessageTraceKafkaConsumer hosts librdkafka's
/// mock cluster (a real Kafka protocol endpoint) and handles records with a [TracedHandler];
/// MessageTraceKafkaProducer connects to it and produces with [TracedProducer]. Two processes, each
/// exporting over OTLP; the traces read back from the backend.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class MessageTraceKafkaTests(ITestOutputHelper output)
{
    private const string Producer = "MessageTraceKafkaProducer";
    private const string Consumer = "MessageTraceKafkaConsumer";
    private const string Group = "e2e-billing";

    private readonly OtlpBackend _backend = EndToEndEnvironment.Current.OtlpBackend();
    private readonly string _run = RunId.New();

    private string Topic => $"e2e.mt-kafka.{_run}";

    private string ProducerService => $"mt-kafka-producer-{_run}";

    private string ConsumerService => $"mt-kafka-consumer-{_run}";

    [Fact]
    public async Task ProduceAsyncAndProduce_EachFormOneTraceWithTheProcessSpan_AcrossTwoServices()
    {
        var messageId = $"message-{_run}";
        var (_, consumer) = await RunKafkaAsync(2, [messageId], _backend.AppVariables(ProducerService));

        using var dashboard = new DashboardClient(_backend.DashboardUrl);
        var sends = await dashboard.WaitForSpansAsync(ProducerService, MessageTraceSpan($"send {Topic}", ActivityKind.Producer), 2, "the two send spans");
        var processes = await dashboard.WaitForSpansAsync(ConsumerService, MessageTraceSpan($"process {Topic}", ActivityKind.Consumer), 2, "the two process spans");
        var received = consumer.Signals(AppProtocol.Received);
        foreach (var key in new[] { $"{messageId}-async", $"{messageId}-report" })
        {
            var send = Assert.Single(sends, s => s.Attribute("messaging.kafka.message.key") == key);
            var process = Assert.Single(processes, s => s.Attribute("messaging.kafka.message.key") == key);
            Assert.Null(send.ParentSpanId);
            Assert.Equal("kafka", send.Attribute("messaging.system"));
            Assert.NotNull(send.Attribute("messaging.kafka.offset")); // from the delivery result or report
            Assert.NotNull(send.Attribute("messaging.destination.partition.id"));
            Assert.True(process.IsChildOf(send), $"{key}: process span {process} is not a child of {send}");
            Assert.True(process.LinksTo(send), $"{key}: process span {process} has no link to {send}");
            Assert.Equal(Group, process.Attribute("messaging.consumer.group.name"));
            Assert.Equal(send.Attribute("messaging.kafka.offset"), process.Attribute("messaging.kafka.offset"));
            var line = Assert.Single(received, r => r.StartsWith(key + " ", StringComparison.Ordinal));
            Assert.Contains("traceparent:bytes", line);
            AssertHandlerRanInside(line, process);
        }
    }

    [Fact]
    public async Task GarbageTraceparentBytes_GiveRootProcessSpansWithoutLinks_AndNeverThrow()
    {
        const int cases = 12; // MalformedContext.Cases in MessageTraceKafkaProducer
        var messageId = $"message-{_run}";

        var (producer, consumer) = await RunKafkaAsync(cases, [messageId, "--raw"], new Dictionary<string, string>());

        Assert.Equal(cases, producer.Signals(AppProtocol.Published).Count);
        Assert.Equal(cases, consumer.Signals(AppProtocol.Received).Count);
        using var dashboard = new DashboardClient(_backend.DashboardUrl);
        var processes = await dashboard.WaitForSpansAsync(ConsumerService, MessageTraceSpan($"process {Topic}", ActivityKind.Consumer), cases, "one process span per malformed record");
        foreach (var process in processes)
        {
            Assert.True(process.ParentSpanId is null, $"process span {process} is not a root");
            Assert.True(process.Links.Count == 0, $"process span {process} has links");
            Assert.Empty(process.Events);
        }

        Assert.Equal(cases, processes.Select(s => s.TraceId).Distinct().Count());
    }

    /// <summary>
    /// Starts the consumer (which starts the mock cluster and says where it is), runs the producer against
    /// that address to completion, then requires the consumer to exit with code 0 after COUNT records.
    /// </summary>
    private async Task<(AppResult Producer, AppResult Consumer)> RunKafkaAsync(int count, string[] producerArguments, Dictionary<string, string> producerVariables)
    {
        await using var consuming = await AppProcess.StartAppAsync(Consumer, [Topic, count.ToString(CultureInfo.InvariantCulture)], _backend.AppVariables(ConsumerService), output);
        var bootstrap = await consuming.WaitForSignalAsync(AppProtocol.Ready);
        var produced = await AppProcess.RunAppAsync(Producer, [Topic, producerArguments[0], bootstrap, .. producerArguments.Skip(1)], producerVariables, output);
        var consumed = await consuming.WaitForSuccessAsync();
        return (produced, consumed);
    }
}
