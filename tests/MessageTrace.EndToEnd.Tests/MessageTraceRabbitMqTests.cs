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
/// MessageTrace on both sides of a real RabbitMQ broker: MessageTraceRabbitMqProducer ([TracedProducer])
/// and MessageTraceRabbitMqConsumer ([TracedHandler] called from ReceivedAsync), two processes, each
/// exporting over OTLP; the traces read back from the backend.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class MessageTraceRabbitMqTests(ITestOutputHelper output)
{
    private const string Producer = "MessageTraceRabbitMqProducer";
    private const string Consumer = "MessageTraceRabbitMqConsumer";
    private const string BillingGroup = "e2e-billing";

    private readonly RabbitMqService _rabbitMq = EndToEndEnvironment.Current.RabbitMq();
    private readonly OtlpBackend _backend = EndToEndEnvironment.Current.OtlpBackend();
    private readonly string _run = RunId.New();

    private string Queue => $"e2e.mt-rabbitmq.{_run}";

    private string ProducerService => $"mt-rabbitmq-producer-{_run}";

    private string ConsumerService => $"mt-rabbitmq-consumer-{_run}";

    [Fact]
    public async Task SendAndProcess_FormOneTraceAcrossTwoServices_LinkedAndParented()
    {
        var messageId = $"message-{_run}";

        var (_, consumer) = await RunAsync(
            new AppRun(Consumer, [Queue, "1"], _backend.AppVariables(ConsumerService, _rabbitMq.AppVariable)),
            new AppRun(Producer, [Queue, messageId], _backend.AppVariables(ProducerService, _rabbitMq.AppVariable)),
            output);

        // The context travels in BasicProperties.Headers; AMQP hands header strings back as byte[].
        var received = Assert.Single(consumer.Signals(AppProtocol.Received));
        Assert.StartsWith(messageId + " headers=", received);
        Assert.Contains("traceparent:bytes", received);

        using var dashboard = new DashboardClient(_backend.DashboardUrl);
        var (send, _) = await dashboard.WaitForSpanAsync(ProducerService, MessageTraceSpan($"send {Queue}", ActivityKind.Producer), "the send span");
        var (process, _) = await dashboard.WaitForSpanAsync(ConsumerService, MessageTraceSpan($"process {Queue}", ActivityKind.Consumer), "the process span");

        // One trace across both processes: the process span is a child of the send span and links to it.
        Assert.Null(send.ParentSpanId);
        Assert.Empty(send.Links);
        Assert.Equal(send.TraceId, process.TraceId);
        Assert.True(process.IsChildOf(send), $"process span {process} is not a child of {send}");
        Assert.True(process.LinksTo(send), $"process span {process} has no link to {send}");
        Assert.Single(process.Links);
        AssertHandlerRanInside(received, process);

        // The default exchange: the destination is the routing key, i.e. the queue.
        AssertMessagingAttributes(send, "rabbitmq", "send", Queue);
        Assert.Equal(Queue, send.Attribute("messaging.rabbitmq.destination.routing_key"));
        Assert.Equal(messageId, send.Attribute("messaging.message.id"));
        Assert.Null(send.Attribute("messaging.consumer.group.name"));

        AssertMessagingAttributes(process, "rabbitmq", "process", Queue);
        Assert.Equal(Queue, process.Attribute("messaging.rabbitmq.destination.routing_key"));
        Assert.Equal(messageId, process.Attribute("messaging.message.id"));
        Assert.True(long.TryParse(process.Attribute("messaging.rabbitmq.message.delivery_tag"), NumberStyles.None, CultureInfo.InvariantCulture, out var tag) && tag > 0,
            $"messaging.rabbitmq.message.delivery_tag is '{process.Attribute("messaging.rabbitmq.message.delivery_tag")}'");
        Assert.Null(process.Attribute("messaging.consumer.group.name"));
    }

    [Fact]
    public async Task NamedExchange_IsTheDestination_WithRoutingKeyAndConsumerGroup()
    {
        var exchange = $"e2e.mt-exchange.{_run}";

        var (_, consumer) = await RunAsync(
            new AppRun(Consumer, [Queue, "1", $"--exchange={exchange}", "--group"], _backend.AppVariables(ConsumerService, _rabbitMq.AppVariable)),
            new AppRun(Producer, [Queue, $"message-{_run}", $"--exchange={exchange}"], _backend.AppVariables(ProducerService, _rabbitMq.AppVariable)),
            output);

        // The overload without properties is rerouted through fresh BasicProperties carrying the context.
        var received = Assert.Single(consumer.Signals(AppProtocol.Received));
        Assert.Contains("traceparent:bytes", received);

        using var dashboard = new DashboardClient(_backend.DashboardUrl);
        var (send, _) = await dashboard.WaitForSpanAsync(ProducerService, MessageTraceSpan($"send {exchange}", ActivityKind.Producer), "the send span");
        var (process, _) = await dashboard.WaitForSpanAsync(ConsumerService, MessageTraceSpan($"process {exchange}", ActivityKind.Consumer), "the process span");

        AssertMessagingAttributes(send, "rabbitmq", "send", exchange);
        Assert.Equal(Queue, send.Attribute("messaging.rabbitmq.destination.routing_key"));
        Assert.Null(send.Attribute("messaging.message.id"));

        AssertMessagingAttributes(process, "rabbitmq", "process", exchange);
        Assert.Equal(Queue, process.Attribute("messaging.rabbitmq.destination.routing_key"));
        Assert.Equal(BillingGroup, process.Attribute("messaging.consumer.group.name"));

        Assert.True(process.IsChildOf(send), $"process span {process} is not a child of {send}");
        Assert.True(process.LinksTo(send), $"process span {process} has no link to {send}");
        AssertHandlerRanInside(received, process);
    }

    [Fact]
    public async Task UnsampledSend_StillContinuesTheAmbientTrace()
    {
        var messageId = $"message-{_run}";

        var (_, consumer) = await RunAsync(
            new AppRun(Consumer, [Queue, "1"], _backend.AppVariables(ConsumerService, _rabbitMq.AppVariable)),
            new AppRun(Producer, [Queue, messageId, "--unsampled-send"], _backend.AppVariables(ProducerService, _rabbitMq.AppVariable)),
            output);

        var received = Assert.Single(consumer.Signals(AppProtocol.Received));
        Assert.Contains("traceparent:bytes", received);

        using var dashboard = new DashboardClient(_backend.DashboardUrl);
        // The producer exports its spans in one batch when it exits: once the ambient span is
        // there, everything it exported is.
        var (ambient, producerSpans) = await dashboard.WaitForSpanAsync(ProducerService,
            s => s.ScopeName == AppScope && s.Name == "e2e ambient send", "the app's ambient span");
        Assert.DoesNotContain(producerSpans, s => s.ServiceName == ProducerService && s.ScopeName == MessageTraceScope);

        var (process, _) = await dashboard.WaitForSpanAsync(ConsumerService, MessageTraceSpan($"process {Queue}", ActivityKind.Consumer), "the process span");
        Assert.Equal(ambient.TraceId, process.TraceId);
        Assert.True(process.IsChildOf(ambient), $"process span {process} is not a child of the ambient span {ambient}");
        Assert.True(process.LinksTo(ambient), $"process span {process} has no link to the ambient span {ambient}");
        AssertMessagingAttributes(process, "rabbitmq", "process", Queue);
        AssertHandlerRanInside(received, process);
    }

    [Fact]
    public async Task HandlerCalledInsideAnAmbientSpan_IsParentedOnIt_AndLinkedToTheSend()
    {
        var (_, consumer) = await RunAsync(
            new AppRun(Consumer, [Queue, "1", "--ambient"], _backend.AppVariables(ConsumerService, _rabbitMq.AppVariable)),
            new AppRun(Producer, [Queue, $"message-{_run}"], _backend.AppVariables(ProducerService, _rabbitMq.AppVariable)),
            output);

        using var dashboard = new DashboardClient(_backend.DashboardUrl);
        var (send, _) = await dashboard.WaitForSpanAsync(ProducerService, MessageTraceSpan($"send {Queue}", ActivityKind.Producer), "the send span");
        var (process, consumerSpans) = await dashboard.WaitForSpanAsync(ConsumerService, MessageTraceSpan($"process {Queue}", ActivityKind.Consumer), "the process span");
        var ambient = Assert.Single(consumerSpans, s => s.ScopeName == AppScope && s.Name == "e2e ambient consume");

        // Default policy inside an ambient span: the ambient span stays the parent, the creation context is a link.
        Assert.True(process.IsChildOf(ambient), $"process span {process} is not a child of the ambient span {ambient}");
        Assert.True(process.LinksTo(send), $"process span {process} has no link to {send}");
        Assert.NotEqual(send.TraceId, process.TraceId);
        AssertHandlerRanInside(Assert.Single(consumer.Signals(AppProtocol.Received)), process);
    }

    [Fact]
    public async Task UninstrumentedPublisherAndMalformedHeaders_GiveRootProcessSpans_WithoutExceptions()
    {
        const int cases = 15; // MalformedContext.Cases in MessageTraceRabbitMqProducer
        var messageId = $"message-{_run}";

        // The producer runs without MessageTrace and without OpenTelemetry: an uninstrumented publisher.
        var (producer, consumer) = await RunAsync(
            new AppRun(Consumer, [Queue, cases.ToString(CultureInfo.InvariantCulture)], _backend.AppVariables(ConsumerService, _rabbitMq.AppVariable)),
            new AppRun(Producer, [Queue, messageId, "--raw"], new Dictionary<string, string> { [_rabbitMq.AppVariable.Key] = _rabbitMq.AppVariable.Value }),
            output);

        var published = producer.Signals(AppProtocol.Published);
        Assert.Equal(cases, published.Count);
        // The consumer handled every message and exited with code 0 (RunAsync requires it).
        var received = consumer.Signals(AppProtocol.Received);
        Assert.Equal(published.Order(), received.Select(line => line.Split(' ')[0]).Order());

        using var dashboard = new DashboardClient(_backend.DashboardUrl);
        var processSpans = await dashboard.WaitForSpansAsync(ConsumerService, MessageTraceSpan($"process {Queue}", ActivityKind.Consumer), cases,
            "process spans, one per malformed message");
        foreach (var id in published)
        {
            var process = Assert.Single(processSpans, s => s.Attribute("messaging.message.id") == id);
            Assert.True(process.ParentSpanId is null, $"{id}: process span {process} is not a root");
            Assert.True(process.Links.Count == 0, $"{id}: process span {process} has links");
            Assert.Equal(ActivityStatusCode.Unset, process.Status);
            Assert.Empty(process.Events);
            AssertHandlerRanInside(Assert.Single(received, line => line.StartsWith(id + " ", System.StringComparison.Ordinal)), process);
        }

        Assert.Equal(cases, processSpans.Select(s => s.TraceId).Distinct().Count());
    }

    [Fact]
    public async Task Metrics_ReadBackFromTheBackend_CountEverySendAndHandledMessagePerDestination()
    {
        var exchange = $"e2e.mt-rabbitmq-metrics.{_run}";
        var messageId = $"message-{_run}";

        await RunAsync(
            new AppRun(Consumer, [Queue, "3", $"--exchange={exchange}", "--group"], _backend.AppVariables(ConsumerService, _rabbitMq.AppVariable)),
            new AppRun(Producer, [Queue, messageId, $"--metrics={exchange}"], _backend.AppVariables(ProducerService, _rabbitMq.AppVariable)),
            output);

        // Two messages through the default exchange (destination: the queue), one through the named exchange.
        var expected = new Dictionary<string, long>(StringComparer.Ordinal) { [Queue] = 2, [exchange] = 1 };
        var store = EndToEndEnvironment.Current.DashboardRunStore();
        var sent = await store.WaitForCountsPerDestinationAsync(ProducerService, expected,
            MessagingMetrics.SentMessages, MessagingMetrics.ClientOperationDuration);
        var handled = await store.WaitForCountsPerDestinationAsync(ConsumerService, expected,
            MessagingMetrics.ConsumedMessages, MessagingMetrics.ProcessDuration);

        Assert.All(sent, point => MessagingMetrics.AssertSeries(point, "rabbitmq", "send", consumerGroup: null));
        Assert.All(handled, point => MessagingMetrics.AssertSeries(point, "rabbitmq", "process", BillingGroup));
    }
}
