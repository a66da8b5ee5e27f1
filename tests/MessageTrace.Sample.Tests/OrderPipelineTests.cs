using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using MessageTrace.Sample.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MessageTrace.Sample.Tests;

/// <summary>samples/OrderPipeline on its default broker, the embedded MQTT server.</summary>
public sealed class OrderPipelineTests(ITestOutputHelper log)
{
    [Fact]
    public async Task Json_ProcessOrdersIsLinkedToAndParentedOnSendOrders_SendInvoicesIsItsChild_ProcessInvoicesContinuesTheTrace()
    {
        var run = await SampleProcess.RunAsync(log, "--json", "--timeout", "60");

        Assert.True(run.ExitCode == 0, run.Describe());
        var spans = JsonSpan.ParseAll(run.Stdout); // every stdout line is a span: nothing else is printed there
        Assert.Equal(4, spans.Count);
        var sendOrders = Assert.Single(spans, span => span.Name == "send orders");
        PipelineAssert.SuccessfulOrder(spans, sendOrders, "mqtt");
        Assert.All(spans, span => Assert.Equal(sendOrders.TraceId, span.TraceId));
    }

    [Fact]
    public async Task Json_WithFiveMessages_TheInvalidOrderFailsBillingTwiceAndIsParked()
    {
        var run = await SampleProcess.RunAsync(log, "--messages", "5", "--json", "--timeout", "60");

        Assert.True(run.ExitCode == 0, run.Describe());
        PipelineAssert.FiveOrders(JsonSpan.ParseAll(run.Stdout), "mqtt");
        // The summary goes to stderr: the parked order is counted there.
        Assert.Matches(new Regex(@"orders parked\s*\S\s*1\s"), run.Stderr);
        Assert.Matches(new Regex(@"spans\s*\S\s*21\s"), run.Stderr);
    }

    [Fact]
    public async Task Kafka_OnTheInProcessMockCluster_TheChainIsOneTracePerOrder_AndTheInvalidOrderIsParked()
    {
        var run = await SampleProcess.RunAsync(log, "--broker", "kafka", "--messages", "5", "--json", "--timeout", "60");

        Assert.True(run.ExitCode == 0, run.Describe());
        PipelineAssert.FiveOrders(JsonSpan.ParseAll(run.Stdout), "kafka");
        Assert.Matches(new Regex(@"orders parked\s*\S\s*1\s"), run.Stderr);
    }

    [Fact]
    public async Task Json_WithFiveMessages_IncludesTheMetricPoints_CountedPerDestinationAndConsumerGroup()
    {
        var run = await SampleProcess.RunAsync(log, "--messages", "5", "--json", "--timeout", "60");

        Assert.True(run.ExitCode == 0, run.Describe());
        var spans = JsonSpan.ParseAll(run.Stdout);
        var metrics = JsonMetric.ParseAll(run.Stdout).Where(point => point.Meter == "MessageTrace").ToList();

        // Sent: 5 orders, 4 invoices (the invalid order is not invoiced), 1 parked order.
        Assert.Equal(Expected(("orders", null, 5), ("invoices", null, 4), ("orders.dead", null, 1)),
            CountsBy(metrics, "messaging.client.sent.messages"));
        // Consumed and processed: billing saw the invalid order twice (attempt and retry), both failed.
        var handled = Expected(("orders", "billing", 6), ("invoices", "shipping", 4), ("orders.dead", "parking-lot", 1));
        Assert.Equal(handled, CountsBy(metrics, "messaging.client.consumed.messages"));
        Assert.Equal(handled, CountsBy(metrics, "messaging.process.duration"));
        Assert.Equal(Expected(("orders", "billing", 2)),
            CountsBy(metrics.Where(point => point.Attribute("error.type") == "OrderPipeline.Domain.InvalidOrderException"), "messaging.process.duration"));

        // The same operations as the spans: one process duration per process span, per destination.
        Assert.Equal(
            spans.Where(span => span.Name.StartsWith("process ", System.StringComparison.Ordinal)).GroupBy(span => span.Name[8..]).ToDictionary(g => g.Key, g => (long)g.Count()),
            metrics.Where(point => point.Name == "messaging.process.duration").GroupBy(point => point.Attribute("messaging.destination.name")!).ToDictionary(g => g.Key, g => g.Sum(point => point.Count!.Value)));

        // Histograms carry the conventions' bucket boundaries, and their buckets add up to their count.
        double[] bounds = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];
        Assert.All(metrics.Where(point => point.Kind == "histogram"), point =>
        {
            Assert.Equal("s", point.Unit);
            Assert.Equal(bounds, point.ExplicitBounds);
            Assert.Equal(point.Count, point.BucketCounts.Sum());
        });
        Assert.All(metrics.Where(point => point.Kind == "sum"), point => Assert.Equal("{message}", point.Unit));
    }

    [Fact]
    public async Task TheSummaryShowsMessagesAndProcessPercentilesPerDestinationAndConsumerGroup()
    {
        var run = await SampleProcess.RunAsync(log, "--messages", "5", "--json", "--timeout", "60");

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Contains("messaging metrics", run.Stderr);
        // destination | group | sent | consumed | failed | p50 | p95 | p99
        Assert.Matches(new Regex(@"orders\s*\S\s*\S\s*5\s*\S\s*\S\s*\S\s*\S\s*\S\s*\S"), run.Stderr);
        var billing = new Regex(@"orders\s*\S\s*billing\s*\S\s*\S\s*6\s*\S\s*2\s*\S\s*(?<p50>[\d.]+) ms\s*\S\s*(?<p95>[\d.]+) ms\s*\S\s*(?<p99>[\d.]+) ms").Match(run.Stderr);
        Assert.True(billing.Success, run.Stderr);
        var p50 = double.Parse(billing.Groups["p50"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var p95 = double.Parse(billing.Groups["p95"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var p99 = double.Parse(billing.Groups["p99"].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(0 < p50 && p50 <= p95 && p95 <= p99, $"p50 {p50} ms, p95 {p95} ms, p99 {p99} ms");
        Assert.Matches(new Regex(@"invoices\s*\S\s*shipping\s*\S\s*\S\s*4\s*\S\s*\S\s*[\d.]+ ms"), run.Stderr);
        Assert.Matches(new Regex(@"orders\.dead\s*\S\s*parking-lot\s*\S\s*\S\s*1\s*\S\s*\S\s*[\d.]+ ms"), run.Stderr);
    }

    private static Dictionary<(string Destination, string? Group), long> Expected(params (string Destination, string? Group, long Count)[] rows) =>
        rows.ToDictionary(row => (row.Destination, row.Group), row => row.Count);

    private static Dictionary<(string Destination, string? Group), long> CountsBy(IEnumerable<JsonMetric> metrics, string instrument) =>
        metrics.Where(point => point.Name == instrument)
            .GroupBy(point => (point.Attribute("messaging.destination.name")!, point.Attribute("messaging.consumer.group.name")))
            .ToDictionary(g => g.Key, g => g.Sum(point => point.Value ?? point.Count!.Value));

    [Fact]
    public async Task ByDefault_TheTracesAreDrawnAsAWaterfallWithASummary()
    {
        var run = await SampleProcess.RunAsync(log, "--invalid", "--messages", "2", "--timeout", "60");

        Assert.True(run.ExitCode == 0, run.Describe());
        var output = string.Join("\n", run.Stdout);
        Assert.Contains("order #1 (failed)", output);
        Assert.Contains("order #1, parked", output);
        Assert.Contains("order #2", output);
        Assert.Contains("InvalidOrderException", output);
        Assert.Contains("send orders (parent)", output); // the link mark of process orders
        Assert.Contains("summary", output);
        string[] rows = ["send orders", "process orders", "send invoices", "process invoices"];
        var order2 = run.Stdout.SkipWhile(line => !line.StartsWith("order #2")).ToList();
        var positions = rows.Select(row => order2.FindIndex(line => line.Contains(row))).ToList();
        Assert.True(positions.All(position => position > 0), output);
        Assert.Equal(positions.Order(), positions); // drawn in tree order
    }

    [Fact]
    public async Task ABadCommandLine_ExitsWith2AndPrintsTheUsage()
    {
        var run = await SampleProcess.RunAsync(log, "--messages", "zero");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Contains("--messages: 'zero' is not a positive whole number", run.Stderr);
        Assert.Contains("Usage:", run.Stderr);
    }
}
