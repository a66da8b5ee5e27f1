using System;
using System.Threading.Tasks;
using Org.Apache.Rocketmq;

namespace MessageTrace.RocketMq.Tests.Handlers;

/// <summary>
/// Asynchronous handlers. Each one really goes asynchronous (it awaits a gate the test controls, or
/// yields) before it records and decides, so the span has to survive the caller returning.
/// </summary>
public sealed class AsyncBillingHandler
{
    public HandlerProbe Probe { get; } = new();

    /// <summary>Awaited before the body runs; completed by default.</summary>
    public Task Gate { get; set; } = Task.CompletedTask;

    public Func<MessageView?, ConsumeResult> Outcome { get; set; } = static _ => ConsumeResult.SUCCESS;

    [TracedHandler(ConsumerGroup = "billing-async")]
    public async Task<ConsumeResult> HandleAsync(MessageView message)
    {
        await Task.Yield();
        await Gate;
        Probe.Record(message);
        return Outcome(message);
    }

    [TracedHandler(ConsumerGroup = "billing-async")]
    public async Task HandleWithoutResultAsync(MessageView message)
    {
        await Task.Yield();
        await Gate;
        Probe.Record(message);
        _ = Outcome(message);
    }

    [TracedHandler(ConsumerGroup = "billing-async")]
    public async ValueTask<ConsumeResult> HandleValueTaskAsync(MessageView message)
    {
        await Task.Yield();
        await Gate;
        Probe.Record(message);
        return Outcome(message);
    }

    /// <summary>Not an async method: it throws before it ever returns a task.</summary>
    [TracedHandler(ConsumerGroup = "billing-async")]
    public Task<ConsumeResult> HandleThrowingSynchronously(MessageView message)
    {
        Probe.Record(message);
        return Task.FromResult(Outcome(message));
    }

    /// <summary>Hands back whatever task <see cref="Pending"/> holds, without awaiting it (null included).</summary>
    public Task<ConsumeResult>? Pending { get; set; }

    [TracedHandler(ConsumerGroup = "billing-async")]
    public Task<ConsumeResult> HandleDeferred(MessageView message)
    {
        Probe.Record(message);
        return Pending!;
    }

    /// <summary>Same as <see cref="HandleAsync"/> under the creation-context-always policy.</summary>
    [TracedHandler(ConsumerGroup = "billing-async", ParentPolicy = HandlerParentPolicy.CreationContextAlways)]
    public async Task<ConsumeResult> HandleUnderCreationParentAsync(MessageView message)
    {
        await Task.Yield();
        await Gate;
        Probe.Record(message);
        return Outcome(message);
    }
}
