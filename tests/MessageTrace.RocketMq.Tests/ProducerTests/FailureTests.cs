using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MessageTrace.RocketMq.Tests.Infrastructure;
using MessageTrace.RocketMq.Tests.Producers;
using Org.Apache.Rocketmq;
using Org.Apache.Rocketmq.Error;
using Org.Apache.Rocketmq.Testing;
using Xunit;
using static MessageTrace.RocketMq.Tests.ProducerTests.ProducerKit;

namespace MessageTrace.RocketMq.Tests.ProducerTests;

/// <summary>Failed, cancelled and misused sends: recorded on the span, passed on to the caller unchanged.</summary>
[Collection(TracingCollection.Name)]
public sealed class FailureTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Failed_send_marks_the_span_as_an_error_and_the_caller_gets_the_same_exception(bool asynchronously)
    {
        using var capture = new TraceCapture();
        using var probe = new SpanProbe();
        var producer = await NewProducerAsync();
        var failure = new TooManyRequestsException(42900, "request-1", "throttled by the broker");
        producer.EnqueueSendBehaviorForTest(OperationBehavior.Fail(failure, asynchronously));

        var thrown = await Assert.ThrowsAsync<TooManyRequestsException>(() => new OrderPublisher(producer).PublishAsync(NewMessage()));

        Assert.Same(failure, thrown);
        // The original throw site is still on the stack trace.
        Assert.Contains(nameof(OperationBehavior), thrown.StackTrace);
        Assert.Contains("SendCore", thrown.StackTrace);

        var span = SingleSend(capture);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(failure.Message, span.StatusDescription);
        Assert.Equal("Org.Apache.Rocketmq.Error.TooManyRequestsException", Tag(span, "error.type"));
        var exceptionEvent = Assert.Single(span.Events, e => e.Name == "exception");
        Assert.Contains(exceptionEvent.Tags, t => t.Key == "exception.type" && (string?)t.Value == "Org.Apache.Rocketmq.Error.TooManyRequestsException");
        Assert.False(HasTag(span, "messaging.message.id"));
        Assert.Empty(probe.Running);
    }

    [Fact]
    public async Task Failure_passes_unchanged_through_a_returned_task()
    {
        using var capture = new TraceCapture();
        var producer = await NewProducerAsync();
        var failure = new InvalidOperationException("broken pipe");
        producer.EnqueueSendBehaviorForTest(OperationBehavior.Fail(failure));

        var task = new OrderPublisher(producer).Forward(NewMessage());

        Assert.True(task.IsFaulted);
        Assert.Same(failure, Assert.Single(task.Exception!.InnerExceptions));
        Assert.Same(failure, await Assert.ThrowsAsync<InvalidOperationException>(() => task));
        Assert.Equal("System.InvalidOperationException", Tag(SingleSend(capture), "error.type"));
    }

    [Fact]
    public async Task Client_side_failure_is_recorded_like_a_broker_failure()
    {
        using var capture = new TraceCapture();
        var producer = await NewProducerAsync();
        var oversized = new Message.Builder().SetTopic(Topic).SetBody(new byte[4 * 1024 * 1024 + 1]).Build();

        await Assert.ThrowsAsync<IOException>(() => new OrderPublisher(producer).PublishAsync(oversized));

        var span = SingleSend(capture);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("System.IO.IOException", Tag(span, "error.type"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Cancelled_send_ends_its_span_and_the_caller_sees_the_cancellation(bool asynchronously)
    {
        using var capture = new TraceCapture();
        using var probe = new SpanProbe();
        var producer = await NewProducerAsync();
        producer.EnqueueSendBehaviorForTest(OperationBehavior.Cancel(asynchronously));

        var task = new OrderPublisher(producer).Forward(NewMessage());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);

        Assert.True(task.IsCanceled);
        var started = Assert.Single(probe.Started);
        Assert.Empty(probe.Running);
        Assert.Same(started, SingleSend(capture));
    }

    [Fact]
    public async Task Every_started_span_ends_whatever_the_outcome()
    {
        using var capture = new TraceCapture();
        using var probe = new SpanProbe();
        var producer = await NewProducerAsync();
        var publisher = new OrderPublisher(producer);
        producer.EnqueueSendBehaviorForTest(OperationBehavior.Succeed());
        producer.EnqueueSendBehaviorForTest(OperationBehavior.Yield());
        producer.EnqueueSendBehaviorForTest(OperationBehavior.Fail(new BadRequestException(40000, "bad")));
        producer.EnqueueSendBehaviorForTest(OperationBehavior.Fail(new BadRequestException(40000, "bad"), asynchronously: true));
        producer.EnqueueSendBehaviorForTest(OperationBehavior.Cancel());
        producer.EnqueueSendBehaviorForTest(OperationBehavior.Cancel(asynchronously: true));

        for (int i = 0; i < 6; i++)
        {
            try
            {
                await publisher.PublishAsync(NewMessage());
            }
            catch (Exception e) when (e is BadRequestException or OperationCanceledException)
            {
            }
        }

        Assert.Equal(6, probe.Started.Count);
        Assert.Empty(probe.Running);
        Assert.Equal(probe.Started.ToHashSet(), capture.Spans.Where(s => s.Source.Name == MessageTraceSource.Name).ToHashSet());
    }

    [Fact]
    public async Task Null_message_faults_the_task_as_the_client_does_and_nothing_throws_synchronously()
    {
        using var capture = new TraceCapture();
        using var probe = new SpanProbe();
        var producer = await NewProducerAsync();
        using var ambient = TraceCapture.TestSource.StartActivity("ambient")!;
        var publisher = new OrderPublisher(producer);

        var untraced = publisher.ForwardUntraced(null!);
        var traced = publisher.Forward(null!);

        Assert.True(untraced.IsFaulted);
        Assert.True(traced.IsFaulted);
        var expected = await Assert.ThrowsAsync<NullReferenceException>(() => untraced);
        var actual = await Assert.ThrowsAsync<NullReferenceException>(() => traced);
        Assert.Equal(expected.Message, actual.Message);
        Assert.Empty(producer.SentMessagesForTest);
        Assert.Empty(probe.Running);
        Assert.Same(ambient, Activity.Current);
    }

    [Fact]
    public async Task Null_message_is_passed_to_the_client_in_every_traced_shape()
    {
        using var capture = new TraceCapture();
        var producer = await NewProducerAsync();
        var publisher = new OrderPublisher(producer);

        await Assert.ThrowsAsync<NullReferenceException>(() => publisher.PublishAsync(null!));
        await Assert.ThrowsAsync<NullReferenceException>(() => publisher.PublishConfigureAwaitFalseAsync(null!));
        await Assert.ThrowsAsync<NullReferenceException>(() => new OptionPublishers(producer).SendInTransactionAsync(null!));
        publisher.FireAndForget(null!);
        Assert.Empty(producer.SentMessagesForTest);
    }

    [Fact]
    public void Null_producer_throws_synchronously_as_the_untraced_call_does_and_the_span_ends_as_an_error()
    {
        using var capture = new TraceCapture();
        using var probe = new SpanProbe();
        var before = Activity.Current;
        var publisher = new OrderPublisher(null!);

        // Synchronous throws: the call itself fails before any task exists.
        Assert.Throws<NullReferenceException>(() => { _ = publisher.ForwardUntraced(NewMessage()); });
        Assert.Throws<NullReferenceException>(() => { _ = publisher.Forward(NewMessage()); });

        var span = SingleSend(capture);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("System.NullReferenceException", Tag(span, "error.type"));
        Assert.Empty(probe.Running);
        Assert.Same(before, Activity.Current);
    }
}
