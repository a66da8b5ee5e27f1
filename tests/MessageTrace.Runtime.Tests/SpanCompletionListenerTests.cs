using System;
using System.Diagnostics;
using System.Threading.Tasks;
using Xunit;

namespace MessageTrace.Runtime.Tests;

/// <summary>
/// With a real listener, every outcome reports the span stopped exactly once: a second stop notification
/// would export the span twice.
/// </summary>
[Collection(GlobalStateCollection.Name)]
public sealed class SpanCompletionListenerTests
{
    [Theory]
    [InlineData("result")]
    [InlineData("fault")]
    [InlineData("cancel")]
    public async Task Span_is_reported_stopped_exactly_once(string outcome)
    {
        using var listener = new MessageTraceListener();
        var activity = MessagingSpans.StartSend(MessagingSystems.RocketMq, "orders", null, default)!;
        Activity.Current = null;
        var source = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);

        var returned = SpanCompletion.StopWhenDone(source.Task, activity, static (a, r) => a.SetTag("result", r));
        switch (outcome)
        {
            case "result":
                source.SetResult(1);
                break;
            case "fault":
                source.SetException(new InvalidOperationException());
                break;
            default:
                source.SetCanceled();
                break;
        }

        try
        {
            await returned;
        }
        catch (Exception) when (outcome != "result")
        {
        }

        Assert.Same(activity, Assert.Single(listener.Stopped));
    }
}
