using System.Threading.Tasks;
using Org.Apache.Rocketmq;

namespace MessageTrace.RocketMq.Tests.Handlers;

/// <summary>A read-only struct handler: a copy of it is the same handler, so it is traced.</summary>
public readonly struct ReadOnlyAuditor(HandlerProbe probe, string name)
{
    public string Name { get; } = name;

    [TracedHandler(Destination = "orders")]
    public ConsumeResult Audit(MessageView message)
    {
        probe.Record(message);
        return Name.Length > 0 ? ConsumeResult.SUCCESS : ConsumeResult.FAILURE;
    }
}

/// <summary>
/// A mutable struct whose handler is async: C# runs an async struct method on a copy of the struct, so the
/// traced call changes the caller's struct exactly as little as the untraced one.
/// </summary>
public struct AsyncTally(HandlerProbe probe)
{
    public int Count { get; private set; }

    [TracedHandler(Destination = "orders")]
    public async Task<ConsumeResult> TallyAsync(MessageView message)
    {
        Count++;
        await Task.Yield();
        probe.Record(Count);
        return ConsumeResult.SUCCESS;
    }
}

/// <summary>A mutable struct with a synchronous handler: what it changes must land in the caller's variable.</summary>
public struct Counter(HandlerProbe probe)
{
    public int Handled { get; private set; }

    [TracedHandler(Destination = "orders")]
    public ConsumeResult Count(MessageView message)
    {
        Handled++;
        probe.Record(Handled);
        return message.Topic == "fail" ? ConsumeResult.FAILURE : ConsumeResult.SUCCESS;
    }

    [TracedHandler(Destination = "orders")]
    public Task<ConsumeResult> CountLater(MessageView message)
    {
        Handled += 10;
        return Task.FromResult(ConsumeResult.SUCCESS);
    }
}

/// <summary>Calls the struct handlers as user code would.</summary>
public static class StructHandlerCalls
{
    public static ConsumeResult Audit(in ReadOnlyAuditor auditor, MessageView message) => auditor.Audit(message);

    public static ConsumeResult CountTwice(ref Counter counter, MessageView message)
    {
        counter.Count(message);
        return counter.Count(message);
    }

    public static Task<ConsumeResult> CountLater(ref Counter counter, MessageView message) => counter.CountLater(message);

    public static async Task<(ConsumeResult Result, int CountAfter)> Tally(AsyncTally tally, MessageView message)
    {
        var result = await tally.TallyAsync(message);
        return (result, tally.Count);
    }
}
