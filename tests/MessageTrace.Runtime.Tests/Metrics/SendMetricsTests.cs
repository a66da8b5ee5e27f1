using System;
using System.Linq;
using System.Diagnostics;
using System.Threading.Tasks;
using Xunit;

namespace MessageTrace.Runtime.Tests;

/// <summary>
/// Sends record <c>messaging.client.operation.duration</c> and <c>messaging.client.sent.messages</c> from
/// the same completion as their span, whether the span is sampled or not.
/// </summary>
[Collection(GlobalStateCollection.Name)]
public sealed class SendMetricsTests
{
    private static readonly MessagingSite s_site = new("test");

    [Fact]
    public async Task A_send_records_its_duration_and_one_sent_message_with_the_conventions_attributes()
    {
        using var tracer = new MessageTraceListener();
        using var metrics = new MetricRecorder();

        await TracedSend.SendAsync(s_site, new TestOutgoing(new TestMessage("orders")), 0, static (m, a) => Task.FromResult("receipt"));

        var span = Assert.Single(tracer.Stopped);
        var duration = metrics.Single(MessagingMetricNames.ClientOperationDuration);
        Assert.Equal(span.Duration.TotalSeconds, duration.Value);
        Assert.Equal("test", duration.Tag(MessagingAttributes.System));
        Assert.Equal("send", duration.Tag(MessagingAttributes.OperationName));
        Assert.Equal("send", duration.Tag(MessagingAttributes.OperationType));
        Assert.Equal("orders", duration.Tag(MessagingAttributes.DestinationName));
        Assert.False(duration.Tags.ContainsKey(MessagingAttributes.ErrorType));
        Assert.False(duration.Tags.ContainsKey(MessagingAttributes.ConsumerGroupName));
        var sent = metrics.Single(MessagingMetricNames.ClientSentMessages);
        Assert.Equal(1, sent.Value);
        Assert.Equal(duration.Tags, sent.Tags);
        Assert.Empty(metrics.Of(MessagingMetricNames.ClientConsumedMessages));
        Assert.Empty(metrics.Of(MessagingMetricNames.ProcessDuration));
    }

    [Fact]
    public void A_template_replaces_the_destination_in_the_metric_attributes()
    {
        using var metrics = new MetricRecorder();

        TracedSend.Send(new MessagingSite("test", template: "orders.{region}"), new TestOutgoing(new TestMessage("orders.eu")), 0, static (m, a) => 1);

        var sent = metrics.Single(MessagingMetricNames.ClientSentMessages);
        Assert.Equal("orders.{region}", sent.Tag(MessagingAttributes.DestinationTemplate));
        Assert.False(sent.Tags.ContainsKey(MessagingAttributes.DestinationName));
    }

    [Fact]
    public void A_declared_destination_that_is_the_messages_own_is_recorded_as_the_name_not_as_a_template()
    {
        using var metrics = new MetricRecorder();

        TracedSend.Send(new MessagingSite("test", template: "orders"), new TestOutgoing(new TestMessage("orders")), 0, static (m, a) => 1);

        var sent = metrics.Single(MessagingMetricNames.ClientSentMessages);
        Assert.Equal("orders", sent.Tag(MessagingAttributes.DestinationName));
        Assert.False(sent.Tags.ContainsKey(MessagingAttributes.DestinationTemplate));
    }

    [Fact]
    public void A_send_that_throws_records_the_exception_type_as_error_type_and_the_exception_is_unchanged()
    {
        using var metrics = new MetricRecorder();
        var thrown = new InvalidOperationException("broker down");

        var caught = Assert.Throws<InvalidOperationException>(() =>
            TracedSend.Send(s_site, new TestOutgoing(new TestMessage("orders")), thrown, static (m, a) => a is null ? 0 : throw a));

        Assert.Same(thrown, caught);
        Assert.Equal(typeof(InvalidOperationException).FullName, metrics.Single(MessagingMetricNames.ClientOperationDuration).Tag(MessagingAttributes.ErrorType));
        Assert.Equal(typeof(InvalidOperationException).FullName, metrics.Single(MessagingMetricNames.ClientSentMessages).Tag(MessagingAttributes.ErrorType));
    }

    [Fact]
    public async Task A_send_whose_task_faults_later_records_error_type_when_it_completes()
    {
        using var metrics = new MetricRecorder();
        var completion = new TaskCompletionSource<string>();

        var task = TracedSend.SendAsync(s_site, new TestOutgoing(new TestMessage("orders")), completion, static (m, a) => a.Task);
        Assert.Empty(metrics.All);
        completion.SetException(new TimeoutException());

        await Assert.ThrowsAsync<TimeoutException>(() => task);
        Assert.Equal(typeof(TimeoutException).FullName, metrics.Single(MessagingMetricNames.ClientOperationDuration).Tag(MessagingAttributes.ErrorType));
    }

    [Theory]
    [InlineData(ActivitySamplingResult.None)]
    [InlineData(ActivitySamplingResult.PropagationData)]
    public void An_unsampled_send_is_still_counted_and_timed(ActivitySamplingResult sampling)
    {
        using var tracer = new MessageTraceListener(sampling, recordSamples: false);
        using var metrics = new MetricRecorder();

        TracedSend.Send(s_site, new TestOutgoing(new TestMessage("orders")), 0, static (m, a) => 1);

        Assert.DoesNotContain(tracer.Stopped, a => a.Recorded);
        Assert.Equal(1, metrics.Single(MessagingMetricNames.ClientSentMessages).Value);
        Assert.True(metrics.Single(MessagingMetricNames.ClientOperationDuration).Value >= 0);
    }

    [Fact]
    public void With_no_tracer_at_all_a_send_is_still_counted_and_no_context_is_written()
    {
        using var metrics = new MetricRecorder();
        var message = new TestMessage("orders");

        TracedSend.SendVoid(s_site, new TestOutgoing(message), 0, static (m, a) => { });

        Assert.Equal(1, metrics.Single(MessagingMetricNames.ClientSentMessages).Value);
        Assert.Equal("orders", metrics.Single(MessagingMetricNames.ClientOperationDuration).Tag(MessagingAttributes.DestinationName));
        Assert.Null(message.Headers);
    }

    [Fact]
    public void A_null_message_is_not_counted()
    {
        using var metrics = new MetricRecorder();

        TracedSend.Send(s_site, new TestOutgoing(null), 0, static (m, a) => 1);

        Assert.Empty(metrics.All);
    }

    [Fact]
    public void Only_the_enabled_instrument_records()
    {
        using var metrics = new MetricRecorder(MessagingMetricNames.ClientSentMessages);

        TracedSend.Send(s_site, new TestOutgoing(new TestMessage("orders")), 0, static (m, a) => 1);

        var only = Assert.Single(metrics.All);
        Assert.Equal(MessagingMetricNames.ClientSentMessages, only.Instrument);
    }
}
