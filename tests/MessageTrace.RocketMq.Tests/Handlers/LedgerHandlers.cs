using System;
using Org.Apache.Rocketmq;

namespace MessageTrace.RocketMq.Tests.Handlers;

/// <summary>A handler meant to be specialised: its [TracedHandler] method is virtual.</summary>
public class LedgerHandler
{
    public HandlerProbe Probe { get; } = new();

    [TracedHandler(ConsumerGroup = "ledger")]
    public virtual ConsumeResult Handle(MessageView message)
    {
        Probe.Record(message);
        return ConsumeResult.SUCCESS;
    }
}

/// <summary>
/// Adds auditing around the base handler and then calls it with <c>base.Handle</c>, as overrides do.
/// The re-entrancy guard only exists so that a regression fails the test instead of overflowing the stack.
/// </summary>
public sealed class AuditedLedgerHandler : LedgerHandler
{
    private int _depth;

    public int OverrideEntries { get; private set; }

    public override ConsumeResult Handle(MessageView message)
    {
        OverrideEntries++;
        if (++_depth > 1)
        {
            _depth--;
            throw new InvalidOperationException("AuditedLedgerHandler.Handle was re-entered: base.Handle dispatched back to the override");
        }

        try
        {
            return base.Handle(message);
        }
        finally
        {
            _depth--;
        }
    }
}
