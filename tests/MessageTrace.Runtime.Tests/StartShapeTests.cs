using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Xunit;

namespace MessageTrace.Runtime.Tests;

/// <summary>
/// A call site's spans start from a shared name and start attributes once its destination repeats
/// (<see cref="StartShape"/>): what the listener and the exporter see must not depend on whether they did.
/// </summary>
[Collection(GlobalStateCollection.Name)]
public sealed class StartShapeTests
{
    [Fact]
    public void Sends_of_a_site_start_with_the_same_name_and_attributes_before_and_after_it_kept_its_shape()
    {
        using var listener = new MessageTraceListener();
        var site = new MessagingSite(MessagingSystems.RocketMq);
        string topic = Unique("orders");

        var spans = Enumerable.Range(0, 4).Select(_ => Started(MessagingSpans.StartSend(site, topic, default))).ToList();

        Assert.NotNull(site.LastStart);
        Assert.All(listener.Samples, sample => Assert.Equal("send " + topic, sample.Name));
        Assert.All(spans, span => Assert.Equal(StartTagsOf(spans[0]), StartTagsOf(span)));
        Assert.Equal(topic, spans[3].GetTagItem(MessagingAttributes.DestinationName));
        Assert.Equal(MessagingSystems.RocketMq, spans[3].GetTagItem(MessagingAttributes.System));
    }

    [Fact]
    public void A_new_destination_is_never_named_or_tagged_after_the_kept_one()
    {
        using var listener = new MessageTraceListener();
        var site = new MessagingSite(MessagingSystems.Kafka, consumerGroup: "billing");
        string kept = Unique("orders");
        string other = Unique("refunds");
        Started(MessagingSpans.StartProcess(site, kept, default));
        Started(MessagingSpans.StartProcess(site, kept, default));
        Assert.NotNull(site.LastStart);

        var span = Started(MessagingSpans.StartProcess(site, other, default));

        Assert.Equal("process " + other, span.DisplayName);
        Assert.Equal(other, span.GetTagItem(MessagingAttributes.DestinationName));
        Assert.Equal("billing", span.GetTagItem(MessagingAttributes.ConsumerGroupName));
    }

    [Fact]
    public void A_site_with_a_template_keeps_naming_its_spans_after_the_template()
    {
        using var listener = new MessageTraceListener();
        var site = new MessagingSite(MessagingSystems.RabbitMq, template: "orders-{id}");
        string destination = Unique("orders");

        var spans = Enumerable.Range(0, 3).Select(_ => Started(MessagingSpans.StartSend(site, destination, default))).ToList();

        Assert.All(spans, span => Assert.Equal("send orders-{id}", span.DisplayName));
        Assert.All(spans, span => Assert.Equal("orders-{id}", span.GetTagItem(MessagingAttributes.DestinationTemplate)));
        Assert.All(spans, span => Assert.Equal(destination, span.GetTagItem(MessagingAttributes.DestinationName)));
    }

    [Fact]
    public void A_site_alternating_between_destinations_keeps_no_shape_and_names_each_span_after_its_own()
    {
        using var listener = new MessageTraceListener();
        var site = new MessagingSite(MessagingSystems.Nats);
        string[] subjects = [Unique("a"), Unique("b")];

        var spans = Enumerable.Range(0, 6).Select(i => Started(MessagingSpans.StartSend(site, subjects[i % 2], default))).ToList();

        Assert.Null(site.LastStart);
        for (int i = 0; i < spans.Count; i++)
        {
            Assert.Equal("send " + subjects[i % 2], spans[i].DisplayName);
            Assert.Equal(subjects[i % 2], spans[i].GetTagItem(MessagingAttributes.DestinationName));
        }
    }

    private static Activity Started(Activity? activity)
    {
        Assert.NotNull(activity);
        activity!.Stop();
        return activity;
    }

    private static List<KeyValuePair<string, object?>> StartTagsOf(Activity activity) => activity.TagObjects.ToList();

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N");
}
