using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using MessageTrace.RocketMq.Tests.Handlers;
using MessageTrace.RocketMq.Tests.Infrastructure;
using Org.Apache.Rocketmq;
using Xunit;

namespace MessageTrace.RocketMq.Tests.HandlerTests;

/// <summary>A batch handler gets one process span, with the message count and one link per message carrying its id.</summary>
[Collection(TracingCollection.Name)]
public sealed class BatchHandlerTests
{
    [Fact]
    public void A_list_batch_gets_one_span_with_the_count_and_a_link_per_message()
    {
        using var capture = new TraceCapture();
        var handler = new SettlementBatchHandler();
        var contexts = Enumerable.Range(0, 3).Select(_ => TestMessages.RandomContext()).ToArray();
        var batch = contexts.Select(c => TestMessages.WithContext(c, topic: "settlements")).ToList();

        var result = handler.HandleList(batch);

        Assert.Equal(ConsumeResult.SUCCESS, result);
        Assert.Same(batch, Assert.Single(handler.Probe.Seen).Argument);
        var span = capture.SingleProcess();
        Assert.Equal("process settlements", span.DisplayName);
        Assert.Equal(ActivityKind.Consumer, span.Kind);
        Assert.Equal(3, Spans.Tag(span, "messaging.batch.message_count"));
        Assert.Equal("settlement", Spans.Tag(span, "messaging.consumer.group.name"));
        Assert.Equal("shop", Spans.Tag(span, "messaging.rocketmq.namespace"));
        Assert.Equal("rocketmq", Spans.Tag(span, "messaging.system"));
        Assert.Equal("process", Spans.Tag(span, "messaging.operation.name"));
        Assert.Equal("settlements", Spans.Tag(span, "messaging.destination.name"));
        Spans.AssertLinks(span, contexts);
        for (int i = 0; i < batch.Count; i++)
        {
            Assert.Equal(batch[i].MessageId, span.Links.ElementAt(i).Tags!.Single(t => t.Key == "messaging.message.id").Value);
        }

        Assert.False(Spans.HasTag(span, "messaging.message.id"));
    }

    [Fact]
    public void A_batch_span_is_not_parented_on_any_one_message()
    {
        using var capture = new TraceCapture();
        var contexts = Enumerable.Range(0, 2).Select(_ => TestMessages.RandomContext()).ToArray();

        new SettlementBatchHandler().HandleList(contexts.Select(c => TestMessages.WithContext(c)).ToList());

        Spans.AssertRoot(capture.SingleProcess(), contexts.Select(c => c.TraceId).ToArray());
    }

    [Fact]
    public void A_batch_span_inside_an_ambient_span_is_its_child_and_current_inside_the_handler()
    {
        using var capture = new TraceCapture();
        var handler = new SettlementBatchHandler();
        using var ambient = TraceCapture.TestSource.StartActivity("ambient");
        Assert.NotNull(ambient);

        handler.HandleList(new List<MessageView> { TestMessages.WithContext(TestMessages.RandomContext()) });

        var span = capture.SingleProcess();
        Spans.AssertChildOf(span, ambient!.Context);
        Assert.Same(span, Assert.Single(handler.Probe.Seen).Current);
        Assert.Same(ambient, Activity.Current);
    }

    [Fact]
    public void An_array_batch_gets_one_span_with_a_link_per_message()
    {
        using var capture = new TraceCapture();
        var handler = new SettlementBatchHandler();
        var contexts = Enumerable.Range(0, 4).Select(_ => TestMessages.RandomContext()).ToArray();
        var batch = contexts.Select(c => TestMessages.WithContext(c)).ToArray();

        Assert.Equal(4, handler.HandleArray(batch));

        Assert.Same(batch, Assert.Single(handler.Probe.Seen).Argument);
        var span = capture.SingleProcess();
        Assert.Equal(4, Spans.Tag(span, "messaging.batch.message_count"));
        Spans.AssertLinks(span, contexts);
    }

    [Fact]
    public void Messages_without_a_creation_context_are_counted_but_not_linked()
    {
        using var capture = new TraceCapture();
        var linked = TestMessages.RandomContext();
        var batch = new List<MessageView>
        {
            TestMessages.WithProperties(new Dictionary<string, string>()),
            TestMessages.WithContext(linked),
            TestMessages.WithProperties(null),
        };

        new SettlementBatchHandler().HandleList(batch);

        var span = capture.SingleProcess();
        Assert.Equal(3, Spans.Tag(span, "messaging.batch.message_count"));
        Spans.AssertLinks(span, linked);
        Assert.Equal(batch[1].MessageId, Assert.Single(span.Links).Tags!.Single(t => t.Key == "messaging.message.id").Value);
    }

    [Fact]
    public void An_empty_batch_still_gets_a_span_with_count_zero_and_its_result_mapped()
    {
        using var capture = new TraceCapture();

        var result = new SettlementBatchHandler().HandleList(new List<MessageView>());

        Assert.Equal(ConsumeResult.FAILURE, result);
        var span = capture.SingleProcess();
        Assert.Equal(0, Spans.Tag(span, "messaging.batch.message_count"));
        Assert.Empty(span.Links);
        Assert.Equal("FAILURE", Spans.Tag(span, "error.type"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
    }

    [Fact]
    public void A_materialized_sequence_batch_is_handed_over_unchanged()
    {
        using var capture = new TraceCapture();
        var handler = new SettlementBatchHandler();
        var contexts = Enumerable.Range(0, 2).Select(_ => TestMessages.RandomContext()).ToArray();
        IEnumerable<MessageView> batch = contexts.Select(c => TestMessages.WithContext(c)).ToArray();

        Assert.Equal(2, handler.HandleSequence(batch));

        Assert.Same(batch, Assert.Single(handler.Probe.Seen).Argument);
        Assert.Equal(batch, handler.Enumerated);
        Spans.AssertLinks(capture.SingleProcess(), contexts);
    }
}
