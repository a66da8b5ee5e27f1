using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace MessageTrace.Sample.Tests.Infrastructure;

/// <summary>The trace structure the sample must show (issue 7, "Must show").</summary>
public static class PipelineAssert
{
    /// <summary>
    /// A successful order's trace: <c>send orders</c> is its root; billing's <c>process orders</c> is
    /// linked to it and, by the default parent policy, parented on it; <c>send invoices</c> is a child of
    /// that process span; <c>process invoices</c> continues the same trace (parented on and linked to
    /// <c>send invoices</c>). Nothing else is in the trace and nothing failed.
    /// </summary>
    public static void SuccessfulOrder(IReadOnlyList<JsonSpan> spans, JsonSpan sendOrders, string system)
    {
        var trace = spans.Where(span => span.TraceId == sendOrders.TraceId).ToList();

        Assert.Equal("send orders", sendOrders.Name);
        Assert.Equal("Producer", sendOrders.Kind);
        Assert.Null(sendOrders.ParentSpanId);
        Assert.Equal(system, sendOrders.Attribute("messaging.system"));
        Assert.Equal("orders", sendOrders.Attribute("messaging.destination.name"));

        var processOrders = Assert.Single(trace, span => span.Name == "process orders");
        Assert.Equal("Consumer", processOrders.Kind);
        Assert.Equal("billing", processOrders.Attribute("messaging.consumer.group.name"));
        Assert.Equal(new[] { new JsonLink(sendOrders.TraceId, sendOrders.SpanId) }, processOrders.Links);
        Assert.Equal(sendOrders.SpanId, processOrders.ParentSpanId);

        var sendInvoices = Assert.Single(trace, span => span.Name == "send invoices");
        Assert.Equal("Producer", sendInvoices.Kind);
        Assert.Equal(processOrders.SpanId, sendInvoices.ParentSpanId);

        var processInvoices = Assert.Single(trace, span => span.Name == "process invoices");
        Assert.Equal("Consumer", processInvoices.Kind);
        Assert.Equal("shipping", processInvoices.Attribute("messaging.consumer.group.name"));
        Assert.Equal(sendInvoices.SpanId, processInvoices.ParentSpanId);
        Assert.Equal(new[] { new JsonLink(sendInvoices.TraceId, sendInvoices.SpanId) }, processInvoices.Links);

        Assert.Equal(4, trace.Count);
        Assert.All(trace, span => Assert.Equal("Unset", span.Status));
    }

    /// <summary>
    /// A failed order's traces: billing's two attempts are error spans (recorded by the generated code:
    /// status Error, <c>error.type</c>, an <c>exception</c> event), both parented on and linked to
    /// <c>send orders</c>; no invoice is sent; the message is parked: <c>send orders.dead</c> is the root
    /// of a trace of its own, linked to the order's <c>send orders</c> (whose context the parked message
    /// keeps), and the parking lot's <c>process orders.dead</c> is parented on that <c>send orders</c>.
    /// </summary>
    public static void FailedOrder(IReadOnlyList<JsonSpan> spans, JsonSpan sendOrders, string system)
    {
        var creation = new JsonLink(sendOrders.TraceId, sendOrders.SpanId);
        var trace = spans.Where(span => span.TraceId == sendOrders.TraceId).ToList();
        Assert.Null(sendOrders.ParentSpanId);
        Assert.Equal("Unset", sendOrders.Status);

        var attempts = trace.Where(span => span.Name == "process orders").ToList();
        Assert.Equal(2, attempts.Count);
        Assert.All(attempts, attempt =>
        {
            Assert.Equal("Error", attempt.Status);
            Assert.Equal("OrderPipeline.Domain.InvalidOrderException", attempt.Attribute("error.type"));
            Assert.Contains("exception", attempt.EventNames);
            Assert.Equal(sendOrders.SpanId, attempt.ParentSpanId);
            Assert.Equal(new[] { creation }, attempt.Links);
        });
        Assert.DoesNotContain(trace, span => span.Name is "send invoices" or "process invoices");

        var parked = Assert.Single(trace, span => span.Name == "process orders.dead");
        Assert.Equal("Consumer", parked.Kind);
        Assert.Equal("parking-lot", parked.Attribute("messaging.consumer.group.name"));
        Assert.Equal(sendOrders.SpanId, parked.ParentSpanId);
        Assert.Equal(new[] { creation }, parked.Links);
        Assert.Equal(4, trace.Count);

        var park = Assert.Single(spans, span => span.Name == "send orders.dead" && span.IsLinkedTo(sendOrders));
        Assert.Equal("Producer", park.Kind);
        Assert.Null(park.ParentSpanId);
        Assert.NotEqual(sendOrders.TraceId, park.TraceId);
        Assert.Equal(system, park.Attribute("messaging.system"));
        Assert.Single(spans, span => span.TraceId == park.TraceId);
    }

    /// <summary>
    /// The spans of <c>--messages 5</c>: orders 1 to 4 succeed, order 5 (invalid amount) fails and is
    /// parked. Every order's trace is checked, and nothing else was printed.
    /// </summary>
    public static void FiveOrders(IReadOnlyList<JsonSpan> spans, string system)
    {
        var orders = spans.Where(span => span.Name == "send orders").ToList();
        Assert.Equal(5, orders.Count);
        var failed = Assert.Single(orders, order => spans.Any(span => span.TraceId == order.TraceId && span.Status == "Error"));
        foreach (var order in orders.Where(order => order != failed))
        {
            SuccessfulOrder(spans, order, system);
        }

        FailedOrder(spans, failed, system);
        Assert.Equal((4 * 4) + 5, spans.Count);
        Assert.Equal(6, spans.Select(span => span.TraceId).Distinct().Count());
        Assert.Equal(spans.Count, spans.Select(span => span.SpanId).Distinct().Count());
    }
}
