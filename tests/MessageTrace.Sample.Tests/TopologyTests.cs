using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using MessageTrace.Sample.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MessageTrace.Sample.Tests;

/// <summary>
/// The sample's own topology (issue 18): the build wrote OrderPipeline.asyncapi.json next to its output,
/// and <c>--topology</c> draws order service → orders → billing → invoices → shipping from it.
/// </summary>
public sealed class TopologyTests(ITestOutputHelper log)
{
    [Fact]
    public void TheBuildWroteTheAsyncApiDocumentNextToTheOutput()
    {
        string file = Path.Combine(Path.GetDirectoryName(SampleProcess.Assembly)!, "OrderPipeline.asyncapi.json");

        Assert.True(File.Exists(file), $"{file} was not written by the build");
        using var document = JsonDocument.Parse(File.ReadAllText(file));
        Assert.Equal("3.0.0", document.RootElement.GetProperty("asyncapi").GetString());
        Assert.Equal("OrderPipeline", document.RootElement.GetProperty("info").GetProperty("title").GetString());
        var addresses = document.RootElement.GetProperty("channels").EnumerateObject()
            .Select(static c => c.Value.GetProperty("x-messagetrace-system").GetString() + " " + c.Value.GetProperty("address").GetString())
            .ToHashSet();
        foreach (string system in new[] { "mqtt", "nats", "rabbitmq", "kafka" })
        {
            Assert.Contains(system + " orders", addresses);
            Assert.Contains(system + " invoices", addresses);
            Assert.Contains(system + " orders.dead", addresses);
        }
    }

    [Fact]
    public async Task Topology_DrawsOrdersToBillingToInvoicesToShipping()
    {
        var run = await SampleProcess.RunAsync(log, "--topology");

        Assert.Equal(0, run.ExitCode);
        string output = string.Join("\n", run.Stdout);
        Assert.Contains("Messaging map of 1 service: OrderPipeline", output);
        Assert.Contains("mqtt orders\n  ← OrderService.PlaceAsync", output);
        Assert.Contains("→ Billing.HandleAsync  [OrderPipeline]  group billing", output);
        Assert.Contains("then calls InvoicePublisher.PublishAsync", output);
        Assert.Contains("mqtt invoices\n  ← InvoicePublisher.PublishAsync", output);
        Assert.Contains("→ Shipping.HandleAsync  [OrderPipeline]  group shipping", output);
        Assert.Contains("```mermaid", output);
        Assert.Contains("flowchart LR", output);
        Assert.Contains("-. \"calls\" .->", output);
        Assert.Contains("No gaps", output);
    }
}
