using System;
using System.Diagnostics;
using System.Linq;
using Xunit;

namespace MessageTrace.Runtime.Tests;

[Collection(GlobalStateCollection.Name)]
public sealed class MessagingSpansSendTests
{
    [Fact]
    public void Send_span_is_a_producer_named_after_the_destination_with_sampling_tags_at_start()
    {
        using var listener = new MessageTraceListener();
        string topic = "orders-" + Guid.NewGuid().ToString("N");

        using var activity = MessagingSpans.StartSend(MessagingSystems.RocketMq, topic, template: null, default);

        Assert.NotNull(activity);
        var sample = listener.SingleSample();
        Assert.Equal("send " + topic, sample.Name);
        Assert.Equal(ActivityKind.Producer, sample.Kind);
        Assert.Equal(MessagingSystems.RocketMq, sample.Tag(MessagingAttributes.System));
        Assert.Equal(MessagingOperationTypes.Send, sample.Tag(MessagingAttributes.OperationName));
        Assert.Equal(MessagingOperationTypes.Send, sample.Tag(MessagingAttributes.OperationType));
        Assert.Equal(topic, sample.Tag(MessagingAttributes.DestinationName));
        Assert.False(sample.HasTag(MessagingAttributes.DestinationTemplate));
        Assert.False(sample.HasTag(MessagingAttributes.ConsumerGroupName));
        Assert.Empty(sample.Links);

        Assert.Equal(sample.Name, activity!.DisplayName);
        Assert.Equal(ActivityKind.Producer, activity.Kind);
        Assert.Equal(MessageTraceSource.Name, activity.Source.Name);
        Assert.Equal(topic, activity.GetTagItem(MessagingAttributes.DestinationName));
        Assert.Empty(activity.Links);
    }

    [Fact]
    public void Send_span_is_named_after_the_template_when_one_is_passed()
    {
        using var listener = new MessageTraceListener();
        string topic = "orders-" + Guid.NewGuid().ToString("N");

        using var activity = MessagingSpans.StartSend(MessagingSystems.RabbitMq, topic, "orders-{id}", default);

        var sample = listener.SingleSample();
        Assert.Equal("send orders-{id}", sample.Name);
        Assert.Equal("orders-{id}", sample.Tag(MessagingAttributes.DestinationTemplate));
        Assert.Equal(topic, sample.Tag(MessagingAttributes.DestinationName));
        Assert.Equal("send orders-{id}", activity!.DisplayName);
    }

    [Fact]
    public void Send_span_without_a_destination_is_named_after_the_operation()
    {
        using var listener = new MessageTraceListener();

        using var activity = MessagingSpans.StartSend(MessagingSystems.Nats, destination: null, template: null, default);

        var sample = listener.SingleSample();
        Assert.Equal("send", sample.Name);
        Assert.False(sample.HasTag(MessagingAttributes.DestinationName));
    }

    [Fact]
    public void Send_span_links_to_an_existing_creation_context()
    {
        using var listener = new MessageTraceListener();
        var existing = Contexts.Random();

        using var activity = MessagingSpans.StartSend(MessagingSystems.RocketMq, "orders", null, existing);

        var sample = listener.SingleSample();
        Assert.Equal(existing, Assert.Single(sample.Links).Context);
        Assert.Equal(existing, Assert.Single(activity!.Links).Context);

        // A link, not a parent: the user's context stays theirs.
        Assert.NotEqual(existing.TraceId, activity.TraceId);
        Assert.Equal(default, activity.ParentSpanId);
    }

    [Fact]
    public void Send_span_is_a_child_of_the_ambient_span()
    {
        using var listener = new MessageTraceListener();
        using var ambient = new AmbientActivity();

        using var activity = MessagingSpans.StartSend(MessagingSystems.RocketMq, "orders", null, default);

        Assert.Equal(ambient.Context.TraceId, activity!.TraceId);
        Assert.Equal(ambient.Context.SpanId, activity.ParentSpanId);
    }

    [Fact]
    public void Send_returns_null_without_a_listener()
    {
        Assert.False(MessageTraceSource.Source.HasListeners());

        Assert.Null(MessagingSpans.StartSend(MessagingSystems.RocketMq, "orders", null, Contexts.Random()));
    }

    [Fact]
    public void Send_returns_null_when_the_listener_does_not_sample()
    {
        using var listener = new MessageTraceListener(ActivitySamplingResult.None);

        Assert.Null(MessagingSpans.StartSend(MessagingSystems.RocketMq, "orders", null, Contexts.Random()));
        Assert.Single(listener.Samples);
    }

    [Fact]
    public void Listener_that_starts_a_span_from_its_sample_callback_does_not_corrupt_the_outer_tags()
    {
        // A re-entrant StartSend on the same thread (from inside Sample) must get its own tag and link
        // buffers: the outer span must still see its own destination and link.
        var outerLink = Contexts.Random();
        var innerLink = Contexts.Random();
        bool reentered = false;
        using var activityListener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == MessageTraceSource.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> o) =>
            {
                if (!reentered)
                {
                    reentered = true;
                    MessagingSpans.StartSend(MessagingSystems.Nats, "inner", null, innerLink)?.Stop();
                }

                return ActivitySamplingResult.AllDataAndRecorded;
            },
        };
        ActivitySource.AddActivityListener(activityListener);

        using var outer = MessagingSpans.StartSend(MessagingSystems.RocketMq, "outer", null, outerLink);

        Assert.True(reentered);
        Assert.Equal("send outer", outer!.DisplayName);
        Assert.Equal("outer", outer.GetTagItem(MessagingAttributes.DestinationName));
        Assert.Equal(MessagingSystems.RocketMq, outer.GetTagItem(MessagingAttributes.System));
        Assert.Equal(outerLink, Assert.Single(outer.Links).Context);
    }

    [Fact]
    public void Tags_of_one_span_do_not_leak_into_the_next()
    {
        using var listener = new MessageTraceListener();

        MessagingSpans.StartProcess(MessagingSystems.RocketMq, "a", "tpl", "group", Contexts.Random(), HandlerParentPolicy.LinkOnly)?.Stop();
        MessagingSpans.StartSend(MessagingSystems.Nats, "b", null, default)?.Stop();

        var second = listener.Samples.Last();
        Assert.Equal(4, second.Tags.Count);
        Assert.Empty(second.Links);
        Assert.False(second.HasTag(MessagingAttributes.ConsumerGroupName));
        Assert.False(second.HasTag(MessagingAttributes.DestinationTemplate));
    }
}
