using System.Diagnostics;
using System.Threading.Tasks;
using MessageTrace.EndToEnd.Apps;
using MessageTrace.EndToEnd.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;
using static MessageTrace.EndToEnd.Tests.Infrastructure.MessagingRuns;

namespace MessageTrace.EndToEnd.Tests;

/// <summary>
/// MessageTrace on one side only, the brokers' .NET clients' own tracing (code nobody here wrote) on
/// the other: the W3C context crosses between them in both directions.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ClientInstrumentationInteropTests(ITestOutputHelper output)
{
    private readonly OtlpBackend _backend = EndToEndEnvironment.Current.OtlpBackend();
    private readonly string _run = RunId.New();

    [Fact]
    public async Task RabbitMqClientPublishSpan_IsParentAndLinkOfOurProcessSpan()
    {
        var rabbitMq = EndToEndEnvironment.Current.RabbitMq();
        var queue = $"e2e.interop-rabbitmq.{_run}";
        var messageId = $"message-{_run}";
        var publisherService = $"rabbitmq-client-publisher-{_run}";
        var consumerService = $"mt-rabbitmq-consumer-{_run}";

        var (_, consumer) = await RunAsync(
            new AppRun("MessageTraceRabbitMqConsumer", [queue, "1"], _backend.AppVariables(consumerService, rabbitMq.AppVariable)),
            new AppRun("RabbitMqClientPublisher", [queue, messageId], _backend.AppVariables(publisherService, rabbitMq.AppVariable)),
            output);

        using var dashboard = new DashboardClient(_backend.DashboardUrl);
        var (publish, _) = await dashboard.WaitForSpanAsync(publisherService,
            s => s.ScopeName == "RabbitMQ.Client.Publisher" && s.Kind == ActivityKind.Producer, "RabbitMQ.Client's publish span");
        var (process, _) = await dashboard.WaitForSpanAsync(consumerService,
            MessageTraceSpan($"process {queue}", ActivityKind.Consumer), "our process span");

        Assert.Equal(publish.TraceId, process.TraceId);
        Assert.True(process.IsChildOf(publish), $"our process span {process} is not a child of RabbitMQ.Client's {publish}");
        Assert.True(process.LinksTo(publish), $"our process span {process} has no link to RabbitMQ.Client's {publish}");
        AssertMessagingAttributes(process, "rabbitmq", "process", queue);
        Assert.Equal(messageId, process.Attribute("messaging.message.id"));
        AssertHandlerRanInside(Assert.Single(consumer.Signals(AppProtocol.Received)), process);
    }

    [Fact]
    public async Task OurRabbitMqSendSpan_IsParentAndLinkOfRabbitMqClientsDeliverSpan()
    {
        var rabbitMq = EndToEndEnvironment.Current.RabbitMq();
        var queue = $"e2e.interop-rabbitmq.{_run}";
        var messageId = $"message-{_run}";
        var producerService = $"mt-rabbitmq-producer-{_run}";
        var consumerService = $"rabbitmq-client-consumer-{_run}";

        var (_, consumer) = await RunAsync(
            new AppRun("RabbitMqClientConsumer", [queue, "1"], _backend.AppVariables(consumerService, rabbitMq.AppVariable)),
            new AppRun("MessageTraceRabbitMqProducer", [queue, messageId], _backend.AppVariables(producerService, rabbitMq.AppVariable)),
            output);
        Assert.Contains("traceparent:bytes", Assert.Single(consumer.Signals(AppProtocol.Received)));

        using var dashboard = new DashboardClient(_backend.DashboardUrl);
        var (send, _) = await dashboard.WaitForSpanAsync(producerService,
            MessageTraceSpan($"send {queue}", ActivityKind.Producer), "our send span");
        var (deliver, _) = await dashboard.WaitForSpanAsync(consumerService,
            s => s.ScopeName == "RabbitMQ.Client.Subscriber" && s.Kind == ActivityKind.Consumer, "RabbitMQ.Client's deliver span");

        Assert.Equal($"deliver {queue}", deliver.Name);
        Assert.Equal(messageId, deliver.Attribute("messaging.message.id"));
        Assert.Equal(send.TraceId, deliver.TraceId);
        Assert.True(deliver.IsChildOf(send), $"RabbitMQ.Client's deliver span {deliver} is not a child of our {send}");
        Assert.True(deliver.LinksTo(send), $"RabbitMQ.Client's deliver span {deliver} has no link to our {send}");
    }

    [Fact]
    public async Task NatsNetPublishSpan_IsParentAndLinkOfOurProcessSpan()
    {
        var nats = EndToEndEnvironment.Current.Nats();
        var subject = $"e2e.interop-nats.{_run}";
        var messageId = $"message-{_run}";
        var publisherService = $"nats-client-publisher-{_run}";
        var consumerService = $"mt-nats-consumer-{_run}";

        var (_, consumer) = await RunAsync(
            new AppRun("MessageTraceNatsConsumer", [subject, "1"], _backend.AppVariables(consumerService, nats.AppVariable)),
            new AppRun("NatsClientPublisher", [subject, messageId], _backend.AppVariables(publisherService, nats.AppVariable)),
            output);

        using var dashboard = new DashboardClient(_backend.DashboardUrl);
        var (publish, _) = await dashboard.WaitForSpanAsync(publisherService,
            s => s.ScopeName == "NATS.Net" && s.Kind == ActivityKind.Producer, "NATS.Net's publish span");
        var (process, _) = await dashboard.WaitForSpanAsync(consumerService,
            MessageTraceSpan($"process {subject}", ActivityKind.Consumer), "our process span");

        Assert.Equal(publish.TraceId, process.TraceId);
        Assert.True(process.IsChildOf(publish), $"our process span {process} is not a child of NATS.Net's {publish}");
        Assert.True(process.LinksTo(publish), $"our process span {process} has no link to NATS.Net's {publish}");
        AssertMessagingAttributes(process, "nats", "process", subject);
        AssertHandlerRanInside(Assert.Single(consumer.Signals(AppProtocol.Received)), process);
    }

    [Fact]
    public async Task OurNatsSendSpan_IsParentOfNatsNetsReceiveSpan()
    {
        var nats = EndToEndEnvironment.Current.Nats();
        var subject = $"e2e.interop-nats.{_run}";
        var messageId = $"message-{_run}";
        var producerService = $"mt-nats-producer-{_run}";
        var subscriberService = $"nats-client-subscriber-{_run}";

        var (_, subscriber) = await RunAsync(
            new AppRun("NatsClientSubscriber", [subject, "1"], _backend.AppVariables(subscriberService, nats.AppVariable)),
            new AppRun("MessageTraceNatsProducer", [subject, messageId], _backend.AppVariables(producerService, nats.AppVariable)),
            output);
        Assert.Contains("traceparent:string", Assert.Single(subscriber.Signals(AppProtocol.Received)));

        using var dashboard = new DashboardClient(_backend.DashboardUrl);
        var (send, _) = await dashboard.WaitForSpanAsync(producerService,
            MessageTraceSpan($"send {subject}", ActivityKind.Producer), "our send span");
        var (receive, _) = await dashboard.WaitForSpanAsync(subscriberService,
            s => s.ScopeName == "NATS.Net" && s.Kind == ActivityKind.Consumer, "NATS.Net's receive span");

        // NATS.Net parents its receive span on the context in the headers (it adds no link).
        Assert.Equal(subject, receive.Attribute("messaging.destination.name"));
        Assert.Equal(send.TraceId, receive.TraceId);
        Assert.True(receive.IsChildOf(send), $"NATS.Net's receive span {receive} is not a child of our {send}");
    }
}
