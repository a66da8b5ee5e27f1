using System.IO;
using System.Linq;
using MessageTrace.Generator.Tests.Infrastructure;
using MessageTrace.Topology;
using Xunit;

namespace MessageTrace.Generator.Tests.Topology;

/// <summary>
/// Merging services' documents into one map (messagetrace-topology map): three small services whose
/// documents the generator writes, an orphan destination on each side, a template that feeds a consumer,
/// and an untraced send, each found; the map drawn as Mermaid and in the terminal.
/// </summary>
public sealed class TopologyMapTests
{
    private const string OrderService = """
        using System.Threading.Tasks;
        using MessageTrace;
        using NATS.Net;

        namespace Orders;

        public sealed class OrderService(NatsClient client)
        {
            [TracedProducer]
            public async Task PlaceAsync(string region, string order)
            {
                await client.PublishAsync($"orders.{region}", order);
                await client.PublishAsync("audit", order);       // nobody consumes audit
            }

            public Task CancelAsync(string order) => client.PublishAsync("cancellations", order).AsTask(); // untraced
        }
        """;

    private const string BillingService = """
        using System.Threading.Tasks;
        using MessageTrace;
        using NATS.Client.Core;
        using NATS.Net;

        namespace Billing;

        public sealed class InvoicePublisher(NatsClient client)
        {
            [TracedProducer]
            public async Task PublishAsync(string? invoice) => await client.PublishAsync("invoices", invoice);
        }

        public sealed class BillingHandler(InvoicePublisher invoices)
        {
            [TracedHandler(ConsumerGroup = "billing", Destination = "orders.eu")]
            public Task HandleAsync(NatsMsg<string> order) => invoices.PublishAsync(order.Data);

            [TracedHandler(ConsumerGroup = "billing", Destination = "cancellations")]
            public Task CancelAsync(NatsMsg<string> cancellation) => Task.CompletedTask;
        }
        """;

    private const string ShippingService = """
        using System.Threading.Tasks;
        using MessageTrace;
        using NATS.Client.Core;

        namespace Shipping;

        public sealed class ShippingHandler
        {
            [TracedHandler(ConsumerGroup = "shipping", Destination = "invoices")]
            public Task HandleAsync(NatsMsg<string> invoice) => Task.CompletedTask;

            [TracedHandler(ConsumerGroup = "shipping", Destination = "returns")]  // nobody sends returns
            public Task ReturnAsync(NatsMsg<string> parcel) => Task.CompletedTask;
        }
        """;

    private static TopologyMap Map() => TopologyMap.Merge(
    [
        ServiceDocument.Parse(AsyncApiRun.Document("OrderService", OrderService), "order-service.asyncapi.json"),
        ServiceDocument.Parse(AsyncApiRun.Document("BillingService", BillingService), "billing-service.asyncapi.json"),
        ServiceDocument.Parse(AsyncApiRun.Document("ShippingService", ShippingService), "shipping-service.asyncapi.json"),
    ]);

    [Fact]
    public void EachGapAcrossServicesIsFound()
    {
        var map = Map();

        Assert.Equal(["BillingService", "OrderService", "ShippingService"], map.Services.Select(static s => s.Title));
        var sentNeverConsumed = Assert.Single(map.Gaps, static g => g.Kind == GapKind.SentNeverConsumed);
        Assert.Equal("audit", sentNeverConsumed.Address);
        Assert.Equal("OrderService", Assert.Single(sentNeverConsumed.Operations).Service);
        var consumedNeverSent = Assert.Single(map.Gaps, static g => g.Kind == GapKind.ConsumedNeverSent);
        Assert.Equal("returns", consumedNeverSent.Address);
        Assert.Equal("Shipping.ShippingHandler.ReturnAsync", Assert.Single(consumedNeverSent.Operations).Method);
        var untraced = Assert.Single(map.Gaps, static g => g.Kind == GapKind.UntracedSend);
        Assert.Equal("cancellations", untraced.Address);
        Assert.Equal("MT0001", untraced.Operations[0].DiagnosticId);

        // Connected across services: orders.{region} feeds orders.eu, invoices and (untraced) cancellations flow.
        Assert.DoesNotContain(map.Gaps, static g => g.Address is "orders.{region}" or "orders.eu" or "invoices" or "cancellations" && g.Kind != GapKind.UntracedSend);
        var invoices = Assert.Single(map.Channels, static c => c.Address == "invoices");
        Assert.Equal("BillingService", Assert.Single(invoices.Senders).Service);
        Assert.Equal("shipping", Assert.Single(invoices.Receivers).ConsumerGroup);

        // Billing's handler calls the invoice publisher: what it receives leads to invoices.
        var billing = Assert.Single(map.Channels, static c => c.Address == "orders.eu").Receivers.Single();
        Assert.Equal(["Billing.InvoicePublisher.PublishAsync"], billing.Calls);
    }

    [Fact]
    public void TheMapIsDrawnAsMermaidAndInTheTerminal()
    {
        var map = Map();

        string mermaid = MermaidDiagram.Write(map);
        Assert.StartsWith("flowchart LR\n", mermaid, System.StringComparison.Ordinal);
        Assert.Contains("subgraph s1[\"BillingService\"]", mermaid, System.StringComparison.Ordinal);
        Assert.Contains("-- \"PlaceAsync\" -->", mermaid, System.StringComparison.Ordinal);
        Assert.Contains("-- \"shipping\" -->", mermaid, System.StringComparison.Ordinal);
        Assert.Contains("(untraced, MT0001)", mermaid, System.StringComparison.Ordinal);
        Assert.Contains("-. \"calls\" .->", mermaid, System.StringComparison.Ordinal);
        Assert.Contains(" -.- ", mermaid, System.StringComparison.Ordinal); // orders.{region} and orders.eu
        Assert.Contains("class ", mermaid, System.StringComparison.Ordinal);

        using var text = new StringWriter();
        TerminalMap.Write(map, text);
        string terminal = text.ToString();
        Assert.Contains("Messaging map of 3 services: BillingService, OrderService, ShippingService", terminal, System.StringComparison.Ordinal);
        Assert.Contains("✗ sent, never consumed: nats audit", terminal, System.StringComparison.Ordinal);
        Assert.Contains("✗ consumed, never sent: nats returns", terminal, System.StringComparison.Ordinal);
        Assert.Contains("✗ untraced send (MT0001", terminal, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kafka", "orders.{region}", "orders.eu", true)]
    [InlineData("kafka", "orders.eu", "orders.{region}", true)]
    [InlineData("kafka", "orders.{region}", "orders.{zone}", true)]
    [InlineData("kafka", "{topic}", "orders.eu", false)]          // a placeholder is one segment
    [InlineData("kafka", "orders.{region}", "invoices.eu", false)]
    [InlineData("mqtt", "orders/eu", "orders/+", true)]
    [InlineData("mqtt", "orders/eu/west", "orders/#", true)]
    [InlineData("mqtt", "orders/eu/west", "orders/+", false)]
    [InlineData("nats", "orders.eu", "orders.*", true)]
    [InlineData("nats", "orders.eu.west", "orders.>", true)]
    [InlineData("nats", "orders.eu.west", "orders.*", false)]
    [InlineData("kafka", "orders.eu", "orders.*", false)]         // no wildcards outside MQTT and NATS
    public void A_send_reaches_a_receiver_of_the_same_address_a_template_it_fills_or_a_wildcard(string system, string sent, string received, bool expected) =>
        Assert.Equal(expected, TopologyMap.Matches(system, sent, received));

    [Fact]
    public void A_document_that_is_not_AsyncApi_3_is_refused_with_a_reason()
    {
        var refused = Assert.Throws<InvalidDataException>(() => ServiceDocument.Parse("{\"asyncapi\": \"2.6.0\", \"channels\": {}}", "legacy.json"));
        Assert.Contains("legacy.json is not an AsyncAPI 3 document", refused.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_writes_the_document_of_a_built_assembly_and_removes_a_stale_one_when_there_is_none()
    {
        string directory = Path.Combine(Path.GetTempPath(), "messagetrace-extract-" + System.Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            string withDocument = Path.Combine(directory, "OrderService.dll");
            string output = Path.Combine(directory, "OrderService.asyncapi.json");
            Emit(AsyncApiRun.Compile("OrderService", OrderService), withDocument);

            Assert.True(AsyncApiMetadata.Extract(withDocument, output));
            Assert.Equal(AsyncApiRun.Document("OrderService", OrderService), File.ReadAllText(output));

            string without = Path.Combine(directory, "Plain.dll");
            Emit(TestCompilation.Create("namespace Plain; public static class Nothing { }").WithAssemblyName("Plain"), without);
            Assert.False(AsyncApiMetadata.Extract(without, output));
            Assert.False(File.Exists(output));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void Emit(Microsoft.CodeAnalysis.Compilation compilation, string path)
    {
        using var file = File.Create(path);
        var result = compilation.Emit(file);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public void TheSameServiceFoundTwiceCountsOnceAndDirectoriesAreSearched()
    {
        string directory = Path.Combine(Path.GetTempPath(), "messagetrace-map-" + System.Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(Path.Combine(directory, "Debug"));
            Directory.CreateDirectory(Path.Combine(directory, "Release"));
            string document = AsyncApiRun.Document("OrderService", OrderService);
            File.WriteAllText(Path.Combine(directory, "Debug", "OrderService.asyncapi.json"), document);
            File.WriteAllText(Path.Combine(directory, "Release", "OrderService.asyncapi.json"), document);
            File.WriteAllText(Path.Combine(directory, "Release", "ShippingService.asyncapi.json"), AsyncApiRun.Document("ShippingService", ShippingService));

            var services = ServiceDocument.Find([directory]);

            Assert.Equal(["OrderService", "ShippingService"], services.Select(static s => s.Title));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
