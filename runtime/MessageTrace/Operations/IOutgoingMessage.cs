using System.Diagnostics;

namespace MessageTrace;

/// <summary>
/// What a broker adapter says about a message being sent: where it goes, where its headers are and how
/// they are read and written, and which broker attributes it carries. Implemented by small mutable
/// structs the generator emits per broker; <see cref="TracedSend"/> owns everything else (the span, the
/// creation context, shared header collections, errors and completion).
/// </summary>
/// <remarks>
/// Members are called only on the traced path, after <see cref="HasMessage"/> returned true, and never
/// concurrently on one instance. <see cref="PrefersUtf8"/> must not depend on the message.
/// </remarks>
public interface IOutgoingMessage
{
    /// <summary>Whether there is a message to trace (false for a null message: the call goes to the client untouched).</summary>
    bool HasMessage { get; }

    /// <summary>The actual destination (topic, exchange, subject).</summary>
    string? Destination { get; }

    /// <summary>The header collection itself, for recognising one shared between messages; null when the message has none.</summary>
    object? Headers { get; }

    /// <summary>
    /// Whether the client may hand one header collection to several messages (RocketMQ's
    /// <c>Message.Builder</c>): a collection holding an earlier send's context is then never written
    /// again; the message is copied through <see cref="TryCopy"/> instead.
    /// </summary>
    bool SharesHeaders { get; }

    /// <summary>Whether header values travel as UTF-8 bytes (the <c>traceparent</c> is then formatted straight to bytes).</summary>
    bool PrefersUtf8 { get; }

    /// <summary>Whether the headers can take a header now.</summary>
    bool CanWrite { get; }

    /// <summary>Makes the message able to carry headers, creating them when absent. Called once, on the traced path only.</summary>
    void PrepareHeaders();

    /// <summary>Reads one header.</summary>
    bool TryRead(string name, out HeaderValue value);

    /// <summary>Sets a text header, replacing any value of the same name.</summary>
    void Write(string name, string value);

    /// <summary>Sets a UTF-8 header, replacing any value of the same name.</summary>
    void WriteUtf8(string name, byte[] value);

    /// <summary>Whether the headers' entry for a trace header was inserted by MessageTrace (see <see cref="IHeaderWriter{TCarrier}.IsWrittenByMessageTrace"/>).</summary>
    bool IsWrittenByMessageTrace(string ourKey);

    /// <summary>Removes a header.</summary>
    void Remove(string name);

    /// <summary>
    /// Replaces the message with a copy that has a header collection of its own, without the context
    /// written for an earlier send. False (and the message unchanged) when the client allows no copy.
    /// </summary>
    bool TryCopy();

    /// <summary>Records the broker's attributes on a span that records data.</summary>
    void RecordAttributes(Activity activity, MessagingSite site);

    /// <summary>Records attributes of the call's result (a message id from a send receipt); never throws.</summary>
    void RecordResult<TResult>(Activity activity, TResult result);
}
