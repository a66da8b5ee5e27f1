using System.Linq;
using System.Text.Json;
using MessageTrace.Generator.Tests.Infrastructure;
using Xunit;

namespace MessageTrace.Generator.Tests.Topology;

/// <summary>
/// The AsyncAPI document the generator compiles into a project (issue 18): valid AsyncAPI 3.0 for every
/// broker profile (checked by the reference parser), the operations and channels the code states, a
/// baseline for a small project, and the same bytes for the same input.
/// </summary>
public sealed class AsyncApiDocumentTests
{
    [Fact]
    public void EveryProfilesDocumentIsValidAsyncApi3() => AsyncApiParser.AssertValid(
        ("rocketmq", AsyncApiRun.Document("RocketShop", AsyncApiSources.RocketMq)),
        ("rabbitmq", AsyncApiRun.Document("RabbitShop", AsyncApiSources.RabbitMq)),
        ("nats", AsyncApiRun.Document("NatsShop", AsyncApiSources.Nats)),
        ("mqtt", AsyncApiRun.Document("MqttShop", AsyncApiSources.Mqtt)),
        ("kafka", AsyncApiRun.Document("KafkaShop", AsyncApiSources.Kafka)),
        ("user-carrier", AsyncApiRun.Document("InHouseShop", AsyncApiSources.UserCarrier)),
        ("all-in-one", AsyncApiRun.Document(
            "Everything",
            ("RocketMq.cs", AsyncApiSources.RocketMq),
            ("RabbitMq.cs", AsyncApiSources.RabbitMq),
            ("Nats.cs", AsyncApiSources.Nats),
            ("Mqtt.cs", AsyncApiSources.Mqtt),
            ("Kafka.cs", AsyncApiSources.Kafka),
            ("UserCarrier.cs", AsyncApiSources.UserCarrier))));

    [Fact]
    public void ASmallProjectsDocumentMatchesItsBaseline() =>
        Baseline.Verify(nameof(ASmallProjectsDocumentMatchesItsBaseline), "Shop.asyncapi.json", AsyncApiRun.Document("Shop", ("Orders/Shop.cs", AsyncApiSources.RocketMq)));

    [Fact]
    public void TheSameProjectGivesTheSameBytesWhateverTheFileOrder()
    {
        (string, string)[] files = [("RocketMq.cs", AsyncApiSources.RocketMq), ("Nats.cs", AsyncApiSources.Nats), ("Kafka.cs", AsyncApiSources.Kafka)];
        string first = AsyncApiRun.Document("Shop", files);
        string again = AsyncApiRun.Document("Shop", files);
        string reordered = AsyncApiRun.Document("Shop", files.Reverse().ToArray());

        Assert.Equal(first, again);
        Assert.Equal(first, reordered);
    }

    [Fact]
    public void OperationsNameTheirSourceConsumerGroupAndWhetherTheyAreTraced()
    {
        using var document = JsonDocument.Parse(AsyncApiRun.Document("Shop", ("Orders/Shop.cs", AsyncApiSources.RocketMq)));
        var operations = document.RootElement.GetProperty("operations").EnumerateObject().Select(static o => o.Value).ToList();

        var place = Assert.Single(operations, static o => Source(o, "method") == "Shop.Orders.OrderService.PlaceAsync");
        Assert.Equal("send", place.GetProperty("action").GetString());
        Assert.Equal("Orders/Shop.cs", Source(place, "file"));
        Assert.Equal(12, place.GetProperty("x-messagetrace-source").GetProperty("line").GetInt32());
        Assert.True(place.GetProperty("x-messagetrace-traced").GetBoolean());
        Assert.Equal("orders", Address(document, place));

        var audit = Assert.Single(operations, static o => Source(o, "method") == "Shop.Orders.OrderService.AuditAsync");
        Assert.False(audit.GetProperty("x-messagetrace-traced").GetBoolean());
        Assert.Equal("MT0001", audit.GetProperty("x-messagetrace-diagnostic").GetProperty("id").GetString());
        Assert.Equal("audit", Address(document, audit));

        var billing = Assert.Single(operations, static o => Source(o, "method") == "Shop.Orders.Billing.Consume");
        Assert.Equal("receive", billing.GetProperty("action").GetString());
        Assert.Equal("billing", billing.GetProperty("x-messagetrace-consumer-group").GetString());
        Assert.Equal("orders", Address(document, billing));

        var poll = Assert.Single(operations, static o => Source(o, "method") == "Shop.Orders.Inventory.PollAsync");
        Assert.Equal("receive", poll.GetProperty("action").GetString());
        Assert.Equal("inventory", poll.GetProperty("x-messagetrace-consumer-group").GetString());
    }

    [Fact]
    public void BrokerBindingsAndTemplatesFollowAsyncApi()
    {
        using var kafka = JsonDocument.Parse(AsyncApiRun.Document("KafkaShop", AsyncApiSources.Kafka));
        var kafkaChannel = kafka.RootElement.GetProperty("channels").GetProperty("kafka.orders");
        Assert.Equal("orders", kafkaChannel.GetProperty("bindings").GetProperty("kafka").GetProperty("topic").GetString());
        var handler = kafka.RootElement.GetProperty("operations").EnumerateObject().Single(static o => Source(o.Value, "method") == "Shop.Kafka.Orders.Handle").Value;
        Assert.Equal("billing", handler.GetProperty("bindings").GetProperty("kafka").GetProperty("groupId").GetProperty("enum")[0].GetString());
        Assert.Equal("ConsumeResult<string, string>", Message(kafka, handler));

        using var nats = JsonDocument.Parse(AsyncApiRun.Document("NatsShop", AsyncApiSources.Nats));
        var template = nats.RootElement.GetProperty("channels").EnumerateObject().Single(static c => c.Value.GetProperty("address").GetString() == "orders.{region}").Value;
        Assert.True(template.GetProperty("parameters").TryGetProperty("region", out _));
        var send = nats.RootElement.GetProperty("operations").EnumerateObject().First(static o => o.Value.GetProperty("action").GetString() == "send").Value;
        Assert.Equal("Order", Message(nats, send));
        var natsHandler = nats.RootElement.GetProperty("operations").EnumerateObject().Single(static o => o.Value.GetProperty("action").GetString() == "receive").Value;
        Assert.Equal("billing", natsHandler.GetProperty("bindings").GetProperty("nats").GetProperty("queue").GetString());

        using var mqtt = JsonDocument.Parse(AsyncApiRun.Document("MqttShop", AsyncApiSources.Mqtt));
        var addresses = mqtt.RootElement.GetProperty("channels").EnumerateObject().Select(static c => c.Value.GetProperty("address").GetString()).ToList();
        Assert.Equal(["orders", "orders/audit"], addresses.Order());
        Assert.Equal("mqtt", mqtt.RootElement.GetProperty("servers").GetProperty("mqtt").GetProperty("protocol").GetString());
    }

    [Fact]
    public void WithoutTheBuildPropertyOrWithItFalseThereIsNoDocument()
    {
        var compilation = TestCompilation.Create(AsyncApiSources.RocketMq);
        var none = GeneratorRun.Run(compilation);
        var off = GeneratorRun.Run(compilation, GeneratorRun.CreateDriver(("MessageTraceAsyncApi", "false")));

        Assert.DoesNotContain(none.Sources, static s => s.HintName == "MessageTrace.AsyncApi.g.cs");
        Assert.DoesNotContain(off.Sources, static s => s.HintName == "MessageTrace.AsyncApi.g.cs");
        Assert.Contains(off.Sources, static s => s.HintName == "MessageTrace.RocketMq.Sends.g.cs");
    }

    private static string? Source(JsonElement operation, string name) =>
        operation.TryGetProperty("x-messagetrace-source", out var source) ? source.GetProperty(name).GetString() : null;

    private static string? Address(JsonDocument document, JsonElement operation)
    {
        string channel = operation.GetProperty("channel").GetProperty("$ref").GetString()!["#/channels/".Length..];
        return document.RootElement.GetProperty("channels").GetProperty(channel).GetProperty("address").GetString();
    }

    private static string? Message(JsonDocument document, JsonElement operation)
    {
        string reference = operation.GetProperty("messages")[0].GetProperty("$ref").GetString()!;
        string id = reference[(reference.LastIndexOf('/') + 1)..];
        return document.RootElement.GetProperty("components").GetProperty("messages").GetProperty(id).GetProperty("name").GetString();
    }
}
