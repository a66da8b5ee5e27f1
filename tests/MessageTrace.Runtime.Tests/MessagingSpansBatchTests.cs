using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Xunit;

namespace MessageTrace.Runtime.Tests;

[Collection(GlobalStateCollection.Name)]
public sealed class MessagingSpansBatchTests
{
    [Theory]
    [InlineData(MessagingOperationTypes.Process, ActivityKind.Consumer)]
    [InlineData(MessagingOperationTypes.Receive, ActivityKind.Client)]
    public void Batch_span_has_the_message_count_and_the_links_passed(string operation, ActivityKind kind)
    {
        using var listener = new MessageTraceListener();
        var links = Enumerable.Range(0, 3)
            .Select(i => new ActivityLink(Contexts.Random(), new ActivityTagsCollection { [MessagingAttributes.MessageId] = "m" + i }))
            .ToList();

        using var activity = MessagingSpans.StartBatch(operation, kind, MessagingSystems.RocketMq, "orders", null, "group-a", links, links.Count);

        Assert.NotNull(activity);
        Assert.Equal(operation + " orders", activity!.DisplayName);
        Assert.Equal(kind, activity.Kind);
        Assert.Equal(links.Count, activity.GetTagItem(MessagingAttributes.BatchMessageCount));
        Assert.Equal(links.Select(l => l.Context), activity.Links.Select(l => l.Context));
        Assert.Equal(
            new[] { "m0", "m1", "m2" },
            activity.Links.Select(l => (string?)l.Tags!.Single(t => t.Key == MessagingAttributes.MessageId).Value));
        var sample = listener.SingleSample();
        Assert.Equal(operation, sample.Tag(MessagingAttributes.OperationType));
        Assert.Equal("group-a", sample.Tag(MessagingAttributes.ConsumerGroupName));
        Assert.Equal(3, sample.Links.Count);

        // A batch span is never parented on one arbitrary message.
        Assert.Equal(default, activity.ParentSpanId);
    }

    [Fact]
    public void Batch_span_without_links_has_none()
    {
        using var listener = new MessageTraceListener();

        using var activity = MessagingSpans.StartBatch(MessagingOperationTypes.Receive, ActivityKind.Client, MessagingSystems.Nats, "orders", null, null, links: null, messageCount: 0);

        Assert.Empty(activity!.Links);
        Assert.Equal(0, activity.GetTagItem(MessagingAttributes.BatchMessageCount));
    }

    [Fact]
    public void Batch_returns_null_without_a_listener()
    {
        Assert.False(MessageTraceSource.Source.HasListeners());

        Assert.Null(MessagingSpans.StartBatch(MessagingOperationTypes.Process, ActivityKind.Consumer, MessagingSystems.Nats, "orders", null, null, new List<ActivityLink>(), 0));
    }

    [Fact]
    public void Settle_span_is_a_client_named_after_the_operation_and_linked_to_the_message()
    {
        using var listener = new MessageTraceListener();
        var creation = Contexts.Random();

        using var activity = MessagingSpans.StartSettle(MessagingSystems.RabbitMq, "ack", "orders", "group-a", creation);

        var sample = listener.SingleSample();
        Assert.Equal("ack orders", sample.Name);
        Assert.Equal(ActivityKind.Client, sample.Kind);
        Assert.Equal("ack", sample.Tag(MessagingAttributes.OperationName));
        Assert.Equal(MessagingOperationTypes.Settle, sample.Tag(MessagingAttributes.OperationType));
        Assert.Equal(creation, Assert.Single(activity!.Links).Context);
    }
}
