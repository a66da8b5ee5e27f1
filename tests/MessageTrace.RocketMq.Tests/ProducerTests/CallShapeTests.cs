using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using MessageTrace.RocketMq.Tests.Infrastructure;
using MessageTrace.RocketMq.Tests.Producers;
using Org.Apache.Rocketmq;
using Xunit;
using static MessageTrace.RocketMq.Tests.ProducerTests.ProducerKit;

namespace MessageTrace.RocketMq.Tests.ProducerTests;

/// <summary>
/// Every way user code writes a send compiles against the generated interceptors and is traced; a
/// send outside any traced scope is left alone.
/// </summary>
[Collection(TracingCollection.Name)]
public sealed class CallShapeTests
{
    private static readonly Dictionary<string, Func<Producer, Message, Task>> TracedShapes = new()
    {
        ["awaited, result used"] = (p, m) => new OrderPublisher(p).PublishAsync(m),
        ["returned task"] = (p, m) => new OrderPublisher(p).Forward(m),
        ["ConfigureAwait(false)"] = (p, m) => new OrderPublisher(p).PublishConfigureAwaitFalseAsync(m),
        ["result discarded"] = (p, m) =>
        {
            new OrderPublisher(p).FireAndForget(m);
            return Task.CompletedTask;
        },
        ["conditional access"] = (p, m) => OrderPublisher.SendIfConnected(p, m)!,
        ["static method"] = (p, m) => OrderPublisher.PublishStaticAsync(p, m),
        ["lambda in a traced method"] = (p, m) => new LambdaPublisher(p).PublishAllAsync(new[] { m }),
        ["local function in a traced method"] = (p, m) => new LambdaPublisher(p).PublishThroughLocalFunctionAsync(m),
        ["delegate made by a traced method, invoked later"] = (p, m) => new LambdaPublisher(p).MakeSender()(m),
        ["lambda with the attribute"] = (p, m) => new LambdaPublisher(p).MakeAttributedLambda()(m),
        ["local function with the attribute"] = (p, m) => new LambdaPublisher(p).SendThroughAttributedLocalFunction(m),
        ["generic method of a nested generic type"] = (p, m) => Outer<int>.Inner<string>.SendAsync(p, m, 1, "two", Guid.NewGuid()),
        ["partial class, returned task"] = (p, m) => new PartialPublisher(p).FirstAsync(m),
        ["partial class, awaited"] = (p, m) => new PartialPublisher(p).SecondAsync(m),
        ["class-level attribute on a derived class"] = (p, m) => new DerivedPublisher(p).SendFromDerived(m),
    };

    private static readonly Dictionary<string, Func<Producer, Message, Task>> UntracedShapes = new()
    {
        ["sibling method without the attribute"] = (p, m) => new OrderPublisher(p).ForwardUntraced(m),
        ["delegate made by an untraced method"] = (p, m) => new LambdaPublisher(p).MakeUntracedSender()(m),
        ["base-class method of a traced derived class"] = (p, m) => new DerivedPublisher(p).SendFromBase(m),
        ["plain twin of a traced method"] = (p, m) => new AllocationPublisher(p).Plain(m),
    };

    public static TheoryData<string> TracedShapeNames => new(TracedShapes.Keys);

    public static TheoryData<string> UntracedShapeNames => new(UntracedShapes.Keys);

    [Theory]
    [MemberData(nameof(TracedShapeNames))]
    public async Task Send_is_traced_and_carries_its_span_context(string shape)
    {
        using var capture = new TraceCapture();
        using var probe = new SpanProbe();
        var producer = await NewProducerAsync();

        await TracedShapes[shape](producer, NewMessage());

        var record = Assert.Single(producer.SentMessagesForTest);
        var span = SingleSend(capture);
        Assert.Equal("send orders", span.DisplayName);
        Assert.Equal(ActivityKind.Producer, span.Kind);
        Assert.Equal(record.Receipt!.MessageId, Tag(span, "messaging.message.id"));
        Assert.Equal(SampledTraceParent(span), Sent(record, TraceParentKey));
        Assert.Empty(probe.Running);
    }

    [Theory]
    [MemberData(nameof(UntracedShapeNames))]
    public async Task Send_outside_a_traced_scope_is_not_traced(string shape)
    {
        using var capture = new TraceCapture();
        using var probe = new SpanProbe();
        var producer = await NewProducerAsync();
        Activity.Current = null;

        await UntracedShapes[shape](producer, NewMessage());

        var record = Assert.Single(producer.SentMessagesForTest);
        Assert.Empty(probe.Started);
        Assert.Empty(capture.Spans);
        Assert.Null(Sent(record, TraceParentKey));
        Assert.Empty(record.Properties!);
    }

    [Fact]
    public async Task Lambda_per_message_traces_each_send_separately()
    {
        using var capture = new TraceCapture();
        var producer = await NewProducerAsync();
        var messages = new[] { NewMessage("orders"), NewMessage("refunds"), NewMessage("orders") };

        var receipts = await new LambdaPublisher(producer).PublishAllAsync(messages);

        Assert.Equal(3, receipts.Length);
        var records = producer.SentMessagesForTest;
        Assert.Equal(3, records.Count);
        Assert.Equal(new[] { "orders", "refunds", "orders" }, records.Select(r => SpanFor(capture, r).DisplayName.Substring("send ".Length)));
        Assert.All(records, r => Assert.Equal(SampledTraceParent(SpanFor(capture, r)), Sent(r, TraceParentKey)));
    }

    [Fact]
    public async Task Conditional_access_on_a_missing_producer_sends_nothing()
    {
        using var capture = new TraceCapture();

        var task = OrderPublisher.SendIfConnected(null, NewMessage());

        Assert.Null(task);
        await Task.Yield();
        Assert.Empty(capture.Spans);
    }

    [Fact]
    public async Task Send_outside_a_traced_scope_carries_nothing_even_inside_an_ambient_span()
    {
        using var capture = new TraceCapture();
        var producer = await NewProducerAsync();
        using var ambient = TraceCapture.TestSource.StartActivity("ambient")!;

        await new OrderPublisher(producer).ForwardUntraced(NewMessage());

        Assert.Null(Sent(Assert.Single(producer.SentMessagesForTest), TraceParentKey));
        Assert.DoesNotContain(capture.Spans, s => s.Source.Name == MessageTraceSource.Name);
    }
}
