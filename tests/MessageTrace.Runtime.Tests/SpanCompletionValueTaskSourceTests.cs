using System;
using System.Threading.Tasks;
using System.Threading.Tasks.Sources;
using Xunit;

namespace MessageTrace.Runtime.Tests;

/// <summary>
/// A ValueTask may be backed by a pooled <see cref="IValueTaskSource{TResult}"/> and must be consumed
/// exactly once. The wrapper hands a ValueTask back to the caller, who awaits it: the wrapper must not
/// have consumed the same one already.
/// </summary>
public sealed class SpanCompletionValueTaskSourceTests
{
    [Fact]
    public async Task Completed_pooled_value_task_of_T_is_consumed_exactly_once()
    {
        var activity = StandaloneActivity.Start();
        var source = new CompletedOnceSource(42);
        int seen = 0;

        var returned = SpanCompletion.StopWhenDone(new ValueTask<int>(source, source.Token), activity, (_, r) => seen = r);
        int result = await returned;

        Assert.Equal(42, result);
        Assert.Equal(42, seen);
        Assert.Equal(1, source.GetResultCalls);
        Assert.True(activity.IsStopped);
    }

    [Fact]
    public async Task Completed_pooled_value_task_is_consumed_exactly_once()
    {
        var activity = StandaloneActivity.Start();
        var source = new CompletedOnceSource(0);

        await SpanCompletion.StopWhenDone(new ValueTask(source, source.Token), activity);

        Assert.Equal(1, source.GetResultCalls);
        Assert.True(activity.IsStopped);
    }

    /// <summary>A source that has already succeeded and, like a pooled one, refuses a second GetResult.</summary>
    private sealed class CompletedOnceSource : IValueTaskSource<int>, IValueTaskSource
    {
        private readonly int _result;

        public CompletedOnceSource(int result) => _result = result;

        public short Token => 7;

        public int GetResultCalls { get; private set; }

        public ValueTaskSourceStatus GetStatus(short token)
        {
            Check(token);
            return ValueTaskSourceStatus.Succeeded;
        }

        public int GetResult(short token)
        {
            Check(token);
            GetResultCalls++;
            return _result;
        }

        void IValueTaskSource.GetResult(short token) => GetResult(token);

        public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
        {
            Check(token);
            continuation(state);
        }

        private void Check(short token)
        {
            // Once consumed, a pooled source is reset for its next user: the old token is stale.
            if (token != Token || GetResultCalls > 0)
            {
                throw new InvalidOperationException("The ValueTask was used after it was consumed.");
            }
        }
    }
}
