using System.Linq;
using MessageTrace.RocketMq.Tests.Infrastructure;
using MessageTrace.RocketMq.Tests.Producers;
using Xunit;

namespace MessageTrace.RocketMq.Tests.ProducerTests;

/// <summary>
/// A destination written as an interpolated string gives the template at compile time: span names stay one
/// per template, the actual destination stays on the span (issue 16, high-cardinality destinations).
/// </summary>
[Collection(TracingCollection.Name)]
public sealed class DestinationTemplateTests
{
    [Fact]
    public void An_interpolated_destination_names_the_span_by_its_template_and_keeps_the_value()
    {
        using var capture = new TraceCapture();

        RegionalPublisher.Publish("eu");
        RegionalPublisher.Publish("us");

        var spans = capture.Spans.Where(static s => s.OperationName.StartsWith("send", System.StringComparison.Ordinal)).ToList();
        Assert.Equal(["send orders.{region}", "send orders.{region}"], spans.Select(static s => s.DisplayName));
        Assert.Equal(["orders.eu", "orders.us"], spans.Select(static s => (string?)s.GetTagItem("messaging.destination.name")));
        Assert.All(spans, static s => Assert.Equal("orders.{region}", s.GetTagItem("messaging.destination.template")));
    }

    [Fact]
    public void Format_and_expressions_keep_their_expression_as_the_placeholder()
    {
        using var capture = new TraceCapture();

        RegionalPublisher.PublishWithFormat(7);

        var span = Assert.Single(capture.Spans);
        Assert.Equal("send orders.{shard}.{shard%4}", span.DisplayName);
        Assert.Equal("orders.07.3", span.GetTagItem("messaging.destination.name"));
    }

    [Fact]
    public void A_declared_template_wins_and_a_constant_interpolated_string_is_the_destination()
    {
        using var capture = new TraceCapture();

        RegionalPublisher.PublishNamed("eu");
        RegionalPublisher.PublishConstant();

        var spans = capture.Spans.ToList();
        Assert.Equal(["send orders.by-region", "send orders.eu"], spans.Select(static s => s.DisplayName));
        Assert.Null(spans[1].GetTagItem("messaging.destination.template"));
    }
}
