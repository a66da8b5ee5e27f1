using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using MessageTrace.RocketMq.Tests.Handlers;
using MessageTrace.RocketMq.Tests.Infrastructure;
using Org.Apache.Rocketmq;
using Xunit;

namespace MessageTrace.RocketMq.Tests.HandlerTests;

/// <summary>How the handler's outcome is recorded: FAILURE results and exceptions become errors, nothing else does.</summary>
[Collection(TracingCollection.Name)]
public sealed class ResultTests
{
    [Fact]
    public void SUCCESS_leaves_the_span_unset_without_error_type()
    {
        using var capture = new TraceCapture();

        var result = new BillingHandler().Handle(TestMessages.WithContext(TestMessages.RandomContext()));

        Assert.Equal(ConsumeResult.SUCCESS, result);
        var span = capture.SingleProcess();
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.False(Spans.HasTag(span, "error.type"));
        Assert.Empty(span.Events);
    }

    [Fact]
    public void FAILURE_from_a_sync_handler_is_an_error_with_error_type_FAILURE_and_is_returned()
    {
        using var capture = new TraceCapture();
        var handler = new BillingHandler { Outcome = static _ => ConsumeResult.FAILURE };

        var result = handler.Handle(TestMessages.WithContext(TestMessages.RandomContext()));

        Assert.Equal(ConsumeResult.FAILURE, result);
        var span = capture.SingleProcess();
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("FAILURE", Spans.Tag(span, "error.type"));
        Assert.Empty(span.Events);
    }

    [Fact]
    public async Task FAILURE_from_a_Task_of_ConsumeResult_handler_is_an_error()
    {
        using var capture = new TraceCapture();
        var handler = new AsyncBillingHandler { Outcome = static _ => ConsumeResult.FAILURE };

        var result = await handler.HandleAsync(TestMessages.WithContext(TestMessages.RandomContext()));

        Assert.Equal(ConsumeResult.FAILURE, result);
        var span = capture.SingleProcess();
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("FAILURE", Spans.Tag(span, "error.type"));
    }

    [Fact]
    public async Task SUCCESS_from_a_Task_of_ConsumeResult_handler_is_not_an_error()
    {
        using var capture = new TraceCapture();
        var handler = new AsyncBillingHandler();

        Assert.Equal(ConsumeResult.SUCCESS, await handler.HandleAsync(TestMessages.WithContext(TestMessages.RandomContext())));

        var span = capture.SingleProcess();
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.False(Spans.HasTag(span, "error.type"));
    }

    [Fact]
    public async Task FAILURE_from_a_ValueTask_of_ConsumeResult_handler_is_an_error()
    {
        using var capture = new TraceCapture();
        var handler = new AsyncBillingHandler { Outcome = static _ => ConsumeResult.FAILURE };

        var result = await handler.HandleValueTaskAsync(TestMessages.WithContext(TestMessages.RandomContext()));

        Assert.Equal(ConsumeResult.FAILURE, result);
        var span = capture.SingleProcess();
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("FAILURE", Spans.Tag(span, "error.type"));
    }

    [Fact]
    public void An_exception_is_recorded_and_rethrown_as_the_same_object()
    {
        using var capture = new TraceCapture();
        var thrown = new InsufficientFundsException("card declined");
        var handler = new BillingHandler { Outcome = _ => throw thrown };

        var caught = Assert.Throws<InsufficientFundsException>(() => handler.Handle(TestMessages.WithContext(TestMessages.RandomContext())));

        Assert.Same(thrown, caught);
        Assert.Contains(nameof(BillingHandler), caught.StackTrace);
        AssertRecordedException(capture.SingleProcess(), thrown);
    }

    [Fact]
    public async Task An_exception_from_an_async_handler_is_recorded_and_rethrown_as_the_same_object()
    {
        using var capture = new TraceCapture();
        var thrown = new InsufficientFundsException("card declined");
        var handler = new AsyncBillingHandler { Outcome = _ => throw thrown };

        var caught = await Assert.ThrowsAsync<InsufficientFundsException>(() => handler.HandleAsync(TestMessages.WithContext(TestMessages.RandomContext())));

        Assert.Same(thrown, caught);
        AssertRecordedException(capture.SingleProcess(), thrown);
    }

    [Fact]
    public async Task An_exception_from_an_async_handler_without_result_is_recorded_and_rethrown()
    {
        using var capture = new TraceCapture();
        var thrown = new InsufficientFundsException("card declined");
        var handler = new AsyncBillingHandler { Outcome = _ => throw thrown };

        var caught = await Assert.ThrowsAsync<InsufficientFundsException>(() => handler.HandleWithoutResultAsync(TestMessages.WithContext(TestMessages.RandomContext())));

        Assert.Same(thrown, caught);
        AssertRecordedException(capture.SingleProcess(), thrown);
    }

    [Fact]
    public async Task An_exception_from_a_ValueTask_handler_is_recorded_and_rethrown()
    {
        using var capture = new TraceCapture();
        var thrown = new InsufficientFundsException("card declined");
        var handler = new AsyncBillingHandler { Outcome = _ => throw thrown };

        var caught = await Assert.ThrowsAsync<InsufficientFundsException>(async () => await handler.HandleValueTaskAsync(TestMessages.WithContext(TestMessages.RandomContext())));

        Assert.Same(thrown, caught);
        AssertRecordedException(capture.SingleProcess(), thrown);
    }

    [Fact]
    public void An_exception_thrown_before_a_task_is_returned_is_recorded_and_rethrown()
    {
        using var capture = new TraceCapture();
        var thrown = new InsufficientFundsException("card declined");
        var handler = new AsyncBillingHandler { Outcome = _ => throw thrown };

        var caught = Assert.Throws<InsufficientFundsException>(() => { _ = handler.HandleThrowingSynchronously(TestMessages.WithContext(TestMessages.RandomContext())); });

        Assert.Same(thrown, caught);
        AssertRecordedException(capture.SingleProcess(), thrown);
    }

    [Fact]
    public async Task A_completed_async_handler_without_result_ends_its_span_without_error()
    {
        using var capture = new TraceCapture();
        var handler = new AsyncBillingHandler();

        await handler.HandleWithoutResultAsync(TestMessages.WithContext(TestMessages.RandomContext()));

        var span = capture.SingleProcess();
        Assert.True(span.IsStopped);
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
    }

    [Fact]
    public async Task A_task_returned_without_awaiting_keeps_the_span_open_until_it_completes()
    {
        using var capture = new TraceCapture();
        var pending = new TaskCompletionSource<ConsumeResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new AsyncBillingHandler { Pending = pending.Task };

        var task = handler.HandleDeferred(TestMessages.WithContext(TestMessages.RandomContext()));
        Assert.Empty(capture.Process());
        pending.SetResult(ConsumeResult.FAILURE);

        Assert.Equal(ConsumeResult.FAILURE, await task);
        Assert.Equal("FAILURE", Spans.Tag(capture.SingleProcess(), "error.type"));
    }

    [Fact]
    public async Task A_cancelled_handler_task_is_recorded_and_stays_cancelled()
    {
        using var capture = new TraceCapture();
        var pending = new TaskCompletionSource<ConsumeResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new AsyncBillingHandler { Pending = pending.Task };

        var task = handler.HandleDeferred(TestMessages.WithContext(TestMessages.RandomContext()));
        pending.SetCanceled();

        await Assert.ThrowsAsync<TaskCanceledException>(() => task);
        Assert.True(task.IsCanceled);
        var span = capture.SingleProcess();
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(typeof(TaskCanceledException).FullName, Spans.Tag(span, "error.type"));
    }

    private static void AssertRecordedException(Activity span, Exception thrown)
    {
        Assert.True(span.IsStopped);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(thrown.GetType().FullName, Spans.Tag(span, "error.type"));
        var exceptionEvent = Assert.Single(span.Events, e => e.Name == "exception");
        Assert.Equal(thrown.GetType().FullName, exceptionEvent.Tags.First(t => t.Key == "exception.type").Value);
        Assert.Equal(thrown.Message, exceptionEvent.Tags.First(t => t.Key == "exception.message").Value);
    }

    private sealed class InsufficientFundsException : Exception
    {
        public InsufficientFundsException(string message)
            : base(message)
        {
        }
    }
}
