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
