using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using MessageTrace.EndToEnd.Apps;
using MessageTrace.EndToEnd.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MessageTrace.EndToEnd.Tests;

/// <summary>
/// Proves the end-to-end infrastructure with code nobody here wrote: the brokers' .NET clients'
/// own tracing (no MessageTrace code at all), a producer and a consumer process each exporting
/// over OTLP to the backend, and the trace read back from the backend's API.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class BuiltInClientTracingTests(ITestOutputHelper output)
{
    [Fact]
    public async Task RabbitMqClient_PublishAndDeliverSpans_FormOneTraceAcrossTwoServices()
    {
        var rabbitMq = EndToEndEnvironment.Current.RabbitMq();
        var backend = EndToEndEnvironment.Current.OtlpBackend();
        var run = RunId.New();
        var queue = $"e2e.rabbitmq-client.{run}";
        var messageId = $"message-{run}";
        var publisherService = $"rabbitmq-client-publisher-{run}";
        var consumerService = $"rabbitmq-client-consumer-{run}";

        await using var consumer = await AppProcess.StartAppAsync("RabbitMqClientConsumer", [queue, "1"],
            backend.AppVariables(consumerService, rabbitMq.AppVariable), output);
        await consumer.WaitForSignalAsync(AppProtocol.Ready);
        await AppProcess.RunAppAsync("RabbitMqClientPublisher", [queue, messageId],
            backend.AppVariables(publisherService, rabbitMq.AppVariable), output);
        var received = await consumer.WaitForSignalAsync(AppProtocol.Received);
        await consumer.WaitForSuccessAsync();

        // RabbitMQ.Client injects W3C trace context into BasicProperties.Headers; values arrive as byte[].
        Assert.StartsWith(messageId + " headers=", received);
        Assert.Contains("traceparent:bytes", received);

        using var dashboard = new DashboardClient(backend.DashboardUrl);
        var spans = await dashboard.WaitForSpansAsync(
            all => all.Any(s => s.ServiceName == publisherService) && all.Any(s => s.ServiceName == consumerService),
            $"spans of both {publisherService} and {consumerService} in one trace",
            resource: publisherService);

        var publish = Assert.Single(spans, s => s.ServiceName == publisherService);
        Assert.Equal($"publish {queue}", publish.Name);
        Assert.Equal(ActivityKind.Producer, publish.Kind);
        Assert.Equal("RabbitMQ.Client.Publisher", publish.ScopeName);
        Assert.Null(publish.ParentSpanId);
        Assert.Equal("rabbitmq", publish.Attribute("messaging.system"));
        Assert.Equal("send", publish.Attribute("messaging.operation.type"));
        Assert.Equal(queue, publish.Attribute("messaging.rabbitmq.destination.routing_key"));
        Assert.Equal(messageId, publish.Attribute("messaging.message.id"));

        var deliver = Assert.Single(spans, s => s.ServiceName == consumerService);
        Assert.Equal($"deliver {queue}", deliver.Name);
        Assert.Equal(ActivityKind.Consumer, deliver.Kind);
        Assert.Equal("RabbitMQ.Client.Subscriber", deliver.ScopeName);
        Assert.Equal("process", deliver.Attribute("messaging.operation.type"));
        Assert.Equal(messageId, deliver.Attribute("messaging.message.id"));

        // One trace across both processes: the deliver span is a child of the publish span
        // (RabbitMQActivitySource.UsePublisherAsParent, on by default) and also links to it.
        Assert.Equal(publish.TraceId, deliver.TraceId);
        Assert.True(deliver.IsChildOf(publish), $"deliver span {deliver} is not a child of {publish}");
        Assert.True(deliver.LinksTo(publish), $"deliver span {deliver} has no link to {publish}");
    }

    [Fact]
    public async Task NatsClient_PublishAndReceiveSpans_FormOneTraceAcrossTwoServices()
    {
        var nats = EndToEndEnvironment.Current.Nats();
        var backend = EndToEndEnvironment.Current.OtlpBackend();
        var run = RunId.New();
        var subject = $"e2e.nats-client.{run}";
        var messageId = $"message-{run}";
        var publisherService = $"nats-client-publisher-{run}";
        var subscriberService = $"nats-client-subscriber-{run}";

        await using var subscriber = await AppProcess.StartAppAsync("NatsClientSubscriber", [subject, "1"],
            backend.AppVariables(subscriberService, nats.AppVariable), output);
        await subscriber.WaitForSignalAsync(AppProtocol.Ready);
        await AppProcess.RunAppAsync("NatsClientPublisher", [subject, messageId],
            backend.AppVariables(publisherService, nats.AppVariable), output);
        var received = await subscriber.WaitForSignalAsync(AppProtocol.Received);
        await subscriber.WaitForSuccessAsync();

        // NATS.Net injects W3C trace context into NatsHeaders, as strings.
        Assert.StartsWith(messageId + " headers=", received);
        Assert.Contains("traceparent:string", received);

        using var dashboard = new DashboardClient(backend.DashboardUrl);
        var spans = await dashboard.WaitForSpansAsync(
            all => all.Any(s => s.ServiceName == publisherService) && all.Any(s => s.ServiceName == subscriberService),
            $"spans of both {publisherService} and {subscriberService} in one trace",
            resource: publisherService);

        // NATS.Net names spans after the first two tokens of the subject (to keep names low-cardinality).
        const string spanDestination = "e2e.nats-client";
        var publish = Assert.Single(spans, s => s.ServiceName == publisherService);
        Assert.Equal($"{spanDestination} publish", publish.Name);
        Assert.Equal(ActivityKind.Producer, publish.Kind);
        Assert.Equal("NATS.Net", publish.ScopeName);
        Assert.Null(publish.ParentSpanId);
        Assert.Equal("nats", publish.Attribute("messaging.system"));
        Assert.Equal(subject, publish.Attribute("messaging.destination.name"));

        var receive = Assert.Single(spans, s => s.ServiceName == subscriberService);
        Assert.Equal($"{spanDestination} receive", receive.Name);
        Assert.Equal(ActivityKind.Consumer, receive.Kind);
        Assert.Equal("NATS.Net", receive.ScopeName);
        Assert.Equal(subject, receive.Attribute("messaging.destination.name"));

        // One trace across both processes: NATS.Net parents the receive span on the context in
        // the message headers, without a link.
        Assert.Equal(publish.TraceId, receive.TraceId);
        Assert.True(receive.IsChildOf(publish), $"receive span {receive} is not a child of {publish}");
        Assert.Empty(receive.Links);
    }
}
