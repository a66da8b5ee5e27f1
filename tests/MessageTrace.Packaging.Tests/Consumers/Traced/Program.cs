// A user's program: the MessageTrace package, the OpenTelemetry SDK listening to the "MessageTrace"
// source, a RocketMQ producer (the API-shape double) and attributes. Nothing else about tracing.
// Prints one line per finished span and one per sent message; the packaging tests read them.
using System.Diagnostics;
using MessageTrace;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Org.Apache.Rocketmq;

var spans = new List<Activity>();
using var tracing = Sdk.CreateTracerProviderBuilder()
    .AddSource("MessageTrace")
    .AddInMemoryExporter(spans)
    .Build();

var config = new ClientConfig.Builder().SetEndpoints("127.0.0.1:8081").Build();
await using var producer = await new Producer.Builder().SetClientConfig(config).SetTopics("orders").Build();

await new OrderPublisher(producer).PublishAsync("order-1"u8.ToArray());

// What the broker got, delivered to a traced handler as a consumer would receive it.
var sent = producer.SentMessagesForTest.Single();
var result = new Billing().Consume(sent.ToMessageView());

tracing.ForceFlush();
foreach (var span in spans)
{
    var link = span.Links.FirstOrDefault().Context;
    Console.WriteLine(string.Join('\t',
        "span",
        $"name={span.DisplayName}",
        $"kind={span.Kind}",
        $"trace={span.TraceId.ToHexString()}",
        $"id={span.SpanId.ToHexString()}",
        $"parent={span.ParentSpanId.ToHexString()}",
        $"link={link.TraceId.ToHexString()}-{link.SpanId.ToHexString()}",
        $"system={span.GetTagItem("messaging.system")}",
        $"destination={span.GetTagItem("messaging.destination.name")}"));
}

var traceparent = sent.Properties is { } properties && properties.TryGetValue("traceparent", out var value) ? value : "";
Console.WriteLine(string.Join('\t', "sent", $"topic={sent.Topic}", $"traceparent={traceparent}"));
Console.WriteLine(string.Join('\t', "done", $"result={result}"));

public sealed class OrderPublisher(Producer producer)
{
    [TracedProducer]
    public async Task PublishAsync(byte[] order)
    {
        var message = new Message.Builder().SetTopic("orders").SetBody(order).SetTag("created").Build();
        await producer.Send(message);
    }
}

public sealed class Billing
{
    [TracedHandler(ConsumerGroup = "billing")]
    public ConsumeResult Consume(MessageView message) => message.Body.Length > 0 ? ConsumeResult.SUCCESS : ConsumeResult.FAILURE;
}
