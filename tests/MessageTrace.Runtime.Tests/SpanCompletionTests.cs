using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace MessageTrace.Runtime.Tests;

/// <summary>
/// <see cref="SpanCompletion.StopWhenDone{TResult}(Task{TResult}, Activity, Action{Activity, TResult}?)"/> and
/// its three siblings, through one adapter per shape so every case runs against Task{T}, Task,
/// ValueTask{T} and ValueTask.
/// </summary>
public sealed class SpanCompletionTests
{
    public enum Shape
    {
        TaskOfT,
        Task,
        ValueTaskOfT,
        ValueTask,
    }

    public static IEnumerable<object[]> Shapes => new[]
    {
        new object[] { Shape.TaskOfT },
        new object[] { Shape.Task },
        new object[] { Shape.ValueTaskOfT },
        new object[] { Shape.ValueTask },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Already_completed_stops_the_span_before_returning(Shape shape)
    {
        var activity = StandaloneActivity.Start();
        var results = new List<int>();

        var returned = Wrap(shape, Task.FromResult(42), activity, results, completedValueTask: true);

        Assert.True(activity.IsStopped);
        Assert.True(returned.IsCompletedSuccessfully);
        Assert.Equal(42, await returned);
        AssertResultCallback(shape, results);
        Assert.Equal(ActivityStatusCode.Unset, activity.Status);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Completing_later_stops_the_span_when_the_task_completes(Shape shape)
    {
        var activity = StandaloneActivity.Start();
        var results = new List<int>();
        var source = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);

        var returned = Wrap(shape, source.Task, activity, results);

        Assert.False(activity.IsStopped);
        Assert.False(returned.IsCompleted);
        Assert.Empty(results);
        source.SetResult(42);

        Assert.Equal(42, await returned);
        Assert.True(activity.IsStopped);
        AssertResultCallback(shape, results);
        Assert.Equal(ActivityStatusCode.Unset, activity.Status);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Faulting_later_rethrows_the_same_exception_and_records_the_error(Shape shape)
    {
        var activity = StandaloneActivity.Start();
        var results = new List<int>();
        var source = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var failure = new TimeoutException("broker did not answer");

        var returned = Wrap(shape, source.Task, activity, results);
        source.SetException(failure);

        var thrown = await Assert.ThrowsAsync<TimeoutException>(() => returned);
        Assert.Same(failure, thrown);
        Assert.True(activity.IsStopped);
        Assert.Empty(results);
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal(typeof(TimeoutException).FullName, activity.GetTagItem(MessagingAttributes.ErrorType));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Already_faulted_rethrows_the_same_exception_and_records_the_error(Shape shape)
    {
        var activity = StandaloneActivity.Start();
        var failure = new InvalidOperationException("rejected");

        var returned = Wrap(shape, Task.FromException<int>(failure), activity, new List<int>());

        Assert.Same(failure, await Assert.ThrowsAsync<InvalidOperationException>(() => returned));
        Assert.True(activity.IsStopped);
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Cancelled_later_stops_the_span_and_surfaces_cancellation(Shape shape)
    {
        var activity = StandaloneActivity.Start();
        var results = new List<int>();
        var source = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);

        var returned = Wrap(shape, source.Task, activity, results);
        source.SetCanceled();

        await Assert.ThrowsAsync<TaskCanceledException>(() => returned);
        Assert.True(returned.IsCanceled);
        Assert.True(activity.IsStopped);
        Assert.Empty(results);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Already_cancelled_stops_the_span_and_surfaces_cancellation(Shape shape)
    {
        var activity = StandaloneActivity.Start();

        var returned = Wrap(shape, Task.FromCanceled<int>(new CancellationToken(canceled: true)), activity, new List<int>());

        await Assert.ThrowsAsync<TaskCanceledException>(() => returned);
        Assert.True(activity.IsStopped);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Result_callback_that_throws_does_not_fail_the_operation(bool completedFirst)
    {
        var activity = StandaloneActivity.Start();
        var source = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completedFirst)
        {
            source.SetResult(7);
        }

        var returned = SpanCompletion.StopWhenDone(source.Task, activity, static (_, _) => throw new FormatException("bad result"));
        source.TrySetResult(7);

        Assert.Equal(7, await returned);
        Assert.True(activity.IsStopped);
        Assert.Equal(ActivityStatusCode.Unset, activity.Status);
    }

    [Fact]
    public async Task Result_callback_is_skipped_when_the_span_wants_no_data()
    {
        var activity = StandaloneActivity.Start();
        activity.IsAllDataRequested = false;
        var results = new List<int>();

        int value = await SpanCompletion.StopWhenDone(Task.FromResult(3), activity, (_, r) => results.Add(r));

        Assert.Equal(3, value);
        Assert.Empty(results);
        Assert.True(activity.IsStopped);
    }

    [Fact]
    public async Task Result_callback_receives_the_activity()
    {
        var activity = StandaloneActivity.Start();
        var source = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);

        var returned = SpanCompletion.StopWhenDone(source.Task, activity, static (a, id) => a.SetTag(MessagingAttributes.MessageId, id));
        source.SetResult("msg-1");
        await returned;

        Assert.Equal("msg-1", activity.GetTagItem(MessagingAttributes.MessageId));
    }

    /// <summary>Runs <paramref name="source"/> through the overload for <paramref name="shape"/> and returns the outcome as a Task{int}.</summary>
    private static Task<int> Wrap(Shape shape, Task<int> source, Activity activity, List<int> results, bool completedValueTask = false)
    {
        Action<Activity, int> record = (a, r) =>
        {
            Assert.Same(activity, a);
            results.Add(r);
        };

        switch (shape)
        {
            case Shape.TaskOfT:
                return SpanCompletion.StopWhenDone(source, activity, record);
            case Shape.Task:
                return ThenResult(SpanCompletion.StopWhenDone((Task)source, activity), source);
            case Shape.ValueTaskOfT:
                var valueTask = completedValueTask ? new ValueTask<int>(source.Result) : new ValueTask<int>(source);
                return SpanCompletion.StopWhenDone(valueTask, activity, record).AsTask();
            default:
                var plain = completedValueTask ? default : new ValueTask(source);
                return ThenResult(SpanCompletion.StopWhenDone(plain, activity).AsTask(), source);
        }
    }

    private static async Task<int> ThenResult(Task returned, Task<int> source)
    {
        await returned;
        return source.Result;
    }

    private static void AssertResultCallback(Shape shape, List<int> results)
    {
        if (shape is Shape.TaskOfT or Shape.ValueTaskOfT)
        {
            Assert.Equal(new[] { 42 }, results);
        }
        else
        {
            Assert.Empty(results);
        }
    }
}
