using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Org.Apache.Rocketmq;

namespace MessageTrace.RocketMq.Tests.Handlers;

/// <summary>A static handler in a static class.</summary>
public static class Notifications
{
    public static HandlerProbe Probe { get; } = new();

    [TracedHandler(ConsumerGroup = "notifications")]
    public static ConsumeResult Notify(MessageView message)
    {
        Probe.Record(message);
        return ConsumeResult.SUCCESS;
    }
}

/// <summary>
/// A private handler in a partial class: the generated interceptor reaches it through a bridge the
/// generator adds to this partial class.
/// </summary>
public partial class AuditTrail
{
    public HandlerProbe Probe { get; } = new();

    /// <summary>The public entry point; the private handler call inside is the one intercepted.</summary>
    public ConsumeResult Accept(MessageView message) => Audit(message);

    [TracedHandler(ConsumerGroup = "audit")]
    private ConsumeResult Audit(MessageView message)
    {
        Probe.Record(message);
        return ConsumeResult.SUCCESS;
    }
}

/// <summary>A generic handler (its own type parameter) in a generic type.</summary>
public sealed class Router<TState>
{
    public Router(TState state) => State = state;

    public TState State { get; }

    public HandlerProbe Probe { get; } = new();

    [TracedHandler(ConsumerGroup = "router")]
    public TResult Route<TResult>(MessageView message, Func<MessageView, TState, TResult> route)
    {
        Probe.Record(message);
        return route(message, State);
    }
}

/// <summary>An event-driven dispatcher: the handler is called inside a lambda subscribed to an event.</summary>
public sealed class MessagePump
{
    public event EventHandler<MessageView>? MessageArrived;

    public void Publish(MessageView message) => MessageArrived?.Invoke(this, message);

    /// <summary>Wires the handler with a lambda, as users do with event-based consumers.</summary>
    public static MessagePump WiredTo(BillingHandler handler)
    {
        var pump = new MessagePump();
        pump.MessageArrived += (_, message) => handler.Handle(message);
        return pump;
    }
}

/// <summary>A hand-written loop that dispatches each message of a batch through a lambda.</summary>
public static class LambdaDispatch
{
    public static void Each(IEnumerable<MessageView> messages, BillingHandler handler)
    {
        var list = new List<MessageView>(messages);
        list.ForEach(message => handler.Handle(message));
    }

    public static Task EachOnThreadPool(MessageView message, BillingHandler handler) =>
        Task.Run(() => handler.Handle(message));
}

/// <summary>A handler written as an extension method on the message.</summary>
public static class MessageViewExtensions
{
    public static HandlerProbe Probe { get; } = new();

    [TracedHandler(ConsumerGroup = "extensions")]
    public static ConsumeResult Archive(this MessageView message)
    {
        Probe.Record(message);
        return ConsumeResult.SUCCESS;
    }

    [TracedHandler(ConsumerGroup = "extensions")]
    public static ConsumeResult ArchiveWith(this MessageView message, string reason)
    {
        Probe.Record(message);
        return reason.Length > 0 ? ConsumeResult.SUCCESS : ConsumeResult.FAILURE;
    }
}
