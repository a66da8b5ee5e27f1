using System.Diagnostics;

namespace MessageTrace;

/// <summary>
/// What a broker adapter says about received messages of type <typeparamref name="TMessage"/>: where they
/// came from, their headers, their attributes, and which handler results mean failure. Implemented by
/// small stateless structs the generator emits per broker; <see cref="TracedHandler"/> and
/// <see cref="TracedConsume"/> own the spans, parents, links, baggage, errors and completion.
/// </summary>
/// <typeparam name="TMessage">The received message type (may be a reference type that is null).</typeparam>
public interface IIncomingMessages<in TMessage> : IHeaderReader<TMessage>
{
    /// <summary>The destination the message came from; never called for a null message.</summary>
    string? Destination(TMessage message);

    /// <summary>The message id, or null; never called for a null message.</summary>
    string? MessageId(TMessage message);

    /// <summary>Records the attributes one message carries (tag, keys, id, body size) on a span that records data; never called for a null message.</summary>
    void RecordAttributes(Activity activity, TMessage message, MessagingSite site);

    /// <summary>Records the broker attributes that come from the options, not a message (RocketMQ's namespace), on every span.</summary>
    void RecordSiteAttributes(Activity activity, MessagingSite site);

    /// <summary>
    /// The <c>error.type</c> of a handler result that reports failure (RocketMQ <c>ConsumeResult.FAILURE</c>),
    /// else null.
    /// </summary>
    string? FailureOf<TResult>(TResult result);
}
