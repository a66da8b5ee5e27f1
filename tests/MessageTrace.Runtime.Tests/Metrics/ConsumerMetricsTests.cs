using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace MessageTrace.Runtime.Tests;

/// <summary>
/// Handlers record <c>messaging.process.duration</c>; receives and settlements
/// <c>messaging.client.operation.duration</c>; a delivery is counted once on
/// <c>messaging.client.consumed.messages</c>, at its receive when one is traced, else at its process.
/// </summary>
[Collection(GlobalStateCollection.Name)]
public sealed class ConsumerMetricsTests
{
    private static readonly MessagingSite s_site = new("test", consumerGroup: "billing");

    [Fact]
    public void A_handled_message_records_the_process_duration_and_one_consumed_message()
    {
        using var tracer = new MessageTraceListener();
        using var metrics = new MetricRecorder();

        TracedHandler.Invoke(s_site, default(TestIncoming), new TestMessage("orders"), 0, static (m, a) => "ok");

        var span = Assert.Single(tracer.Stopped);
        var duration = metrics.Single(MessagingMetricNames.ProcessDuration);
        Assert.Equal(span.Duration.TotalSeconds, duration.Value);
        Assert.Equal("process", duration.Tag(MessagingAttributes.OperationName));
        Assert.Equal("process", duration.Tag(MessagingAttributes.OperationType));
        Assert.Equal("orders", duration.Tag(MessagingAttributes.DestinationName));
        Assert.Equal("billing", duration.Tag(MessagingAttributes.ConsumerGroupName));
        var consumed = metrics.Single(MessagingMetricNames.ClientConsumedMessages);
        Assert.Equal(1, consumed.Value);
        Assert.Equal(duration.Tags, consumed.Tags);
        Assert.Empty(metrics.Of(MessagingMetricNames.ClientOperationDuration));
    }

    [Fact]
    public void A_failure_result_is_the_error_type()
    {
        using var metrics = new MetricRecorder();

        TracedHandler.Invoke(s_site, default(TestIncoming), new TestMessage("orders"), 0, static (m, a) => "FAIL");

        Assert.Equal("FAIL", metrics.Single(MessagingMetricNames.ProcessDuration).Tag(MessagingAttributes.ErrorType));
        Assert.Equal("FAIL", metrics.Single(MessagingMetricNames.ClientConsumedMessages).Tag(MessagingAttributes.ErrorType));
    }

    [Fact]
    public async Task An_exception_is_the_error_type_and_reaches_the_caller_unchanged()
    {
        using var metrics = new MetricRecorder();
        var thrown = new FormatException();

        var task = TracedHandler.InvokeAsync(s_site, default(TestIncoming), new TestMessage("orders"), thrown, static (m, a) => FailLater(a));

        Assert.Same(thrown, await Assert.ThrowsAsync<FormatException>(() => task));
        Assert.Equal(typeof(FormatException).FullName, metrics.Single(MessagingMetricNames.ProcessDuration).Tag(MessagingAttributes.ErrorType));
    }

    [Fact]
    public void A_synchronous_handler_exception_is_the_error_type()
    {
        using var metrics = new MetricRecorder();

        Assert.Throws<ArgumentException>(() =>
            TracedHandler.InvokeVoid(s_site, default(TestIncoming), new TestMessage("orders"), 0, static (m, a) => throw new ArgumentException()));

        Assert.Equal(typeof(ArgumentException).FullName, metrics.Single(MessagingMetricNames.ProcessDuration).Tag(MessagingAttributes.ErrorType));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_batch_records_one_process_duration_and_counts_its_messages(bool traced)
    {
        using var tracer = traced ? new MessageTraceListener() : null;
        using var metrics = new MetricRecorder();
        var batch = new List<TestMessage?> { new("orders"), null, new("orders"), new("orders") };

        TracedHandler.InvokeBatchVoid(s_site, default(TestIncoming), batch, 0, static (m, a) => { });

        Assert.Single(metrics.Of(MessagingMetricNames.ProcessDuration));
        Assert.Equal(3, metrics.Single(MessagingMetricNames.ClientConsumedMessages).Value);
        Assert.Equal("orders", metrics.Single(MessagingMetricNames.ClientConsumedMessages).Tag(MessagingAttributes.DestinationName));
    }

    [Fact]
    public void A_single_pass_batch_is_read_once_for_the_count_and_the_handler_sees_every_message()
    {
        using var metrics = new MetricRecorder();
        int seen = 0;

        TracedHandler.InvokeBatchVoid(s_site, default(TestIncoming), OnePass(), 0, (m, a) => seen = m!.Count(), readOnce: true);

        Assert.Equal(2, seen);
        Assert.Equal(2, metrics.Single(MessagingMetricNames.ClientConsumedMessages).Value);
    }

    [Fact]
    public void An_empty_batch_is_timed_and_counts_nothing()
    {
        using var metrics = new MetricRecorder();

        TracedHandler.InvokeBatchVoid(s_site, default(TestIncoming), new List<TestMessage?>(), 0, static (m, a) => { });

        Assert.Single(metrics.Of(MessagingMetricNames.ProcessDuration));
        Assert.Empty(metrics.Of(MessagingMetricNames.ClientConsumedMessages));
    }

    [Fact]
    public void A_site_fed_by_a_traced_receive_does_not_count_the_delivery_again()
    {
        using var metrics = new MetricRecorder();

        TracedHandler.Invoke(new MessagingSite("test", countsConsumedMessages: false), default(TestIncoming), new TestMessage("orders"), 0, static (m, a) => "ok");

        Assert.Single(metrics.Of(MessagingMetricNames.ProcessDuration));
        Assert.Empty(metrics.Of(MessagingMetricNames.ClientConsumedMessages));
    }

    [Theory]
    [InlineData(ActivitySamplingResult.None)]
    [InlineData(ActivitySamplingResult.PropagationData)]
    public void An_unsampled_process_is_still_counted_and_timed(ActivitySamplingResult sampling)
    {
        using var tracer = new MessageTraceListener(sampling, recordSamples: false);
        using var metrics = new MetricRecorder();

        TracedHandler.Invoke(s_site, default(TestIncoming), new TestMessage("orders"), 0, static (m, a) => "ok");

        Assert.Single(metrics.Of(MessagingMetricNames.ProcessDuration));
        Assert.Equal(1, metrics.Single(MessagingMetricNames.ClientConsumedMessages).Value);
    }

    [Fact]
    public void A_struct_handler_is_measured_like_any_other()
    {
        using var metrics = new MetricRecorder();
        int calls = 0;

        TracedStructHandler.InvokeVoid(s_site, default(TestIncoming), ref calls, new TestMessage("orders"), 0, static (ref int r, TestMessage? m, int a) => r++);

        Assert.Equal(1, calls);
        Assert.Equal(1, metrics.Single(MessagingMetricNames.ClientConsumedMessages).Value);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task A_receive_records_its_duration_and_counts_the_messages_it_returned(int count)
    {
        using var metrics = new MetricRecorder();
        var received = Enumerable.Range(0, count).Select(_ => (TestMessage?)new TestMessage("orders")).ToList();

        var messages = await TracedConsume.ReceiveAsync(s_site, default(TestIncoming), received, static a => Task.FromResult(a));

        Assert.Same(received, messages);
        var duration = metrics.Single(MessagingMetricNames.ClientOperationDuration);
        Assert.Equal("receive", duration.Tag(MessagingAttributes.OperationType));
        Assert.Equal("orders", duration.Tag(MessagingAttributes.DestinationName));
        Assert.Equal("billing", duration.Tag(MessagingAttributes.ConsumerGroupName));
        Assert.Equal(count, metrics.Single(MessagingMetricNames.ClientConsumedMessages).Value);
        Assert.Empty(metrics.Of(MessagingMetricNames.ProcessDuration));
    }

    [Fact]
    public async Task An_empty_receive_has_no_span_but_is_timed_and_counts_nothing()
    {
        using var tracer = new MessageTraceListener();
        using var metrics = new MetricRecorder();

        await TracedConsume.ReceiveAsync(s_site, default(TestIncoming), 0, static a => Task.FromResult(new List<TestMessage?>()));

        Assert.Empty(tracer.Stopped);
        Assert.Equal("receive", metrics.Single(MessagingMetricNames.ClientOperationDuration).Tag(MessagingAttributes.OperationType));
        Assert.Empty(metrics.Of(MessagingMetricNames.ClientConsumedMessages));
    }

    [Fact]
    public async Task A_failed_receive_records_the_error_type()
    {
        using var metrics = new MetricRecorder();

        await Assert.ThrowsAsync<TimeoutException>(() =>
            TracedConsume.ReceiveAsync<TestMessage?, TestIncoming, int>(s_site, default, 0, static a => Task.FromException<List<TestMessage?>>(new TimeoutException())));

        Assert.Equal(typeof(TimeoutException).FullName, metrics.Single(MessagingMetricNames.ClientOperationDuration).Tag(MessagingAttributes.ErrorType));
    }

    [Fact]
    public async Task A_settlement_records_its_operation_name_and_no_message_count()
    {
        using var metrics = new MetricRecorder();

        await TracedConsume.SettleAsync(s_site, "ack", default(TestIncoming), new TestMessage("orders"), 0, static (m, a) => Task.CompletedTask);

        var duration = metrics.Single(MessagingMetricNames.ClientOperationDuration);
        Assert.Equal("ack", duration.Tag(MessagingAttributes.OperationName));
        Assert.Equal("settle", duration.Tag(MessagingAttributes.OperationType));
        Assert.Empty(metrics.Of(MessagingMetricNames.ClientConsumedMessages));
    }

    private static async Task FailLater(Exception exception)
    {
        await Task.Yield();
        throw exception;
    }

    private static IEnumerable<TestMessage?> OnePass()
    {
        yield return new TestMessage("orders");
        yield return new TestMessage("orders");
    }
}
