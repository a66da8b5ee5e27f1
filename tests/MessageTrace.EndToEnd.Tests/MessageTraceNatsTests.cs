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
/// MessageTrace on both sides of a real NATS server: MessageTraceNatsProducer ([TracedProducer]) and
/// MessageTraceNatsConsumer ([TracedHandler] called from the receive loop), two processes, each
/// exporting over OTLP; the traces read back from the backend.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class MessageTraceNatsTests(ITestOutputHelper output)
{
    private const string Producer = "MessageTraceNatsProducer";
    private const string Consumer = "MessageTraceNatsConsumer";
    private const string BillingGroup = "e2e-billing";

    private readonly NatsService _nats = EndToEndEnvironment.Current.Nats();
    private readonly OtlpBackend _backend = EndToEndEnvironment.Current.OtlpBackend();
    private readonly string _run = RunId.New();

    private string Subject => $"e2e.mt-nats.{_run}";

    private string ProducerService => $"mt-nats-producer-{_run}";

    private string ConsumerService => $"mt-nats-consumer-{_run}";

    [Fact]
    public async Task SendAndProcess_FormOneTraceAcrossTwoServices_LinkedAndParented()
    {
        var messageId = $"message-{_run}";

        var (_, consumer) = await RunAsync(
            new AppRun(Consumer, [Subject, "1"], _backend.AppVariables(ConsumerService, _nats.AppVariable)),
            new AppRun(Producer, [Subject, messageId], _backend.AppVariables(ProducerService, _nats.AppVariable)),
            output);

        // The context travels in NatsHeaders, as strings, beside the caller's own header.
        var received = Assert.Single(consumer.Signals(AppProtocol.Received));
        Assert.StartsWith($"{messageId} subject={Subject} headers=", received);
        Assert.Contains("message-id:string", received);
        Assert.Contains("traceparent:string", received);

        using var dashboard = new DashboardClient(_backend.DashboardUrl);
        var (send, _) = await dashboard.WaitForSpanAsync(ProducerService, MessageTraceSpan($"send {Subject}", ActivityKind.Producer), "the send span");
        var (process, _) = await dashboard.WaitForSpanAsync(ConsumerService, MessageTraceSpan($"process {Subject}", ActivityKind.Consumer), "the process span");

        Assert.Null(send.ParentSpanId);
        Assert.Empty(send.Links);
        Assert.Equal(send.TraceId, process.TraceId);
        Assert.True(process.IsChildOf(send), $"process span {process} is not a child of {send}");
        Assert.True(process.LinksTo(send), $"process span {process} has no link to {send}");
        Assert.Single(process.Links);
        AssertHandlerRanInside(received, process);

        AssertMessagingAttributes(send, "nats", "send", Subject);
        AssertMessagingAttributes(process, "nats", "process", Subject);
        Assert.Null(send.Attribute("messaging.consumer.group.name"));
        Assert.Null(process.Attribute("messaging.consumer.group.name"));
    }

    [Fact]
    public async Task PublishWithoutHeaders_GetsHeaders_AndConsumerGroupIsRecorded()
    {
        var (_, consumer) = await RunAsync(
            new AppRun(Consumer, [Subject, "1", "--group"], _backend.AppVariables(ConsumerService, _nats.AppVariable)),
            new AppRun(Producer, [Subject, $"message-{_run}", "--no-headers"], _backend.AppVariables(ProducerService, _nats.AppVariable)),
            output);

        // The caller passed no NatsHeaders: MessageTrace created them for the context.
        var received = Assert.Single(consumer.Signals(AppProtocol.Received));
        Assert.StartsWith($"- subject={Subject} headers=", received);
        Assert.Contains("traceparent:string", received);

        using var dashboard = new DashboardClient(_backend.DashboardUrl);
        var (send, _) = await dashboard.WaitForSpanAsync(ProducerService, MessageTraceSpan($"send {Subject}", ActivityKind.Producer), "the send span");
        var (process, _) = await dashboard.WaitForSpanAsync(ConsumerService, MessageTraceSpan($"process {Subject}", ActivityKind.Consumer), "the process span");

        AssertMessagingAttributes(send, "nats", "send", Subject);
        AssertMessagingAttributes(process, "nats", "process", Subject);
        Assert.Equal(BillingGroup, process.Attribute("messaging.consumer.group.name"));
        Assert.True(process.IsChildOf(send), $"process span {process} is not a child of {send}");
        Assert.True(process.LinksTo(send), $"process span {process} has no link to {send}");
        AssertHandlerRanInside(received, process);
    }

    [Fact]
    public async Task UnsampledSend_StillContinuesTheAmbientTrace()
    {
        var (_, consumer) = await RunAsync(
            new AppRun(Consumer, [Subject, "1"], _backend.AppVariables(ConsumerService, _nats.AppVariable)),
            new AppRun(Producer, [Subject, $"message-{_run}", "--unsampled-send"], _backend.AppVariables(ProducerService, _nats.AppVariable)),
            output);

        var received = Assert.Single(consumer.Signals(AppProtocol.Received));
        Assert.Contains("traceparent:string", received);

        using var dashboard = new DashboardClient(_backend.DashboardUrl);
        // The producer exports its spans in one batch when it exits: once the ambient span is
        // there, everything it exported is.
        var (ambient, producerSpans) = await dashboard.WaitForSpanAsync(ProducerService,
            s => s.ScopeName == AppScope && s.Name == "e2e ambient send", "the app's ambient span");
        Assert.DoesNotContain(producerSpans, s => s.ServiceName == ProducerService && s.ScopeName == MessageTraceScope);

        var (process, _) = await dashboard.WaitForSpanAsync(ConsumerService, MessageTraceSpan($"process {Subject}", ActivityKind.Consumer), "the process span");
        Assert.Equal(ambient.TraceId, process.TraceId);
        Assert.True(process.IsChildOf(ambient), $"process span {process} is not a child of the ambient span {ambient}");
        Assert.True(process.LinksTo(ambient), $"process span {process} has no link to the ambient span {ambient}");
        AssertMessagingAttributes(process, "nats", "process", Subject);
        AssertHandlerRanInside(received, process);
    }

    [Fact]
    public async Task HandlerCalledInsideAnAmbientSpan_IsParentedOnIt_AndLinkedToTheSend()
    {
        var (_, consumer) = await RunAsync(
            new AppRun(Consumer, [Subject, "1", "--ambient"], _backend.AppVariables(ConsumerService, _nats.AppVariable)),
            new AppRun(Producer, [Subject, $"message-{_run}"], _backend.AppVariables(ProducerService, _nats.AppVariable)),
            output);

        using var dashboard = new DashboardClient(_backend.DashboardUrl);
        var (send, _) = await dashboard.WaitForSpanAsync(ProducerService, MessageTraceSpan($"send {Subject}", ActivityKind.Producer), "the send span");
        var (process, consumerSpans) = await dashboard.WaitForSpanAsync(ConsumerService, MessageTraceSpan($"process {Subject}", ActivityKind.Consumer), "the process span");
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
        const int cases = 14; // MalformedContext.Cases in MessageTraceNatsProducer
        var messageId = $"message-{_run}";

        // The producer runs without MessageTrace and without OpenTelemetry: an uninstrumented
        // publisher, one subject per case under Subject.
        var (producer, consumer) = await RunAsync(
            new AppRun(Consumer, [Subject + ".>", cases.ToString(CultureInfo.InvariantCulture)], _backend.AppVariables(ConsumerService, _nats.AppVariable)),
            new AppRun(Producer, [Subject, messageId, "--raw"], new Dictionary<string, string> { [_nats.AppVariable.Key] = _nats.AppVariable.Value }),
            output);

        var published = producer.Signals(AppProtocol.Published).Select(line => line.Split(' ')).ToDictionary(parts => parts[0], parts => parts[1]);
        Assert.Equal(cases, published.Count);
        // The consumer handled every message and exited with code 0 (RunAsync requires it).
        var received = consumer.Signals(AppProtocol.Received);
        Assert.Equal(cases, received.Count);

        using var dashboard = new DashboardClient(_backend.DashboardUrl);
        var processSpans = await dashboard.WaitForSpansAsync(ConsumerService,
            s => s.ScopeName == MessageTraceScope && s.Kind == ActivityKind.Consumer && s.Name.StartsWith($"process {Subject}.", StringComparison.Ordinal),
            cases, "process spans, one per malformed message");
        foreach (var (id, subject) in published)
        {
            var process = Assert.Single(processSpans, s => s.Name == $"process {subject}");
            AssertMessagingAttributes(process, "nats", "process", subject);
            Assert.True(process.ParentSpanId is null, $"{id}: process span {process} is not a root");
            Assert.True(process.Links.Count == 0, $"{id}: process span {process} has links");
            Assert.Empty(process.Events);
            AssertHandlerRanInside(Assert.Single(received, line => line.Contains($" subject={subject} ", StringComparison.Ordinal)), process);
        }

        Assert.Equal(cases, processSpans.Select(s => s.TraceId).Distinct().Count());
    }

    [Fact]
    public async Task Metrics_ReadBackFromTheBackend_CountEverySendAndHandledMessagePerSubject()
    {
        var messageId = $"message-{_run}";

        await RunAsync(
            new AppRun(Consumer, [Subject + ".*", "3", "--group"], _backend.AppVariables(ConsumerService, _nats.AppVariable)),
            new AppRun(Producer, [Subject, messageId, "--metrics"], _backend.AppVariables(ProducerService, _nats.AppVariable)),
            output);

        // Two messages to SUBJECT.1, one to SUBJECT.2: a series per subject on both sides.
        var expected = new Dictionary<string, long>(StringComparer.Ordinal) { [Subject + ".1"] = 2, [Subject + ".2"] = 1 };
        var store = EndToEndEnvironment.Current.DashboardRunStore();
        var sent = await store.WaitForCountsPerDestinationAsync(ProducerService, expected,
            MessagingMetrics.SentMessages, MessagingMetrics.ClientOperationDuration);
        var handled = await store.WaitForCountsPerDestinationAsync(ConsumerService, expected,
            MessagingMetrics.ConsumedMessages, MessagingMetrics.ProcessDuration);

        Assert.All(sent, point => MessagingMetrics.AssertSeries(point, "nats", "send", consumerGroup: null));
        Assert.All(handled, point => MessagingMetrics.AssertSeries(point, "nats", "process", BillingGroup));
    }
}
